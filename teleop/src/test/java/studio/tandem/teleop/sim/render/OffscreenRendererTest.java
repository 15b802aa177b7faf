package studio.tandem.teleop.sim.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static studio.tandem.teleop.sim.render.GlTestSupport.background;
import static studio.tandem.teleop.sim.render.GlTestSupport.greenish;
import static studio.tandem.teleop.sim.render.GlTestSupport.grey;
import static studio.tandem.teleop.sim.render.GlTestSupport.pixel;
import static studio.tandem.teleop.sim.render.GlTestSupport.reddish;
import static studio.tandem.teleop.sim.render.GlTestSupport.rgb;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renders a red box (half extent 0.2 m) on a 1 m grey floor, seen from 3 m straight above with image-up = +y:
 * with a 60° vertical FOV at 320×240 the focal length is 207.8 px, so the box top (0.4 m high, 2.6 m away)
 * covers ±16 px around the centre, the floor ±69 px, and the corners show the background.
 */
class OffscreenRendererTest {

    private static final int W = 320;
    private static final int H = 240;
    private static final float[] RED = {0.85f, 0.1f, 0.1f, 1f};
    private static final float[] GREEN = {0.1f, 0.8f, 0.1f, 1f};

    private static OffscreenRenderer renderer;

    @BeforeAll
    static void open() {
        renderer = GlTestSupport.rendererOrSkip(640, 480, 0);
    }

    @AfterAll
    static void close() {
        if (renderer != null) {
            renderer.close();
        }
    }

    private static RenderScene floorScene() {
        RenderScene scene = new RenderScene(8);
        scene.setBackground(0.1f, 0.1f, 0.4f);
        scene.addBody(Shape.PLANE, new float[] {1f, 1f}, new float[] {0.55f, 0.55f, 0.55f, 1f});
        return scene;
    }

    private static CameraView topDown(int w, int h) {
        return new CameraView(w, h, 60f, 0.1f, 10f).lookAt(0, 0, 3, 0, 0, 0, 0, 1, 0);
    }

    private static ByteBuffer render(RenderScene scene, CameraView view) {
        ByteBuffer out = ByteBuffer.allocateDirect(view.rgbBytes());
        renderer.render(scene, view, out);
        return out;
    }

    @Test
    void redBoxAtCentreOverGreyFloorWithBackgroundInTheCorners() {
        RenderScene scene = floorScene();
        int box = scene.addBody(Shape.BOX, new float[] {0.2f, 0.2f, 0.2f}, RED);
        scene.setPosition(box, 0, 0, 0.2f);
        ByteBuffer img = render(scene, topDown(W, H));

        assertThat(pixel(img, W, 160, 120)).matches(GlTestSupport::reddish, "centre is red");
        assertThat(pixel(img, W, 160 + 12, 120 - 12)).matches(GlTestSupport::reddish, "inside the box top");
        assertThat(pixel(img, W, 160 + 30, 120)).matches(GlTestSupport::grey, "floor right of the box");
        assertThat(pixel(img, W, 160 - 50, 120 + 50)).matches(GlTestSupport::grey, "floor lower left");
        for (int[] corner : new int[][] {{0, 0}, {W - 1, 0}, {0, H - 1}, {W - 1, H - 1}}) {
            int[] p = pixel(img, W, corner[0], corner[1]);
            assertThat(background(p)).as("corner %d,%d is background, was %s", corner[0], corner[1], rgb(p)).isTrue();
        }
        assertThat(background(pixel(img, W, 160 + 75, 120))).as("just beyond the floor's edge at 69 px").isTrue();
        assertThat(grey(pixel(img, W, 160 + 64, 120))).as("just inside the floor's edge").isTrue();
    }

    @Test
    void movingTheBoxWithSetPoseMovesItsPixels() {
        RenderScene scene = floorScene();
        int box = scene.addBody(Shape.BOX, new float[] {0.2f, 0.2f, 0.2f}, RED);
        scene.setPose(box, new float[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0.5f, 0, 0.2f, 1});
        ByteBuffer img = render(scene, topDown(W, H));
        // x = 0.5 m at 2.6 m depth → 160 + 207.8 * 0.5 / 2.6 = 200 px (to the right: image x = world x)
        assertThat(pixel(img, W, 200, 120)).matches(GlTestSupport::reddish, "box moved right");
        assertThat(pixel(img, W, 160, 120)).matches(GlTestSupport::grey, "old place shows floor");
        assertThat(pixel(img, W, 120, 120)).matches(GlTestSupport::grey, "mirror position is floor");
    }

