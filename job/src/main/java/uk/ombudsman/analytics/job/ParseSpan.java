package uk.ombudsman.analytics.job;

import org.apache.spark.util.AccumulatorV2;

/**
 * When the parse began and ended across all tasks: the earliest moment any task started reading its files and
 * the latest moment any task finished parsing them, in epoch milliseconds. This is the parse stage's wall time,
 * measured where the work happens; the job's read-and-parse lap also holds query planning and a count. On a
 * cluster it is as good as the agreement of the executors' clocks.
 */
final class ParseSpan extends AccumulatorV2<long[], long[]> {
    private static final long serialVersionUID = 1L;

    private long start = Long.MAX_VALUE;
    private long end = Long.MIN_VALUE;

    @Override
    public synchronized boolean isZero() {
        return start == Long.MAX_VALUE && end == Long.MIN_VALUE;
    }

    @Override
    public synchronized ParseSpan copy() {
        ParseSpan c = new ParseSpan();
        c.start = start;
        c.end = end;
        return c;
    }

    @Override
    public synchronized void reset() {
        start = Long.MAX_VALUE;
        end = Long.MIN_VALUE;
    }

    /** @param span {start, end} of one task's parse */
    @Override
    public synchronized void add(long[] span) {
        start = Math.min(start, span[0]);
        end = Math.max(end, span[1]);
    }

    @Override
    public void merge(AccumulatorV2<long[], long[]> other) {
        add(other.value());
    }

    @Override
    public synchronized long[] value() {
        return new long[] {start, end};
    }

    /** Milliseconds from the first file read to the last file parsed; 0 when nothing was parsed. */
    synchronized long millis() {
        return isZero() ? 0 : end - start;
    }
}
