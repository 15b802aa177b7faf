package studio.tandem.teleop.spacemouse;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The teleop tests' spacenavd peer ({@code FakeSpacenavd}: the daemon's protocol v1 on a UNIX socket,
 * motion and button events on demand) opened up for the app's session tests.
 */
public final class SpacenavPeer implements AutoCloseable {
    private final FakeSpacenavd daemon;

    public SpacenavPeer(Path socket) throws IOException {
        daemon = new FakeSpacenavd(socket, 1);
    }

    /** Sends one motion event (raw axes, full scale about 350). */
    public void motion(int x, int y, int z, int rx, int ry, int rz) throws IOException {
        daemon.sendMotion(x, y, z, rx, ry, rz);
    }

    public boolean hasClient() {
        return daemon.hasClient();
    }

    @Override
    public void close() throws IOException {
        daemon.close();
    }
}
