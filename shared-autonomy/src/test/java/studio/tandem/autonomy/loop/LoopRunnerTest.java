package studio.tandem.autonomy.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import studio.tandem.autonomy.arbitration.Mode;
import studio.tandem.autonomy.failure.FailureMonitor;
import studio.tandem.autonomy.language.InstructionChannel;
import studio.tandem.dataset.time.NanoClock;

class LoopRunnerTest {

    @Test
    void runsTheLoopAtItsRateOnItsOwnThreadAndStops() throws Exception {
        LoopFixtures.MirrorRobot robot = new LoopFixtures.MirrorRobot();
        ControlLoop loop = new ControlLoop(LoopConfig.defaults(LoopFixtures.LAYOUT).withRate(200), NanoClock.SYSTEM,
                robot, new LoopFixtures.SettableOperator(), null, LoopFixtures.safety(), FailureMonitor.disabled(),
                new InstructionChannel("hold"), Mode.TELEOP);
        LoopRunner runner = new LoopRunner(loop, NanoClock.SYSTEM, 100_000);
        runner.start();
        Thread.sleep(300);
        assertThat(runner.isRunning()).isTrue();
        runner.close();
        long ticks = loop.ticks().lastSequence() + 1;
        // 300 ms at 200 Hz is 60 ticks; a loaded 2-core machine may lose a few, never gain any
        assertThat(ticks).isBetween(30L, 62L + runner.skippedTicks());
        assertThat(robot.writes).isEqualTo(ticks);
        assertThat(runner.failure()).isNull();
        assertThat(runner.isRunning()).isFalse();
        assertThat(loop.periodStats().count()).isEqualTo(ticks - 1);
    }

    @Test
    void realtimeRequestIsAppliedOnTheLoopThreadAndReported() throws Exception {
        ControlLoop loop = new ControlLoop(LoopConfig.defaults(LoopFixtures.LAYOUT).withRate(200), NanoClock.SYSTEM,
                new LoopFixtures.MirrorRobot(), new LoopFixtures.SettableOperator(), null, LoopFixtures.safety(),
                FailureMonitor.disabled(), new InstructionChannel("hold"), Mode.TELEOP);
        try (LoopRunner runner = new LoopRunner(loop, NanoClock.SYSTEM, 100_000).requestRealtime()) {
            assertThat(runner.scheduling()).isNull();
            runner.start();
            long until = System.nanoTime() + 3_000_000_000L;
            while (runner.scheduling() == null && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            assertThat(runner.scheduling()).isNotNull();
            assertThat(runner.scheduling().detail()).isNotBlank();
            Thread.sleep(50);
            assertThat(loop.ticks().lastSequence()).isPositive();
            assertThatThrownBy(runner::requestRealtime).isInstanceOf(IllegalStateException.class);
        }
    }
}
