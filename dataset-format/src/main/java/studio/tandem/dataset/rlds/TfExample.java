package studio.tandem.dataset.rlds;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds one {@code tf.train.Example} and serializes it with protobuf's {@link CodedOutputStream},
 * wire-compatible with TensorFlow's {@code example.proto}/{@code feature.proto}: Example.features(1)
 * → Features.feature(1, map&lt;string, Feature&gt;) → Feature.{bytes_list(1), float_list(2),
 * int64_list(3)}, numeric lists packed. Keys are written in sorted order, so output is
 * deterministic. Single-threaded; the value arrays are kept by reference until serialization.
 */
public final class TfExample {
    private static final int FEATURE_MAP = 1;
    private static final int BYTES_LIST = 1;
    private static final int FLOAT_LIST = 2;
    private static final int INT64_LIST = 3;
    private static final int VALUE = 1;

    private sealed interface Values permits Floats, Int64s, Bytes {
    }

    private record Floats(float[] v, int n) implements Values {
    }

    private record Int64s(long[] v, int n) implements Values {
    }

    private record Bytes(List<byte[]> v) implements Values {
    }

    private final Map<String, Values> features = new TreeMap<>();

    /** A float list holding {@code values[0, count)}. */
    public TfExample floats(String key, float[] values, int count) {
        return put(key, new Floats(values, checkCount(key, values.length, count)));
    }

    /** An int64 list holding {@code values[0, count)}. */
    public TfExample int64s(String key, long[] values, int count) {
        return put(key, new Int64s(values, checkCount(key, values.length, count)));
    }

    /** Booleans as an int64 list of 0/1, as TFDS stores {@code tf.bool}. */
    public TfExample bools(String key, boolean[] values, int count) {
        long[] v = new long[checkCount(key, values.length, count)];
        for (int i = 0; i < count; i++) {
            v[i] = values[i] ? 1 : 0;
        }
        return put(key, new Int64s(v, count));
    }

    /** A bytes list, one entry per element (e.g. one JPEG per step). */
    public TfExample bytes(String key, List<byte[]> values) {
        return put(key, new Bytes(List.copyOf(values)));
    }

    /** A bytes list of UTF-8 strings. */
    public TfExample strings(String key, List<String> values) {
        List<byte[]> b = new ArrayList<>(values.size());
        for (String s : values) {
            b.add(s.getBytes(StandardCharsets.UTF_8));
        }
        return put(key, new Bytes(b));
    }

    public int size() {
        return features.size();
    }

    /** Serialized size in bytes. */
    public int serializedSize() {
        long n = fieldSize(FEATURE_MAP, featuresSize());
        if (n > Integer.MAX_VALUE - 64) {
            throw new IllegalStateException("tf.train.Example larger than 2 GiB (" + n + " bytes)");
        }
        return (int) n;
    }

    /** The serialized Example. */
    public byte[] toByteArray() {
        byte[] out = new byte[serializedSize()];
        CodedOutputStream cos = CodedOutputStream.newInstance(out);
        try {
            cos.writeTag(FEATURE_MAP, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            cos.writeUInt32NoTag((int) featuresSize());
            for (Map.Entry<String, Values> e : features.entrySet()) {
                writeEntry(cos, e.getKey(), e.getValue());
            }
            cos.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new IllegalStateException("size computation of tf.train.Example is wrong", e);
        }
        return out;
    }

    private TfExample put(String key, Values v) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("tf.train.Example feature key must not be empty");
        }
        if (features.putIfAbsent(key, v) != null) {
            throw new IllegalArgumentException("tf.train.Example feature '" + key + "' set twice");
        }
        return this;
    }

    private static int checkCount(String key, int available, int count) {
        if (count < 0 || count > available) {
            throw new IllegalArgumentException(key + ": count " + count + " outside [0, " + available + "]");
        }
        return count;
    }

    private long featuresSize() {
        long n = 0;
        for (Map.Entry<String, Values> e : features.entrySet()) {
            n += fieldSize(FEATURE_MAP, entrySize(e.getKey(), e.getValue()));
        }
        return n;
    }

    private static long entrySize(String key, Values v) {
        return CodedOutputStream.computeStringSize(1, key) + fieldSize(2, featureSize(v));
    }

    /** Size of the Feature message (its oneof list). */
    private static long featureSize(Values v) {
        return fieldSize(kind(v), listSize(v));
    }

    private static long listSize(Values v) {
        if (v instanceof Floats f) {
            return f.n() == 0 ? 0 : fieldSize(VALUE, 4L * f.n());
        }
        if (v instanceof Int64s l) {
            return l.n() == 0 ? 0 : fieldSize(VALUE, varintsSize(l));
        }
        long n = 0;
        for (byte[] b : ((Bytes) v).v()) {
            n += fieldSize(VALUE, b.length);
        }
        return n;
    }

    private static long varintsSize(Int64s l) {
        long n = 0;
        for (int i = 0; i < l.n(); i++) {
            n += CodedOutputStream.computeInt64SizeNoTag(l.v()[i]);
        }
        return n;
    }

    private static int kind(Values v) {
        return v instanceof Floats ? FLOAT_LIST : v instanceof Int64s ? INT64_LIST : BYTES_LIST;
    }

    /** Tag + length prefix + payload of a length-delimited field. */
    private static long fieldSize(int field, long payload) {
        return CodedOutputStream.computeTagSize(field) + CodedOutputStream.computeUInt32SizeNoTag((int) payload)
                + payload;
    }

    private static void writeEntry(CodedOutputStream cos, String key, Values v) throws IOException {
        cos.writeTag(FEATURE_MAP, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        cos.writeUInt32NoTag((int) entrySize(key, v));
        cos.writeString(1, key);
        cos.writeTag(2, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        cos.writeUInt32NoTag((int) featureSize(v));
        cos.writeTag(kind(v), WireFormat.WIRETYPE_LENGTH_DELIMITED);
        cos.writeUInt32NoTag((int) listSize(v));
        writeList(cos, v);
    }

    private static void writeList(CodedOutputStream cos, Values v) throws IOException {
        if (v instanceof Floats f) {
            if (f.n() > 0) {
                cos.writeTag(VALUE, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                cos.writeUInt32NoTag(4 * f.n());
                for (int i = 0; i < f.n(); i++) {
                    cos.writeFloatNoTag(f.v()[i]);
                }
            }
        } else if (v instanceof Int64s l) {
            if (l.n() > 0) {
                cos.writeTag(VALUE, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                cos.writeUInt32NoTag((int) varintsSize(l));
                for (int i = 0; i < l.n(); i++) {
                    cos.writeInt64NoTag(l.v()[i]);
                }
            }
        } else {
            for (byte[] b : ((Bytes) v).v()) {
                cos.writeByteArray(VALUE, b);
            }
        }
    }
}