    @Test
    void bufferHoldsTheTopRowFirst() {
        RenderScene scene = floorScene();
        int box = scene.addBody(Shape.BOX, new float[] {0.2f, 0.2f, 0.2f}, RED);
        scene.setPosition(box, 0, 0.5f, 0.2f);
        ByteBuffer img = render(scene, topDown(W, H));
        // +y world is image-up: 120 - 40 = row 80 from the top, i.e. the first third of the buffer
        assertThat(pixel(img, W, 160, 80)).matches(GlTestSupport::reddish, "row 80 (upper half) is red");
        assertThat(pixel(img, W, 160, 160)).matches(GlTestSupport::grey, "row 160 (lower half) is floor");
    }

    @Test
    void nearObjectOccludesFarOneWhateverTheDrawOrder() {
        for (boolean nearFirst : new boolean[] {true, false}) {
            RenderScene scene = floorScene();
            int a = scene.addBody(nearFirst ? Shape.SPHERE : Shape.BOX,
                    nearFirst ? new float[] {0.1f} : new float[] {0.2f, 0.2f, 0.2f}, nearFirst ? GREEN : RED);
            int b = scene.addBody(nearFirst ? Shape.BOX : Shape.SPHERE,
                    nearFirst ? new float[] {0.2f, 0.2f, 0.2f} : new float[] {0.1f}, nearFirst ? RED : GREEN);
            int sphere = nearFirst ? a : b;
            int box = nearFirst ? b : a;
            scene.setPosition(sphere, 0, 0, 1.0f);
            scene.setPosition(box, 0, 0, 0.2f);
            ByteBuffer img = render(scene, topDown(W, H));
            // sphere: 0.1 m at 1.9-2.0 m → ±10.6 px; box top ±16 px
            assertThat(pixel(img, W, 160, 120)).as("near first=%s", nearFirst).matches(GlTestSupport::greenish);
            assertThat(pixel(img, W, 160 + 14, 120)).as("near first=%s", nearFirst).matches(GlTestSupport::reddish);
        }
    }

    @Test
    void twoViewsOfDifferentSizesShareOneRenderer() {
        RenderScene scene = floorScene();
        int box = scene.addBody(Shape.BOX, new float[] {0.2f, 0.2f, 0.2f}, RED);
        scene.setPosition(box, 0, 0, 0.2f);
        CameraView small = topDown(W, H);
        CameraView large = topDown(640, 480);
        ByteBuffer first = render(scene, small);
        ByteBuffer big = ByteBuffer.allocateDirect(large.rgbBytes());
        renderer.render(scene, large, big);
        ByteBuffer again = ByteBuffer.allocateDirect(small.rgbBytes() + 64);
        for (int i = 0; i < again.capacity(); i++) {
            again.put(i, (byte) 0x5A);
        }
        renderer.render(scene, small, again);

        // 640×480: focal length doubles, so the box top spans ±32 px around (320, 240)
        assertThat(pixel(big, 640, 320 + 28, 240)).matches(GlTestSupport::reddish, "inside the box, large view");
        assertThat(pixel(big, 640, 320 + 40, 240)).matches(GlTestSupport::grey, "floor, large view");
        assertThat(background(pixel(big, 640, 639, 479))).as("large view corner").isTrue();
        assertThat(again.slice(0, small.rgbBytes()).mismatch(first))
                .as("first differing byte of the re-rendered small view").isEqualTo(-1);
        for (int i = small.rgbBytes(); i < again.capacity(); i++) {
            assertThat(again.get(i)).as("byte %d past the frame is untouched", i).isEqualTo((byte) 0x5A);
        }
        assertThat(again.position()).isZero();
    }

    @Test
    void writesAtTheBufferPositionAndLeavesItUnchanged() {
        RenderScene scene = floorScene();
        CameraView view = topDown(32, 24);
        ByteBuffer out = ByteBuffer.allocateDirect(view.rgbBytes() + 10);
        out.position(10);
        renderer.render(scene, view, out);
        assertThat(out.position()).isEqualTo(10);
        assertThat(out.get(0)).isZero();
        assertThat(grey(pixel(out, 32, 16, 12))).isTrue();
    }

