package uk.ombudsman.analytics.parsing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the first date the complainant complained (to the body, or to the Ombudsman where that came first).
 *
 * <p>Only the case's own narrative is read (scope, findings, final decision): the summary and "The complaint"
 * describe what the complaint is about, and their dates are the events complained of. A sentence counts when the
 * complainant is said to complain ("complained", "made a formal complaint"); its date is one introduced by
 * "in"/"on" (never "until" or "since"), or failing that the date a paragraph opens with ("In January 2024, ...
 * Mr X made a formal complaint"). The earliest such date wins, sharpened by a more precise mention inside it:
 * "first complained in 2022" and "In August 2022 Mr M complained" give August 2022.
 */
final class ComplaintDates {
    private static final Pattern COMPLAINED = Pattern.compile(
            "\\b(?:complained|complains|complain|(?:made|lodged|submitted|raised|sent|brought) (?:a|her|his|their) "
                    + "(?:formal |first |written |stage (?:one|1) )?complaint)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> TIME_WORDS = Set.of("in", "on", "during", "around", "about", "at", "by");
    /** A paragraph's opening date is at most this far in. */
    private static final int LEADING_DATE_WITHIN = 12;

    private ComplaintDates() {
    }

    /** The sentence says someone complained; the literal check first, since most sentences never mention it. */
    static boolean complains(String sentence) {
        return sentence.contains("omplain") && COMPLAINED.matcher(sentence).find();
    }

    static TextDates.Mention find(DecisionDocument doc, LocalDate decisionDate) {
        List<TextDates.Mention> candidates = new ArrayList<>();
        for (Line line : doc.in(Section.SCOPE, Section.FINDINGS, Section.FINAL, Section.NOT_INVESTIGATED)) {
            String text = line.text();
            if (!text.contains("omplain")) {
                // Every wording of complaining contains it; most paragraphs do not, so they cost one scan.
                continue;
            }
            TextDates.Mention leading = null;
            for (TextDates.Mention m : TextDates.find(text)) {
                if (m.start() <= LEADING_DATE_WITHIN && TIME_WORDS.contains(m.preposition())) {
                    leading = m;
                }
                break;
            }
            for (Sentences.Sentence s : Sentences.split(text)) {
                if (!complains(s.text())) {
                    continue;
                }
                TextDates.Mention inSentence = null;
                for (TextDates.Mention m : TextDates.find(s.text())) {
                    if (TIME_WORDS.contains(m.preposition())) {
                        inSentence = m;
                        break;
                    }
                }
                TextDates.Mention chosen = inSentence != null ? inSentence
                        : leading != null && leading.start() < s.offset() ? leading : null;
                if (chosen != null && (decisionDate == null || !chosen.date().isAfter(decisionDate))) {
                    candidates.add(chosen);
                }
            }
        }
        TextDates.Mention earliest = null;
        for (TextDates.Mention c : candidates) {
            if (earliest == null || c.date().isBefore(earliest.date())) {
                earliest = c;
            }
        }
        if (earliest == null) {
            return null;
        }
        TextDates.Mention sharpest = earliest;
        for (TextDates.Mention c : candidates) {
            boolean finer = c.precision().compareTo(sharpest.precision()) < 0
                    || c.precision() == sharpest.precision() && c.date().isBefore(sharpest.date());
            if (finer && earliest.contains(c)) {
                sharpest = c;
            }
        }
        return sharpest;
    }
}
