package uk.ombudsman.analytics.parsing;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import uk.ombudsman.analytics.reading.Screens;
import uk.ombudsman.analytics.record.Outcome;
import uk.ombudsman.analytics.record.Regulator;
import uk.ombudsman.analytics.record.Remedy;
import uk.ombudsman.analytics.record.ServiceImprovement;

/**
 * The Ombudsman's own measures beyond the outcome, read from the decision's words: whether the body had already put
 * things right in a way the Ombudsman accepts (its "satisfactory remedy provided by the council"), whether the page
 * is a report, which regulators it is shared with, and whether others may have been affected. Service improvements
 * come from the remedy sentences' own reading ({@link SentenceReading#improvements()}). Each reading keeps its
 * sentence.
 */
final class Measures {
    private static final int CI = Pattern.CASE_INSENSITIVE;

    /**
     * The body's own remedy, already given: "it has already apologised", "The Council offered a suitable financial
     * remedy", "the Council has cancelled them and reimbursed fees paid", "the complaint has been remedied".
     */
    private static final Pattern OWN_REMEDY = Pattern.compile(
            "\\balready (?:apologised|offered|provided|paid|refunded|taken|remedied|made|"
                    + "put right|upheld|accepted|agreed|awarded|corrected|reviewed|cancelled|waived|reimbursed|done)\\b|"
                    + "\\b(?:council|provider|it|trust|home|school)(?: has| had| have)?(?: now)? (?:apologised|remedied|"
                    + "cancelled|reimbursed|refunded|waived|offered|provided|made|taken|put|done|acknowledged|accepted|"
                    + "corrected|proposed|suggested|awarded)\\b|\\b(?:has|have) been (?:remedied|put right|resolved)\\b|"
                    + "\\b(?:council|provider|trust)'s (?:offer|apology|remedy|response|actions?) (?:is|was|were|are)\\b",
            CI);
    /** Words that judge the body's remedy enough, or close the complaint because of it. */
    private static final Pattern ENOUGH = Pattern.compile(
            "\\b(?:suitable|appropriate|fair|proportionate|satisfactory|sufficient|reasonable|adequate) (?:and "
                    + "proportionate )?(?:financial )?(?:remedy|remedies|offer|response|action|way|payment)\\b|\\b(?:is|was|"
                    + "are|were) (?:a )?(?:suitable|appropriate|fair|proportionate|satisfactory|sufficient|enough|"
                    + "adequate)\\b|\\bno further (?:action|remedy|remedies)\\b|\\b(?:enough|sufficient|adequate) to "
                    + "(?:remedy|provide|put right)\\b|\\bdone enough\\b|\\bnot (?:enough|sufficient|significant) "
                    + "(?:remaining |outstanding |further )?injustice\\b|\\binjustice\\b[^.]{0,40}\\bnot (?:significant|"
                    + "enough)|\\b(?:would|could|will) not (?:achieve|add|lead to)\\b|\\bunlikely to (?:achieve|lead|add)\\b|"
                    + "\\bcannot achieve\\b|\\bnothing (?:more|further)\\b|\\bmore meaningful outcome\\b|\\bnot "
                    + "(?:recommend|ask)\\w* (?:anything|any) (?:further|more)\\b|\\bhas been remedied\\b|"
                    + "\\bremedied (?:any|the|this|her|his|their) (?:injustice|complaint)\\b", CI);
    /** A remedy the Ombudsman asks for, or the body agrees to now: the remedy is not the body's own. */
    private static final Pattern ASKED_FOR_NOW = Pattern.compile(
            "\\b(?:agreed to|agrees to|will now|we recommend\\w*|recommended (?:that|the)|should (?:now )?"
                    + "(?:apologise|pay|refund|review|make|reconsider|reassess|provide)|at our (?:invitation|request)|in "
                    + "response to our (?:enquiries|draft)|agreed actions?|our recommendations?|asked the (?:council|"
                    + "provider) to|resolve the complaint early|(?:offer|remedy|apology|payment|response|action)s? (?:was|is|were|are) "
                    + "not (?:enough|sufficient|adequate|suitable|appropriate)|(?:did|does) not (?:go far enough|remedy|fully remedy|provide an? (?:suitable|"
                    + "appropriate))|(?:insufficient|inadequate) (?:financial )?(?:remedy|offer|apology|payment|response|action)|"
                    + "further (?:remedy|payment|apology))\\b", CI);
    /**
     * Literal parts (lower case) of which every match of {@link #ENOUGH} or {@link #ASKED_FOR_NOW} holds one, tested
     * before the pattern: run on every sentence of the Ombudsman's, the two patterns took half the parse of a
     * generated decision, and most sentences have none of these. The patterns are ASCII case-insensitive, so the
     * lower-cased sentence holds a part whenever a pattern can match.
     */
    private static final String[] ENOUGH_WORDS = {"suitable", "appropriate", "fair", "proportionate", "satisfactory",
        "sufficient", "reasonable", "adequate", "enough", "no further", "injustice", "not achieve", "not add",
        "not lead to", "unlikely to", "cannot achieve", "nothing ", "more meaningful outcome", "not recommend",
        "not ask", "remedied"};
    private static final String[] ASKED_WORDS = {"agree", "will now", "recommend", "should ", "at our ",
        "in response to our ", "asked the ", "resolve the complaint early", " not ", "insufficient", "inadequate",
        "further "};
    /**
     * The complaint restated or the complainant's view: never the Ombudsman's judgement. Anchored at the sentence's
     * start in every branch: tried there only ({@code lookingAt}).
     */
    private static final Pattern NOT_OURS = Pattern.compile(
            "^(?:mr|mrs|ms|miss|mx|dr|the complainant|she|he|they) \\w+ (?:says|said|wants|wanted|complains|complained|"
                    + "believes|feels)\\b|^(?:mr|mrs|ms|miss|mx|dr) \\w+ (?:says|said|wants|wanted|complains|"
                    + "complained|believes|feels)\\b", CI);

