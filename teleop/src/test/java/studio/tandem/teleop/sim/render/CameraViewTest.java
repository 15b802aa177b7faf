package studio.tandem.teleop.sim.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.joml.Matrix4f;
import org.joml.Vector4f;
import org.junit.jupiter.api.Test;

class CameraViewTest {

    @Test
    void lookAtBuildsAnOpticalFrame() {
        // looking along +x with z up: right = -y, down = -z, forward = +x
        CameraView cam = new CameraView(320, 240, 60f, 0.1f, 10f).lookAt(1, 2, 3, 5, 2, 3, 0, 0, 1);
        Matrix4f m = new Matrix4f();
        cam.cameraToWorld(new SceneSnapshot(), m);
        assertThat(new float[] {m.m00(), m.m01(), m.m02()}).containsExactly(new float[] {0, -1, 0}, within(1e-6f));
        assertThat(new float[] {m.m10(), m.m11(), m.m12()}).containsExactly(new float[] {0, 0, -1}, within(1e-6f));
        assertThat(new float[] {m.m20(), m.m21(), m.m22()}).containsExactly(new float[] {1, 0, 0}, within(1e-6f));
        assertThat(new float[] {m.m30(), m.m31(), m.m32()}).containsExactly(new float[] {1, 2, 3}, within(1e-6f));
    }

    @Test
    void projectionMapsClipPlanesAndTheImageTopToTheFirstRow() {
        CameraView cam = new CameraView(320, 240, 60f, 0.5f, 8f);
        Matrix4f p = new Matrix4f();
        cam.projection(p);
        Vector4f nearCentre = p.transform(new Vector4f(0, 0, 0.5f, 1));
        Vector4f farCentre = p.transform(new Vector4f(0, 0, 8f, 1));
        assertThat(nearCentre.z / nearCentre.w).isCloseTo(-1f, within(1e-5f));
        assertThat(farCentre.z / farCentre.w).isCloseTo(1f, within(1e-5f));
        // a point at the top edge of the image (y = -tan(30°)·z in the optical frame) lands on NDC y = -1,
        // the framebuffer's first row, which glReadPixels returns first
        Vector4f top = p.transform(new Vector4f(0, (float) -Math.tan(Math.toRadians(30)) * 2f, 2f, 1));
        assertThat(top.y / top.w).isCloseTo(-1f, within(1e-5f));
        Vector4f right = p.transform(new Vector4f((float) Math.tan(Math.toRadians(30)) * 2f * 320 / 240, 0, 2f, 1));
        assertThat(right.x / right.w).isCloseTo(1f, within(1e-5f));
        assertThat(cam.focalLengthPx()).isCloseTo(207.85f, within(0.01f));
    }

    @Test
    void attachedCameraComposesBodyPoseAndMount() {
        SceneSnapshot s = new SceneSnapshot();
        s.ensureCapacity(2);
        s.count = 2;
        Matrix4f body = new Matrix4f().translation(1, 0, 0).rotateZ((float) Math.PI / 2);
        body.get(s.poses, 16);
        float[] mount = new Matrix4f().translation(0, 0, 0.1f).get(new float[16]);
        CameraView cam = new CameraView(10, 10, 60f, 0.1f, 10f).attachTo(1, mount);
        Matrix4f m = new Matrix4f();
        cam.cameraToWorld(s, m);
        assertThat(m.equals(new Matrix4f(body).translate(0, 0, 0.1f), 1e-6f)).isTrue();
        assertThat(cam.attachedBody()).isEqualTo(1);
        s.count = 1;
        assertThatThrownBy(() -> cam.cameraToWorld(s, m)).hasMessageContaining("attached to body 1");
        cam.lookAt(0, 0, 1, 0, 0, 0, 0, 1, 0);
        assertThat(cam.attachedBody()).isEqualTo(-1);
    }

    @Test
    void rejectsBadParameters() {
        assertThatThrownBy(() -> new CameraView(0, 10, 60f, 0.1f, 1f)).hasMessageContaining("0x10");
        assertThatThrownBy(() -> new CameraView(10, 10, 180f, 0.1f, 1f)).hasMessageContaining("FOV");
        assertThatThrownBy(() -> new CameraView(10, 10, 60f, 1f, 0.5f)).hasMessageContaining("near=1.0 far=0.5");
        CameraView cam = new CameraView(10, 10, 60f, 0.1f, 1f);
        assertThatThrownBy(() -> cam.lookAt(0, 0, 1, 0, 0, 0, 0, 0, 1)).hasMessageContaining("not parallel");
        assertThatThrownBy(() -> cam.setWorldPose(new float[12])).hasMessageContaining("16 floats");
        assertThatThrownBy(() -> cam.attachTo(-2, new float[16])).hasMessageContaining("body -2");
    }
}
