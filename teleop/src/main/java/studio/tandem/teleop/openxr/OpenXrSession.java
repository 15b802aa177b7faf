package studio.tandem.teleop.openxr;

import static org.lwjgl.system.MemoryStack.stackPush;

import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.lwjgl.PointerBuffer;
import org.lwjgl.openxr.EXTHandTracking;
import org.lwjgl.openxr.MNDHeadless;
import org.lwjgl.openxr.XR10;
import org.lwjgl.openxr.XrAction;
import org.lwjgl.openxr.XrActionCreateInfo;
import org.lwjgl.openxr.XrActionSet;
import org.lwjgl.openxr.XrActionSetCreateInfo;
import org.lwjgl.openxr.XrActionSuggestedBinding;
import org.lwjgl.openxr.XrApplicationInfo;
import org.lwjgl.openxr.XrExtensionProperties;
import org.lwjgl.openxr.XrInstance;
import org.lwjgl.openxr.XrInstanceCreateInfo;
import org.lwjgl.openxr.XrInteractionProfileSuggestedBinding;
import org.lwjgl.openxr.XrSession;
import org.lwjgl.openxr.XrSessionActionSetsAttachInfo;
import org.lwjgl.openxr.XrSessionCreateInfo;
import org.lwjgl.openxr.XrSystemGetInfo;
import org.lwjgl.system.MemoryStack;

/**
 * The OpenXR instance, session and actions, created through LWJGL. Everything runtime-facing lives
 * here and in {@link OpenXrFrameReader}; the decisions (state machine, mapping) are pure classes.
 * Creation order: instance (with the extensions the runtime offers: XR_MND_headless, XR_EXT_hand_tracking)
 * → system → headless session → action set with {@link XrActionLayout} → suggested bindings → attach.
 * Device thread only.
 */
final class OpenXrSession implements AutoCloseable {
    final XrInstance instance;
    final long systemId;
    final XrSession session;
    final XrActionSet actionSet;
    final XrAction[] actions = new XrAction[XrActionLayout.ActionDef.values().length];
    final long[] handPaths = new long[2];
    final boolean handTrackingEnabled;
    final Set<String> extensions;