    /**
     * A change for everyone the body has already made, which the Ombudsman relies on: "The Council has already
     * provided training to its staff", "has instigated service improvements to prevent recurrence".
     */
    private static final Pattern IMPROVEMENT_MADE = Pattern.compile(
            "\\b(?:has|have|had)(?: already| since| now| also)* (?:provided|instigated|introduced|implemented|made|put in "
                    + "place|carried out|taken|delivered|arranged|reviewed|changed|updated|amended|revised) (?:[\\w'-]+ ){0,4}?"
                    + "(?:training|service improvements?|improvements|changes|actions? to (?:improve|prevent)|steps to "
                    + "(?:improve|prevent)|procedures?|polic(?:y|ies)|processes|guidance)\\b", CI);

    /** A report's opening lines, never a decision statement's. */
    private static final Pattern REPORT_LINE = Pattern.compile(
            "^(?:the investigation|report summary)$|^(?:report by the (?:local government|ombudsman)|investigation "
                    + "into a complaint|public interest report|report on an investigation)\\b|\\bsection 30 of the local "
                    + "government act\\b|\\bthis report (?:contains|sets out|is about)\\b", CI);
    private static final int REPORT_LINES = 12;
    /** One of these, in lower case, is in every line {@link #REPORT_LINE} matches. */
    private static final String[] REPORT_WORDS = {"investigation", "report", "section 30"};
    /**
     * What only a report says of itself, anywhere in its text: "within three months from the date of this report",
     * the duty of section 31(2) ("The Council must consider the report and confirm within three months the action
     * it has taken"), and the old report summaries' line "Fault found causing injustice and recommendations made".
     * Not "this report" alone (some decision statements' role paragraph says "In this report, we have used the
     * word 'fault'"), nor "considered the report" (of a stage two investigator, in children's complaints).
     */
    private static final Pattern REPORT_REFERENCE = Pattern.compile(
            "\\bdate of this report\\b|\\b(?:must|should|will) consider (?:the|this|our) report\\b(?! of\\b)|"
                    + "\\bconsideration of (?:this|our) report\\b|\\bfault found causing injustice and recommendations "
                    + "made\\b", CI);
    /**
     * One of these is in every line {@link #REPORT_REFERENCE} matches (each follows a lower-case word there): checked
     * before the pattern, which is costly on the long lines that merely mention a report ("the social worker's report").
     */
    private static final String[] REPORT_REFERENCE_WORDS = {"this report", "the report", "our report",
        "ecommendations made"};

