package uk.ombudsman.analytics.job;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * Counts files as the executors parse them (an accumulator, which Spark brings to the driver as each task
 * finishes) and reports the count every few seconds while the parse runs; and times the parse stage.
 */
final class FileProgress implements AutoCloseable {
    private static final long EVERY_SECONDS = 3;

    private final LongAccumulator parsed;
    private final ParseSpan span = new ParseSpan();
    private final ScheduledExecutorService timer;
    private final JobProgress progress;
    private final long total;
    private long reported = -1;

    FileProgress(SparkContext sc, JobProgress progress, long total) {
        this.parsed = sc.longAccumulator("files parsed");
        sc.register(span, "parse span");
        this.progress = progress;
        this.total = total;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "file-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::report, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    /** What the parse tasks add to, one per file. */
    LongAccumulator counter() {
        return parsed;
    }

    /** What the parse tasks report their start and end to. */
    ParseSpan span() {
        return span;
    }

    private synchronized void report() {
        // A retried task counts its files again; the count never goes past the total.
        long done = Math.min(parsed.value(), total);
        if (done != reported) {
            reported = done;
            progress.files(done, total);
        }
    }

    /** The parse is over: one last report, and no more. */
    @Override
    public void close() {
        timer.shutdownNow();
        synchronized (this) {
            if (reported != total) {
                reported = total;
                progress.files(total, total);
            }
        }
    }
}
