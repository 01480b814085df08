package uk.ombudsman.analytics.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real headless Chromium that loads a page, runs its scripts and prints the document they leave ({@code
 * --dump-dom}): for a search that answers only a shell to a plain client and fills in its results by script. Same
 * User-Agent as every other request. One browser process per page, with its own profile under {@code
 * OUT/.fetch/browser/}: lasting cookies carry from one page to the next, but a session cookie lives only as long as
 * one page's load (what a page sets and its own scripts then use, as the tests' imitation does).
 */
public final class Browser {
    /** What a render may take beyond a request's deadline: starting the browser (seconds, more on a busy machine). */
    static final Duration START_UP = Duration.ofSeconds(30);
    /** How long scripts may run, in the browser's own virtual time, before the document is printed. */
    private static final int SCRIPT_MILLIS = 10_000;

    private final Path executable;
    private final Path profile;
    private final String userAgent;

    Browser(Path executable, Path profile, String userAgent) {
        this.executable = executable;
        this.profile = profile;
        this.userAgent = userAgent;
    }

    /**
     * The document the page's scripts leave, at most {@code cap} bytes.
     *
     * @throws IOException when the browser cannot start, fails, prints nothing, or takes longer than the deadline
     */
    byte[] render(URI page, Duration deadline, int cap) throws IOException, InterruptedException {
        Files.createDirectories(profile);
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--disable-gpu",
                "--no-first-run", "--disable-extensions", "--user-data-dir=" + profile, "--user-agent=" + userAgent,
                "--virtual-time-budget=" + SCRIPT_MILLIS, "--dump-dom"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--no-sandbox"); // Chromium refuses to start its sandbox as root (containers, CI)
        }
        command.add(page.toString());
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readCapped(p.getInputStream(), cap));
        try {
            if (!p.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("the browser did not finish " + page + " within " + deadline.toSeconds() + " s");
            }
            byte[] dom = out.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            if (p.exitValue() != 0 || dom.length == 0) {
                throw new IOException("the browser failed on " + page + " (exit " + p.exitValue() + ", "
                        + dom.length + " bytes)");
            }
            if (dom.length > cap) {
                throw new IOException("the browser printed more than " + cap + " bytes for " + page);
            }
            return dom;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("reading the browser's output for " + page + ": " + e, e);
        } finally {
            p.destroyForcibly();
        }
    }

    /** What the browser prints, stopping one byte past the cap (so the caller can say it was too much). */
    private static byte[] readCapped(InputStream in, int cap) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try (in) {
            for (int n; (n = in.read(buffer)) > 0 && b.size() <= cap; ) {
                b.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // The process died: what it printed so far is judged by the caller (exit code, length).
        }
        return b.toByteArray();
    }

    /** A browser named on the command line: a path, or a name looked up on PATH ("chromium"). */
    public static Path find(String nameOrPath) {
        if (nameOrPath.contains("/")) {
            Path p = Path.of(nameOrPath);
            return Files.isExecutable(p) ? p : null;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, nameOrPath);
            if (!dir.isEmpty() && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return executable + " (headless)";
    }
}