    /** "we will share this decision with the Care Quality Commission (CQC)", "send a copy of this report to Ofsted". */
    private static final Pattern SHARED = Pattern.compile(
            "\\b(?:shar\\w*|send\\w*|sent|copy|copied|pass\\w*|provid\\w*|refer\\w*|notif\\w*|forward\\w*) (?:a copy of )?"
                    + "(?:this|our|the|my) (?:final )?(?:decision|report|statement)\\b[^.]{0,140}?\\b(?<who>ofsted|care "
                    + "quality commission|cqc)\\b", CI);
    private static final Pattern OTHERS_AFFECTED = Pattern.compile(
            "\\bothers? (?:\\w+ ){0,3}?(?:may|might|could|would|will) (?:also )?(?:have been|be) (?:similarly )?"
                    + "affected\\b|\\b(?:other|others) (?:\\w+ ){0,4}?(?:in a similar (?:position|situation)|similarly "
                    + "affected|affected by (?:the same|this|these|similar))\\b|\\bidentify (?:any |all )?(?:other|others|similar)"
                    + "\\b[^.]{0,80}?\\baffected\\b|\\b(?:wider|systemic) (?:issue|problem|fault)s?\\b[^.]{0,60}?\\b"
                    + "(?:others|other (?:people|residents|families))\\b|\\bnot the only (?:one|person|family|resident)\\b",
            CI);

    /** One of these, in lower case, is in every sentence {@link #OTHERS_AFFECTED} matches. */
    private static final String[] AFFECTED_WORDS = {"affected", "similar", "wider", "systemic", "not the only"};

    private Measures() {
    }

    /** A value read and the sentence it rests on (null when the value is a default, not read). */
    record Reading<T>(T value, String evidence) {
    }

    /**
     * Whether the body's own remedy, given before the Ombudsman asked for one, was accepted as enough: true with
     * the sentence the learned model ({@link uk.ombudsman.analytics.reading.RemediedBeforeModel}) finds likeliest to
     * say so; false where a remedy is asked for now (an action part or list, or, where no sentence says the body's
     * remedy was enough, a sentence asking for one), or where the decision is not upheld and no sentence says so;
     * null where an upheld decision's text does not say.
     *
     * @param remediesRead whether the remedy reading found any remedy kind (a cue of the page, as in training)
     */
    static Reading<Boolean> remediedBefore(DecisionDocument doc, Outcome outcome, boolean remedyAskedFor,
            boolean remediesRead, SentenceReader reader) {
        if (remedyAskedFor) {
            return new Reading<>(false, null); // a remedy asked for now: by definition not the body's own
        }
        List<String> ombudsmans = ombudsmans(doc); // the costly part, so only past the question above
        List<String> lowered = lowered(ombudsmans);
        List<String> page = remediedPageCues(ombudsmans, lowered, outcome, remediesRead);
        String best = null;
        double bestP = uk.ombudsman.analytics.reading.RemediedBeforeModel.THRESHOLD;
        for (int i = 0; i < ombudsmans.size(); i++) {
            String s = ombudsmans.get(i);
            if (mayTellRemedied(lowered.get(i))) {
                double p = reader.remediedBefore(s, remediedCues(s, lowered.get(i), page));
                if (p >= bestP) {
                    bestP = p;
                    best = s;
                }
            }
        }
        if (best != null) {
            return new Reading<>(true, best);
        }
        // Nothing says the body's own remedy was enough: a remedy asked for now says it was not.
        return new Reading<>(outcome != Outcome.UPHELD || page.contains(ASKED_CUE) ? false : null, null);
    }

    /**
     * Whether a sentence may say the body's remedy was enough: the model is asked of sentences with one of these
     * words only. Every labelled page's key evidence sentence has one; the ones left out are the context a reader
     * quoted beside it ("We will not investigate Mr X's complaint that ..."), which the train command counts.
     *
     * @param lower the sentence in lower case ({@link #lowered})
     */
    static boolean mayTellRemedied(String lower) {
        return Screens.containsAny(lower, REMEDIED_WORDS);
    }

