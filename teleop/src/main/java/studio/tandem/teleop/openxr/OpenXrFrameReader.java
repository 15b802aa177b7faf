package studio.tandem.teleop.openxr;

import static org.lwjgl.system.MemoryStack.stackPush;

import org.lwjgl.PointerBuffer;
import org.lwjgl.openxr.EXTHandTracking;
import org.lwjgl.openxr.XR10;
import org.lwjgl.openxr.XrActionSpaceCreateInfo;
import org.lwjgl.openxr.XrActionStateBoolean;
import org.lwjgl.openxr.XrActionStateFloat;
import org.lwjgl.openxr.XrActionStateGetInfo;
import org.lwjgl.openxr.XrActionStatePose;
import org.lwjgl.openxr.XrActionsSyncInfo;
import org.lwjgl.openxr.XrActiveActionSet;
import org.lwjgl.openxr.XrHandJointLocationEXT;
import org.lwjgl.openxr.XrHandJointLocationsEXT;
import org.lwjgl.openxr.XrHandJointsLocateInfoEXT;
import org.lwjgl.openxr.XrHandTrackerCreateInfoEXT;
import org.lwjgl.openxr.XrHandTrackerEXT;
import org.lwjgl.openxr.XrPosef;
import org.lwjgl.openxr.XrReferenceSpaceCreateInfo;
import org.lwjgl.openxr.XrSpace;
import org.lwjgl.openxr.XrSpaceLocation;
import org.lwjgl.system.MemoryStack;

import studio.tandem.teleop.input.HandJoint;

/**
 * Reads one frame of input from a running {@link OpenXrSession} into an {@link XrFrameInput}: syncs
 * actions (when focused), reads trigger/squeeze/buttons, locates grip and aim spaces and the hand
 * joints in the reference space (STAGE when offered, else LOCAL). Every native struct is allocated
 * once here, so {@link #read} allocates nothing. Device thread only.
 */
final class OpenXrFrameReader implements AutoCloseable {
    private final OpenXrSession xr;
    private final XrSpace reference;
    private final XrSpace[] grip = new XrSpace[2];
    private final XrSpace[] aim = new XrSpace[2];
    private final XrHandTrackerEXT[] trackers = new XrHandTrackerEXT[2];
    private final XrActiveActionSet.Buffer active = XrActiveActionSet.calloc(1);
    private final XrActionsSyncInfo sync = XrActionsSyncInfo.calloc();
    private final XrActionStateGetInfo get = XrActionStateGetInfo.calloc();
    private final XrActionStateFloat f = XrActionStateFloat.calloc();
    private final XrActionStateBoolean b = XrActionStateBoolean.calloc();
    private final XrActionStatePose p = XrActionStatePose.calloc();
    private final XrSpaceLocation loc = XrSpaceLocation.calloc();
    private final XrHandJointLocationEXT.Buffer joints = XrHandJointLocationEXT.calloc(HandJoint.COUNT);
    private final XrHandJointLocationsEXT handLocs = XrHandJointLocationsEXT.calloc();
    private final XrHandJointsLocateInfoEXT handInfo = XrHandJointsLocateInfoEXT.calloc();

    OpenXrFrameReader(OpenXrSession xr) {
        this.xr = xr;
        active.get(0).actionSet(xr.actionSet).subactionPath(0);
        sync.type$Default().activeActionSets(active);
        get.type$Default();
        f.type$Default();
        b.type$Default();
        p.type$Default();
        loc.type$Default();
        handLocs.type$Default().jointLocations(joints);
        handInfo.type$Default();
        reference = referenceSpace();
        for (int h = 0; h < 2; h++) {
            grip[h] = actionSpace(XrActionLayout.ActionDef.GRIP_POSE, h);
            aim[h] = actionSpace(XrActionLayout.ActionDef.AIM_POSE, h);
        }
        if (xr.handTrackingEnabled) {
            trackers[0] = tracker(EXTHandTracking.XR_HAND_LEFT_EXT);
            trackers[1] = tracker(EXTHandTracking.XR_HAND_RIGHT_EXT);
        }
        handInfo.baseSpace(reference);
    }

    private XrSpace referenceSpace() {
        try (MemoryStack stack = stackPush()) {
            PointerBuffer pp = stack.mallocPointer(1);
            XrReferenceSpaceCreateInfo ci = XrReferenceSpaceCreateInfo.calloc(stack).type$Default()
                    .referenceSpaceType(XR10.XR_REFERENCE_SPACE_TYPE_STAGE).poseInReferenceSpace(identity(stack));
            if (XR10.xrCreateReferenceSpace(xr.session, ci, pp) < 0) {
                ci.referenceSpaceType(XR10.XR_REFERENCE_SPACE_TYPE_LOCAL);
                OpenXrSession.check(XR10.xrCreateReferenceSpace(xr.session, ci, pp), "xrCreateReferenceSpace");
            }
            return new XrSpace(pp.get(0), xr.session);
        }
    }

