package studio.tandem.teleop.sim.render;

/** A renderer's private copy of a {@link RenderScene}, reused every frame. Confined to the render thread. */
final class SceneSnapshot {
    int count;
    int[] shapes = new int[0];
    float[] dims = new float[0];
    float[] poses = new float[0];
    float[] colors = new float[0];
    boolean[] visible = new boolean[0];
    int lightCount;
    final float[] lightDirs = new float[3 * RenderScene.MAX_LIGHTS];
    final float[] lightColors = new float[3 * RenderScene.MAX_LIGHTS];
    final float[] ambient = new float[3];
    final float[] background = new float[3];

    /** Grows the arrays (only when a larger scene is rendered for the first time). */
    void ensureCapacity(int capacity) {
        if (shapes.length >= capacity) {
            return;
        }
        shapes = new int[capacity];
        dims = new float[3 * capacity];
        poses = new float[16 * capacity];
        colors = new float[4 * capacity];
        visible = new boolean[capacity];
    }
}
