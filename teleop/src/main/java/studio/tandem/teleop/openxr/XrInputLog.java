package studio.tandem.teleop.openxr;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Locale;

import studio.tandem.teleop.input.HandJoint;

/**
 * A plain-text log of raw OpenXR input (session-state changes and per-frame controller and hand
 * data), so a real session can be captured once and the pure OpenXR code tested against it without a
 * runtime. One record per line, space-separated, {@code #} starts a comment:
 * <pre>
 * state &lt;t_ns&gt; &lt;XrSessionState&gt;
 * ctrl &lt;t_ns&gt; &lt;hand 0|1&gt; &lt;poseActive 0|1&gt; &lt;gripFlags&gt; x y z qx qy qz qw &lt;aimFlags&gt; x y z qx qy qz qw trigger squeeze a b menu
 * hand &lt;t_ns&gt; &lt;hand&gt; &lt;active&gt; then 26 × (flags x y z qx qy qz qw radius)
 * end &lt;t_ns&gt;          (closes a frame)
 * </pre>
 * Writing allocates (it is for capture and debugging, not the hot path).
 */
public final class XrInputLog {

    /** Receives the records of a log. */
    public interface Visitor {
        void state(long t, int xrState);

        /** A complete frame (after its {@code end} line). */
        void frame(long t, XrFrameInput frame);
    }

    private XrInputLog() {
    }

    public static void writeState(Appendable out, long t, int xrState) throws IOException {
        out.append("state ").append(Long.toString(t)).append(' ').append(Integer.toString(xrState)).append('\n');
    }

    public static void writeFrame(Appendable out, long t, XrFrameInput in) throws IOException {
        for (int h = 0; h < 2; h++) {
            StringBuilder sb = new StringBuilder("ctrl ").append(t).append(' ').append(h).append(' ')
                    .append(in.poseActive[h] ? 1 : 0).append(' ').append(in.gripFlags[h]);
            nums(sb, in.gripPose[h], 0, 7);
            sb.append(' ').append(in.aimFlags[h]);
            nums(sb, in.aimPose[h], 0, 7);
            sb.append(String.format(Locale.ROOT, " %s %s %d %d %d", in.trigger[h], in.squeeze[h],
                    in.buttonA[h] ? 1 : 0, in.buttonB[h] ? 1 : 0, in.menu[h] ? 1 : 0));
            out.append(sb).append('\n');
            if (in.handTrackingAvailable) {
                StringBuilder hb = new StringBuilder("hand ").append(t).append(' ').append(h).append(' ')
                        .append(in.handActive[h] ? 1 : 0);
                for (int j = 0; j < HandJoint.COUNT; j++) {
                    hb.append(' ').append(in.jointFlags[h][j]);
                    nums(hb, in.jointPose[h], j * 7, 7);
                    hb.append(' ').append(in.jointRadius[h][j]);
                }
                out.append(hb).append('\n');
            }
        }
        out.append("end ").append(Long.toString(t)).append('\n');
    }

    private static void nums(StringBuilder sb, double[] v, int from, int n) {
        for (int i = 0; i < n; i++) {
            sb.append(' ').append(v[from + i]);
        }
    }

    /**
     * Reads a log and calls the visitor for every state change and frame.
     *
     * @throws IOException naming the line number and what is wrong
     */
    public static void read(BufferedReader in, String name, Visitor v) throws IOException {
        XrFrameInput frame = new XrFrameInput();
        frame.clear();
        String line;
        int n = 0;
        while ((line = in.readLine()) != null) {
            n++;
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+");
            try {
                switch (f[0]) {
                    case "state" -> v.state(Long.parseLong(f[1]), Integer.parseInt(f[2]));
                    case "ctrl" -> ctrl(f, frame);
                    case "hand" -> hand(f, frame);
                    case "end" -> {
                        frame.displayTime = Long.parseLong(f[1]);
                        v.frame(frame.displayTime, frame);
                        frame.clear();
                    }
                    default -> throw new IOException(name + ":" + n + ": unknown record '" + f[0] + "'");
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IOException(name + ":" + n + ": malformed '" + f[0] + "' record", e);
            }
        }
    }

    private static void ctrl(String[] f, XrFrameInput in) throws IOException {
        if (f.length != 25) {
            throw new ArrayIndexOutOfBoundsException("ctrl needs 25 fields");
        }
        int h = Integer.parseInt(f[2]);
        in.poseActive[h] = f[3].equals("1");
        in.gripFlags[h] = Long.parseLong(f[4]);
        for (int i = 0; i < 7; i++) {
            in.gripPose[h][i] = Double.parseDouble(f[5 + i]);
        }
        in.aimFlags[h] = Long.parseLong(f[12]);
        for (int i = 0; i < 7; i++) {
            in.aimPose[h][i] = Double.parseDouble(f[13 + i]);
        }
        in.trigger[h] = Double.parseDouble(f[20]);
        in.squeeze[h] = Double.parseDouble(f[21]);
        in.buttonA[h] = f[22].equals("1");
        in.buttonB[h] = f[23].equals("1");
        in.menu[h] = f[24].equals("1");
    }

    private static void hand(String[] f, XrFrameInput in) {
        if (f.length != 4 + HandJoint.COUNT * 9) {
            throw new ArrayIndexOutOfBoundsException("hand needs " + (4 + HandJoint.COUNT * 9) + " fields");
        }
        int h = Integer.parseInt(f[2]);
        in.handTrackingAvailable = true;
        in.handActive[h] = f[3].equals("1");
        for (int j = 0; j < HandJoint.COUNT; j++) {
            int k = 4 + j * 9;
            in.jointFlags[h][j] = Long.parseLong(f[k]);
            for (int i = 0; i < 7; i++) {
                in.jointPose[h][j * 7 + i] = Double.parseDouble(f[k + 1 + i]);
            }
            in.jointRadius[h][j] = Double.parseDouble(f[k + 8]);
        }
    }
}
