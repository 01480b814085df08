package uk.ombudsman.analytics.parsing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the first date the complainant complained to the body.
 *
 * <p>Only the case's own narrative is read (scope, findings, assessment, final decision): the summary and "The
 * complaint" describe what the complaint is about, and their dates are the events complained of. A sentence counts
 * when the complainant (not a neighbour, a councillor or anyone else) is said to complain to the body: never to the
 * Ombudsman (that comes after the body's own process, and would shorten the wait), never "again" or "a further
 * complaint". Its date is one introduced by "in"/"on" and attached to the complaining itself, not to a clause about
 * something else ("complained about events that began in 2019"); failing that the date a paragraph opens with
 * ("In January 2024, ... Mr X made a formal complaint"). The earliest such date wins, sharpened by a more precise
 * mention inside it; where several dates disagree the record is warned.
 */
final class ComplaintDates {
    // "(?=[...])": the first letters of the alternatives, so most positions are rejected with one look (twice as fast).
    private static final Pattern COMPLAINED = Pattern.compile(
            "\\b(?=[cmlsrbpa])(?:complained|complains|complain|(?:made|lodged|submitted|raised|sent|brought|put in) (?:a|her|his|their) "
                    + "(?:formal |first |written |stage (?:one|1) )?complaint|(?:accepted|received|acknowledged|registered|"
                    + "logged) (?:her|his|their|the|a) (?:formal |written |stage (?:one|1) )?complaint)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A complaint to someone other than the body, or not the first one. */
    private static final Pattern NOT_TO_THE_BODY = Pattern.compile(
            "\\b(?=[cafsnlt1])(?:complain\\w* (?:\\w+ ){0,3}?to (?:us|the ombudsman|the lgo|the lgsco|the police|(?:his|her|their) mp|"
                    + "ofsted|the cqc|the ico|the tribunal|the court)|again|further complaint|second complaint|another complaint|"
                    + "new complaint|late|twelve months|12 months)\\b", Pattern.CASE_INSENSITIVE);
    /** A sentence about someone other than the complainant complaining. */
    private static final Pattern OTHER_COMPLAINER = Pattern.compile(
            "^(?:(?:the|a|an|another|other|her|his|their|one|two|several|some) )*(?:neighbours?|residents?|landlords?|"
                    + "schools?|councillors?|providers?|members?|staff|officers?|police|doctors?|GPs?|agency|others)\\b",
            Pattern.CASE_INSENSITIVE);
    /** ", which he first became aware of in 2022,": a closed aside, not what the date belongs to. */
    private static final Pattern ASIDE = Pattern.compile(",\\s*(?:which|who|that|when)\\b[^,]*,");
    /** Between the complaining and its date: a clause about something else. */
    private static final Pattern OTHER_CLAUSE = Pattern.compile(
            "\\b(?:which|that|when|who|after|before|since|until|began|became|reported|happened|started|occurred|arose|"
                    + "issued|responded|received|decided|decision|response|reply|replied)\\b", Pattern.CASE_INSENSITIVE);
    private static final Set<String> TIME_WORDS = Set.of("in", "on", "during", "around", "about", "at", "by");
    /** A paragraph's opening date is at most this far in. */
    private static final int LEADING_DATE_WITHIN = 12;

    private ComplaintDates() {
    }

    /** The date chosen, the sentence it came from, and whether other dates disagreed with it. */
    record Found(TextDates.Mention mention, String sentence, boolean ambiguous) {
    }

    /** The sentence says someone complained; the literal check first, since most sentences never mention it. */
    static boolean complains(String sentence) {
        return sentence.contains("omplain") && COMPLAINED.matcher(sentence).find();
    }

    static Found find(DecisionDocument doc, LocalDate decisionDate) {
        List<TextDates.Mention> candidates = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (Line line : doc.in(Section.SCOPE, Section.FINDINGS, Section.ASSESSMENT, Section.FINAL,
                Section.NOT_INVESTIGATED)) {
            String text = line.text();
            if (!text.contains("omplain")) {
                // Every wording of complaining contains it; most paragraphs do not, so they cost one scan.
                continue;
            }
            TextDates.Mention first = TextDates.first(text);
            TextDates.Mention leading = first != null && first.start() <= LEADING_DATE_WITHIN
                    && TIME_WORDS.contains(first.preposition()) ? first : null;
            for (Sentences.Sentence s : doc.sentences(text)) {
                boolean leadingApplies = leading != null && leading.start() < s.offset();
                if (!leadingApplies && !TextDates.mayHoldDate(s.text())) {
                    continue; // no date of its own and none leading: nothing the patterns could give
                }
                Matcher verb = COMPLAINED.matcher(s.text());
                if (!s.text().contains("omplain") || !verb.find() || NOT_TO_THE_BODY.matcher(s.text()).find()
                        || OTHER_COMPLAINER.matcher(s.text()).lookingAt()) {
                    continue;
                }
                TextDates.Mention inSentence = null;
                for (TextDates.Mention m : TextDates.find(s.text())) {
                    String between = m.start() >= verb.end() ? s.text().substring(verb.end(), m.start())
                            : s.text().substring(m.end(), verb.start());
                    boolean attached = !OTHER_CLAUSE.matcher(ASIDE.matcher(between).replaceAll(",")).find();
                    if (TIME_WORDS.contains(m.preposition()) && attached) {
                        inSentence = m;
                        break;
                    }
                }
                TextDates.Mention chosen = inSentence != null ? inSentence
                        : leadingApplies ? leading : null;
                if (chosen != null && (decisionDate == null || !chosen.date().isAfter(decisionDate))) {
                    candidates.add(chosen);
                    sources.add(s.text());
                }
            }
        }
        int earliest = -1;
        for (int i = 0; i < candidates.size(); i++) {
            if (earliest < 0 || candidates.get(i).date().isBefore(candidates.get(earliest).date())) {
                earliest = i;
            }
        }
        if (earliest < 0) {
            return null;
        }
        TextDates.Mention first = candidates.get(earliest);
        int sharpest = earliest;
        boolean ambiguous = false;
        for (int i = 0; i < candidates.size(); i++) {
            TextDates.Mention c = candidates.get(i);
            TextDates.Mention best = candidates.get(sharpest);
            boolean finer = c.precision().compareTo(best.precision()) < 0
                    || c.precision() == best.precision() && c.date().isBefore(best.date());
            if (finer && first.contains(c)) {
                sharpest = i;
            }
            ambiguous |= !first.contains(c) && !c.contains(first);
        }
        return new Found(candidates.get(sharpest), sources.get(sharpest), ambiguous);
    }
}
