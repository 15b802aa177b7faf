package studio.tandem.autonomy.loop;

import studio.tandem.autonomy.arbitration.ArbitrationTable;
import studio.tandem.autonomy.intervention.InterventionConfig;

/**
 * Static configuration of a {@link ControlLoop}.
 *
 * @param rateHz loop rate, 1..1000 Hz (200 by default)
 * @param layout vector sizes
 * @param table authority per mode and joint group
 * @param intervention takeover threshold and grace period
 * @param ringCapacity ticks kept for readers (power of two)
 */
public record LoopConfig(double rateHz, LoopLayout layout, ArbitrationTable table,
        InterventionConfig intervention, int ringCapacity) {

    public LoopConfig {
        if (!(rateHz >= 1 && rateHz <= 1000)) {
            throw new IllegalArgumentException("control loop: rate must be within 1..1000 Hz, was " + rateHz);
        }
    }

    /** 200 Hz, the standard table, default intervention settings, 2048 ticks of history. */
    public static LoopConfig defaults(LoopLayout layout) {
        return new LoopConfig(200, layout, ArbitrationTable.standard(), InterventionConfig.defaults(), 2048);
    }

    public LoopConfig withRate(double hz) {
        return new LoopConfig(hz, layout, table, intervention, ringCapacity);
    }

    public LoopConfig withIntervention(InterventionConfig c) {
        return new LoopConfig(rateHz, layout, table, c, ringCapacity);
    }

    public LoopConfig withTable(ArbitrationTable t) {
        return new LoopConfig(rateHz, layout, t, intervention, ringCapacity);
    }

    public long periodNanos() {
        return Math.round(1e9 / rateHz);
    }
}
