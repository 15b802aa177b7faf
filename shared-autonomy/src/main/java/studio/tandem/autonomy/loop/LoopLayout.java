package studio.tandem.autonomy.loop;

/**
 * Sizes of the loop's vectors. Joint vectors are the arm joints (radians) followed by the hand
 * joints (radians); tactile is whatever the hand's tactile feature declares.
 */
public record LoopLayout(int armDof, int handDof, int tactileDim) {
    public LoopLayout {
        if (armDof < 0 || handDof < 0 || armDof + handDof == 0 || tactileDim < 0) {
            throw new IllegalArgumentException("loop layout: bad sizes arm " + armDof + ", hand " + handDof
                    + ", tactile " + tactileDim);
        }
    }

    public int joints() {
        return armDof + handDof;
    }
}
