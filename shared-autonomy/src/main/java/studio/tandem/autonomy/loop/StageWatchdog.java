package studio.tandem.autonomy.loop;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times the named stages of each tick (like WPILib's Watchdog epochs). When a tick takes longer
 * than its budget, the overrun is counted against the slowest stage and, at most once per second,
 * logged with every stage's duration. Control thread only; allocation-free except when it logs.
 */
public final class StageWatchdog {
    private static final Logger LOG = LoggerFactory.getLogger(StageWatchdog.class);
    private static final long LOG_INTERVAL_NANOS = 1_000_000_000L;

    private final String[] stages;
    private final long budgetNanos;
    private final long[] durations;
    private final long[] overrunsByStage;
    private long tickStart;
    private long stageStart;
    private long overruns;
    private long lastLog = Long.MIN_VALUE;
    private long suppressed;

    public StageWatchdog(long budgetNanos, String... stages) {
        this.stages = stages.clone();
        this.budgetNanos = budgetNanos;
        durations = new long[stages.length];
        overrunsByStage = new long[stages.length];
    }

    public void begin(long now) {
        tickStart = now;
        stageStart = now;
    }

    /** Ends stage {@code index} at {@code now}. */
    public void epoch(int index, long now) {
        durations[index] = now - stageStart;
        stageStart = now;
    }

    /** Ends the tick; returns true if it overran the budget. */
    public boolean end(long now) {
        long total = now - tickStart;
        if (total <= budgetNanos) {
            return false;
        }
        overruns++;
        int worst = 0;
        for (int i = 1; i < durations.length; i++) {
            if (durations[i] > durations[worst]) {
                worst = i;
            }
        }
        overrunsByStage[worst]++;
        if (now - lastLog >= LOG_INTERVAL_NANOS || lastLog == Long.MIN_VALUE) {
            log(total);
            lastLog = now;
            suppressed = 0;
        } else {
            suppressed++;
        }
        return true;
    }

    private void log(long total) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < stages.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(stages[i]).append('=').append(durations[i] / 1000).append("us");
        }
        LOG.warn("control tick took {} us (budget {} us): {}; {} earlier overruns not logged",
                total / 1000, budgetNanos / 1000, sb, suppressed);
    }

    public long overruns() {
        return overruns;
    }

    /** Overruns blamed on stage {@code index} (the slowest stage of each overrunning tick). */
    public long overruns(int index) {
        return overrunsByStage[index];
    }

    /** Duration of stage {@code index} in the last tick, ns. */
    public long lastDuration(int index) {
        return durations[index];
    }

    public String stageName(int index) {
        return stages[index];
    }

    public int stageCount() {
        return stages.length;
    }
}
