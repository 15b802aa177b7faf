package studio.tandem.teleop.serial;

import java.io.IOException;

/** Opens the byte link of a serial device; real drivers use {@link SerialPortStream#open}, tests an in-memory peer. */
@FunctionalInterface
public interface SerialOpener {

    /** The real serial ports (jSerialComm). */
    SerialOpener PORTS = SerialPortStream::open;

    ByteStream open(String device, int baud) throws IOException;
}