    @Test
    void directionalLightMakesTheSideFacingItBrighter() {
        RenderScene scene = floorScene();
        scene.setDirectionalLight(0, 0, 0, -1, 0.8f, 0.8f, 0.8f); // from straight above
        int ball = scene.addBody(Shape.SPHERE, new float[] {0.3f}, new float[] {0.8f, 0.8f, 0.8f, 1f});
        scene.setPosition(ball, 0, 0, 0.5f);
        CameraView side = new CameraView(W, H, 60f, 0.1f, 10f).lookAt(3, 0, 0.5f, 0, 0, 0.5f, 0, 0, 1);
        ByteBuffer img = render(scene, side);
        // sphere radius 0.3 m at 2.7-3 m → ~22 px; sample 15 px above and below the centre
        int[] top = pixel(img, W, 160, 120 - 15);
        int[] bottom = pixel(img, W, 160, 120 + 15);
        assertThat(top[0]).as("top %s vs bottom %s", rgb(top), rgb(bottom)).isGreaterThan(bottom[0] + 60);
        scene.setLightCount(0);
        int[] ambientOnly = pixel(render(scene, side), W, 160, 120 - 15);
        assertThat(ambientOnly[0]).as("ambient only").isLessThan(top[0] - 60);
    }

    @Test
    void attachedCameraFollowsItsBodyFromTheSameSnapshot() {
        RenderScene scene = floorScene();
        int box = scene.addBody(Shape.BOX, new float[] {0.2f, 0.2f, 0.2f}, RED);
        scene.setPosition(box, 0, 0, 0.2f);
        int flange = scene.addBody(Shape.CYLINDER, new float[] {0.03f, 0.03f}, GREEN);
        float[] mount = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0.04f, 1};
        CameraView wrist = new CameraView(160, 120, 70f, 0.01f, 10f).attachTo(flange, mount);
        CameraView fixed = new CameraView(160, 120, 70f, 0.01f, 10f);
        // flange 1.5 m above the box, tool axis (body z) pointing down, rotated 30° about world z
        float c = (float) Math.cos(Math.PI / 6);
        float s = (float) Math.sin(Math.PI / 6);
        float[] pose = {c, s, 0, 0, s, -c, 0, 0, 0, 0, -1, 0, 0.1f, 0, 1.5f, 1};
        scene.setPose(flange, pose);
        fixed.setWorldPose(new float[] {c, s, 0, 0, s, -c, 0, 0, 0, 0, -1, 0, 0.1f, 0, 1.5f - 0.04f, 1});
        ByteBuffer viaBody = render(scene, wrist);
        assertThat(viaBody).isEqualTo(render(scene, fixed));
        // the camera hangs over the box (0.1 m off its centre, 1.06 m above its top): red centre, floor corners
        assertThat(pixel(viaBody, 160, 80, 60)).matches(GlTestSupport::reddish);
        assertThat(pixel(viaBody, 160, 40, 60)).matches(GlTestSupport::grey);

