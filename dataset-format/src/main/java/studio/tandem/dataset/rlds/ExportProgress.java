package studio.tandem.dataset.rlds;

/** Told after each exported episode, on the exporter's thread. */
@FunctionalInterface
public interface ExportProgress {
    /**
     * @param done episodes finished so far
     * @param total episodes to export
     * @param steps steps written so far
     */
    void episodeDone(int done, int total, long steps);

    ExportProgress NONE = (done, total, steps) -> { };
}
