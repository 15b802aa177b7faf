package studio.tandem.app.studio.common;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs slow work (file I/O, decoding, export) off the FX thread and hands the result back on the
 * UI executor. Both executors are injected: the studio passes a worker pool and
 * {@code Platform::runLater}; view-model tests pass direct executors. Any thread.
 */
public final class Background {
    private final Executor worker;
    private final Executor ui;

    public Background(Executor worker, Executor ui) {
        this.worker = Objects.requireNonNull(worker);
        this.ui = Objects.requireNonNull(ui);
    }

    /** Runs {@code job} on the worker; then {@code done} or {@code failed} on the UI executor. */
    public <T> void run(Callable<T> job, Consumer<? super T> done, Consumer<? super Exception> failed) {
        worker.execute(() -> {
            T result;
            try {
                result = job.call();
            } catch (Exception e) {
                ui.execute(() -> failed.accept(e));
                return;
            }
            ui.execute(() -> done.accept(result));
        });
    }

    /** Runs {@code r} on the UI executor (for rare, coalesced events such as progress). */
    public void onUi(Runnable r) {
        ui.execute(r);
    }

    /** The worker executor, for components that keep their own long-running jobs. */
    public Executor worker() {
        return worker;
    }

    /** One line for a user: the exception's message, or its type when it has none. */
    public static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        String m = t.getMessage();
        String line = m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
        int nl = line.indexOf('\n');
        return nl < 0 ? line : line.substring(0, nl);
    }
}
