package studio.tandem.autonomy.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraspTaskTest {
    @Test
    void consecutiveSeedsDrawEveryTask() {
        Map<String, Integer> counts = new HashMap<>();
        for (long seed = 100; seed < 140; seed++) {
            counts.merge(GraspTask.draw(seed).instruction(), 1, Integer::sum);
        }
        assertThat(counts).hasSize(4);
        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(4, 20));
        assertThat(GraspTask.draw(7)).isEqualTo(GraspTask.draw(7));
    }

    @Test
    void theGraspYawIsFoldedByTheObjectsSymmetryIntoTheTurnNearestZero() {
        double quarter = Math.PI / 2;
        assertThat(GraspTask.fold(0.3, quarter)).isEqualTo(0.3, offset(1e-12));
        assertThat(GraspTask.fold(1.2, quarter)).isEqualTo(1.2 - quarter, offset(1e-12));
        assertThat(GraspTask.fold(-2.0, quarter)).isEqualTo(-2.0 + quarter, offset(1e-12));
        assertThat(GraspTask.fold(2.0, Math.PI)).isEqualTo(2.0 - Math.PI, offset(1e-12));
        assertThat(GraspTask.fold(1.1, 0)).as("a cylinder: any yaw").isZero();
    }
}
