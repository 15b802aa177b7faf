package studio.tandem.dataset.rlds;

import java.io.IOException;

/** A TFRecord file is damaged: a CRC mismatch, a truncated record or an impossible length. */
public final class CorruptRecordException extends IOException {
    private static final long serialVersionUID = 1L;

    public CorruptRecordException(String message) {
        super(message);
    }
}
