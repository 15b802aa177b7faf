package studio.tandem.app.studio.review.curation;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import studio.tandem.dataset.feature.Feature;
import studio.tandem.dataset.feature.TextFeature;
import studio.tandem.dataset.feature.VectorFeature;
import studio.tandem.dataset.feature.VisualFeature;
import studio.tandem.dataset.rlds.EpisodeSource;
import studio.tandem.dataset.rlds.FrameCursor;
import studio.tandem.dataset.rlds.SourceEpisode;

/**
 * An {@link EpisodeSource} seen through a {@link CurationJournal}: deleted episodes left out,
 * success and task relabelled, trimmed episodes cut to their kept frames. Same threading as the
 * wrapped source (the exporter's thread).
 */
public final class CuratedEpisodeSource implements EpisodeSource {
    private final EpisodeSource source;
    private final List<Integer> kept = new ArrayList<>();
    private final List<EpisodeCuration> curations = new ArrayList<>();

    /**
     * @param curationOf the curation per position of {@code source} (the journal's entry for the
     *     episode at that position)
     */
    public CuratedEpisodeSource(EpisodeSource source, List<EpisodeCuration> curationOf) {
        if (curationOf.size() != source.episodeCount()) {
            throw new IllegalArgumentException("curation for " + curationOf.size() + " episodes, source has "
                    + source.episodeCount());
        }
        this.source = source;
        for (int i = 0; i < curationOf.size(); i++) {
            if (!curationOf.get(i).deleted()) {
                kept.add(i);
                curations.add(curationOf.get(i));
            }
        }
    }

    @Override
    public String location() {
        return source.location();
    }

    @Override
    public VectorFeature state() {
        return source.state();
    }

    @Override
    public VectorFeature action() {
        return source.action();
    }

    @Override
    public List<VisualFeature> cameras() {
        return source.cameras();
    }

    @Override
    public List<Feature> extras() {
        return source.extras();
    }

    @Override
    public int episodeCount() {
        return kept.size();
    }

    @Override
    public SourceEpisode episode(int i) throws IOException {
        SourceEpisode e = source.episode(kept.get(i));
        EpisodeCuration c = curations.get(i);
        return c.isNone() ? e : new Curated(e, c);
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    /** One episode with its curation applied. */
    private static final class Curated implements SourceEpisode {
        private final SourceEpisode e;
        private final EpisodeCuration c;
        private final int from;
        private final int to;

        Curated(SourceEpisode e, EpisodeCuration c) throws IOException {
            this.e = e;
            this.c = c;
            this.from = c.trimFrom();
            this.to = c.keptTo(e.length());
            if (to - from < 1) {
                throw new IOException("episode " + e.episodeIndex() + ": trim " + from + ".." + c.trimTo()
                        + " keeps no frame of " + e.length());
            }
        }

        @Override
        public int episodeIndex() {
            return e.episodeIndex();
        }

        @Override
        public int length() {
            return to - from;
        }

        @Override
        public String filePath() {
            return e.filePath();
        }

        @Override
        public Optional<Boolean> success() {
            return c.success() != null ? Optional.of(c.success()) : e.success();
        }

        @Override
        public double[] numbers(VectorFeature feature) throws IOException {
            int w = feature.length();
            return Arrays.copyOfRange(e.numbers(feature), from * w, to * w);
        }

        @Override
        public List<String> texts(TextFeature feature) throws IOException {
            return e.texts(feature).subList(from, to);
        }

        @Override
        public List<String> instructions() throws IOException {
            return c.task() != null ? Collections.nCopies(length(), c.task()) : e.instructions().subList(from, to);
        }

        @Override
        public FrameCursor frames(VisualFeature camera) throws IOException {
            FrameCursor inner = e.frames(camera);
            for (int i = 0; i < from; i++) {
                if (inner.next() == null) {
                    break;
                }
            }
            return new FrameCursor() {
                private int left = length();

                @Override
                public BufferedImage next() throws IOException {
                    return left-- > 0 ? inner.next() : null;
                }

                @Override
                public void close() throws IOException {
                    inner.close();
                }
            };
        }

        @Override
        public void close() throws IOException {
            e.close();
        }
    }
}