    private XrSpace actionSpace(XrActionLayout.ActionDef def, int hand) {
        try (MemoryStack stack = stackPush()) {
            PointerBuffer pp = stack.mallocPointer(1);
            OpenXrSession.check(XR10.xrCreateActionSpace(xr.session, XrActionSpaceCreateInfo.calloc(stack).type$Default()
                    .action(xr.actions[def.ordinal()]).subactionPath(xr.handPaths[hand])
                    .poseInActionSpace(identity(stack)), pp), "xrCreateActionSpace");
            return new XrSpace(pp.get(0), xr.session);
        }
    }

    private XrHandTrackerEXT tracker(int hand) {
        try (MemoryStack stack = stackPush()) {
            PointerBuffer pp = stack.mallocPointer(1);
            OpenXrSession.check(EXTHandTracking.xrCreateHandTrackerEXT(xr.session, XrHandTrackerCreateInfoEXT.calloc(stack)
                    .type$Default().hand(hand).handJointSet(EXTHandTracking.XR_HAND_JOINT_SET_DEFAULT_EXT), pp),
                    "xrCreateHandTrackerEXT");
            return new XrHandTrackerEXT(pp.get(0), xr.session);
        }
    }

    private static XrPosef identity(MemoryStack stack) {
        XrPosef pose = XrPosef.calloc(stack);
        pose.orientation().w(1);
        return pose;
    }

    /** Reads the frame at {@code time} (XrTime); actions are synced only if {@code inputActive}. */
    void read(long time, boolean inputActive, XrFrameInput out) {
        out.clear();
        out.displayTime = time;
        if (inputActive) {
            OpenXrSession.check(XR10.xrSyncActions(xr.session, sync), "xrSyncActions");
        }
        for (int h = 0; h < 2; h++) {
            get.subactionPath(xr.handPaths[h]);
            if (inputActive) {
                out.trigger[h] = floatAction(XrActionLayout.ActionDef.TRIGGER);
                out.squeeze[h] = floatAction(XrActionLayout.ActionDef.SQUEEZE);
                out.buttonA[h] = boolAction(XrActionLayout.ActionDef.BUTTON_A);
                out.buttonB[h] = boolAction(XrActionLayout.ActionDef.BUTTON_B);
                out.menu[h] = boolAction(XrActionLayout.ActionDef.MENU);
                get.action(xr.actions[XrActionLayout.ActionDef.GRIP_POSE.ordinal()]);
                out.poseActive[h] = XR10.xrGetActionStatePose(xr.session, get, p) >= 0 && p.isActive();
            }
            out.gripFlags[h] = locate(grip[h], time, out.gripPose[h]);
            out.aimFlags[h] = locate(aim[h], time, out.aimPose[h]);
            if (trackers[h] != null) {
                readHand(h, time, out);
            }
        }
    }

    private double floatAction(XrActionLayout.ActionDef d) {
        get.action(xr.actions[d.ordinal()]);
        return XR10.xrGetActionStateFloat(xr.session, get, f) >= 0 && f.isActive() ? f.currentState() : 0;
    }

    private boolean boolAction(XrActionLayout.ActionDef d) {
        get.action(xr.actions[d.ordinal()]);
        return XR10.xrGetActionStateBoolean(xr.session, get, b) >= 0 && b.isActive() && b.currentState();
    }

    private long locate(XrSpace space, long time, double[] pose) {
        if (XR10.xrLocateSpace(space, reference, time, loc) < 0) {
            return 0;
        }
        XrPosef ps = loc.pose();
        pose[0] = ps.position$().x();
        pose[1] = ps.position$().y();
        pose[2] = ps.position$().z();
        pose[3] = ps.orientation().x();
        pose[4] = ps.orientation().y();
        pose[5] = ps.orientation().z();
        pose[6] = ps.orientation().w();
        return loc.locationFlags();
    }

    private void readHand(int h, long time, XrFrameInput out) {
        handInfo.time(time);
        if (EXTHandTracking.xrLocateHandJointsEXT(trackers[h], handInfo, handLocs) < 0) {
            return;
        }
        out.handTrackingAvailable = true;
        out.handActive[h] = handLocs.isActive();
        for (int j = 0; j < HandJoint.COUNT; j++) {
            XrHandJointLocationEXT jl = joints.get(j);
            XrPosef ps = jl.pose();
            double[] jp = out.jointPose[h];
            int k = j * 7;
            jp[k] = ps.position$().x();
            jp[k + 1] = ps.position$().y();
            jp[k + 2] = ps.position$().z();
            jp[k + 3] = ps.orientation().x();
            jp[k + 4] = ps.orientation().y();
            jp[k + 5] = ps.orientation().z();
            jp[k + 6] = ps.orientation().w();
            out.jointRadius[h][j] = jl.radius();
            out.jointFlags[h][j] = jl.locationFlags();
        }
    }

    @Override
    public void close() {
        for (int h = 0; h < 2; h++) {
            if (trackers[h] != null) {
                EXTHandTracking.xrDestroyHandTrackerEXT(trackers[h]);
            }
            if (grip[h] != null) {
                XR10.xrDestroySpace(grip[h]);
            }
            if (aim[h] != null) {
                XR10.xrDestroySpace(aim[h]);
            }
        }
        if (reference != null) {
            XR10.xrDestroySpace(reference);
        }
        active.free();
        sync.free();
        get.free();
        f.free();
        b.free();
        p.free();
        loc.free();
        joints.free();
        handLocs.free();
        handInfo.free();
    }
}
