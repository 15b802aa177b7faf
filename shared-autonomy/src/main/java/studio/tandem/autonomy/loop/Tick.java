package studio.tandem.autonomy.loop;

import java.util.List;
import studio.tandem.autonomy.arbitration.Authority;
import studio.tandem.autonomy.arbitration.Mode;

/**
 * An immutable snapshot of one control tick, for the UI (pulled at screen rate with
 * {@link TickRing#latest()}) and for tests. The recorder drains {@link TickData} instead.
 *
 * @param sequence tick index since the loop started
 * @param nanos loop time (process clock, ns)
 * @param jointState measured joints, radians, arm then hand
 * @param operatorCommand the operator's retargeted targets
 * @param policyProposal the policy's action (NaN where none)
 * @param executed what was sent to the station, after arbitration and safety
 * @param safetyFlags {@code SafetyFlags} bits
 */
public record Tick(long sequence, long nanos, Mode mode, Authority armAuthority, Authority handAuthority,
        double[] jointState, double[] tactile, double[] operatorCommand, double[] policyProposal,
        double[] executed, boolean intervention, boolean policyFresh, String instruction, double failureScore,
        int safetyFlags, List<LoopEvent> events) {
}
