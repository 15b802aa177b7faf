package studio.tandem.teleop.openxr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import studio.tandem.teleop.input.HandJoint;
import studio.tandem.teleop.input.HandJointsSample;
import studio.tandem.teleop.input.PoseSample;

class XrRecordedStreamTest {

    /** What the device thread does with a log: state machine gating, then mapping into samples. */
    private static final class Run implements XrInputLog.Visitor {
        final XrSessionStateMachine sm = new XrSessionStateMachine();
        final XrInputMapper mapper = new XrInputMapper();
        final List<XrSessionStateMachine.Action> actions = new ArrayList<>();
        final List<double[]> right = new ArrayList<>(); // px, clutch, trigger, valid, estop, a
        final List<Boolean> leftValid = new ArrayList<>();
        final List<Double> indexTipZ = new ArrayList<>();
        final PoseSample s = new PoseSample();
        final HandJointsSample h = new HandJointsSample();

        @Override
        public void state(long t, int xrState) {
            actions.add(sm.onStateChanged(xrState));
        }

        @Override
        public void frame(long t, XrFrameInput f) {
            if (!sm.posesAvailable()) {
                return;
            }
            mapper.controller(f, 0, t, s);
            leftValid.add(s.trackingValid());
            mapper.controller(f, 1, t, s);
            right.add(new double[] {s.px(), s.pressed(PoseSample.BUTTON_CLUTCH) ? 1 : 0, s.trigger(),
                s.trackingValid() ? 1 : 0, s.pressed(PoseSample.BUTTON_ESTOP) ? 1 : 0, s.pressed(PoseSample.BUTTON_A) ? 1 : 0});
            if (mapper.hand(f, 1, t, h) && h.tracked()) {
                indexTipZ.add(h.z(HandJoint.INDEX_TIP.ordinal()));
            }
        }
    }

    private static Run play(String resource) throws IOException {
        Run run = new Run();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                XrRecordedStreamTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            XrInputLog.read(r, resource, run);
        }
        return run;
    }

    @Test
    void sessionLifecycleFromTheRecordedStream() throws IOException {
        Run run = play("/openxr/recorded-session.xrlog");
        assertThat(run.actions).containsExactly(
                XrSessionStateMachine.Action.NONE, XrSessionStateMachine.Action.BEGIN,
                XrSessionStateMachine.Action.NONE, XrSessionStateMachine.Action.NONE, XrSessionStateMachine.Action.NONE,
                XrSessionStateMachine.Action.END, XrSessionStateMachine.Action.NONE, XrSessionStateMachine.Action.EXIT);
        assertThat(run.sm.running()).isFalse();
    }

    @Test
    void controllerPosesButtonsAndTrackingMapIntoSamples() throws IOException {
        Run run = play("/openxr/recorded-session.xrlog");
        assertThat(run.right).hasSize(60);
        for (int i = 0; i < 60; i++) {
            double[] r = run.right.get(i);
            assertThat(r[0]).isCloseTo(0.3 + 0.001 * i, within(1e-12));
            // squeeze 0.7 engages at frame 10; 0.5 keeps it (hysteresis) until 0.3 at frame 45
            assertThat(r[1]).as("clutch at %d", i).isEqualTo(i >= 10 && i < 45 ? 1.0 : 0.0);
            assertThat(r[2]).isCloseTo(i / 60.0, within(1e-12));
            assertThat(r[3]).as("tracking at %d", i).isEqualTo(i >= 50 && i <= 52 ? 0.0 : 1.0);
            assertThat(r[4]).isEqualTo(i == 55 ? 1.0 : 0.0);
            assertThat(r[5]).isEqualTo(i == 20 ? 1.0 : 0.0);
        }
        assertThat(run.leftValid).containsOnly(false); // the left controller is not active
    }

    @Test
    void handJointsMapIntoHandSamples() throws IOException {
        Run run = play("/openxr/recorded-session.xrlog");
        assertThat(run.indexTipZ).hasSize(60);
        assertThat(run.indexTipZ.get(0)).isCloseTo(-0.4 - 0.007 * HandJoint.INDEX_TIP.ordinal(), within(1e-12));
    }

    @Test
    void logRoundTripsThroughTheWriter() throws IOException {
        XrFrameInput in = new XrFrameInput();
        in.clear();
        in.poseActive[1] = true;
        in.gripFlags[1] = XrFrameInput.ALL_VALID_TRACKED;
        in.gripPose[1][0] = 0.25;
        in.gripPose[1][6] = 1;
        in.squeeze[1] = 0.9;
        in.handTrackingAvailable = true;
        in.handActive[0] = true;
        in.jointFlags[0][HandJoint.WRIST.ordinal()] = 3;
        in.jointPose[0][HandJoint.WRIST.ordinal() * 7 + 6] = 1;
        StringWriter w = new StringWriter();
        XrInputLog.writeState(w, 1, 5);
        XrInputLog.writeFrame(w, 2, in);
        Run run = new Run();
        XrInputLog.read(new BufferedReader(new StringReader(w.toString())), "mem", run);
        // READY never came: no session running, so no frames are mapped, but the state was read
        assertThat(run.sm.state()).isEqualTo(XrSessionStateMachine.State.FOCUSED);
        List<XrFrameInput> frames = new ArrayList<>();
        XrInputLog.read(new BufferedReader(new StringReader(w.toString())), "mem", new XrInputLog.Visitor() {
            @Override
            public void state(long t, int s) {
            }

            @Override
            public void frame(long t, XrFrameInput f) {
                assertThat(f.gripPose[1][0]).isEqualTo(0.25);
                assertThat(f.squeeze[1]).isEqualTo(0.9);
                assertThat(f.handActive[0]).isTrue();
                assertThat(f.jointFlags[0][HandJoint.WRIST.ordinal()]).isEqualTo(3);
                frames.add(f);
            }
        });
        assertThat(frames).hasSize(1);
    }

    @Test
    void malformedLogsNameTheLine() {
        assertThatThrownBy(() -> XrInputLog.read(new BufferedReader(new StringReader("state 1 2\nctrl 1 2\n")),
                "x.xrlog", new Run())).hasMessage("x.xrlog:2: malformed 'ctrl' record");
    }
}
