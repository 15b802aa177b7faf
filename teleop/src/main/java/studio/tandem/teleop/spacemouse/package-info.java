/**
 * 3Dconnexion SpaceMouse. Source order: spacenavd's UNIX socket ({@code /var/run/spnav.sock};
 * protocol v1 negotiated with {@code REQ_TAG | REQ_CHANGE_PROTO | 1}, v0 assumed when the daemon stays
 * silent for {@code handshakeMillis}), else raw HID through hid4java (report layouts in
 * {@link studio.tandem.teleop.spacemouse.SpaceMouseModel}). Unplug or daemon restart: FAULT, then
 * reconnect with exponential backoff (100 ms doubling to 2 s). Notes: raw HID on Linux needs read
 * access to {@code /dev/hidraw*} (a udev rule for vendor 046d/256f); the Enterprise's 0x1c button
 * report is decoded as a list of pressed button numbers.
 */
package studio.tandem.teleop.spacemouse;
