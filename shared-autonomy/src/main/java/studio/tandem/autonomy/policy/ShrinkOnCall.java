package studio.tandem.autonomy.policy;

import java.util.List;

/**
 * {@link PolicyFrames} over a full-frame {@link FrameSource} that produces its frame when asked
 * (e.g. a wrist camera rendered on demand in simulated time): each {@link #latest} takes the source's
 * frame and shrinks it on the caller's thread. A frame whose capture stamp equals the previous one's
 * is counted as reused. Allocation-free after the first frame of each size. Policy thread only.
 */
public final class ShrinkOnCall implements PolicyFrames {
    private final FrameSource source;
    private final String[] features;
    private final FrameShrinker[] shrinkers;
    private final ImageFrame[] full;
    private final long[] sequence;
    private volatile long shrunk;
    private volatile long reused;

    /** @param cameras the policy's camera inputs, in manifest order ({@link PolicyInputs#cameras()}) */
    public ShrinkOnCall(FrameSource source, List<ManifestInput.Camera> cameras) {
        this.source = source;
        int n = cameras.size();
        this.features = new String[n];
        this.shrinkers = new FrameShrinker[n];
        this.full = new ImageFrame[n];
        this.sequence = new long[n];
        for (int i = 0; i < n; i++) {
            ManifestInput.Camera c = cameras.get(i);
            features[i] = c.feature();
            shrinkers[i] = new FrameShrinker(c);
            full[i] = new ImageFrame(c.width(), c.height());
        }
    }

    @Override
    public boolean latest(int camera, ShrunkFrame into) {
        ImageFrame f = full[camera];
        if (!source.latest(features[camera], f)) {
            return false;
        }
        if (into.taps() > 0 && f.stampNanos() == into.stampNanos()) {
            reused++;
        }
        shrinkers[camera].shrink(f, ++sequence[camera], into);
        shrunk++;
        return true;
    }

    @Override
    public long framesShrunk() {
        return shrunk;
    }

    @Override
    public long framesReused() {
        return reused;
    }
}
