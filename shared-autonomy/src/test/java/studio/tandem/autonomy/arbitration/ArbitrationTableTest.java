package studio.tandem.autonomy.arbitration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static studio.tandem.autonomy.arbitration.Authority.BLEND;
import static studio.tandem.autonomy.arbitration.Authority.OPERATOR;
import static studio.tandem.autonomy.arbitration.Authority.POLICY;
import static studio.tandem.autonomy.arbitration.JointGroup.ARM;
import static studio.tandem.autonomy.arbitration.JointGroup.HAND;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ArbitrationTableTest {
    private final ArbitrationTable table = ArbitrationTable.standard();

    @ParameterizedTest(name = "{0} {1} intervening={2} policy={3} -> {4}")
    @CsvSource({
        "TELEOP, ARM, false, true, OPERATOR", "TELEOP, HAND, false, true, OPERATOR",
        "TELEOP, HAND, true, true, OPERATOR",
        "SHARED, ARM, false, true, OPERATOR", "SHARED, HAND, false, true, POLICY",
        "SHARED, HAND, true, true, OPERATOR", "SHARED, HAND, false, false, OPERATOR",
        "SHARED, ARM, true, true, OPERATOR",
        "AUTONOMOUS, ARM, false, true, POLICY", "AUTONOMOUS, HAND, false, true, POLICY",
        "AUTONOMOUS, ARM, true, true, OPERATOR", "AUTONOMOUS, HAND, true, true, OPERATOR",
        "AUTONOMOUS, ARM, false, false, OPERATOR",
    })
    void theStandardTable(Mode mode, JointGroup group, boolean intervening, boolean policy, Authority expected) {
        assertThat(table.authority(mode, group, intervening, policy)).isEqualTo(expected);
    }

    @Test
    void blendEntriesMixOperatorAndPolicyAndFallBackToTheOperator() {
        ArbitrationTable t = table.with(Mode.SHARED, HAND, BLEND).withBlendWeight(0.25);
        assertThat(t.authority(Mode.SHARED, HAND, false, true)).isEqualTo(BLEND);
        assertThat(t.authority(Mode.SHARED, HAND, true, true)).isEqualTo(OPERATOR);
        assertThat(table.base(Mode.SHARED, HAND)).as("original unchanged").isEqualTo(POLICY);
        double[] out = new double[3];
        t.combine(BLEND, new double[] {0, 0, 4}, new double[] {9, 9, 8}, 2, 3, out);
        assertThat(out).containsExactly(0, 0, 5);
        t.combine(OPERATOR, new double[] {1, 2, 3}, new double[] {9, 9, 9}, 0, 2, out);
        assertThat(out).containsExactly(1, 2, 5);
        assertThat(Mode.defaultFor(true)).isEqualTo(Mode.SHARED);
        assertThat(Mode.defaultFor(false)).isEqualTo(Mode.TELEOP);
    }

    @Test
    void teleopCannotBeGivenToThePolicy() {
        assertThatThrownBy(() -> table.with(Mode.TELEOP, ARM, POLICY)).hasMessageContaining("TELEOP");
        assertThatThrownBy(() -> table.withBlendWeight(1.5)).hasMessageContaining("blend weight");
    }
}
