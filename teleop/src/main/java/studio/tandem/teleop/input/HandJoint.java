package studio.tandem.teleop.input;

/** The 26 hand joints of XR_EXT_hand_tracking, in the order of {@code XrHandJointEXT}. */
public enum HandJoint {
    PALM, WRIST,
    THUMB_METACARPAL, THUMB_PROXIMAL, THUMB_DISTAL, THUMB_TIP,
    INDEX_METACARPAL, INDEX_PROXIMAL, INDEX_INTERMEDIATE, INDEX_DISTAL, INDEX_TIP,
    MIDDLE_METACARPAL, MIDDLE_PROXIMAL, MIDDLE_INTERMEDIATE, MIDDLE_DISTAL, MIDDLE_TIP,
    RING_METACARPAL, RING_PROXIMAL, RING_INTERMEDIATE, RING_DISTAL, RING_TIP,
    LITTLE_METACARPAL, LITTLE_PROXIMAL, LITTLE_INTERMEDIATE, LITTLE_DISTAL, LITTLE_TIP;

    public static final int COUNT = 26;

    /** Tip joints of thumb, index, middle, ring, little (in that order). */
    public static final HandJoint[] TIPS = {THUMB_TIP, INDEX_TIP, MIDDLE_TIP, RING_TIP, LITTLE_TIP};
}
