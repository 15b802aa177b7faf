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
import studio.tandem.app.studio.StartupArchive;
import studio.tandem.app.studio.StudioApp;

/**
 * {@code tandem bench startup}: from launching a new JVM with the studio to its first frame drawn in
 * a shown window (a usable window), over several runs. Needs a display (this one, else a private
 * Xvfb). The children use the launcher's AppCDS archive ({@link StartupArchive}) as a studio launch
 * would: the first run re-creates it when absent or stale. The last line is JSON with {@code
 * startup_s} (the median) and {@code cds} (how the archive was used).
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
        StartupArchive cds = StartupArchive.fromLauncher();
        java.util.Set<String> cdsUse = new java.util.LinkedHashSet<>();
        List<Double> times = new ArrayList<>();
        try {
            for (int i = 0; i < runs; i++) {
                String use = cdsUse(cds);
                List<String> jvm = new ArrayList<>(List.of("-D" + StudioApp.BENCH_PROPERTY + "=true"));
                if (use.equals("used")) {
                    jvm.addAll(cds.useOptions());
                } else if (use.equals("created")) {
                    jvm.addAll(cds.dumpOptions());
                }
                times.add(once(x, jvm));
                if (use.equals("created") && !cds.publish()) {
                    use = "dump failed";
                }
                cdsUse.add(use);
                spec.commandLine().getErr().printf(Locale.ROOT, "run %d: %.3f s (AppCDS archive %s)%n", i + 1,
                        times.get(i), use);
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
                + "\"max_s\":%.3f,\"runs\":%d,\"display\":\"%s\",\"cds\":\"%s\"}%n", median, sorted.get(0),
                sorted.get(sorted.size() - 1), runs, x == null ? "own" : "xvfb", String.join(",", cdsUse));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** "used" (fresh archive), "created" (this run dumps it) or "none" (the launcher named no archive). */
    private static String cdsUse(StartupArchive cds) throws java.io.IOException {
        if (cds == null) {
            return "none";
        }
        return cds.freshFor(System.getProperty("java.class.path")) ? "used" : "created";
    }

    private static double once(XvfbDisplay x, List<String> jvm) throws Exception {
        long t0 = System.nanoTime();
        Process p = DisplayJob.start(x, "studio.tandem.app.Main", jvm, List.of(), false);
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
