package studio.tandem.dataset.lerobot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file a writer is currently filling (chunk, file index, row groups and rows written this
 * session), and LeRobot's roll-over rule: a new file when the current one plus the episode's
 * estimated size reaches the limit; the first file of a session follows the dataset's last one.
 * Writer thread only.
 */
final class FileCursor {
    long chunk = -1;
    long file = -1;
    int groups;
    long rows;

    interface PathOf {
        String path(long chunk, long file);
    }

    /** Chooses the file for {@code newRows} more rows and returns its path. */
    Path place(Path root, long[] lastOfDataset, long newRows, int limitMb, int chunksSize,
            PathOf pathOf) throws IOException {
        if (chunk < 0) {
            long[] cf = lastOfDataset == null ? new long[] {0, 0}
                    : LeRobotPaths.next(lastOfDataset[0], lastOfDataset[1], chunksSize);
            chunk = cf[0];
            file = cf[1];
            groups = 0;
            rows = 0;
        } else {
            Path cur = root.resolve(pathOf.path(chunk, file));
            double mb = Files.size(cur) / (1024.0 * 1024.0);
            double perRow = rows > 0 ? mb / rows : 0;
            if (mb + perRow * newRows >= limitMb) {
                long[] cf = LeRobotPaths.next(chunk, file, chunksSize);
                chunk = cf[0];
                file = cf[1];
                groups = 0;
                rows = 0;
            }
        }
        return root.resolve(pathOf.path(chunk, file));
    }

    void added(long n) {
        groups++;
        rows += n;
    }

    /** The file was rewritten with {@code groupsNow} row groups, holding {@code newRows} more rows. */
    void merged(int groupsNow, long newRows) {
        groups = groupsNow;
        rows += newRows;
    }
}
