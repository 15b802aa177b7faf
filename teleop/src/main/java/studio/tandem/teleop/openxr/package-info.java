/**
 * OpenXR controllers and hand tracking through LWJGL. Runtime-facing code: {@code OpenXrSession}
 * (instance, headless session, actions, bindings) and {@code OpenXrFrameReader} (per-frame reads).
 * Pure and tested without a runtime: {@link studio.tandem.teleop.openxr.XrSessionStateMachine},
 * {@link studio.tandem.teleop.openxr.XrActionLayout}, {@link studio.tandem.teleop.openxr.XrInputMapper},
 * {@link studio.tandem.teleop.openxr.XrInputLog}. Notes: the session is headless (XR_MND_headless);
 * runtimes without it are reported, not worked around. Without a runtime the Khronos loader itself
 * prints one error line on stderr before the studio's own one-line message.
 */
package studio.tandem.teleop.openxr;
