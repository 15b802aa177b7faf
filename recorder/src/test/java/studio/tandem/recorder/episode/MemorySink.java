package studio.tandem.recorder.episode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Test dataset sink: keeps every appended episode and a copy of its videos' bytes. */
final class MemorySink implements DatasetSink {
    final List<EpisodeData> episodes = new ArrayList<>();
    final List<Map<String, byte[]>> videos = new ArrayList<>();
    volatile IOException failNext;

    @Override
    public synchronized int appendEpisode(EpisodeData episode) throws IOException {
        if (failNext != null) {
            IOException e = failNext;
            failNext = null;
            throw e;
        }
        Map<String, byte[]> v = new TreeMap<>();
        for (Map.Entry<String, Path> e : episode.videos().entrySet()) {
            v.put(e.getKey(), Files.readAllBytes(e.getValue()));
        }
        episodes.add(episode);
        videos.add(v);
        return episodes.size() - 1;
    }

    @Override
    public synchronized int episodeCount() {
        return episodes.size();
    }
}
