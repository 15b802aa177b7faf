package studio.tandem.teleop.ur;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One RTDE session over TCP: the v2 handshake (protocol version, controller version, output and input recipes,
 * start) and then reading data packages and writing input packages from preallocated buffers. Text messages
 * are kept (last one) and unknown package types are skipped and counted. Handshake on the connecting thread,
 * then owned by the I/O thread.
 */
final class RtdeConnection implements AutoCloseable {
    private static final int MAX_PACKAGE = 4096;

    private final String where;
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final byte[] rx = new byte[MAX_PACKAGE];
    private final ByteBuffer rxBuf = ByteBuffer.wrap(rx);
    private final byte[] tx = new byte[MAX_PACKAGE];
    private final ByteBuffer txBuf = ByteBuffer.wrap(tx);
    private int outputRecipe;
    private int inputRecipe;
    private String controllerVersion = "";
    private volatile String lastText = "";
    private long skipped;

    private RtdeConnection(String where, Socket socket) throws IOException {
        this.where = where;
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /**
     * Connects and completes the handshake.
     *
     * @throws IOException with a message for the user (refused, timeout, version, unknown variables)
     */
    static RtdeConnection open(String host, int port, double frequency, int timeoutMs) throws IOException {
        String where = host + ":" + port;
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(host, port), timeoutMs);
            s.setSoTimeout(timeoutMs);
        } catch (IOException e) {
            s.close();
            throw new IOException("cannot reach the RTDE interface at " + where + " (" + e.getMessage() + ")", e);
        }
        RtdeConnection c = new RtdeConnection(where, s);
        try {
            c.handshake(frequency);
            return c;
        } catch (SocketTimeoutException e) {
            c.close();
            throw new IOException("RTDE handshake with " + where + " timed out after " + timeoutMs + " ms", e);
        } catch (IOException e) {
            c.close();
            throw e;
        }
    }

    private void handshake(double frequency) throws IOException {
        begin(Rtde.REQUEST_PROTOCOL_VERSION).putShort((short) Rtde.PROTOCOL_VERSION);
        if (request(Rtde.REQUEST_PROTOCOL_VERSION).get() != 1) {
            throw new IOException("the controller at " + where + " refused RTDE protocol v2 (PolyScope ≥ 3.2 / 5.x needed)");
        }
        begin(Rtde.GET_URCONTROL_VERSION);
        ByteBuffer v = request(Rtde.GET_URCONTROL_VERSION);
        controllerVersion = v.getInt() + "." + v.getInt() + "." + v.getInt() + "." + v.getInt();
        begin(Rtde.SETUP_OUTPUTS).putDouble(frequency).put(String.join(",", Rtde.OUTPUTS).getBytes(StandardCharsets.US_ASCII));
        ByteBuffer o = request(Rtde.SETUP_OUTPUTS);
        outputRecipe = o.get() & 0xFF;
        checkTypes("output", Rtde.OUTPUTS, Rtde.OUTPUT_TYPES, rest(o));
        begin(Rtde.SETUP_INPUTS).put(String.join(",", Rtde.INPUTS).getBytes(StandardCharsets.US_ASCII));
        ByteBuffer i = request(Rtde.SETUP_INPUTS);
        inputRecipe = i.get() & 0xFF;
        String[] inTypes = new String[Rtde.INPUTS.length];
        for (int k = 0; k < inTypes.length; k++) {
            inTypes[k] = k < 2 ? "INT32" : "DOUBLE";
        }
        checkTypes("input", Rtde.INPUTS, inTypes, rest(i));
        begin(Rtde.START);
        if (request(Rtde.START).get() != 1) {
            throw new IOException("the controller at " + where + " refused to start RTDE data synchronisation");
        }
    }

    private void checkTypes(String kind, String[] names, String[] expected, String got) throws IOException {
        String[] types = got.split(",", -1);
        if (types.length != names.length) {
            throw new IOException("RTDE " + kind + " recipe reply from " + where + " has " + types.length
                    + " types for " + names.length + " variables: '" + got + "'");
        }
        for (int k = 0; k < names.length; k++) {
            if (types[k].equals("IN_USE")) {
                throw new IOException("RTDE " + kind + " " + names[k] + " at " + where
                        + " is already used by another client (another RTDE program or fieldbus?)");
            }
            if (!types[k].equals(expected[k])) {
                throw new IOException("RTDE " + kind + " " + names[k] + " at " + where + ": controller says "
                        + types[k] + ", expected " + expected[k] + " (controller " + controllerVersion + ")");
            }
        }
    }

    private static String rest(ByteBuffer b) {
        return new String(b.array(), b.position(), b.limit() - b.position(), StandardCharsets.US_ASCII);
    }

    private ByteBuffer begin(int type) {
        txBuf.clear();
        txBuf.putShort((short) 0).put((byte) type);
        return txBuf;
    }

    private void flush() throws IOException {
        int len = txBuf.position();
        txBuf.putShort(0, (short) len);
        out.write(tx, 0, len);
    }

    /** Sends the package being built and waits for the reply of the same type (skipping others). */
    private ByteBuffer request(int type) throws IOException {
        flush();
        while (true) {
            int t = readPackage();
            if (t == type) {
                return rxBuf;
            }
        }
    }

    /**
     * Reads the next package into the receive buffer (position after the header, limit at its end) and
     * returns its type. Text messages are kept; allocation only for text messages.
     *
     * @throws IOException on a lost connection, a timeout or a malformed size
     */
    int readPackage() throws IOException {
        in.readFully(rx, 0, Rtde.HEADER);
        int size = ((rx[0] & 0xFF) << 8) | (rx[1] & 0xFF);
        if (size < Rtde.HEADER || size > MAX_PACKAGE) {
            throw new IOException("malformed RTDE package from " + where + ": size " + size);
        }
        in.readFully(rx, Rtde.HEADER, size - Rtde.HEADER);
        rxBuf.limit(size).position(Rtde.HEADER);
        int type = rx[2] & 0xFF;
        if (type == Rtde.TEXT_MESSAGE) {
            lastText = textMessage(size);
        } else if (type != Rtde.DATA_PACKAGE && type != Rtde.START && type != Rtde.PAUSE
                && type != Rtde.SETUP_INPUTS && type != Rtde.SETUP_OUTPUTS && type != Rtde.REQUEST_PROTOCOL_VERSION
                && type != Rtde.GET_URCONTROL_VERSION) {
            skipped++;
        }
        return type;
    }

    private String textMessage(int size) {
        int p = Rtde.HEADER;
        int n = rx[p] & 0xFF;
        if (p + 1 + n <= size) {
            return new String(rx, p + 1, n, StandardCharsets.UTF_8);
        }
        return new String(rx, p, size - p, StandardCharsets.UTF_8);
    }

    /** The receive buffer after {@link #readPackage()} (position after the header). */
    ByteBuffer received() {
        return rxBuf;
    }

    int outputRecipe() {
        return outputRecipe;
    }

    /** Sends one input data package: mode, counter, 6 target values. Allocation-free. */
    void sendInputs(int mode, int counter, double[] target) throws IOException {
        begin(Rtde.DATA_PACKAGE).put((byte) inputRecipe).putInt(mode).putInt(counter);
        for (int k = 0; k < 6; k++) {
            txBuf.putDouble(target[k]);
        }
        flush();
    }

    /** Sets the read timeout (ms) for the streaming phase. */
    void streamTimeout(int ms) throws IOException {
        socket.setSoTimeout(ms);
    }

    String where() {
        return where;
    }

    String controllerVersion() {
        return controllerVersion;
    }

    /** The last text message from the controller, or empty. */
    String lastText() {
        return lastText;
    }

    /** Packages of unknown type that were skipped. */
    long skipped() {
        return skipped;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