    /** @throws XrCallException with a one-line reason (e.g. no runtime, no headless support) */
    OpenXrSession(String appName) {
        if (org.lwjgl.openxr.XR.getFunctionProvider() == null) { // LWJGL may already have loaded the loader
            org.lwjgl.openxr.XR.create();
        }
        extensions = availableExtensions();
        if (!extensions.contains(MNDHeadless.XR_MND_HEADLESS_EXTENSION_NAME)) {
            throw new XrCallException("OpenXR: the runtime does not offer XR_MND_headless, which the studio needs "
                    + "to read controllers without rendering (Monado and SteamVR offer it)");
        }
        handTrackingEnabled = extensions.contains(EXTHandTracking.XR_EXT_HAND_TRACKING_EXTENSION_NAME);
        instance = createInstance(appName);
        try {
            systemId = system();
            session = createSession();
            actionSet = createActions();
            suggestBindings();
            attach();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    static void check(int result, String call) {
        if (result < 0) {
            throw new XrCallException(call, result);
        }
    }

    private static Set<String> availableExtensions() {
        try (MemoryStack stack = stackPush()) {
            IntBuffer n = stack.mallocInt(1);
            check(XR10.xrEnumerateInstanceExtensionProperties((CharSequence) null, n, null),
                    "xrEnumerateInstanceExtensionProperties");
            XrExtensionProperties.Buffer props = XrExtensionProperties.calloc(n.get(0), stack);
            for (XrExtensionProperties p : props) {
                p.type$Default();
            }
            check(XR10.xrEnumerateInstanceExtensionProperties((CharSequence) null, n, props),
                    "xrEnumerateInstanceExtensionProperties");
            Set<String> out = new HashSet<>();
            for (XrExtensionProperties p : props) {
                out.add(p.extensionNameString());
            }
            return out;
        }
    }

    private XrInstance createInstance(String appName) {
        try (MemoryStack stack = stackPush()) {
            List<String> wanted = handTrackingEnabled
                    ? List.of(MNDHeadless.XR_MND_HEADLESS_EXTENSION_NAME, EXTHandTracking.XR_EXT_HAND_TRACKING_EXTENSION_NAME)
                    : List.of(MNDHeadless.XR_MND_HEADLESS_EXTENSION_NAME);
            PointerBuffer exts = stack.mallocPointer(wanted.size());
            for (String e : wanted) {
                exts.put(stack.UTF8(e));
            }
            exts.flip();
            XrInstanceCreateInfo ci = XrInstanceCreateInfo.calloc(stack).type$Default()
                    .applicationInfo(XrApplicationInfo.calloc(stack)
                            .applicationName(stack.UTF8(appName))
                            .applicationVersion(1)
                            .engineName(stack.UTF8("Tandem Studio"))
                            .engineVersion(1)
                            .apiVersion(XR10.XR_API_VERSION_1_0))
                    .enabledExtensionNames(exts);
            PointerBuffer pp = stack.mallocPointer(1);
            check(XR10.xrCreateInstance(ci, pp), "xrCreateInstance");
            return new XrInstance(pp.get(0), ci);
        }
    }

    private long system() {
        try (MemoryStack stack = stackPush()) {
            LongBuffer id = stack.mallocLong(1);
            check(XR10.xrGetSystem(instance, XrSystemGetInfo.calloc(stack).type$Default()
                    .formFactor(XR10.XR_FORM_FACTOR_HEAD_MOUNTED_DISPLAY), id), "xrGetSystem");
            return id.get(0);
        }
    }

    private XrSession createSession() {
        try (MemoryStack stack = stackPush()) {
            PointerBuffer pp = stack.mallocPointer(1);
            check(XR10.xrCreateSession(instance, XrSessionCreateInfo.calloc(stack).type$Default().systemId(systemId), pp),
                    "xrCreateSession");
            return new XrSession(pp.get(0), instance);
        }
    }

    long path(String p) {
        try (MemoryStack stack = stackPush()) {
            LongBuffer out = stack.mallocLong(1);
            check(XR10.xrStringToPath(instance, p, out), "xrStringToPath " + p);
            return out.get(0);
        }
    }

    private XrActionSet createActions() {
        handPaths[0] = path(XrActionLayout.LEFT);
        handPaths[1] = path(XrActionLayout.RIGHT);
        try (MemoryStack stack = stackPush()) {
            PointerBuffer pp = stack.mallocPointer(1);
            check(XR10.xrCreateActionSet(instance, XrActionSetCreateInfo.calloc(stack).type$Default()
                    .actionSetName(stack.UTF8(XrActionLayout.ACTION_SET))
                    .localizedActionSetName(stack.UTF8("Tandem teleoperation")).priority(0), pp), "xrCreateActionSet");
            XrActionSet set = new XrActionSet(pp.get(0), instance);
            LongBuffer subs = stack.longs(handPaths[0], handPaths[1]);
            for (XrActionLayout.ActionDef d : XrActionLayout.ActionDef.values()) {
                int type = switch (d.type()) {
                    case POSE -> XR10.XR_ACTION_TYPE_POSE_INPUT;
                    case FLOAT -> XR10.XR_ACTION_TYPE_FLOAT_INPUT;
                    case BOOLEAN -> XR10.XR_ACTION_TYPE_BOOLEAN_INPUT;
                };
                check(XR10.xrCreateAction(set, XrActionCreateInfo.calloc(stack).type$Default()
                        .actionName(stack.UTF8(d.actionName())).actionType(type)
                        .countSubactionPaths(2).subactionPaths(subs)
                        .localizedActionName(stack.UTF8(d.actionName().replace('_', ' '))), pp), "xrCreateAction " + d);
                actions[d.ordinal()] = new XrAction(pp.get(0), set);
            }
            return set;
        }
    }

    /** Suggests bindings per profile; a profile the runtime rejects is skipped (counted in the log by the caller). */
    private void suggestBindings() {
        for (String profile : XrActionLayout.profiles()) {
            try (MemoryStack stack = stackPush()) {
                List<XrActionLayout.Binding> list = XrActionLayout.bindings().stream()
                        .filter(b -> b.profile().equals(profile)).toList();
                XrActionSuggestedBinding.Buffer buf = XrActionSuggestedBinding.calloc(list.size(), stack);
                for (int i = 0; i < list.size(); i++) {
                    buf.get(i).action(actions[list.get(i).action().ordinal()]).binding(path(list.get(i).path()));
                }
                XR10.xrSuggestInteractionProfileBindings(instance, XrInteractionProfileSuggestedBinding.calloc(stack)
                        .type$Default().interactionProfile(path(profile)).suggestedBindings(buf));
            }
        }
    }

    private void attach() {
        try (MemoryStack stack = stackPush()) {
            check(XR10.xrAttachSessionActionSets(session, XrSessionActionSetsAttachInfo.calloc(stack).type$Default()
                    .actionSets(stack.pointers(actionSet))), "xrAttachSessionActionSets");
        }
    }

    @Override
    public void close() {
        if (actionSet != null) {
            XR10.xrDestroyActionSet(actionSet);
        }
        if (session != null) {
            XR10.xrDestroySession(session);
        }
        if (instance != null) {
            XR10.xrDestroyInstance(instance);
        }
    }

}
