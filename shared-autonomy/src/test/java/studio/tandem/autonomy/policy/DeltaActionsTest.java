package studio.tandem.autonomy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeltaActionsTest {
    private static final PolicyManifest.ActionOutput ARM_HAND = new PolicyManifest.ActionOutput("action", "action",
            "arm+hand", 3, List.of("a0", "a1", "h0", "h1"), List.of(
                    new PolicyManifest.ActionBlock("arm", "action.arm.joint_pos", 2, PolicyManifest.Representation.DELTA),
                    new PolicyManifest.ActionBlock("hand", "action.hand.joint_pos", 2,
                            PolicyManifest.Representation.ABSOLUTE)));

    @Test
    void armDeltasBecomeTargetsOnThePreviousCommandAndHandTargetsStayAsTheyAre() throws Exception {
        ChunkPredictor inner = (obs, chunk) -> {
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = 0.1 * (i / 4 + 1);
            }
            return 0.5;
        };
        ChunkPredictor p = DeltaActions.wrap(inner, ARM_HAND, 0);
        ObservationSlot slot = new ObservationSlot(4, 0);
        slot.write(1, new double[] {9, 9, 9, 9}, new double[0], new double[] {1, 2, 3, 4}, "pinch");
        ObservationSlot.Snapshot s = slot.newSnapshot();
        slot.read(s);
        double[] chunk = new double[12];
        assertThat(p.predict(s, chunk)).isEqualTo(0.5);
        assertThat(chunk).containsExactly(new double[] {1.1, 2.1, 0.1, 0.1, 1.2, 2.2, 0.2, 0.2, 1.3, 2.3, 0.3, 0.3},
                offset(1e-12));
    }

    @Test
    void absoluteOutputsAreNotWrapped() {
        ChunkPredictor inner = (obs, chunk) -> Double.NaN;
        PolicyManifest.ActionOutput hand = new PolicyManifest.ActionOutput("action", "action.hand.joint_pos", "hand", 3,
                Arrays.asList("h0", "h1"));
        assertThat(DeltaActions.wrap(inner, hand, 2)).isSameAs(inner);
    }
}
