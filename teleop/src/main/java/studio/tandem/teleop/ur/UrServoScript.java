package studio.tandem.teleop.ur;

import java.util.Locale;

/**
 * The URScript servo program uploaded on the script port. Registers (RTDE inputs 24–47 are the external
 * controller's): {@code input_int_register_24} mode (0 hold/stop, 1 servoj to joints, 2 servol to a pose),
 * {@code input_int_register_25} a counter that the client increments with every input package,
 * {@code input_double_register_24..29} the target (joint positions in rad, or x, y, z in m and a rotation
 * vector in rad, base frame). The program echoes the last counter it acted on in
 * {@code output_int_register_24} and its activation token in {@code output_int_register_25}, so the client
 * knows that this very program runs (not an older one). Two watchdogs stop the arm when the stream stalls: the controller's
 * {@code rtde_set_watchdog} on the counter register and the program's own staleness count.
 */
public final class UrServoScript {
    public static final int MODE_HOLD = 0;
    public static final int MODE_SERVOJ = 1;
    public static final int MODE_SERVOL = 2;
    public static final String PROGRAM_NAME = "tandem_servo";

    private UrServoScript() {
    }

    /**
     * The program text for {@code config} (ends with a newline, as the script port expects).
     *
     * @param token a number that differs from any program started before on this controller
     */
    public static String program(UrRtdeConfig config, int token) {
        double dt = 1.0 / config.frequencyHz();
        int staleCycles = Math.max(2, (int) Math.ceil(config.watchdogMs() / 1000.0 * config.frequencyHz()));
        double watchdogHz = Math.max(1, 1000.0 / config.watchdogMs());
        return String.format(Locale.ROOT, """
                def %1$s():
                  rtde_set_watchdog("input_int_register_25", %2$.3f, "stop")
                  textmsg("tandem servo started")
                  write_output_integer_register(25, %7$d)
                  last = read_input_integer_register(25)
                  stale = 0
                  while True:
                    mode = read_input_integer_register(24)
                    n = read_input_integer_register(25)
                    if n == last:
                      stale = stale + 1
                    else:
                      stale = 0
                      last = n
                    end
                    if stale > %3$d:
                      stopj(4.0)
                      textmsg("tandem servo: command stream stalled, arm stopped")
                      halt
                    end
                    t = [read_input_float_register(24), read_input_float_register(25), read_input_float_register(26), read_input_float_register(27), read_input_float_register(28), read_input_float_register(29)]
                    if mode == 1:
                      servoj(t, 0, 0, %4$.6f, %5$.4f, %6$.1f)
                    elif mode == 2:
                      servol(p[t[0], t[1], t[2], t[3], t[4], t[5]], 0, 0, %4$.6f, %5$.4f, %6$.1f)
                    else:
                      stopj(4.0)
                      sync()
                    end
                    write_output_integer_register(24, n)
                  end
                end
                """, PROGRAM_NAME, watchdogHz, staleCycles, dt, config.lookahead(), config.gain(), token);
    }

    /** A program that replaces the servo program and stops the arm. */
    public static String stopProgram() {
        return "def tandem_stop():\n  write_output_integer_register(25, 0)\n  stopj(4.0)\nend\n";
    }
}