    /** Each sentence in lower case, made once for the literal screens of the remedied-before reading. */
    static List<String> lowered(List<String> sentences) {
        return sentences.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    private static final String ASKED_CUE = "p=asked";

    private static final String[] REMEDIED_WORDS = {"remed", "apolog", "offer", "enough", "suitabl", "satisf",
        "sufficient", "appropriate", "proportionate", "fair", "reasonable", "adequate", "outcome", "achieve",
        "add to", "add anything", "put right", "put this right", "resolved", "accept", "acknowledg", "refund",
        "reimburs", "cancel", "waive", "paid", "payment", "award", "addressed", "rectif", "improv", "corrective",
        "already", "upheld", "action", "done", "compensat", "propos", "agreed"};

    /**
     * Whether the remedy reading named a kind of remedy: the page cue "p=remedies" as the remedied-before model was
     * trained on it. OTHER alone (a remedy agreed in words that name no kind) is not one.
     */
    static boolean namesARemedyKind(List<Remedy> remedies) {
        return remedies.stream().anyMatch(k -> k != Remedy.OTHER);
    }

    /** The page's cues for each sentence: its outcome, whether remedies were read, a remedy asked for anywhere. */
    static List<String> remediedPageCues(List<String> ombudsmans, List<String> lowered, Outcome outcome,
            boolean remediesRead) {
        List<String> cues = new ArrayList<>(3);
        cues.add("p=outcome:" + outcome);
        if (remediesRead) {
            cues.add("p=remedies");
        }
        for (int i = 0; i < ombudsmans.size(); i++) {
            if (asksForNow(ombudsmans.get(i), lowered.get(i))) {
                cues.add(ASKED_CUE);
                break;
            }
        }
        return cues;
    }

    private static boolean asksForNow(String sentence, String lower) {
        return Screens.containsAny(lower, ASKED_WORDS) && ASKED_FOR_NOW.matcher(sentence).find();
    }

    /** The phrase rules' cues on one sentence (its page's added): the body's own remedy, judged enough, asked for now. */
    static List<String> remediedCues(String sentence, String lower, List<String> pageCues) {
        List<String> cues = new ArrayList<>(pageCues.size() + 4);
        cues.addAll(pageCues);
        boolean own = OWN_REMEDY.matcher(sentence).find();
        boolean enough = Screens.containsAny(lower, ENOUGH_WORDS) && ENOUGH.matcher(sentence).find();
        if (own) {
            cues.add("c=own");
        }
        if (enough) {
            cues.add("c=enough");
        }
        if (own && enough) {
            cues.add("c=own+enough");
        }
        if (asksForNow(sentence, lower)) {
            cues.add("c=asked");
        }
        return cues;
    }

    /**
     * Changes for everyone the body had already made, as the Ombudsman states them, one per sentence: of the
     * sentences {@link #ombudsmans} keeps, found by testing the cheap words and the pattern first, since deciding a
     * sentence is the Ombudsman's own (not the complaint restated) costs most.
     */
    static List<ServiceImprovement> improvementsMade(DecisionDocument doc) {
        List<ServiceImprovement> out = new ArrayList<>();
        for (String paragraph : verdictParagraphs(doc)) {
            // What every change made names, checked as plain text before the pattern is run: in the paragraph
            // first (most have none of it, and are not split), then in each sentence.
            if (!namesAChangeMade(paragraph)) {
                continue;
            }
            for (Sentences.Sentence sentence : doc.sentences(paragraph)) {
                String s = sentence.text();
                if (namesAChangeMade(s) && IMPROVEMENT_MADE.matcher(s).find() && isOmbudsmans(doc, s)) {
                    out.add(new ServiceImprovement(RemedyKinds.kindOf(s), s));
                }
            }
        }
        return out;
    }

    /** One of the words every change made names, and one of its verbs. */
    private static boolean namesAChangeMade(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return Screens.containsAny(lower, CHANGE_WORDS)
                && Screens.containsAny(lower, MADE_WORDS);
    }

    /** The verbs one of which {@link #IMPROVEMENT_MADE} needs, in lower case. */
    private static final String[] MADE_WORDS = {"provided", "instigated", "introduced", "implemented", "made",
        "put in place", "carried out", "taken", "delivered", "arranged", "reviewed", "changed", "updated", "amended",
        "revised"};

    /** The words one of which {@link #IMPROVEMENT_MADE} needs, in lower case. */
    private static final String[] CHANGE_WORDS = {"training", "improvement", "changes", "action", "steps",
        "procedure", "polic", "processes", "guidance"};

    /**
     * The sentences in the Ombudsman's own words (summary, findings, assessment, remedy, final decision) that are
     * neither the complaint restated nor the complainant's view: what the body's remedy and its changes are read
     * from. Deciding a sentence is restated is the costly part: {@link #remediedBefore} reads this list only where
     * no remedy is asked for, and {@link #improvementsMade} asks it of a sentence only once its words qualify.
     */
    static List<String> ombudsmans(DecisionDocument doc) {
        List<String> out = new ArrayList<>();
        for (String s : verdictSentences(doc)) {
            if (isOmbudsmans(doc, s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** One of {@link #verdictSentences}: the Ombudsman's own words, neither the complaint restated nor a view. */
    private static boolean isOmbudsmans(DecisionDocument doc, String sentence) {
        return !NOT_OURS.matcher(sentence).lookingAt() && !doc.isRestated(sentence);
    }

    /**
     * The page is one of the Ombudsman's reports (section 30 of the Local Government Act 1974): a report's opening
     * line in its first lines, or a line anywhere (the summary included) that speaks of the page as a report.
     */
    static boolean isReport(DecisionDocument doc) {
        int n = 0;
        for (Line l : doc.lines) {
            if (n++ < REPORT_LINES && Screens.containsAny(
                    l.text().toLowerCase(Locale.ROOT), REPORT_WORDS) && REPORT_LINE.matcher(l.text()).find()
                    || speaksOfAReport(l.text())) {
                return true;
            }
        }
        return doc.summary != null && speaksOfAReport(doc.summary);
    }

    private static boolean speaksOfAReport(String text) {
        return Screens.containsAny(text, REPORT_REFERENCE_WORDS)
                && REPORT_REFERENCE.matcher(text).find();
    }

    /** The regulators the decision says it is shared with, and the first sentence that says so. */
    static Reading<List<Regulator>> sharedWith(DecisionDocument doc) {
        Set<Regulator> found = EnumSet.noneOf(Regulator.class);
        String evidence = null;
        // Pages say so anywhere, the role and powers included ("Under our information sharing agreement, ...").
        for (String s : allSentences(doc, true, "fsted", "CQC", "Care Quality", "care quality")) {
            var m = SHARED.matcher(s);
            while (m.find()) {
                found.add(m.group("who").equalsIgnoreCase("ofsted") ? Regulator.OFSTED : Regulator.CQC);
                evidence = evidence == null ? s : evidence;
            }
        }
        return new Reading<>(new ArrayList<>(found), evidence);
    }

    /** Whether the decision says others may have been affected by the same fault, and where. */
    static Reading<Boolean> othersAffected(DecisionDocument doc) {
        // Not the role and powers: "we may investigate matters coming to our attention which may affect others".
        for (String s : allSentences(doc, false, "other", "Other", "only one", "only person", "only family")) {
            if (Screens.containsAny(s.toLowerCase(Locale.ROOT), AFFECTED_WORDS)
                    && OTHERS_AFFECTED.matcher(s).find() && !NOT_OURS.matcher(s).lookingAt()
                    && !doc.isRestated(s)) {
                return new Reading<>(true, s);
            }
        }
        return new Reading<>(false, null);
    }

    /** The Ombudsman's own words: the summary, findings, assessment, remedy and final decision. */
    private static List<String> verdictSentences(DecisionDocument doc) {
        List<String> out = new ArrayList<>();
        for (String paragraph : verdictParagraphs(doc)) {
            doc.sentences(paragraph).forEach(s -> out.add(s.text()));
        }
        return out;
    }

    /** The paragraphs of {@link #verdictSentences}, in order. */
    private static List<String> verdictParagraphs(DecisionDocument doc) {
        List<String> out = new ArrayList<>();
        if (doc.summary != null) {
            out.add(doc.summary);
        }
        for (Line l : doc.in(Section.FINDINGS, Section.ASSESSMENT, Section.REMEDY, Section.FINAL)) {
            out.add(l.text());
        }
        return out;
    }

    /** Every sentence of the decision (summary first) in a paragraph holding one of the literal parts. */
    private static List<String> allSentences(DecisionDocument doc, boolean withRole, String... parts) {
        List<String> out = new ArrayList<>();
        if (doc.summary != null && Screens.containsAny(doc.summary, parts)) {
            doc.sentences(doc.summary).forEach(s -> out.add(s.text()));
        }
        for (Line l : doc.lines) {
            if ((withRole || l.section() != Section.ROLE) && l.section() != Section.END
                    && Screens.containsAny(l.text(), parts)) {
                doc.sentences(l.text()).forEach(s -> out.add(s.text()));
            }
        }
        return out;
    }
}
