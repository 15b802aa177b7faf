package studio.tandem.teleop.replay;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import studio.tandem.teleop.input.HandJointsSample;
import studio.tandem.teleop.input.PoseSample;

/**
 * The device-stream file format (big-endian, versioned):
 * <pre>
 * magic "TNDMDEVS", int version (1), UTF device id, UTF device kind, byte channel count, UTF name per channel
 * records:  byte kind (1 pose, 2 hand), byte channel or side, long nanos since the first record, then
 *   pose: 7 doubles (x y z qx qy qz qw), long buttons, float trigger, float squeeze, byte tracking-valid
 *   hand: byte tracked, 26 × (3 floats position, 4 floats orientation, float radius, byte valid)
 * </pre>
 * Poses keep full precision; hand joints are float (sub-micrometre at arm's length).
 */
public final class StreamFormat {
    public static final byte[] MAGIC = {'T', 'N', 'D', 'M', 'D', 'E', 'V', 'S'};
    public static final int VERSION = 1;
    public static final byte POSE = 1;
    public static final byte HAND = 2;

    private StreamFormat() {
    }

    static void writePose(DataOutputStream out, int channel, long offset, PoseSample s) throws IOException {
        out.writeByte(POSE);
        out.writeByte(channel);
        out.writeLong(offset);
        out.writeDouble(s.px());
        out.writeDouble(s.py());
        out.writeDouble(s.pz());
        out.writeDouble(s.qx());
        out.writeDouble(s.qy());
        out.writeDouble(s.qz());
        out.writeDouble(s.qw());
        out.writeLong(s.buttons());
        out.writeFloat((float) s.trigger());
        out.writeFloat((float) s.squeeze());
        out.writeByte(s.trackingValid() ? 1 : 0);
    }

    static void readPose(DataInputStream in, PoseSample s) throws IOException {
        s.set(0, in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble(),
                in.readDouble(), in.readDouble());
        long buttons = in.readLong();
        float trigger = in.readFloat();
        float squeeze = in.readFloat();
        s.setInputs(buttons, trigger, squeeze, in.readByte() != 0);
    }

    static void writeHand(DataOutputStream out, int side, long offset, HandJointsSample h) throws IOException {
        out.writeByte(HAND);
        out.writeByte(side);
        out.writeLong(offset);
        out.writeByte(h.tracked() ? 1 : 0);
        for (int j = 0; j < HandJointsSample.JOINTS; j++) {
            out.writeFloat((float) h.x(j));
            out.writeFloat((float) h.y(j));
            out.writeFloat((float) h.z(j));
            for (int c = 0; c < 4; c++) {
                out.writeFloat((float) h.q(j, c));
            }
            out.writeFloat((float) h.radius(j));
            out.writeByte(h.jointValid(j) ? 1 : 0);
        }
    }

    static void readHand(DataInputStream in, HandJointsSample h) throws IOException {
        h.setHeader(0, in.readByte() != 0);
        for (int j = 0; j < HandJointsSample.JOINTS; j++) {
            h.setJoint(j, in.readFloat(), in.readFloat(), in.readFloat(), in.readFloat(), in.readFloat(),
                    in.readFloat(), in.readFloat(), in.readFloat(), in.readByte() != 0);
        }
    }
}
