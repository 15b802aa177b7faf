package studio.tandem.teleop.spacemouse;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A client of spacenavd's UNIX socket: negotiates protocol v1 (falling back to the v0 event stream
 * when the daemon does not answer), then decodes motion and button events and v1 responses. Runs on
 * the SpaceMouse device thread; allocation-free per packet after {@link #connect}.
 */
public final class SpnavClient implements AutoCloseable {
    private final Path socketPath;
    private final SpaceMouseListener listener;
    private final ByteBuffer in = ByteBuffer.allocateDirect(8192).order(ByteOrder.nativeOrder());
    private final ByteBuffer out = ByteBuffer.allocateDirect(256).order(ByteOrder.nativeOrder());
    private SocketChannel channel;
    private Selector selector;
    /** Non-capturing and allocated once: select(Consumer) avoids the selected-key set's per-wake nodes. */
    private static final java.util.function.Consumer<SelectionKey> READY = k -> { };
    private int version = -1;
    private long unknownPackets;
    private volatile String deviceName = "";
    private volatile int usbVendor;
    private volatile int usbProduct;

    public SpnavClient(Path socketPath, SpaceMouseListener listener) {
        this.socketPath = socketPath;
        this.listener = listener;
    }

    /**
     * Connects and negotiates the protocol, waiting at most {@code handshakeMillis} for a v1 answer.
     *
     * @return the protocol version in use (0 or 1)
     * @throws IOException if the socket cannot be opened (no daemon) or breaks
     */
    public int connect(long handshakeMillis) throws IOException {
        channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socketPath));
            channel.configureBlocking(false);
            selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
            in.clear();
            out.clear();
            out.putInt(SpnavProtocol.changeProtocolWord(SpnavProtocol.MAX_VERSION)).flip();
            writeAll();
            version = awaitProtocolAnswer(handshakeMillis);
            if (version >= 1) {
                sendRequest(SpnavProtocol.REQ_SET_EVMASK, SpnavProtocol.EVMASK_MOTION | SpnavProtocol.EVMASK_BUTTON
                        | SpnavProtocol.EVMASK_DEV);
                sendRequest(SpnavProtocol.REQ_DEV_NAME, 0);
                sendRequest(SpnavProtocol.REQ_DEV_USBID, 0);
            }
            return version;
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private int awaitProtocolAnswer(long handshakeMillis) throws IOException {
        long deadline = System.nanoTime() + handshakeMillis * 1_000_000L;
        while (in.position() < 4) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0 || !readSome(left)) {
                if (!channel.isOpen()) {
                    throw new IOException("spacenavd closed the connection during the handshake");
                }
                return 0; // silent daemon: protocol v0
            }
        }
        int word = in.getInt(0);
        if (SpnavProtocol.isChangeProtocolWord(word)) {
            in.flip();
            in.position(4);
            in.compact();
            return word & 0xff;
        }
        return 0; // the bytes are the start of a v0 event; keep them
    }

    /** Waits up to {@code millis} for data and reads it; false on timeout. Throws at end of stream. */
    private boolean readSome(long millis) throws IOException {
        if (selector.select(READY, Math.max(1, millis)) == 0) {
            return false;
        }
        int n;
        try {
            n = channel.read(in);
        } catch (IOException e) {
            throw new IOException("spacenavd closed the connection (" + e.getMessage() + ")", e);
        }
        if (n < 0) {
            throw new IOException("spacenavd closed the connection");
        }
        return n > 0;
    }

    /**
     * Waits up to {@code millis} for input and dispatches every complete packet to the listener.
     *
     * @throws IOException when the daemon goes away
     */
    public void poll(long millis) throws IOException {
        readSome(millis);
        in.flip();
        while (in.remaining() >= SpnavProtocol.PACKET_BYTES) {
            int start = in.position();
            if (!dispatch(start)) {
                in.position(start);
                break;
            }
        }
        in.compact();
    }

    /** Decodes the packet at {@code p}; false if it needs bytes not yet received. */
    private boolean dispatch(int p) {
        int type = in.getInt(p);
        if (SpnavProtocol.isChangeProtocolWord(type)) { // late handshake answer after an early event
            version = type & 0xff;
            in.position(p + 4);
            return true;
        }
        if (SpnavProtocol.isResponse(type)) {
            return response(p, type & 0xffff);
        }
        in.position(p + SpnavProtocol.PACKET_BYTES);
        switch (type) {
            case SpnavProtocol.UEV_MOTION -> listener.onMotion(in.getInt(p + 4), in.getInt(p + 8),
                    in.getInt(p + 12), in.getInt(p + 16), in.getInt(p + 20), in.getInt(p + 24));
            case SpnavProtocol.UEV_PRESS -> listener.onButton(in.getInt(p + 4), true);
            case SpnavProtocol.UEV_RELEASE -> listener.onButton(in.getInt(p + 4), false);
            case SpnavProtocol.UEV_DEV, SpnavProtocol.UEV_CFG -> { }
            default -> unknownPackets++;
        }
        return true;
    }

    private boolean response(int p, int request) {
        int status = in.getInt(p + 28);
        int extra = 0;
        if ((request == SpnavProtocol.REQ_DEV_NAME || request == SpnavProtocol.REQ_DEV_PATH) && status == 0) {
            extra = Math.max(0, in.getInt(p + 4));
            if (in.limit() - p < SpnavProtocol.PACKET_BYTES + extra) {
                return false;
            }
        }
        if (request == SpnavProtocol.REQ_DEV_NAME && status == 0) {
            byte[] name = new byte[extra]; // once per connection
            in.get(p + SpnavProtocol.PACKET_BYTES, name);
            deviceName = new String(name, StandardCharsets.UTF_8).trim();
        } else if (request == SpnavProtocol.REQ_DEV_USBID && status == 0) {
            usbVendor = in.getInt(p + 4);
            usbProduct = in.getInt(p + 8);
        }
        in.position(p + SpnavProtocol.PACKET_BYTES + extra);
        return true;
    }

    private void sendRequest(int request, int data0) throws IOException {
        out.clear();
        out.putInt(SpnavProtocol.REQ_TAG | request).putInt(data0);
        for (int i = 1; i < 7; i++) {
            out.putInt(0);
        }
        out.flip();
        writeAll();
    }

    private void writeAll() throws IOException {
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (out.hasRemaining()) {
            if (channel.write(out) == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("spacenavd does not accept requests");
                }
                Thread.onSpinWait();
            }
        }
    }

    /** The negotiated protocol version, or -1 before {@link #connect}. */
    public int version() {
        return version;
    }

    /** Device name reported by a v1 daemon, or empty. */
    public String deviceName() {
        return deviceName;
    }

    public int usbVendor() {
        return usbVendor;
    }

    public int usbProduct() {
        return usbProduct;
    }

    /** Packets of unknown type seen (counted, not used). */
    public long unknownPackets() {
        return unknownPackets;
    }

    @Override
    public void close() {
        try {
            if (selector != null) {
                selector.close();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // closing: nothing left to do
        }
        selector = null;
        channel = null;
    }
}
