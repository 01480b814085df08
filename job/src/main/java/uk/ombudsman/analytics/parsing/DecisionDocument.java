package uk.ombudsman.analytics.parsing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A decision's text cut into what the parser needs: the header values as printed, the summary, and the paragraphs
 * with the section each stands in. Knows nothing of what the values mean.
 */
final class DecisionDocument {
    /** {@code Body name (23 017 218)}, the reference optionally with a letter suffix. */
    private static final Pattern REF_LINE = Pattern.compile(
            "^(?<body>\\S.{0,200}?)\\s*\\(\\s*(?<ref>\\d{2}\\s*\\d{3}\\s*\\d{3}(?:\\s*[A-Za-z])?)\\s*\\)\\s*$");
    private static final Pattern HEADER_FIELD = Pattern.compile(
            "^(?<name>category|decision date|decision)\\s*:\\s*(?<value>.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FINAL_DECISION_MARK = Pattern.compile(
            "^the ombudsm[ae]n'?s final decision\\s*:?\\s*(?<rest>.*)$", Pattern.CASE_INSENSITIVE);
    /** {@code Summary: text}, or a {@code Summary} heading with the text on the next line (report pages). */
    private static final Pattern SUMMARY = Pattern.compile("^summary\\s*(?::\\s*(?<value>.*))?$",
            Pattern.CASE_INSENSITIVE);
    /** The title of an old report page: the reference alone, with no body before it. */
    private static final Pattern REF_ONLY = Pattern.compile(
            "^\\(?(?<ref>\\d{2}\\s\\d{3}\\s\\d{3}(?:\\s?[A-Za-z])?)\\)?$");
    /**
     * A line that introduces a list of remedies ("To remedy the injustice caused, we recommend the council:",
     * "The Council has agreed to:"): what follows is the remedy even where the page lost its heading.
     */
    private static final Pattern REMEDY_LEAD_IN = Pattern.compile(
            "(?i)^(?!.*\\b(?:should|must|would|could|will) have\\b)(?!.*\\bcomplain).*\\b(?:to remedy|we recommend(?:ed)?|"
                    + "I recommend(?:ed)?|(?:has|have) agreed|agreed to|the council (?:will|should|must)|it (?:will|should|must))"
                    + "\\b.*:$");
    private static final Pattern NOT_A_LEAD_IN = Pattern.compile(
            "(?i)\\b(?:guidance|law|act|code|says|said|statutory|regulations?|policy says)\\b");
    /** A list marker printed alone on its line, the item's text on the next (report pages). */
    private static final Pattern LONE_MARKER = Pattern.compile("^(?:[-\\u2022\\u2023\\u25E6\\u2043\\u00B7*]|\\d{1,3}[.)])$");
    private static final Pattern ITEM_MARKER = Pattern.compile(
            "^(?:[-\\u2022\\u2023\\u25E6\\u2043\\u00B7*]|\\(?\\d{1,3}[.)]|\\(?[a-z][.)]|\\([ivx]{1,4}\\))\\s+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NOISE_LINE = Pattern.compile("^(back to top|print this page|lgo logogram|"
            + "skip to (main )?content|share this page|cookies?( settings)?)$", Pattern.CASE_INSENSITIVE);
    /** How many lines after the reference line the header fields may stand in. */
    private static final int HEADER_WINDOW = 16;

    final String body;
    final String caseRef;
    final String categoryRaw;
    final String outcomeRaw;
    final String decisionDateRaw;
    final String summary;
    final boolean hasDecisionText;
    final List<Line> lines;
    /** Each paragraph's sentences, split once: several readers read the same paragraphs. */
    private final Map<String, List<Sentences.Sentence>> sentences = new HashMap<>();
    /** Whether each sentence restates the complaint, decided once: most readers ask it of the same sentences. */
    private final Map<String, Boolean> restated = new HashMap<>();

    private DecisionDocument(String body, String caseRef, String categoryRaw, String outcomeRaw,
            String decisionDateRaw, String summary, boolean hasDecisionText, List<Line> lines) {
        this.body = body;
        this.caseRef = caseRef;
        this.categoryRaw = categoryRaw;
        this.outcomeRaw = outcomeRaw;
        this.decisionDateRaw = decisionDateRaw;
        this.summary = summary;
        this.hasDecisionText = hasDecisionText;
        this.lines = Collections.unmodifiableList(lines);
    }

    /**
     * Typographic quotes, dashes and odd spaces become plain ones and runs of space one space, so every later
     * pattern sees one spelling. One pass over the characters: this runs on every line of every file.
     */
    static String normalise(String s) {
        if (isPlain(s)) {
            return s; // most lines: nothing to change, and no copy made
        }
        char[] b = s.toCharArray(); // written over in place: the output is never longer than the input
        int len = 0;
        boolean space = true; // drops leading spaces
        boolean changed = false;
        for (int i = 0; i < b.length; i++) {
            char c = b[i];
            if (c > ' ' && c < '\u007F') { // most characters: kept, no lookup
                b[len++] = c;
                space = false;
                continue;
            }
            char plain = plain(c);
            changed |= plain != c;
            if (plain == 0) {
                continue;
            }
            if (plain == ' ') {
                if (!space) {
                    b[len++] = ' ';
                    space = true;
                }
            } else {
                b[len++] = plain;
                space = false;
            }
        }
        if (len > 0 && b[len - 1] == ' ') {
            len--;
        }
        return len == s.length() && !changed ? s : new String(b, 0, len);
    }

    /** Printable ASCII with single spaces inside it only: what {@link #normalise} leaves as it is. */
    private static boolean isPlain(String s) {
        int n = s.length();
        if (n == 0 || s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') {
            return n == 0;
        }
        char prev = 'x';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c > ' ' && c < '\u007F' || c == ' ' && prev != ' ') {
                prev = c;
                continue;
            }
            return false;
        }
        return true;
    }

    /** The plain spelling of a character, or 0 for one that is dropped. */
    private static char plain(char c) {
        return switch (c) {
            case '\u2019', '\u2018', '\u201B', '\u2032' -> '\'';
            case '\u201C', '\u201D' -> '"';
            case '\u2013', '\u2014' -> '-';
            case '\uFEFF' -> 0;
            default -> c == '\t' || c == '\u00A0' || c == '\u00AD' || c == '\u202F' || c == '\u205F' || c == '\u3000'
                    || (c >= '\u2000' && c <= '\u200B') ? ' ' : c;
        };
    }

    private static boolean isLoneMarker(String line) {
        return line.length() <= 4 && LONE_MARKER.matcher(line).matches();
    }

    /** Reads a decision's text in four steps: its lines, the reference line, the header, the sections. */
    static DecisionDocument read(String text) {
        List<String> plain = plainLines(text);
        Header h = new Header();
        findReference(plain, h);
        readHeader(plain, h);
        List<Line> lines = sectionLines(plain, h);
        return new DecisionDocument(h.body, h.caseRef, h.category, h.outcome, h.decisionDate, h.summary,
                h.decisionText, lines);
    }

    /** What the lines before the decision's sections say, and where the sections start. */
    private static final class Header {
        int refAt = -1;
        String body;
        String caseRef;
        String category;
        String outcome;
        String decisionDate;
        String summary;
        boolean decisionText;
        int bodyStart;
    }

    /** The text's lines, normalised, without blank lines and page furniture; a lone list marker joins its text. */
    private static List<String> plainLines(String text) {
        List<String> plain = new ArrayList<>(256);
        int n0 = text.length();
        // A line ends at \n or \r, whichever comes first; indexOf scans far faster than a loop over charAt.
        int nextCr = text.indexOf('\r');
        for (int start = 0; start < n0; ) {
            int nl = text.indexOf('\n', start);
            if (nextCr >= 0 && nextCr < start) {
                nextCr = text.indexOf('\r', start);
            }
            int end = nl < 0 ? n0 : nl;
            if (nextCr >= 0 && nextCr < end) {
                end = nextCr;
            }
            String n = normalise(text.substring(start, end));
            start = end < n0 && text.charAt(end) == '\r' && end + 1 < n0 && text.charAt(end + 1) == '\n' ? end + 2
                    : end + 1;
            if (n.isEmpty() || n.length() <= 40 && "bBpPlLsScC".indexOf(n.charAt(0)) >= 0
                    && NOISE_LINE.matcher(n).matches()) {
                continue;
            }
            if (!plain.isEmpty() && isLoneMarker(plain.get(plain.size() - 1)) && !isLoneMarker(n)) {
                n = plain.remove(plain.size() - 1) + " " + n;
            }
            plain.add(n);
        }
        return plain;
    }

    /** The line that names the body and the case ("Body name (23 017 218)"), or a reference alone near the top. */
    private static void findReference(List<String> plain, Header h) {
        Matcher ref = null;
        for (int i = 0; i < plain.size(); i++) {
            Matcher m = REF_LINE.matcher(plain.get(i));
            if (m.matches()) {
                h.refAt = i;
                ref = m;
                break;
            }
        }
        h.body = ref == null ? null : ref.group("body").strip();
        h.caseRef = ref == null ? null : formatRef(ref.group("ref"));
        for (int i = 0; ref == null && i < Math.min(plain.size(), HEADER_WINDOW); i++) {
            Matcher only = REF_ONLY.matcher(plain.get(i));
            if (only.matches()) {
                h.refAt = i;
                h.caseRef = formatRef(only.group("ref"));
                break;
            }
        }
    }

    /** The header fields (Category, Decision, Decision date) and the summary, and where the body starts. */
    private static void readHeader(List<String> plain, Header h) {
        int refAt = h.refAt;
        h.bodyStart = refAt + 1;
        int headerEnd = refAt < 0 ? plain.size() : Math.min(plain.size(), refAt + 1 + HEADER_WINDOW);
        for (int i = Math.max(refAt + 1, 0); i < headerEnd; i++) {
            String line = plain.get(i);
            Matcher f = HEADER_FIELD.matcher(line);
            Matcher fin = FINAL_DECISION_MARK.matcher(line);
            Matcher sum = SUMMARY.matcher(line);
            if (f.matches()) {
                String name = f.group("name").toLowerCase(java.util.Locale.ROOT);
                String value = f.group("value").strip();
                // Report pages print the label and its value on separate lines ("Category :", "Housing", ">",
                // "Allocations"): the value is the following lines, joined, up to the next part of the header.
                while (i + 1 < headerEnd && !startsHeaderPart(plain.get(i + 1))
                        && (value.isEmpty() || value.endsWith(">") || plain.get(i + 1).startsWith(">"))) {
                    value = (value + " " + plain.get(++i)).strip();
                }
                switch (name) {
                    case "category" -> h.category = h.category == null ? value : h.category;
                    case "decision date" -> h.decisionDate = h.decisionDate == null ? value : h.decisionDate;
                    default -> h.outcome = h.outcome == null ? value : h.outcome;
                }
                h.bodyStart = i + 1;
            } else if (fin.matches()) {
                h.decisionText = true;
                h.bodyStart = i + 1;
                if (!fin.group("rest").isBlank()) {
                    Matcher inline = SUMMARY.matcher(fin.group("rest"));
                    if (inline.matches() && inline.group("value") != null) {
                        h.summary = inline.group("value");
                    }
                }
            } else if (sum.matches()) {
                h.decisionText = true;
                String value = sum.group("value") == null ? "" : sum.group("value").strip();
                if (value.isEmpty() && i + 1 < plain.size() && Section.ofHeading(plain.get(i + 1)) == null) {
                    value = plain.get(++i);
                }
                h.summary = value;
                h.bodyStart = i + 1;
                break;
            } else if (Section.ofHeading(line) != null) {
                break;
            }
        }
        if (h.summary == null && (h.category != null || h.outcome != null) && h.bodyStart < plain.size()
                && isUnlabelledSummary(plain.get(h.bodyStart))) {
            // Old report pages: the header, then the summary paragraph with no label.
            h.summary = plain.get(h.bodyStart++);
            h.decisionText = true;
        }
        if (refAt < 0 && h.category == null && h.outcome == null && h.summary == null) {
            // Without a reference line or header the body is everything: look for the decision's words anywhere.
            h.bodyStart = 0;
            for (String line : plain) {
                if (FINAL_DECISION_MARK.matcher(line).matches()) {
                    h.decisionText = true;
                    break;
                }
            }
        }
    }

    /** The body's lines, each with the section it is under (headings, and a remedy's lead-in, start one). */
    private static List<Line> sectionLines(List<String> plain, Header h) {
        List<Line> lines = new ArrayList<>();
        Section section = Section.PREAMBLE;
        for (int i = h.bodyStart; i < plain.size(); i++) {
            String line = plain.get(i);
            Matcher item = ITEM_MARKER.matcher(line);
            boolean isItem = item.lookingAt();
            String content = isItem ? line.substring(item.end()).strip() : line;
            Section heading = isItem ? null : Section.ofHeading(content);
            // The colon first: a lead-in ends with one, and most paragraphs do not.
            if (heading == null && !isItem && content.endsWith(":") && section != Section.ROLE
                    && section != Section.METHOD && REMEDY_LEAD_IN.matcher(content).matches()
                    && !NOT_A_LEAD_IN.matcher(content).find()) {
                section = Section.REMEDY;
            }
            if (heading != null) {
                section = heading;
                h.decisionText |= heading == Section.FINAL || heading == Section.COMPLAINT;
                if (section == Section.END) {
                    break;
                }
                continue;
            }
            if (!content.isEmpty()) {
                lines.add(new Line(content, isItem, section));
            }
        }
        return lines;
    }

    private static boolean isUnlabelledSummary(String line) {
        return line.length() > 60 && Section.ofHeading(line) == null && !ITEM_MARKER.matcher(line).lookingAt()
                && !FINAL_DECISION_MARK.matcher(line).matches();
    }

    /** A header label, the summary, the final decision mark or a heading: where a split header value ends. */
    private static boolean startsHeaderPart(String line) {
        return HEADER_FIELD.matcher(line).matches() || SUMMARY.matcher(line).matches()
                || FINAL_DECISION_MARK.matcher(line).matches() || Section.ofHeading(line) != null;
    }

    /** Digits grouped as printed, with single spaces; the letter suffix of a re-issued decision kept. */
    private static String formatRef(String ref) {
        return SPACES.matcher(ref.strip()).replaceAll(" ").replaceAll("(\\d)\\s+([A-Za-z])$", "$1$2");
    }

    List<Sentences.Sentence> sentences(String paragraph) {
        return sentences.computeIfAbsent(paragraph, Sentences::split);
    }

    boolean isRestated(String sentence) {
        return restated.computeIfAbsent(sentence, Findings::isRestatedComplaint);
    }

    boolean hasReference() {
        return caseRef != null;
    }

    List<Line> in(Section... sections) {
        List<Line> out = new ArrayList<>();
        for (Line l : lines) {
            for (Section s : sections) {
                if (l.section() == s) {
                    out.add(l);
                    break;
                }
            }
        }
        return out;
    }
}
