package studio.tandem.teleop.ur;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A UR controller on loopback speaking RTDE v2 (handshake, recipes, data packages at a fixed rate, input
 * packages) and accepting programs on a script port. The "robot" follows servoj targets at once while the
 * uploaded servo program runs, echoes the command counter in output_int_register_24, and trips its watchdog
 * (program stops) when input packages stall for 100 ms. Faults on demand.
 */
final class FakeUrController implements AutoCloseable {
    final ServerSocket rtdeServer;
    final ServerSocket scriptServer;
    final List<String> programs = new CopyOnWriteArrayList<>();
    volatile double[] q = {0, -1.57, 1.57, -1.57, -1.57, 0};
    volatile double[] pose = {0.1, 0.2, 0.3, 0, 0, Math.PI / 2};
    volatile double[] lastTarget = new double[6];
    volatile int lastMode = -1;
    volatile int lastCounter;
    volatile int safetyMode = 1;
    volatile boolean refuseVersion;
    volatile Set<String> notFound = Set.of();
    volatile boolean silentHandshake;
    volatile boolean stall;
    volatile boolean sendMalformed;
    volatile boolean sendUnknown;
    volatile boolean programRunning;
    volatile boolean watchdogTripped;
    /** The uploaded program's {@code rtde_set_watchdog} period (100 ms until a program says otherwise). */
    volatile long watchdogNanos = 100_000_000L;
    volatile int connections;
    volatile int token;
    volatile boolean ignorePrograms;
    private final int hz;
    private volatile boolean running = true;
    private volatile Socket client;
    private volatile long lastInputNanos;

    FakeUrController(int hz) throws IOException {
        this.hz = hz;
        rtdeServer = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        scriptServer = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        daemon(this::acceptRtde, "fake-ur-rtde");
        daemon(this::acceptScripts, "fake-ur-script");
        daemon(this::watchdog, "fake-ur-watchdog");
    }

    UrRtdeConfig config() {
        return new UrRtdeConfig("arm", "127.0.0.1", rtdeServer.getLocalPort(), scriptServer.getLocalPort(), "ur5e",
                hz, 0.1, 300, 100, 1000, 400, 0);
    }

    private static void daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    void dropConnection() throws IOException {
        Socket c = client;
        if (c != null) {
            c.close();
        }
    }

    private void acceptRtde() {
        while (running) {
            try (Socket s = rtdeServer.accept()) {
                client = s;
                connections++;
                session(s);
            } catch (IOException e) {
                // next client
            }
        }
    }