        float[] straightDown = {1, 0, 0, 0, 0, -1, 0, 0, 0, 0, -1, 0, 0.5f, 0, 1.5f, 1};
        scene.setPose(flange, straightDown);
        straightDown[14] = 1.5f - 0.04f;
        fixed.setWorldPose(straightDown);
        ByteBuffer moved = render(scene, wrist);
        assertThat(moved).isNotEqualTo(viaBody).isEqualTo(render(scene, fixed));
        // now 0.5 m to the box's +x side: the box is left of the image centre (image x = world x)
        assertThat(pixel(moved, 160, 80, 60)).matches(GlTestSupport::grey);
        assertThat(pixel(moved, 160, 80 - 40, 60)).matches(GlTestSupport::reddish);
    }

    @Test
    void hiddenBodiesAndColourChangesShowUp() {
        RenderScene scene = floorScene();
        int box = scene.addBody(Shape.BOX, new float[] {0.2f, 0.2f, 0.2f}, RED);
        scene.setPosition(box, 0, 0, 0.2f);
        CameraView view = topDown(W, H);
        scene.setColor(box, GREEN);
        assertThat(pixel(render(scene, view), W, 160, 120)).matches(GlTestSupport::greenish);
        scene.setVisible(box, false);
        assertThat(pixel(render(scene, view), W, 160, 120)).matches(GlTestSupport::grey);
    }

    @Test
    void capsuleAndCylinderHaveTheirDeclaredExtent() {
        RenderScene scene = floorScene();
        int capsule = scene.addBody(Shape.CAPSULE, new float[] {0.1f, 0.3f}, RED);
        // lying along world x: body z → world x
        scene.setPose(capsule, new float[] {0, 0, -1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0.4f, 0.1f, 1});
        int cylinder = scene.addBody(Shape.CYLINDER, new float[] {0.15f, 0.1f}, GREEN);
        scene.setPosition(cylinder, 0, -0.4f, 0.1f);
        ByteBuffer img = render(scene, topDown(W, H));
        // capsule spans x ∈ [-0.4, 0.4] at depth 2.8-2.9: tip ≈ 160 ± 29 px, row 120 - 30 = 90
        assertThat(pixel(img, W, 160 + 25, 90)).matches(GlTestSupport::reddish, "capsule near its cap");
        assertThat(pixel(img, W, 160 + 34, 90)).matches(GlTestSupport::grey, "beyond the capsule's tip");
        // cylinder radius 0.15 at depth 2.8 → 11 px around (160, 150)
        assertThat(pixel(img, W, 160 + 8, 150)).matches(GlTestSupport::greenish, "inside the cylinder");
        assertThat(pixel(img, W, 160 + 15, 150)).matches(GlTestSupport::grey, "outside the cylinder");
    }

    @Test
    void rejectsBadBuffersOversizedViewsAndForeignThreads() throws InterruptedException {
        RenderScene scene = floorScene();
        CameraView view = topDown(W, H);
        assertThatThrownBy(() -> renderer.render(scene, view, ByteBuffer.allocate(view.rgbBytes())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("direct");
        assertThatThrownBy(() -> renderer.render(scene, view, ByteBuffer.allocateDirect(view.rgbBytes() - 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(view.rgbBytes() + " bytes");
        CameraView huge = topDown(641, 480);
        assertThatThrownBy(() -> renderer.render(scene, huge, ByteBuffer.allocateDirect(huge.rgbBytes())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("641x480");
        AtomicReference<Throwable> error = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                renderer.render(scene, view, ByteBuffer.allocateDirect(view.rgbBytes()));
            } catch (Throwable t) {
                error.set(t);
            }
        }, "intruder");
        other.start();
        other.join();
        assertThat(error.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("intruder");
    }

    @Test
    void renderAllocatesNothingPerFrame() {
        SampleTabletop sample = SampleTabletop.build();
        CameraView a = SampleTabletop.sceneCamera(160, 120);
        CameraView b = sample.wristCamera(160, 120);
        ByteBuffer outA = ByteBuffer.allocateDirect(a.rgbBytes());
        ByteBuffer outB = ByteBuffer.allocateDirect(b.rgbBytes());
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 60; i++) {
            renderer.render(sample.scene(), a, outA);
            renderer.render(sample.scene(), b, outB);
        }
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 60; i++) {
            sample.scene().setPosition(sample.redCube(), 0.001f * i, 0f, 0.8f);
            renderer.render(sample.scene(), a, outA);
            renderer.render(sample.scene(), b, outB);
        }
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        // steady state is 0; the JVM occasionally charges a few hundred bytes of its own (class loading,
        // JIT) to the thread. One matrix or array per frame would be ≥ 9 KB over these 120 renders.
        assertThat(allocated).as("bytes allocated over 120 renders").isLessThan(4096);
    }

    @Test
    void multisampledRendererShowsTheSameSceneAndCoexists() {
        try (OffscreenRenderer msaa = GlTestSupport.rendererOrSkip(W, H, 4)) {
            RenderScene scene = floorScene();
            int box = scene.addBody(Shape.BOX, new float[] {0.2f, 0.2f, 0.2f}, RED);
            scene.setPosition(box, 0, 0, 0.2f);
            CameraView view = topDown(W, H);
            ByteBuffer img = ByteBuffer.allocateDirect(view.rgbBytes());
            msaa.render(scene, view, img);
            assertThat(pixel(img, W, 160, 120)).matches(GlTestSupport::reddish);
            assertThat(background(pixel(img, W, 0, 0))).isTrue();
            // the first renderer still works after another context was current on this thread
            assertThat(pixel(render(scene, view), W, 160, 120)).matches(GlTestSupport::reddish);
        }
        assertThat(renderer.glRenderer()).isNotBlank();
    }
}
