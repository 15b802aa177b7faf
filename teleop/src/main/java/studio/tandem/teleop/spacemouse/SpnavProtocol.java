package studio.tandem.teleop.spacemouse;

/**
 * Facts of spacenavd's client protocol (FreeSpacenav spacenavd, {@code src/proto.h}). Every packet is
 * eight native-endian 32-bit ints (32 bytes): events are {@code type, data[7]}; in protocol v1,
 * responses to requests carry {@link #REQ_TAG} in the upper 16 bits of {@code type} and the status in
 * {@code data[6]}. A v1 client starts by sending the single int
 * {@code REQ_TAG | REQ_CHANGE_PROTO | version}; a v1 daemon answers with the same int (capped at its
 * maximum version); a v0 daemon reads it as a (NaN) sensitivity and ignores it.
 */
public final class SpnavProtocol {
    public static final int PACKET_BYTES = 32;
    public static final int MAX_VERSION = 1;

    public static final int REQ_TAG = 0x7faa0000;
    public static final int REQ_TAG_MASK = 0xffff0000;
    public static final int REQ_CHANGE_PROTO = 0x5500;

    public static final int REQ_SET_NAME = 0x1000;
    public static final int REQ_SET_SENS = 0x1001;
    public static final int REQ_GET_SENS = 0x1002;
    public static final int REQ_SET_EVMASK = 0x1003;
    public static final int REQ_GET_EVMASK = 0x1004;
    public static final int REQ_DEV_NAME = 0x2000;
    public static final int REQ_DEV_PATH = 0x2001;
    public static final int REQ_DEV_NAXES = 0x2002;
    public static final int REQ_DEV_NBUTTONS = 0x2003;
    public static final int REQ_DEV_USBID = 0x2004;
    public static final int REQ_DEV_TYPE = 0x2005;

    public static final int UEV_MOTION = 0;
    public static final int UEV_PRESS = 1;
    public static final int UEV_RELEASE = 2;
    public static final int UEV_DEV = 3;
    public static final int UEV_CFG = 4;

    public static final int EVMASK_MOTION = 0x01;
    public static final int EVMASK_BUTTON = 0x02;
    public static final int EVMASK_DEV = 0x04;
    public static final int EVMASK_CFG = 0x08;

    /** Default socket path of spacenavd. */
    public static final String DEFAULT_SOCKET = "/var/run/spnav.sock";

    private SpnavProtocol() {
    }

    /** The protocol-change request (and the daemon's answer) for a version. */
    public static int changeProtocolWord(int version) {
        return REQ_TAG | REQ_CHANGE_PROTO | (version & 0xff);
    }

    /** Whether a 4-byte word is a protocol-change answer; then its low byte is the version. */
    public static boolean isChangeProtocolWord(int word) {
        return (word & 0xffffff00) == (REQ_TAG | REQ_CHANGE_PROTO);
    }

    /** Whether the {@code type} int of a packet marks a response (v1) rather than an event. */
    public static boolean isResponse(int type) {
        return (type & REQ_TAG_MASK) == REQ_TAG;
    }
}