    private void watchdog() {
        while (running) {
            if (programRunning && System.nanoTime() - lastInputNanos > watchdogNanos) {
                programRunning = false;
                watchdogTripped = true;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void acceptScripts() {
        while (running) {
            try (Socket s = scriptServer.accept()) {
                String p = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                programs.add(p);
                if (ignorePrograms) {
                    continue;
                }
                java.util.regex.Matcher m = java.util.regex.Pattern
                        .compile("write_output_integer_register\\(25, (\\d+)\\)").matcher(p);
                if (m.find()) {
                    token = Integer.parseInt(m.group(1));
                }
                java.util.regex.Matcher w = java.util.regex.Pattern
                        .compile("rtde_set_watchdog\\(\"[a-z_0-9]+\", ([0-9.]+),").matcher(p);
                if (w.find()) {
                    watchdogNanos = (long) (1e9 / Double.parseDouble(w.group(1)));
                }
                if (p.contains("def tandem_servo():")) {
                    lastInputNanos = System.nanoTime();
                    watchdogTripped = false;
                    programRunning = true;
                } else if (p.contains("def tandem_stop():")) {
                    programRunning = false;
                }
            } catch (IOException e) {
                // next program
            }
        }
    }

    private void session(Socket s) throws IOException {
        DataInputStream in = new DataInputStream(s.getInputStream());
        DataOutputStream out = new DataOutputStream(s.getOutputStream());
        while (running) {
            int size = in.readUnsignedShort();
            int type = in.readUnsignedByte();
            byte[] body = new byte[size - 3];
            in.readFully(body);
            if (silentHandshake) {
                continue;
            }
            ByteBuffer b = ByteBuffer.wrap(body);
            switch (type) {
                case Rtde.REQUEST_PROTOCOL_VERSION -> send(out, type, new byte[] {(byte) (refuseVersion ? 0 : 1)});
                case Rtde.GET_URCONTROL_VERSION -> send(out, type, ByteBuffer.allocate(16).putInt(5).putInt(15)
                        .putInt(0).putInt(0).array());
                case Rtde.SETUP_OUTPUTS -> {
                    b.getDouble();
                    send(out, type, recipe(1, new String(body, 8, body.length - 8, StandardCharsets.US_ASCII)));
                }
                case Rtde.SETUP_INPUTS -> send(out, type, recipe(2, new String(body, StandardCharsets.US_ASCII)));
                case Rtde.START -> {
                    send(out, type, new byte[] {1});
                    daemon(() -> stream(out), "fake-ur-stream");
                }
                case Rtde.DATA_PACKAGE -> input(b);
                default -> { }
            }
        }
    }

    private byte[] recipe(int id, String names) {
        StringBuilder types = new StringBuilder();
        for (String n : names.split(",")) {
            if (types.length() > 0) {
                types.append(',');
            }
            types.append(notFound.contains(n) ? "NOT_FOUND" : typeOf(n));
        }
        byte[] t = types.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[t.length + 1];
        out[0] = (byte) id;
        System.arraycopy(t, 0, out, 1, t.length);
        return out;
    }

    private static String typeOf(String n) {
        if (n.equals("runtime_state")) {
            return "UINT32";
        }
        if (n.startsWith("actual_")) {
            return "VECTOR6D";
        }
        return n.contains("int") || n.endsWith("_mode") ? "INT32" : "DOUBLE";
    }

    private void input(ByteBuffer b) {
        b.get();
        int mode = b.getInt();
        int counter = b.getInt();
        double[] t = new double[6];
        for (int i = 0; i < 6; i++) {
            t[i] = b.getDouble();
        }
        lastInputNanos = System.nanoTime();
        if (programRunning) {
            lastMode = mode;
            lastTarget = t;
            lastCounter = counter;
            if (mode == UrServoScript.MODE_SERVOJ) {
                q = t;
            }
        }
    }

    private void stream(DataOutputStream out) {
        long period = 1_000_000_000L / hz;
        double time = 0;
        try {
            while (running && !client.isClosed()) {
                Thread.sleep(period / 1_000_000L, (int) (period % 1_000_000L));
                if (stall) {
                    continue;
                }
                if (sendUnknown) {
                    sendUnknown = false;
                    send(out, 99, new byte[] {1, 2, 3});
                }
                if (sendMalformed) {
                    send(out, Rtde.DATA_PACKAGE, new byte[] {1, 0, 0, 0});
                    continue;
                }
                ByteBuffer b = ByteBuffer.allocate(Rtde.OUTPUT_PACKAGE_SIZE - 3);
                b.put((byte) 1).putDouble(time += 1.0 / hz);
                for (double v : q) {
                    b.putDouble(v);
                }
                for (int i = 0; i < 6; i++) {
                    b.putDouble(0);
                }
                for (double v : pose) {
                    b.putDouble(v);
                }
                b.putInt(7).putInt(safetyMode).putInt(2).putInt(programRunning ? lastCounter : 0).putInt(token);
                send(out, Rtde.DATA_PACKAGE, b.array());
            }
        } catch (IOException | InterruptedException e) {
            // session over
        }
    }

    private static synchronized void send(DataOutputStream out, int type, byte[] payload) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(buf);
        d.writeShort(payload.length + 3);
        d.writeByte(type);
        d.write(payload);
        synchronized (out) {
            out.write(buf.toByteArray());
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        dropConnection();
        rtdeServer.close();
        scriptServer.close();
    }
}
