package uk.ombudsman.analytics.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A benchmark corpus made of real decision text: the paragraphs of real decisions (the bundled seeds, the gold set's
 * page openings) recombined, section by section, into decisions as long as real ones (about 22 KB). Generated
 * phrasing costs the parser several times less than real prose does, so a parser timed only on the generator's text
 * can get slower on real decisions without the benchmark showing it. There is no truth for this corpus: it is for
 * timing, not for checking figures.
 */
public final class RealTextCorpus {
    /** Where a recombined decision's paragraphs come from; the header of each is taken whole from one source. */
    private static final List<String> SECTIONS = List.of("The complaint", "The Ombudsman's role and powers",
            "What I have and have not investigated", "How I considered this complaint", "What I found",
            "Legal and administrative background", "What happened", "Analysis", "Conclusions", "Agreed action",
            "Final decision");
    private static final Pattern HEADER = Pattern.compile("^(?:Category|Decision|Decision date) :");
    /** A list marker as page text gives it ("- ", "• ", "12. "): dropped, since each paragraph gets "- " again. */
    private static final Pattern MARKER = Pattern.compile("^(?:[-•]\\s+|\\d{1,3}\\.\\s+)+");
    private static final Pattern FIRST_LINE = Pattern.compile("^(.*)\\((\\d{2}) ?(\\d{3}) ?(\\d{3}[a-z]?)\\)\\s*$");

    private final Map<String, List<String>> paragraphs = new LinkedHashMap<>();
    private final List<List<String>> headers = new ArrayList<>();
    private final List<String> summaries = new ArrayList<>();

    /** Reads every .txt file under the folders given: real decisions, whole or their openings. */
    public static RealTextCorpus from(List<Path> folders) throws IOException {
        RealTextCorpus c = new RealTextCorpus();
        for (Path folder : folders) {
            try (Stream<Path> s = Files.walk(folder)) {
                for (Path f : s.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                    c.add(Files.readString(f, StandardCharsets.UTF_8));
                }
            }
        }
        if (c.headers.isEmpty() || c.summaries.isEmpty()) {
            throw new IllegalArgumentException("no decision text with a header and a summary under " + folders);
        }
        return c;
    }

    private void add(String text) {
        String[] lines = text.split("\r?\n");
        if (lines.length < 3 || !FIRST_LINE.matcher(lines[0].strip()).matches()) {
            return;
        }
        List<String> header = new ArrayList<>(List.of(lines[0].strip()));
        String section = null;
        // A page opening ends mid-sentence: its last line is left out.
        int last = text.endsWith("\n") ? lines.length : lines.length - 1;
        for (int i = 1; i < last; i++) {
            String line = MARKER.matcher(lines[i].strip()).replaceFirst("");
            if (line.isEmpty() || line.equals("Back to top")) {
                continue;
            }
            if (section == null && HEADER.matcher(line).find()) {
                header.add(line);
            } else if (line.startsWith("Summary:")) {
                summaries.add(line);
            } else if (heading(line) != null) {
                section = heading(line);
            } else if (section != null) {
                paragraphs.computeIfAbsent(section, k -> new ArrayList<>()).add(line);
            }
        }
        if (header.size() == 4) {
            headers.add(header);
        }
    }

    /** The canonical section a heading line opens, or null for a line that is no heading. */
    private static String heading(String line) {
        if (line.length() > 60 || line.endsWith(".")) {
            return null;
        }
        String l = line.toLowerCase(Locale.ROOT).replace('’', '\'');
        for (String s : SECTIONS) {
            if (l.startsWith(s.toLowerCase(Locale.ROOT).replace('’', '\''))) {
                return s;
            }
        }
        return null;
    }

    /**
     * Decision {@code index} of the corpus: a real header (its reference made unique), a real summary, then real
     * paragraphs for each section in the order decisions give them, until the text reaches {@code targetBytes}.
     */
    public String decision(long seed, int index, int targetBytes) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + index);
        List<String> header = headers.get(r.nextInt(headers.size()));
        var m = FIRST_LINE.matcher(header.get(0));
        String body = m.matches() ? m.group(1).strip() : header.get(0);
        StringBuilder out = new StringBuilder(targetBytes + 2048);
        out.append(body).append(String.format(Locale.ROOT, " (%02d %03d %03d)%n", 90 + index / 1_000_000,
                index / 1000 % 1000, index % 1000));
        for (int i = 1; i < header.size(); i++) {
            out.append(header.get(i)).append('\n');
        }
        out.append("The Ombudsman's final decision:\n").append(summaries.get(r.nextInt(summaries.size()))).append('\n');
        List<String> present = SECTIONS.stream().filter(paragraphs::containsKey).toList();
        int perSection = Math.max(1, (targetBytes - out.length()) / Math.max(1, present.size()));
        for (String s : present) {
            out.append(s).append('\n');
            List<String> pool = paragraphs.get(s);
            int sectionStart = out.length();
            // Every section gets its share; each paragraph at most once, so small pools are not repeated.
            for (int tries = 0; tries < pool.size() && out.length() - sectionStart < perSection; tries++) {
                out.append("- ").append(pool.get(r.nextInt(pool.size()))).append('\n');
            }
        }
        return out.toString();
    }

    /** Writes {@code count} decisions of about {@code targetBytes} each under {@code dir}, a file each. */
    public long writeTo(Path dir, int count, long seed, int targetBytes) throws IOException {
        Files.createDirectories(dir);
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            byte[] b = decision(seed, i, targetBytes).getBytes(StandardCharsets.UTF_8);
            Files.write(dir.resolve(String.format(Locale.ROOT, "real-%06d.txt", i)), b);
            bytes += b.length;
        }
        return bytes;
    }
}
