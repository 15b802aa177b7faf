package studio.tandem.tests.studio3d;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.transform.Affine;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import studio.tandem.app.studio.collect.Robot3dView;
import studio.tandem.app.studio.collect.RobotPoseModel;
import studio.tandem.dataset.time.ManualClock;
import studio.tandem.teleop.robot.ArmCommand;
import studio.tandem.teleop.robot.ArmState;
import studio.tandem.teleop.sim.SceneBody;
import studio.tandem.teleop.sim.SimConfig;
import studio.tandem.teleop.sim.SimSnapshot;
import studio.tandem.teleop.station.SimulatedStation;

/**
 * Child-JVM side of {@link Robot3dViewTest}: shows the 3D view of a simulated station on the real
 * (Xvfb) display, checks every scene body follows the physics snapshot and the robot drawn from its
 * joint state through kinematics ends where the simulated TCP is, that the picture has content and
 * changes when the arm moves, and writes it as PNG. Exit 0 ok, 3 no 3D on this display, 1 failure.
 */
public final class Robot3dProbe {
    private Robot3dProbe() {
    }

    public static void main(String[] args) throws Exception {
        CompletableFuture<String> result = new CompletableFuture<>();
        Platform.startup(() -> {
            try {
                result.complete(run(Path.of(args[0])));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        String r = result.get(90, TimeUnit.SECONDS);
        System.out.println(r);
        System.exit(r.startsWith("OK") ? 0 : r.startsWith("NO3D") ? 3 : 1);
    }

    private static String run(Path png) throws Exception {
        if (!Robot3dView.available()) {
            return "NO3D: Platform has no SCENE3D (pipeline " + System.getProperty("prism.order") + ")";
        }
        ManualClock clock = new ManualClock(1_000_000_000L);
        SimulatedStation sim = SimulatedStation.create(SimConfig.defaults(1), clock, false);
        sim.station().connect();
        sim.station().activate();
        step(sim, clock, 30);
        ArmState state = new ArmState(6);
        Robot3dView view = new Robot3dView(new RobotPoseModel(sim.arm().chain(), q -> {
            sim.arm().read(state);
            System.arraycopy(state.positions(), 0, q, 0, q.length);
            return true;
        }), sim.engine(), 480, 360);
        Stage stage = new Stage();
        stage.setScene(new Scene(new StackPane(view.node()), 480, 360));
        stage.show();
        view.refresh(0);
        String mismatch = compare(view, sim);
        if (mismatch != null) {
            return "FAIL " + mismatch;
        }
        WritableImage before = view.node().snapshot(null, null);
        double content = contentShare(before);
        double[] q = SimConfig.HOME.clone();
        q[0] += 0.8;
        ArmCommand cmd = new ArmCommand(6).setJoint(q, clock.nanoTime());
        for (int i = 0; i < 200; i++) {
            sim.arm().send(cmd, new ArmCommand(6));
            step(sim, clock, 1);
        }
        long updates = view.updates();
        view.refresh(1);
        if (view.updates() != updates + 1 || compare(view, sim) != null) {
            return "FAIL the view did not follow the arm: " + compare(view, sim);
        }
        WritableImage after = view.node().snapshot(null, null);
        double changed = changedShare(before, after);
        ImageIO.write(SwingFXUtils.fromFXImage(after, null), "png", png.toFile());
        stage.close();
        sim.close();
        if (content < 0.05 || changed < 0.002) {
            return String.format("FAIL content %.3f, changed %.4f", content, changed);
        }
        return String.format("OK content %.3f changed %.4f bodies %d", content, changed, sim.engine().bodies().size());
    }

    private static void step(SimulatedStation sim, ManualClock clock, int n) {
        for (int i = 0; i < n; i++) {
            sim.engine().step(10_000_000L);
            clock.advanceNanos(10_000_000L);
        }
    }

    /** Null when every body's transform equals its pose in the latest snapshot. */
    private static String compare(Robot3dView view, SimulatedStation sim) {
        SimSnapshot snap = sim.engine().newSnapshot();
        sim.engine().read(snap);
        float[] m = new float[16];
        ArmState state = new ArmState(6);
        sim.arm().read(state);
        Affine h = view.handPose();
        if (Math.abs(h.getTx() - state.tcp().m30()) > 1e-6 || Math.abs(h.getTy() - state.tcp().m31()) > 1e-6
                || Math.abs(h.getTz() - state.tcp().m32()) > 1e-6) {
            return "hand at " + h.getTx() + "," + h.getTy() + "," + h.getTz() + " vs TCP " + state.tcp().m30() + ","
                    + state.tcp().m31() + "," + state.tcp().m32();
        }
        int scene = 0;
        for (SceneBody b : sim.engine().bodies()) {
            snap.bodyPose(b.index(), m);
            Affine a = view.pose(b.index());
            if (a == null) {
                continue;
            }
            scene++;
            if (Math.abs(a.getTx() - m[12]) > 1e-5 || Math.abs(a.getTy() - m[13]) > 1e-5
                    || Math.abs(a.getTz() - m[14]) > 1e-5 || Math.abs(a.getMxx() - m[0]) > 1e-5) {
                return b.name() + " at " + a.getTx() + "," + a.getTy() + "," + a.getTz() + " vs " + m[12] + "," + m[13]
                        + "," + m[14];
            }
        }
        return scene == 0 ? "no scene bodies drawn" : null;
    }

    private static double contentShare(WritableImage img) {
        PixelReader r = img.getPixelReader();
        Color bg = Color.web("#0d1117");
        int n = 0;
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        for (int y = 0; y < h; y += 2) {
            for (int x = 0; x < w; x += 2) {
                Color c = r.getColor(x, y);
                if (Math.abs(c.getRed() - bg.getRed()) + Math.abs(c.getGreen() - bg.getGreen())
                        + Math.abs(c.getBlue() - bg.getBlue()) > 0.06) {
                    n++;
                }
            }
        }
        return n / (double) ((w / 2) * (h / 2));
    }

    private static double changedShare(WritableImage a, WritableImage b) {
        PixelReader ra = a.getPixelReader();
        PixelReader rb = b.getPixelReader();
        int n = 0;
        int w = (int) Math.min(a.getWidth(), b.getWidth());
        int h = (int) Math.min(a.getHeight(), b.getHeight());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (ra.getArgb(x, y) != rb.getArgb(x, y)) {
                    n++;
                }
            }
        }
        return n / (double) (w * h);
    }
}
