package studio.tandem.app.studio.session;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import studio.tandem.app.studio.common.FrameSlot;
import studio.tandem.autonomy.loop.LoopEvent;
import studio.tandem.autonomy.safety.SafetyFlags;
import studio.tandem.autonomy.loop.TickData;
import studio.tandem.autonomy.loop.TickRing;
import studio.tandem.recorder.capture.CameraInput;
import studio.tandem.recorder.capture.VectorInput;
import studio.tandem.recorder.episode.Recorder;
import studio.tandem.recorder.episode.RecorderEvent;
import studio.tandem.teleop.robot.Camera;
import studio.tandem.teleop.robot.CameraFrame;

/**
 * The one thread between the station and its consumers: every 4 ms it copies each camera's newest
 * frame into the recorder (a preallocated ring slot) and into the UI's {@link FrameSlot} (BGRA), and
 * drains the control loop's ticks into the recorder's vector streams; loop events (interventions,
 * corrections) become recorder events. Allocation-free except for the rare events. A frame or tick
 * the recorder refuses is counted, never dropped silently.
 */
final class StationPump implements Runnable {
    private static final long PERIOD_NANOS = 4_000_000L;

    private final List<Camera> cameras;
    private final CameraFrame[] frames;
    private final FrameSlot[] ui;
    private final Recorder recorder;
    private final List<CameraInput> cameraInputs;
    private final VectorInput state;
    private final VectorInput tactile;
    private final VectorInput action;
    private final VectorInput authority;
    private final VectorInput operatorCommand;
    private final VectorInput policyProposal;
    private final VectorInput failureScore;
    private final double[] scoreRow = new double[1];
    private double[] proposalRow = new double[0];
    private final double[] authorityRow = new double[2];
    private final TickRing.Consumer onTick = this::onTick;
    private volatile TickRing ring;
    private TickRing.Cursor cursor;
    private TickData scratch;
    private volatile boolean running = true;
    private volatile long framesDropped;
    private volatile long ticksRefused;
    private volatile long ticksLost;
    private long lostBefore;

    StationPump(List<Camera> cameras, FrameSlot[] ui, Recorder recorder, List<VectorInput> vectors) {
        this.cameras = cameras;
        this.ui = ui;
        this.recorder = recorder;
        this.cameraInputs = recorder.cameras();
        this.frames = new CameraFrame[cameras.size()];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = new CameraFrame(cameras.get(i).width(), cameras.get(i).height());
        }
        this.state = vectors.get(0);
        this.tactile = vectors.get(1);
        this.action = vectors.get(2);
        this.authority = vectors.get(3);
        this.operatorCommand = vectors.get(4);
        this.policyProposal = vectors.get(5);
        this.failureScore = vectors.get(6);
    }

    /** Follows another loop's ticks from its newest on (a new loop after a policy was loaded). Any thread. */
    synchronized void follow(TickRing r) {
        scratch = new TickData(r.layout());
        cursor = new TickRing.Cursor(r.lastSequence() + 1);
        lostBefore = ticksLost;
        ring = r;
    }

    @Override
    public void run() {
        long next = System.nanoTime();
        while (running) {
            pumpFrames();
            pumpTicks();
            next += PERIOD_NANOS;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                next = System.nanoTime();
            }
        }
    }

    private void pumpFrames() {
        for (int i = 0; i < frames.length; i++) {
            Camera c = cameras.get(i);
            CameraFrame f = frames[i];
            if (!c.state().readable() || !c.readLatest(f)) {
                continue;
            }
            int pixels = f.width() * f.height();
            CameraInput in = cameraInputs.get(i);
            var slot = in.claim();
            if (slot == null) {
                framesDropped++;
            } else {
                slot.pixels().put(0, f.rgb(), 0, pixels * 3);
                in.publish(f.stampNanos());
            }
            FrameSlot u = ui[i];
            ByteBuffer rgb = f.rgb();
            FrameSlot.rgbToBgra(rgb, u.back(), pixels);
            u.publish();
        }
    }

    private synchronized void pumpTicks() {
        TickRing r = ring;
        if (r == null) {
            return;
        }
        r.drain(cursor, scratch, onTick);
        ticksLost = lostBefore + cursor.lost();
    }

    private void onTick(TickData t) {
        long at = t.nanos();
        boolean ok = state.offer(at, t.jointState());
        ok &= tactile.offer(at, t.tactile());
        ok &= action.offer(at, t.executed());
        authorityRow[0] = t.armAuthority().code();
        authorityRow[1] = t.handAuthority().code();
        ok &= authority.offer(at, authorityRow);
        ok &= operatorCommand.offer(at, orExecuted(t.operatorCommand(), t.executed()));
        ok &= policyProposal.offer(at, orExecuted(t.policyProposal(), t.executed()));
        scoreRow[0] = Double.isFinite(t.failureScore()) ? t.failureScore() : 0;
        ok &= failureScore.offer(at, scoreRow);
        if (!ok) {
            ticksRefused++;
        }
        for (int i = 0; i < t.eventCount(); i++) {
            recorder.event(toRecorder(t.event(i)));
        }
    }

    /**
     * The side's request with the executed value where it asked nothing (NaN): stats stay finite and
     * the {@code authority} column says who was in charge. Reuses one row (pump thread only).
     */
    private double[] orExecuted(double[] requested, double[] executed) {
        if (proposalRow.length != requested.length) {
            proposalRow = new double[requested.length];
        }
        for (int i = 0; i < requested.length; i++) {
            proposalRow[i] = Double.isNaN(requested[i]) ? executed[i] : requested[i];
        }
        return proposalRow;
    }

    private static RecorderEvent toRecorder(LoopEvent e) {
        if (e instanceof LoopEvent.InterventionStarted s) {
            return new RecorderEvent.InterventionStart(s.nanos(), "operator");
        }
        if (e instanceof LoopEvent.InterventionEnded s) {
            return new RecorderEvent.InterventionEnd(s.nanos());
        }
        if (e instanceof LoopEvent.InstructionCorrected c) {
            return new RecorderEvent.LanguageCorrection(c.nanos(), c.text());
        }
        if (e instanceof LoopEvent.FailureAlert f) {
            return new RecorderEvent.Annotation(f.nanos(), "failure score " + f.score()
                    + (f.paused() ? ", policy paused" : ""));
        }
        // the rest have no event type of their own in the dataset: kept as annotations, never dropped
        if (e instanceof LoopEvent.SafetyAlert a) {
            return new RecorderEvent.Annotation(a.nanos(), "safety: " + SafetyFlags.describe(a.flags()));
        }
        if (e instanceof LoopEvent.ModeChanged m) {
            return new RecorderEvent.Annotation(m.nanos(), "mode " + name(m.from()) + " → " + name(m.to()));
        }
        if (e instanceof LoopEvent.AuthorityChanged a) {
            return new RecorderEvent.Annotation(a.nanos(), name(a.group()) + " authority " + name(a.from()) + " → "
                    + name(a.to()));
        }
        if (e instanceof LoopEvent.PolicyResumed r) {
            return new RecorderEvent.Annotation(r.nanos(), "policy resumed");
        }
        return new RecorderEvent.Annotation(e.nanos(), e.toString());
    }

    private static String name(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT);
    }

    void stop() {
        running = false;
    }

    /** Camera frames the recorder had no free slot for (its encoders fell behind). Any thread. */
    long framesDropped() {
        return framesDropped;
    }

    /** Ticks a full vector ring refused, plus ticks the loop overwrote before the pump read them. */
    long ticksDropped() {
        return ticksRefused + ticksLost;
    }
}
