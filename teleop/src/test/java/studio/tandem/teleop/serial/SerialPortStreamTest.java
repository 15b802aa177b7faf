package studio.tandem.teleop.serial;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class SerialPortStreamTest {

    @Test
    void missingPortIsNamedInOneLine() {
        assertThatThrownBy(() -> SerialOpener.PORTS.open("/dev/ttyTANDEM-none", 115_200))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("serial port /dev/ttyTANDEM-none: ")
                .hasMessageNotContaining("\n");
    }
}
