package studio.tandem.app.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's memory as the benchmarks report it. */
final class ProcessMemory {
    private ProcessMemory() {
    }

    /** Resident set size (MB) from /proc/self/status; -1 where there is none. */
    static double rssMb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Heap the JVM has committed (MB): what of the RSS is heap sizing rather than live data. */
    static double heapCommittedMb() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / 1048576.0;
    }

    /** Heap in use (MB) right after a full collection: the live set. */
    static double heapAfterGcMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
    }
}
