package uk.ombudsman.analytics.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import uk.ombudsman.analytics.parsing.InputDecoder;

/**
 * The decisions the imitated site publishes: the five real seeds (src/sample/seeds, saved from the Ombudsman's
 * website), the real seed re-issued under a letter-suffixed reference in the variant corpus, the variant corpus's
 * pages without header lines (written in the site's style), and 30 decisions from the project's generator (invented, in
 * its text and HTML layouts; kept in src/test/resources/site-corpus, see its README).
 */
public final class SiteCorpus {
    private static final Path SEEDS = Path.of("src/sample/seeds");
    /** The generator's 30 decisions for seed 13 (tools/ checks that they are still what it writes). */
    private static final Path GENERATED = Path.of("job/src/test/resources/site-corpus");
    private static final Path SUFFIXED = Path.of("job/src/test/resources/variants/corpus/alias/19-010-781b.txt");
    /** Pages without header lines, as newer decisions are printed, in the site's folders (variants/SOURCE.md). */
    private static final Path HEADERLESS = Path.of("job/src/test/resources/variants/corpus/mirror");
    private static final Pattern DECISION_FILE = Pattern.compile(
            ".*/decisions/(?<cat>[^/]+)/(?<sub>[^/]+)/(?<ref>\\d{2}-\\d{3}-\\d{3}[a-z]?)\\.(?<ext>txt|html)$");
    private static List<SiteDecision> standard;

    private SiteCorpus() {
    }

    /** The seeds, the suffixed seed, the pages without header lines and 30 generated decisions, built once. */
    public static synchronized List<SiteDecision> standard() {
        if (standard == null) {
            standard = build();
        }
        return standard;
    }

    /**
     * A busy month: 32 of the standard decisions re-dated into March 2024, four to a day over eight days, so that a
     * search sorted on the date alone has ties to order as it likes (invented dates).
     */
    public static List<SiteDecision> busyMonth() {
        List<SiteDecision> out = new ArrayList<>();
        List<SiteDecision> all = standard();
        for (int i = 0; i < 32; i++) {
            out.add(redated(all.get(i), BUSY.plusDays(3L * (i / 4))));
        }
        return List.copyOf(out);
    }

    /** The same decision listed under another date by the search (its page still prints its own). */
    static SiteDecision redated(SiteDecision d, LocalDate date) {
        return new SiteDecision(d.categorySlug(), d.subcategorySlug(), d.refSlug(), d.body(), d.printedRef(),
                d.category(), d.subcategory(), d.outcome(), date, d.summary(), d.text());
    }

    /** The first day of the busy month. */
    static final LocalDate BUSY = LocalDate.of(2024, 3, 1);

    private static List<SiteDecision> build() {
        List<SiteDecision> all = new ArrayList<>();
        try {
            try (Stream<Path> seeds = Files.list(SEEDS)) {
                for (Path p : seeds.sorted().toList()) {
                    all.add(SiteDecision.fromText(text(p), null, null, null));
                }
            }
            all.add(SiteDecision.fromText(text(SUFFIXED), null, null, null));
            all.addAll(atSitePaths(HEADERLESS));
            all.addAll(atSitePaths(GENERATED));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(all);
    }

    /** The decisions in a folder laid out as the site's paths; one file each (the text, where one is saved twice). */
    private static List<SiteDecision> atSitePaths(Path root) throws IOException {
        Map<String, Path> byRef = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                Matcher m = DECISION_FILE.matcher(p.toString().replace('\\', '/'));
                if (m.matches() && (m.group("ext").equals("txt") || !byRef.containsKey(m.group("ref")))) {
                    byRef.put(m.group("ref"), p);
                }
            }
        }
        List<SiteDecision> found = new ArrayList<>();
        for (Path p : byRef.values()) {
            Matcher m = DECISION_FILE.matcher(p.toString().replace('\\', '/'));
            if (m.matches()) {
                found.add(SiteDecision.fromText(text(p), m.group("cat"), m.group("sub"), undated(m.group("ref"))));
            }
        }
        return found;
    }

    /** A file's decision text as the job reads it (HTML rendered, any encoding decoded). */
    private static String text(Path p) throws IOException {
        return InputDecoder.decode(Files.readAllBytes(p)).text();
    }

    /** The date the site's index gives a page that prints none: fixed per reference, within the search's span. */
    private static LocalDate undated(String ref) {
        return LocalDate.of(2016, 1, 1).plusDays(Math.floorMod(ref.hashCode(), 3650));
    }

    /** The same decisions as text files at the site's paths: what the job's reports from the pages must equal. */
    public static void writeText(List<SiteDecision> decisions, Path dir) throws IOException {
        for (SiteDecision d : decisions) {
            Path file = dir.resolve(d.path().substring(1) + ".txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, d.text(), StandardCharsets.UTF_8);
        }
    }
}
