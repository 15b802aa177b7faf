package studio.tandem.dataset.rlds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.example.Example;
import org.tensorflow.example.Feature;

/** Our hand-written encoder against TensorFlow's own generated classes. */
class TfExampleTest {

    @Test
    void tensorflowParsesEveryKindOfList() throws InvalidProtocolBufferException {
        float[] f = {1.5f, -0f, Float.MAX_VALUE, Float.NaN, 99f};
        long[] l = {0, -1, Long.MAX_VALUE, Long.MIN_VALUE, 300};
        TfExample ex = new TfExample()
                .floats("steps/action", f, 4)
                .int64s("steps/n", l, 5)
                .bools("steps/is_first", new boolean[] {true, false, false}, 3)
                .bytes("steps/observation/image", List.of(new byte[] {1, 2, 3}, new byte[0], new byte[200]))
                .strings("steps/language_instruction", List.of("pick", "ünïcødé ✓"))
                .floats("empty_floats", new float[0], 0)
                .int64s("empty_ints", new long[3], 0)
                .strings("empty_bytes", List.of());
        byte[] bytes = ex.toByteArray();
        assertThat(bytes).hasSize(ex.serializedSize());

        Example parsed = Example.parseFrom(bytes);
        Map<String, Feature> m = parsed.getFeatures().getFeatureMap();
        assertThat(m).hasSize(8);
        assertThat(m.get("steps/action").getFloatList().getValueList())
                .containsExactly(1.5f, -0f, Float.MAX_VALUE, Float.NaN);
        assertThat(m.get("steps/n").getInt64List().getValueList())
                .containsExactly(0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 300L);
        assertThat(m.get("steps/is_first").getInt64List().getValueList()).containsExactly(1L, 0L, 0L);
        assertThat(m.get("steps/observation/image").getBytesList().getValueCount()).isEqualTo(3);
        assertThat(m.get("steps/observation/image").getBytesList().getValue(0).toByteArray()).containsExactly(1, 2, 3);
        assertThat(m.get("steps/observation/image").getBytesList().getValue(2).size()).isEqualTo(200);
        assertThat(m.get("steps/language_instruction").getBytesList().getValue(1).toStringUtf8()).isEqualTo("ünïcødé ✓");
        assertThat(m.get("empty_floats").getKindCase()).isEqualTo(Feature.KindCase.FLOAT_LIST);
        assertThat(m.get("empty_ints").getKindCase()).isEqualTo(Feature.KindCase.INT64_LIST);
        assertThat(m.get("empty_bytes").getKindCase()).isEqualTo(Feature.KindCase.BYTES_LIST);
        assertThat(m.get("empty_floats").getFloatList().getValueCount()).isZero();
        // byte-identical to what TensorFlow's classes produce (deterministic, sorted keys)
        assertThat(parsed.toBuilder().build().getSerializedSize()).isEqualTo(bytes.length);
    }

    @Test
    void largeListsNeedMultiByteLengths() throws InvalidProtocolBufferException {
        float[] f = new float[100_000];
        for (int i = 0; i < f.length; i++) {
            f[i] = i * 0.5f;
        }
        byte[] bytes = new TfExample().floats("x", f, f.length).toByteArray();
        List<Float> back = Example.parseFrom(bytes).getFeatures().getFeatureMap().get("x").getFloatList().getValueList();
        assertThat(back).hasSize(100_000);
        assertThat(back.get(99_999)).isEqualTo(99_999 * 0.5f);
    }

    @Test
    void rejectsDuplicateAndEmptyKeysAndBadCounts() {
        TfExample ex = new TfExample().floats("a", new float[1], 1);
        assertThatThrownBy(() -> ex.floats("a", new float[1], 1)).hasMessageContaining("'a' set twice");
        assertThatThrownBy(() -> ex.floats("", new float[1], 1)).hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> ex.floats("b", new float[1], 2)).hasMessageContaining("b: count 2 outside [0, 1]");
    }
}
