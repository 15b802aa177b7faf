package studio.tandem.teleop.openxr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import studio.tandem.dataset.time.NanoClock;
import studio.tandem.teleop.device.DeviceException;
import studio.tandem.teleop.device.DeviceState;

class OpenXrDeviceTest {

    @Test
    void withoutARuntimeConnectFailsWithOneClearLine() {
        OpenXrDevice dev = new OpenXrDevice("vr", NanoClock.SYSTEM);
        assertThat(dev.observationFeatures().contains("vr.right.pose")).isTrue(); // valid while disconnected
        assertThat(dev.observationFeatures().get("vr.hand_right.joints").orElseThrow().elementCount()).isEqualTo(182);
        try {
            dev.connect();
            // a machine with a headless-capable runtime: the device is up
            assertThat(dev.state()).isEqualTo(DeviceState.CONNECTED);
        } catch (DeviceException e) {
            assertThat(e.getMessage()).startsWith("OpenXR").doesNotContain("\n");
            assertThat(dev.state()).isEqualTo(DeviceState.FAULT);
            assertThat(dev.faultReason()).isEqualTo(e.getMessage());
        } finally {
            dev.close();
        }
    }

    @Test
    void actionLayoutCoversBothHandsInEveryProfile() {
        assertThat(XrActionLayout.profiles()).contains("/interaction_profiles/khr/simple_controller",
                "/interaction_profiles/oculus/touch_controller", "/interaction_profiles/valve/index_controller");
        for (String p : XrActionLayout.profiles()) {
            for (String hand : new String[] {XrActionLayout.LEFT, XrActionLayout.RIGHT}) {
                assertThat(XrActionLayout.bindings()).anyMatch(b -> b.profile().equals(p)
                        && b.action() == XrActionLayout.ActionDef.GRIP_POSE && b.path().startsWith(hand));
            }
        }
    }
}
