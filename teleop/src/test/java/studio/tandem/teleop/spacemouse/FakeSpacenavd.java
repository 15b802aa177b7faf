package studio.tandem.teleop.spacemouse;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A peer speaking spacenavd's protocol on a UNIX socket, for tests: answers the v1 handshake (or stays
 * silent like a v0 daemon), answers device requests, and sends motion and button events on demand.
 */
final class FakeSpacenavd implements AutoCloseable {
    static final String NAME = "3Dconnexion SpaceNavigator";

    private final Path path;
    private final int maxVersion;
    private final ServerSocketChannel server;
    private final Thread acceptor;
    private final List<Integer> requests = new CopyOnWriteArrayList<>();
    private volatile SocketChannel client;
    private volatile int clientVersion = -1;
    private volatile int handshakeWord;

    /** @param maxVersion 1 for a current daemon, 0 for an old one that ignores the handshake */
    FakeSpacenavd(Path path, int maxVersion) throws IOException {
        this.path = path;
        this.maxVersion = maxVersion;
        Files.deleteIfExists(path);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        acceptor = new Thread(this::serve, "fake-spacenavd");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void serve() {
        try {
            while (server.isOpen()) {
                SocketChannel c = server.accept();
                client = c;
                clientVersion = 0;
                ByteBuffer word = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder());
                if (!readFully(c, word)) {
                    continue;
                }
                handshakeWord = word.getInt(0);
                if (maxVersion >= 1 && SpnavProtocol.isChangeProtocolWord(handshakeWord)) {
                    int v = Math.min(handshakeWord & 0xff, maxVersion);
                    word.clear();
                    word.putInt(SpnavProtocol.changeProtocolWord(v)).flip();
                    synchronized (this) {
                        c.write(word);
                    }
                    clientVersion = v;
                    answerRequests(c);
                }
            }
        } catch (IOException e) {
            // closed: the daemon stops
        }
    }

    private void answerRequests(SocketChannel c) throws IOException {
        ByteBuffer req = ByteBuffer.allocate(32).order(ByteOrder.nativeOrder());
        while (readFully(c, req)) {
            int type = req.getInt(0);
            int request = type & 0xffff;
            requests.add(request);
            int[] data = new int[7];
            byte[] extra = new byte[0];
            switch (request) {
                case SpnavProtocol.REQ_DEV_NAME -> {
                    extra = NAME.getBytes(StandardCharsets.UTF_8);
                    data[0] = extra.length;
                }
                case SpnavProtocol.REQ_DEV_USBID -> {
                    data[0] = 0x046d;
                    data[1] = 0xc626;
                }
                default -> { }
            }
            ByteBuffer resp = ByteBuffer.allocate(32 + extra.length).order(ByteOrder.nativeOrder());
            resp.putInt(type);
            for (int d : data) {
                resp.putInt(d);
            }
            resp.put(extra).flip();
            synchronized (this) {
                c.write(resp);
            }
            req.clear();
        }
    }

    private static boolean readFully(SocketChannel c, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (c.read(b) < 0) {
                return false;
            }
        }
        return true;
    }

    void sendMotion(int x, int y, int z, int rx, int ry, int rz) throws IOException {
        send(SpnavProtocol.UEV_MOTION, x, y, z, rx, ry, rz, 8);
    }

    void sendButton(int index, boolean pressed) throws IOException {
        send(pressed ? SpnavProtocol.UEV_PRESS : SpnavProtocol.UEV_RELEASE, index, 0, 0, 0, 0, 0, 0);
    }

    private void send(int type, int... data) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(32).order(ByteOrder.nativeOrder());
        b.putInt(type);
        for (int d : data) {
            b.putInt(d);
        }
        b.flip();
        synchronized (this) {
            while (b.hasRemaining()) {
                client.write(b);
            }
        }
    }

    boolean hasClient() {
        return client != null && client.isConnected();
    }

    int clientVersion() {
        return clientVersion;
    }

    int handshakeWord() {
        return handshakeWord;
    }

    List<Integer> requests() {
        return requests;
    }

    @Override
    public void close() throws IOException {
        server.close();
        SocketChannel c = client;
        if (c != null) {
            c.close();
        }
        Files.deleteIfExists(path);
    }
}
