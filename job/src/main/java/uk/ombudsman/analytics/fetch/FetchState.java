package uk.ombudsman.analytics.fetch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import uk.ombudsman.analytics.base.RunLock;

/**
 * The fetch's memory between runs, in {@code OUT/.fetch/} (hidden, so the job does not read it): each window searched
 * (complete, empty or incomplete: an incomplete one is searched again by later runs, an empty one until two runs at
 * least a day apart have found it empty), each 404 or 410 seen (a decision is
 * withdrawn once two runs at least a day apart have seen one), the decisions a run could not keep (asked again by
 * the next), and a line for every request. Each file only grows, a whole line at a
 * time; a line cut short by a kill is ignored when read, so a killed run loses at most what it was doing.
 * A lock on {@code .fetch/lock} keeps a second fetch into the same folder from running alongside (the site would
 * get two requests at a time).
 */
final class FetchState implements AutoCloseable {
    static final String FOLDER = ".fetch";
    static final String WINDOWS = "windows.tsv";
    static final String WITHDRAWN = "withdrawn.tsv";
    static final String REQUESTS = "requests.tsv";
    static final String FAILED = "failed.tsv";
    /** How far apart two runs must see a decision gone before it counts as withdrawn. */
    static final Duration GONE_FOR = Duration.ofDays(1);
    private static final String LOCK = "lock";

    private final Path dir;
    private final RunLock lock;
    private final TreeSet<YearMonth> completed = new TreeSet<>();
    /** Months whose latest search was incomplete, or empty without a search a day before it also empty. */
    private final TreeSet<YearMonth> searchAgain = new TreeSet<>();
    /** Months found empty: when first and last, since they were last found with decisions. */
    private final Map<YearMonth, Instant[]> emptySeen = new HashMap<>();
    /** Each path seen gone: when first and last. */
    private final Map<String, Instant[]> gone = new HashMap<>();
    /** Paths a run could not keep, in the order first failed. */
    private final Set<String> failed = new LinkedHashSet<>();

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
                if (row.size() >= 6 && row.get(0).matches("\\d{4}-\\d{2}")) { // not a line a kill cut short
                    // Rows before window states were recorded have no state column: those were complete.
                    state.note(YearMonth.parse(row.get(0)), row.size() > 6 ? row.get(6) : COMPLETE,
                            Instant.parse(row.get(5)));
                }
            }
            for (List<String> row : state.rows(WITHDRAWN)) {
                if (row.size() >= 3) {
                    state.sawGone(row.get(0), Instant.parse(row.get(2)));
                }
            }
            for (List<String> row : state.rows(FAILED)) {
                state.failed.add(row.get(0));
            }
        } catch (IOException | RuntimeException e) {
            state.close();
            throw new FetchFailure(FetchFailure.Reason.OUTPUT, "cannot read the fetch's state in " + dir + ": "
                    + e.getMessage(), e);
        }
        return state;
    }

    static final String COMPLETE = "complete";
    static final String EMPTY = "empty";
    static final String INCOMPLETE = "incomplete";

    /** The latest month a past run searched to the end and found decisions in. */
    Optional<YearMonth> lastCompleted() {
        return completed.isEmpty() ? Optional.empty() : Optional.of(completed.last());
    }

    /**
     * Months a past run could not list whole, or found empty but not yet on two runs at least a day apart (a busy
     * site may answer "no results"), and that no run has listed whole since.
     */
    List<YearMonth> toSearchAgain() {
        return List.copyOf(searchAgain);
    }

    /** Records a window searched at {@code at}: complete (every result the search counts listed), empty, incomplete. */
    void searched(WindowResult r, String how, Instant at) {
        note(r.window().month(), how, at);
        append(WINDOWS, "month\tfd\ttd\tresults\tlisted\tcompleted_at\tstate", r.window().month() + "\t"
                + r.window().from() + "\t" + r.window().to() + "\t" + (r.total() == null ? "" : r.total()) + "\t"
                + r.listed() + "\t" + at + "\t" + how);
    }

    private void note(YearMonth month, String how, Instant at) {
        switch (how) {
            case COMPLETE -> {
                completed.add(month);
                searchAgain.remove(month);
                emptySeen.remove(month);
            }
            case EMPTY -> {
                Instant[] seen = emptySeen.merge(month, new Instant[] {at, at}, FetchState::span);
                if (Duration.between(seen[0], seen[1]).compareTo(GONE_FOR) >= 0) {
                    searchAgain.remove(month);
                } else {
                    searchAgain.add(month);
                }
            }
            default -> searchAgain.add(month);
        }
    }

    private static Instant[] span(Instant[] a, Instant[] b) {
        return new Instant[] {a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]};
    }

    /** Seen gone on two runs at least {@link #GONE_FOR} apart. */
    boolean isWithdrawn(DecisionPath p) {
        Instant[] seen = gone.get(p.url());
        return seen != null && Duration.between(seen[0], seen[1]).compareTo(GONE_FOR) >= 0;
    }

    /**
     * Records a 404 or 410 seen at {@code at}.
     *
     * @return whether the decision now counts as withdrawn
     */
    boolean gone(DecisionPath p, int status, Instant at) {
        sawGone(p.url(), at);
        append(WITHDRAWN, "path\tstatus\tat", p.url() + "\t" + status + "\t" + at);
        return isWithdrawn(p);
    }

    private void sawGone(String path, Instant at) {
        gone.merge(path, new Instant[] {at, at}, FetchState::span);
    }

    /** A decision page that could not be kept (not the decision, too large, redirected away): asked again later. */
    void failed(DecisionPath p, String why, Instant at) {
        failed.add(p.url());
        append(FAILED, "path\twhy\tat", p.url() + "\t" + why + "\t" + at);
    }

    /** Decisions to ask for again: seen gone but not yet withdrawn, or failed, and not saved since. */
    List<DecisionPath> toAskAgain(Path out) {
        Set<String> paths = new LinkedHashSet<>(failed);
        gone.keySet().stream().sorted().forEach(paths::add);
        List<DecisionPath> again = new ArrayList<>();
        for (String path : paths) {
            DecisionPath p = DecisionPath.parse(path);
            if (p != null && !Files.exists(p.file(out)) && !isWithdrawn(p)) {
                again.add(p);
            }
        }
        return again;
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
