package studio.tandem.app.studio.collect;

import studio.tandem.app.studio.session.StationSession;
import studio.tandem.autonomy.loop.TickData;
import studio.tandem.autonomy.loop.TickRing;

/**
 * The arm joints of a session's newest control tick, for the 3D view: the same station state the
 * loop, the recorder and the station panel see, whatever the station. Follows the loop when a policy
 * load replaces it. FX thread; allocation-free except when the loop's layout changes.
 */
final class LoopJoints implements RobotPoseModel.JointSource {
    private final StationSession session;
    private TickRing ring;
    private TickData scratch;

    LoopJoints(StationSession session) {
        this.session = session;
    }

    @Override
    public boolean read(double[] q) {
        TickRing r = session.loop().ticks();
        if (r != ring) {
            ring = r;
            scratch = new TickData(r.layout());
        }
        long seq = r.lastSequence();
        if (seq < 0 || !r.read(seq, scratch)) {
            return false;
        }
        System.arraycopy(scratch.jointState(), 0, q, 0, q.length);
        return true;
    }
}
