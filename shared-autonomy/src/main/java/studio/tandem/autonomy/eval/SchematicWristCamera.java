package studio.tandem.autonomy.eval;

import org.joml.Matrix4d;
import org.joml.Vector3d;
import studio.tandem.autonomy.policy.FrameSource;
import studio.tandem.autonomy.policy.ImageFrame;
import studio.tandem.teleop.kinematics.ForwardKinematics;
import studio.tandem.teleop.sim.ObjectSpec;
import studio.tandem.teleop.sim.SimSnapshot;
import studio.tandem.teleop.sim.SimStation;

/**
 * A schematic wrist camera over the simulator's state, until the rendered cameras are wired in: a
 * pinhole camera on the flange ({@code offset} m behind the TCP, looking along the TCP z axis)
 * that draws each object as a disc of its colour and projected footprint on a grey table.
 * Calls come from the policy thread; it reads the simulator's latest snapshot.
 */
public final class SchematicWristCamera implements FrameSource {
    private final SimStation sim;
    private final ForwardKinematics fk;
    private final SimSnapshot snapshot;
    private final double[] q = new double[6];
    private final Matrix4d tcp = new Matrix4d();
    private final Matrix4d inv = new Matrix4d();
    private final Vector3d p = new Vector3d();
    private final int width;
    private final int height;
    private final double focal;
    private final double offset;

    public SchematicWristCamera(SimStation sim, ForwardKinematics fk, int width, int height, double offset) {
        this.sim = sim;
        this.fk = fk;
        this.snapshot = sim.newSnapshot();
        this.width = width;
        this.height = height;
        this.focal = 0.8 * width;
        this.offset = offset;
    }

    @Override
    public synchronized boolean latest(String feature, ImageFrame into) {
        sim.read(snapshot);
        for (int i = 0; i < q.length; i++) {
            q[i] = snapshot.armPosition(i);
        }
        fk.tcp(q, tcp);
        tcp.translate(0, 0, -offset);
        tcp.invert(inv);
        into.resize(width, height);
        into.stampNanos(snapshot.stampNanos());
        fill(into, 110, 110, 110);
        double camHeight = tcp.m32();
        for (int i = 0; i < snapshot.objectCount(); i++) {
            ObjectSpec spec = sim.world().objectSpecs().get(i);
            inv.transformPosition(snapshot.objectPose(i, 0), snapshot.objectPose(i, 1), snapshot.objectPose(i, 2), p);
            if (p.z <= 0.01) {
                continue;
            }
            double u = width / 2.0 + focal * p.x / p.z;
            double v = height / 2.0 + focal * p.y / p.z;
            double r = focal * spec.footprintRadius() / p.z;
            float[] c = spec.rgba();
            disc(into, u, v, r, (int) (c[0] * 255), (int) (c[1] * 255), (int) (c[2] * 255));
        }
        return camHeight > -1;
    }

    private static void fill(ImageFrame f, int r, int g, int b) {
        for (int y = 0; y < f.height(); y++) {
            for (int x = 0; x < f.width(); x++) {
                f.set(x, y, r, g, b);
            }
        }
    }

    private static void disc(ImageFrame f, double cu, double cv, double radius, int r, int g, int b) {
        int x0 = (int) Math.max(0, Math.floor(cu - radius));
        int x1 = (int) Math.min(f.width() - 1, Math.ceil(cu + radius));
        int y0 = (int) Math.max(0, Math.floor(cv - radius));
        int y1 = (int) Math.min(f.height() - 1, Math.ceil(cv + radius));
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double dx = x + 0.5 - cu;
                double dy = y + 0.5 - cv;
                if (dx * dx + dy * dy <= radius * radius) {
                    f.set(x, y, r, g, b);
                }
            }
        }
    }
}
