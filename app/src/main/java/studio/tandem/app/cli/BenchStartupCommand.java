package studio.tandem.app.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import studio.tandem.app.display.XvfbDisplay;
import studio.tandem.app.studio.StudioApp;

/**
 * {@code tandem bench startup}: from launching a new JVM with the studio to its first frame drawn in
 * a shown window (a usable window), over several runs. Needs a display (this one, else a private
 * Xvfb). The last line is JSON with {@code startup_s} (the median).
 */
@Command(name = "startup", mixinStandardHelpOptions = true,
        description = "Studio start-up time (launch to a usable window); the last line is JSON.")
final class BenchStartupCommand implements Callable<Integer> {
    @Option(names = "--runs", defaultValue = "3", description = "launches to time (1..20)")
    int runs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (runs < 1 || runs > 20) {
            throw new UserError("--runs must be 1..20, was " + runs);
        }
        XvfbDisplay x = DisplayJob.display();
        List<Double> times = new ArrayList<>();
        try {
            for (int i = 0; i < runs; i++) {
                times.add(once(x));
                spec.commandLine().getErr().printf(Locale.ROOT, "run %d: %.3f s%n", i + 1, times.get(i));
                spec.commandLine().getErr().flush();
            }
        } finally {
            if (x != null) {
                x.close();
            }
        }
        List<Double> sorted = new ArrayList<>(times);
        sorted.sort(null);
        double median = sorted.get(sorted.size() / 2);
        spec.commandLine().getOut().printf(Locale.ROOT, "{\"bench\":\"startup\",\"startup_s\":%.3f,\"min_s\":%.3f,"
                + "\"max_s\":%.3f,\"runs\":%d,\"display\":\"%s\"}%n", median, sorted.get(0),
                sorted.get(sorted.size() - 1), runs, x == null ? "own" : "xvfb");
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static double once(XvfbDisplay x) throws Exception {
        long t0 = System.nanoTime();
        Process p = DisplayJob.start(x, "studio.tandem.app.Main", List.of("-D" + StudioApp.BENCH_PROPERTY + "=true"),
                List.of(), false);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith(StudioApp.READY_LINE)) {
                    double s = (System.nanoTime() - t0) / 1e9;
                    if (!p.waitFor(30, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                    return s;
                }
            }
        } finally {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        throw new UserError("the studio exited (code " + p.waitFor() + ") before showing its window");
    }
}
