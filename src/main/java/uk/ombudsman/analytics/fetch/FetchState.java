package uk.ombudsman.analytics.fetch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import uk.ombudsman.analytics.nightly.RunLock;

/**
 * The fetch's memory between runs, in {@code OUT/.fetch/} (hidden, so the job does not read it): the windows
 * completed, the decisions found withdrawn, and a line for every request. Each file only grows, a whole line at a
 * time; a line cut short by a kill is ignored when read, so a killed run loses at most what it was doing.
 * A lock on {@code .fetch/lock} keeps a second fetch into the same folder from running alongside (the site would
 * get two requests at a time).
 */
final class FetchState implements AutoCloseable {
    static final String FOLDER = ".fetch";
    static final String WINDOWS = "windows.tsv";
    static final String WITHDRAWN = "withdrawn.tsv";
    static final String REQUESTS = "requests.tsv";
    private static final String LOCK = "lock";

    private final Path dir;
    private final RunLock lock;
    private final TreeSet<YearMonth> completed = new TreeSet<>();
    private final Set<String> withdrawn = new HashSet<>();

    private FetchState(Path dir, RunLock lock) {
        this.dir = dir;
        this.lock = lock;
    }

    static FetchState open(Path out) {
        Path dir = out.resolve(FOLDER);
        RunLock lock;
        try {
            Files.createDirectories(dir);
            lock = RunLock.tryAcquire(dir.resolve(LOCK));
        } catch (IOException e) {
            throw new FetchFailure(FetchFailure.Reason.OUTPUT, "cannot write to " + out + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            throw new FetchFailure(FetchFailure.Reason.LOCKED, "another fetch into " + out + " is running ("
                    + RunLock.holder(dir.resolve(LOCK)) + "); this one stops without a request", null);
        }
        FetchState state = new FetchState(dir, lock);
        try {
            for (List<String> row : state.rows(WINDOWS)) {
                if (row.get(0).matches("\\d{4}-\\d{2}")) { // not a line a kill cut short
                    state.completed.add(YearMonth.parse(row.get(0)));
                }
            }
            for (List<String> row : state.rows(WITHDRAWN)) {
                state.withdrawn.add(row.get(0));
            }
        } catch (IOException | RuntimeException e) {
            state.close();
            throw new FetchFailure(FetchFailure.Reason.OUTPUT, "cannot read the fetch's state in " + dir + ": "
                    + e.getMessage(), e);
        }
        return state;
    }

    /** The latest month a past run searched to the end. */
    Optional<YearMonth> lastCompleted() {
        return completed.isEmpty() ? Optional.empty() : Optional.of(completed.last());
    }

    void completed(WindowResult r) {
        completed.add(r.window().month());
        append(WINDOWS, "month\tfd\ttd\tresults\tlisted\tcompleted_at", r.window().month() + "\t" + r.window().from()
                + "\t" + r.window().to() + "\t" + (r.total() == null ? "" : r.total()) + "\t" + r.listed() + "\t"
                + Instant.now());
    }

    boolean isWithdrawn(DecisionPath p) {
        return withdrawn.contains(p.url());
    }

    void withdrawn(DecisionPath p, int status) {
        withdrawn.add(p.url());
        append(WITHDRAWN, "path\tstatus\tat", p.url() + "\t" + status + "\t" + Instant.now());
    }

    /**
     * One line per request: when it was sent, the address, the status (blank when no answer came), the bytes of the
     * body, their SHA-256, and a note (a network error, a wait asked for).
     */
    void request(Instant at, String url, Integer status, int bytes, String sha256, String note) {
        append(REQUESTS, "time\turl\tstatus\tbytes\tsha256\tnote", at + "\t" + url + "\t"
                + (status == null ? "" : status) + "\t" + bytes + "\t" + sha256 + "\t" + note);
    }

    private void append(String file, String header, String line) {
        Path path = dir.resolve(file);
        try {
            // A line a killed run cut short is ended first, so that it spoils nothing but itself.
            String start = !Files.exists(path) ? header + "\n" : endsMidLine(path) ? "\n" : "";
            Files.writeString(path, start + line.replace('\n', ' ') + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new FetchFailure(FetchFailure.Reason.OUTPUT, "cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    private static boolean endsMidLine(Path path) throws IOException {
        try (SeekableByteChannel c = Files.newByteChannel(path)) {
            if (c.size() == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            c.position(c.size() - 1).read(last);
            return last.get(0) != '\n';
        }
    }

    /** The complete lines of a state file after its header, split on tabs. */
    private List<List<String>> rows(String file) throws IOException {
        Path path = dir.resolve(file);
        if (!Files.exists(path)) {
            return List.of();
        }
        String text = Files.readString(path, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return List.of();
        }
        return text.substring(0, end).lines().skip(1).filter(l -> !l.isBlank())
                .map(l -> List.of(l.split("\t", -1))).toList();
    }

    @Override
    public void close() {
        try {
            lock.close();
        } catch (IOException e) {
            // The lock dies with the process anyway.
        }
    }
}
