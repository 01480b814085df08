package uk.ombudsman.analytics.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.ombudsman.analytics.reading.Screens;
import uk.ombudsman.analytics.record.Outcome;

/**
 * What the Ombudsman found, read from the decision's own words: the outcome of a page without a {@code Decision :}
 * line, and whether delay by the body was at fault. Each reading keeps the sentence it rests on.
 *
 * <p>Summaries restate the complaint before they give the finding ("Mr X complains the Council failed to ...
 * We found no fault"): a sentence that reports what the complainant says is never read as a finding.
 */
final class Findings {
    /** A value read from the text and the sentence it was read from. */
    record Reading<T>(T value, String evidence) {
    }

    private static final int CI = Pattern.CASE_INSENSITIVE;

    /**
     * The complainant's own words reported: "Mr X complains the Council ...", "She says it ...". Anchored at the
     * sentence's start in every branch: tried there only ({@code lookingAt}).
     */
    private static final Pattern RESTATED = Pattern.compile(
            "^(?:(?:the )?complainants?|mr|mrs|ms|miss|mx|dr|he|she|they|(?:an? |the )?(?:man|woman|family|couple|parents?|"
                    + "mother|father|resident|tenant|landlord|company|business|organisation)|(?![AI]\\b)[A-Z]|[A-Z][a-z]+ [A-Z])"
                    + "\\b[^.;]{0,80}?\\b(?=[csabfwdtir])(?:complain(?:s|ed)?|says?|said|alleges?|alleged|believes?|believed|feels?|felt|"
                    + "wants?|wanted|disputes?|disputed|disagrees?|disagreed|asks?|asked|considers?|told us|is unhappy|"
                    + "was unhappy|is concerned|raised concerns?)\\b|^(?:her|his|their|the) complaint (?:is|was|concerns|"
                    + "concerned)\\b", CI);
    private static final Pattern UPHELD_STATEMENT = Pattern.compile(
            "\\b(?:we|i|the ombudsman|ombudsman)\\b[^.]{0,30}?\\b(?:uphold|upholds|upheld)\\b|\\bupheld (?:the|this|these|"
                    + "her|his|their|[A-Z]\\w*'s) complaints?\\b", CI);
    private static final Pattern NOT_UPHELD_STATEMENT = Pattern.compile(
            "\\b(?:do|did|have|has|will|does) not uphold\\b|\\bnot upheld\\b", CI);
    private static final Pattern CLOSED = Pattern.compile(
            "\\b(?:will not|won't|cannot|can ?not|can't|could not|should not|decided not to|not able to|not going to|"
                    + "(?:do|does) not intend to)\\s+(?:exercise (?:our |its |his |her )?discretion to\\s+)?"
                    + "(?:start\\s+|begin\\s+|continue\\s+|further\\s+)?(?:to\\s+|an\\s+|with\\s+(?:an\\s+|the\\s+)?)?"
                    + "(?:investigat\\w*|pursue)|\\b(?:law|legislation) prevents (?:us|the ombudsman) (?:from )?investigat\\w*"
                    + "|\\boutside (?:our|the ombudsman's) jurisdiction\\b|\\bwe have no (?:power|jurisdiction)\\b"
                    + "|\\bno longer within our remit\\b", CI);
    /** An investigation stopped after it began: no finding of fault unless one is stated. */
    private static final Pattern ENDED = Pattern.compile(
            "\\b(?:ended|discontinued|stopped|discontinue|end) (?:our |the |my |this |its |his |her )?investigation\\b"
                    + "|\\binvestigation (?:of|into) [^.]{0,80}?\\b(?:has been |is |was )discontinued\\b"
                    + "|\\bdid not continue (?:our|the|its|my|this) investigation\\b"
                    + "|\\bdid not investigate (?:this complaint |the complaint |it |this )?further\\b"
                    + "|\\bwill not be investigated further\\b", CI);
    /** The body put things right before or while the Ombudsman looked: counted as upheld, as the LGSCO does. */
    private static final Pattern REMEDIED = Pattern.compile(
            "\\bresolve the complaint early\\b|\\bagreed to resolve\\b|\\b(?:done|did) enough to (?:put|remedy|resolve)\\b|"
                    + "\\b(?:suitably |adequately |appropriately )?addressed (?:any |the |this |her |his |their )?injustice\\b|\\b(?:suitable|proportionate|appropriate|"
                    + "satisfactory|fair) (?:remedy|response|way forward)\\b|\\b(?:already )?(?:been )?remedied\\b|"
                    + "\\b(?:has|have|had) (?:now |already )?(?:agreed|offered|apologised|upheld|accepted|corrected|"
                    + "provided a|put right)\\b|\\b(?:accepted|accepts|admitted|acknowledged) (?:it|that it|fault|"
                    + "these findings|there (?:was|were|had been))\\b|\\bat our invitation\\b|\\bagreement to\\b|"
                    + "\\bagreed to (?:apologise|pay|make|remedy|refund|reimburse|review|provide|put right)\\b|"
                    + "\\b(?:should|will|must) (?:now )?(?:apologise|pay|refund|reimburse|make an? (?:symbolic |financial )?"
                    + "payment)\\b", CI);
    private static final Pattern FAULT = Pattern.compile(
            "\\bat fault\\b|\\bfault(?:s|y)?\\b|\\bmaladministration\\b|\\bservice failures?\\b|\\bfailed to\\b|"
                    + "^there (?:was|were|has been|had been) (?:some |an |avoidable |unreasonable |undue |unnecessary )*"
                    + "delays?\\b|"
                    + "\\bmade (?:an? |some |several )?(?:errors?|mistakes?)\\b|"
                    + "\\bfailure to\\b|\\bfailings?\\b|\\btook (?:far |much )?too long\\b|\\bwas wrong\\b|"
                    + "\\bthe (?:council|care provider|provider|trust) delayed\\b|\\bwrongly\\b|"
                    + "\\b(?:accepted|accepts|admitted|acknowledged) (?:that )?(?:it|there) (?:was |had |has )?(?:delayed|failed|"
                    + "made (?:an? )?(?:error|mistake)|got it wrong)", CI);
    /** A word that, shortly before a fault word in its clause, turns it into a finding of no fault. */
    private static final Pattern NEGATION = Pattern.compile(
            "\\b(?:no|not|nor|never|without|insufficient|enough|unlikely|cannot|n't)\\b|n't\\b", CI);
    private static final Pattern NO_FAULT = Pattern.compile(
            "\\bno (?:evidence of )?(?:\\w+ )?(?:fault|maladministration|service failure)\\b|\\bnot at fault\\b|"
                    + "\\bnot (?:find|found|see|identify|identified)\\b[^.]{0,40}\\bfault\\b|\\bfound no\\b|"
                    + "\\bacted (?:properly|reasonably|correctly|appropriately|in line)\\b|\\bwithout fault\\b|"
                    + "\\bdid nothing wrong\\b|\\bnot due to fault\\b", CI);
    /**
     * The Ombudsman's finding of no fault after looking ("We found no fault with this part", "We did not find fault with
     * the Council for its role"): beside "we will not investigate" another part, the complaint was investigated.
     */
    private static final Pattern FOUND_NO_FAULT = Pattern.compile(
            "\\b(?:we|i|the ombudsman)(?: have| has)? (?:found no|did not find|have not found|has not found|"
                    + "found (?:there was|there had been) no)\\b", CI);
    private static final Pattern CLAUSE_BREAK = Pattern.compile(
            ",? but |; |, although |, however,? |\\. However,? |, whereas |, though ", CI);
    /** Short finding lines of report pages: "Fault found causing injustice", "The Ombudsman upheld the complaint". */
    private static final Pattern VERDICT_LINE = Pattern.compile(
            "^(?:no )?fault found\\b|^the ombudsman (?:upheld|did not uphold|found (?:no )?fault)\\b", CI);

    private static final Pattern DELAY = Pattern.compile(
            "\\b(?=[dtoipls])(?:delay(?:s|ed|ing)?\\b|\\btook (?:far |much |some |too |considerable )?(?:too long|longer|time|months|"
                    + "years|weeks)\\b|\\btook no (?:action|steps) for\\b|\\btoo long\\b|\\b(?:on|in good|in) time\\b|\\bpromptly\\b|\\btimescales?\\b|"
                    + "\\bdrift(?:ed)?\\b|\\boverdue\\b|\\blonger than\\b|\\btime limits?\\b|\\bslow(?:ly|ness)?\\b)", CI);
    private static final Pattern NO_DELAY = Pattern.compile(
            "\\b(?:no|without|not cause any|any|no undue|no unreasonable|no significant)\\s+(?:\\w+\\s+)?delay\\b|"
                    + "\\bdid not delay\\b|\\bnot (?:unreasonabl[ey] )?delayed\\b|\\bdelays?\\b[^.]{0,60}?\\b(?:was|were|is|are)"
                    + " not (?:due to |because of |caused by )?(?:the council's )?fault\\b|\\blate complaints?\\b", CI);
    /** A delay stated as a finding on its own: "The Council delayed", "There was delay", "took too long". */
    private static final Pattern DELAY_FINDING = Pattern.compile(
            "\\b(?:council|it|provider|trust|school)(?: has| had| also)?(?: \\w+ly)? delayed\\b|"
                    + "\\b(?:council|it|provider|trust|school) did delay\\b|\\band delayed in \\w+ing\\b|"
                    + "\\blonger than (?:it |they |was |is |would have been )?(?:reasonably |really )?(?:should|necessary|reasonabl[ey]|"
                    + "needed|expected|acceptable|required)\\b|\\btook no (?:action|steps) for\\b|\\bthere (?:was|were|has been|had been) "
                    + "(?:also |an? |some |significant |further |avoidable |unreasonable |a further )*(?:\\w+ ){0,3}delays?\\b|"
                    + "\\b(?:found|find|finds|identified) (?:\\w+ ){0,2}?delays?\\b|\\b(?:took|taken|taking) (?:far |much )?too long\\b|"
                    + "\\b(?:caused|causing) (?:an? |some |significant )?delays?\\b|\\bresulting (?:\\w+ )?delays?\\b|"
                    + "^the delays? (?:and|caused|meant|has|had|was|were)\\b|"
                    + "\\b(?:accepted|accepts|admitted|acknowledged) (?:it |that it |there was )?(?:an? |some )?delay|"
                    + "\\b(?:accepted|accepts|admitted|acknowledged)\\b[^.]{0,80}\\btoo long\\b", CI);
    /**
     * Delay in other words: something not done sooner, earlier, promptly or in time ("at fault for not telling Miss X
     * of her appeal rights sooner", "failed to respond in a timely and effective manner", "for not providing conference
     * reports within the appropriate timeframes"). A finding only beside a fault word ({@link #findsFault}).
     */
    private static final Pattern LATE = Pattern.compile(
            "\\b(?:for not|by not|in not|failed to|failing to|failure to|did not|had not|has not|was not|were not)\\b"
                    + "[^.;]{0,120}?\\b(?:(?:sooner|earlier)(?=\\s*(?:[,.;)]|$|and\\b|or\\b|than\\b|because\\b))|timely\\b|"
                    + "within (?:the |a )?(?:[\\w-]+ ){0,3}?(?:timescales?|timeframes?|time ?limits?|deadlines?)\\b|"
                    + "quickly enough\\b|in (?:good |the right |a reasonable |reasonable )?time\\b)", CI);
    /** A literal part of each ending of {@link #LATE}, checked before it. */
    private static final String[] LATE_WORDS = {"sooner", "earlier", "timely", "within", "quickly enough", "n time",
        "n good time", "right time", "reasonable time"};
    /**
     * The body as the subject of something not done: "It did not deal with her complaint to it in good time", "The
     * Council has accepted that it did not progress its investigation quickly enough". With {@link #LATE}, a finding
     * in the Ombudsman's words even with no fault word (the complaint restated is ruled out before).
     */
    private static final Pattern BODY_DID_NOT = Pattern.compile(
            "^(?:however,? |but |and |also,? )?(?:the (?:council|care provider|provider|trust|school)|it)\\b[^.;]{0,40}?"
                    + "\\b(?:did not|had not|has not|failed to)\\b", CI);
    /**
     * A remedy for delay: an apology or payment for the delay, or for what it caused ("apologise ... for the distress
     * and frustration caused by its avoidable delay", "repay any costs ... because of the Council's delay", "the rent
     * paid during the period of delay", "the apologies had already suitably addressed any injustice ... arising from
     * its avoidable delay").
     */
    private static final Pattern REMEDY_FOR_DELAY = Pattern.compile(
            "\\b(?:apologi[sz]\\w*|pay|paid|payment|repay|refund|reimburse|remed(?:y|ied|ies)|addressed|recognise)\\b"
                    + "[^.]{0,100}?\\b(?:for|caused by|because of|due to|arising from|resulting from|during)\\s"
                    + "(?:[\\w’']+\\s){0,3}?delays?\\b", CI);
    /** A remedy verb, which makes a sentence of the remedy part that says something was late a remedy for it. */
    private static final Pattern REMEDY_VERB = Pattern.compile(
            "\\b(?:apologi[sz]\\w*|pay|repay|refund|reimburse)\\b", CI);
    /** The complaint is first of all about delay: "complains about (the Council's) delay(s) in ...". */
    private static final Pattern COMPLAINT_ABOUT_DELAY = Pattern.compile(
            "\\b(?:complain(?:t|s|ed)?|says?|said) (?:about |of |that )?(?:the (?:council|provider)'s |the |its |a |some )?"
                    + "(?:\\w+ )?delay(?:s|ed)?\\b|\\bcomplain(?:s|ed)? (?:that )?the (?:council|provider|care provider) "
                    + "(?:was|is) at fault for (?:\\w+ ){0,2}?delays?\\b", CI);
    /** A finding of fault that names no particular fault: "The Ombudsman finds the Council was at fault." */
    private static final Pattern GENERAL_FAULT = Pattern.compile(
            "^(?:the ombudsman|we|i)(?: have| has)? (?:found|finds?) (?:the (?:council|provider|trust) |there )?"
                    + "(?:was |to be |is |has been |had been )?"
                    + "(?:at )?fault(?: with the (?:council|provider)| in the (?:council|provider)'s actions| by the "
                    + "(?:council|provider))?\\b(?! in how| because| for| when)|^the (?:council|provider|trust) "
                    + "(?:accepts|accepted|has accepted) (?:it was|that it was|it had been) at fault\\.?$"
                    + "|^the (?:council|care provider|provider|trust) (?:was|is|has been) at fault\\.?$", CI);

    private Findings() {
    }


    /**
     * The outcome the summary and the final decision state, as the LGSCO counts it: an explicit (not) upheld
     * first; then "we will not investigate" (closed), unless the body had already put things right (upheld); an
     * investigation ended without a finding of fault (not upheld); any finding of fault (upheld, even without
     * injustice); no fault (not upheld). Null when the words say none of these. The phrase rules, not the verdict
     * model: on the training part's pages in cross-validation the rules read pages without a Decision line better
     * (0.94 against 0.88), so the model is trained and reported but not used here.
     */
    static Reading<Outcome> outcome(DecisionDocument doc) {
        List<String> sentences = verdictSentences(doc);
        String closed = null;
        String ended = null;
        String remedied = null;
        String fault = null;
        String noFault = null;
        String foundNoFault = null;
        for (String s : sentences) {
            if (NOT_UPHELD_STATEMENT.matcher(s).find()) {
                return new Reading<>(Outcome.NOT_UPHELD, s);
            }
            boolean restated = doc.isRestated(s);
            if (!restated && UPHELD_STATEMENT.matcher(s).find()) {
                return new Reading<>(Outcome.UPHELD, s);
            }
            if (VERDICT_LINE.matcher(s).find()) {
                return new Reading<>(s.toLowerCase(java.util.Locale.ROOT).matches("^(?:no fault|the ombudsman (?:did "
                        + "not|found no)).*") ? Outcome.NOT_UPHELD : Outcome.UPHELD, s);
            }
            if (restated) {
                continue;
            }
            if (CLOSED.matcher(s).find()) {
                closed = first(closed, s);
                if (REMEDIED.matcher(afterClosure(s)).find()) {
                    remedied = first(remedied, s);
                }
                continue;
            }
            if (ENDED.matcher(s).find()) {
                ended = first(ended, s);
            }
            if (REMEDIED.matcher(s).find()) {
                remedied = first(remedied, s);
            }
            if (findsFault(s)) {
                fault = first(fault, s);
            } else if (NO_FAULT.matcher(s).find()) {
                noFault = first(noFault, s);
                if (FOUND_NO_FAULT.matcher(s).find()) {
                    foundNoFault = first(foundNoFault, s);
                }
            }
        }
        if (closed != null && ended == null) {
            if (remedied != null || fault != null) {
                return new Reading<>(Outcome.UPHELD, first(remedied, fault));
            }
            return foundNoFault != null ? new Reading<>(Outcome.NOT_UPHELD, foundNoFault)
                    : new Reading<>(Outcome.CLOSED_AFTER_INITIAL_ENQUIRIES, closed);
        }
        if (fault != null) {
            return new Reading<>(Outcome.UPHELD, fault);
        }
        if (ended != null) {
            return new Reading<>(Outcome.NOT_UPHELD, ended);
        }
        if (remedied != null) {
            // A remedy the body agreed or the Ombudsman asks for implies fault, even beside "no fault" on another part.
            return new Reading<>(Outcome.UPHELD, remedied);
        }
        if (noFault != null) {
            return new Reading<>(Outcome.NOT_UPHELD, noFault);
        }
        return null;
    }

    /**
     * Whether the Ombudsman found delay by the body at fault, with the sentence; only asked of upheld decisions.
     * {@code inSummaryOnly} is true when the summary alone says so (a warning: summaries are the least precise).
     * The phrase rules, not the delay model: on whole pages the model read no better in cross-validation on the
     * training part (recall 0.71 against 0.74) and worse on the gold set's held-out part, so it is not used here.
     */
    static DelayReading delayFault(DecisionDocument doc) {
        List<String> summary = new ArrayList<>();
        if (doc.summary != null) {
            summary.addAll(sentences(doc, doc.summary));
        }
        String found = null;
        boolean beyondSummary = false;
        for (String s : summary) {
            if (statesDelayFault(s)) {
                found = s;
                break;
            }
        }
        for (Line l : doc.in(Section.FINAL, Section.FINDINGS, Section.ASSESSMENT, Section.REMEDY)) {
            if ((!mentionsTime(l.text()) || !DELAY.matcher(l.text()).find())
                    && !Screens.containsAny(l.text(), LATE_WORDS)) {
                continue; // most paragraphs never mention time; skip the sentence split
            }
            for (String s : sentences(doc, l.text())) {
                boolean finding = l.section() == Section.REMEDY ? remediesDelay(s)
                        || isLate(s) && REMEDY_VERB.matcher(s).find()
                        : l.section() == Section.FINAL ? statesDelayFault(s)
                        : (mentionsTime(s) && DELAY.matcher(s).find() && !NO_DELAY.matcher(s).find() || isLate(s))
                                && findsFault(s);
                if (finding) {
                    return new DelayReading(true, found != null ? found : s, false);
                }
            }
        }
        if (found != null) {
            return new DelayReading(true, found, true);
        }
        // "Miss Q complains about the Council's delays ... The Ombudsman upholds the complaint": where the complaint
        // is first of all about delay and the decision upholds it without naming another fault, delay is the fault.
        String aboutDelay = null;
        boolean generalUphold = false;
        boolean otherFault = false;
        for (String s : summary) {
            if (COMPLAINT_ABOUT_DELAY.matcher(s).find() && aboutDelay == null) {
                aboutDelay = s;
            } else if (UPHELD_STATEMENT.matcher(s).find() || REMEDIED.matcher(s).find()
                    || GENERAL_FAULT.matcher(s).find()) {
                generalUphold = true;
            } else if (!doc.isRestated(s) && findsFault(s)) {
                otherFault = true;
            }
        }
        return aboutDelay != null && generalUphold && !otherFault ? new DelayReading(true, aboutDelay, true)
                : new DelayReading(false, null, beyondSummary);
    }

    /** A delay finding and whether the summary is its only source. */
    record DelayReading(boolean delayFault, String evidence, boolean inSummaryOnly) {
    }

    /**
     * A literal part of each alternative of {@link #DELAY} (in lower and title case), checked before the costly
     * pattern: each is rare enough in a decision that most paragraphs cost only these scans.
     */
    private static final String[] TIME_WORDS = {"elay", "took", "Took", "oo long", "n time", "n good time",
        "ime limit", "romptly", "imescale", "rift", "verdue", "onger than", "slow", "Slow"};

    private static boolean mentionsTime(String text) {
        return Screens.containsAny(text, TIME_WORDS);
    }

    private static boolean remediesDelay(String s) {
        return s.contains("elay") && REMEDY_FOR_DELAY.matcher(s).find();
    }

    /** Something not done in time, in the words of {@link #LATE}. */
    private static boolean isLate(String s) {
        return Screens.containsAny(s, LATE_WORDS) && LATE.matcher(s).find();
    }

    /** A summary or final-decision sentence that finds delay at fault (not the complaint restated, not negated). */
    private static boolean statesDelayFault(String s) {
        if (isLate(s) && !isRestatedComplaint(s) && !CLOSED.matcher(s).find()
                && (findsFault(s) || BODY_DID_NOT.matcher(s).lookingAt())) {
            return true;
        }
        if (!mentionsTime(s) || !DELAY.matcher(s).find() || NO_DELAY.matcher(s).find() || isRestatedComplaint(s)) {
            return false;
        }
        if (CLOSED.matcher(s).find()) {
            return false; // "We will not investigate Mr X's complaint about delay ..." restates the complaint
        }
        return findsFault(s) || DELAY_FINDING.matcher(s).find() || UPHELD_STATEMENT.matcher(s).find()
                || remediesDelay(s);
    }

    /**
     * What the phrase rules see in one sentence, as features for the learned models: each rule a cue, never a
     * decision on its own (the model learns how far each can be trusted, and what else to read).
     */
    static void verdictCues(String s, java.util.Collection<String> out) {
        if (isRestatedComplaint(s)) {
            out.add("c=restated");
        }
        cue(UPHELD_STATEMENT, s, "c=upheld", out);
        cue(NOT_UPHELD_STATEMENT, s, "c=notupheld", out);
        cue(CLOSED, s, "c=closed", out);
        cue(ENDED, s, "c=ended", out);
        cue(REMEDIED, s, "c=remedied", out);
        if (findsFault(s)) {
            out.add("c=fault");
        }
        cue(NO_FAULT, s, "c=nofault", out);
        cue(VERDICT_LINE, s, "c=verdictline", out);
        cue(GENERAL_FAULT, s, "c=generalfault", out);
        if (CLOSED.matcher(s).find() && REMEDIED.matcher(afterClosure(s)).find()) {
            out.add("c=closedremedied");
        }
    }

    /** The cues about delay: asked only of sentences that speak of time. */
    static void delayCues(String s, java.util.Collection<String> out) {
        if (isRestatedComplaint(s)) {
            out.add("c=restated");
        }
        if (findsFault(s)) {
            out.add("c=fault");
        }
        if (mentionsTime(s) && DELAY.matcher(s).find()) {
            out.add("c=delay");
            cue(NO_DELAY, s, "c=nodelay", out);
            if (statesDelayFault(s)) {
                out.add("c=delayfault");
            }
            cue(DELAY_FINDING, s, "c=delayfinding", out);
            cue(REMEDY_FOR_DELAY, s, "c=apologydelay", out);
            cue(COMPLAINT_ABOUT_DELAY, s, "c=aboutdelay", out);
        }
    }

    private static void cue(Pattern p, String s, String name, java.util.Collection<String> out) {
        if (p.matcher(s).find()) {
            out.add(name);
        }
    }

    /** The sentence reports what the complainant says or asks for, not what the Ombudsman found. */
    static boolean isRestatedComplaint(String sentence) {
        // Every restatement has one of these verbs (or "complaint") within the pattern's reach: checked as plain text
        // there before the pattern runs.
        String head = sentence.substring(0, Math.min(sentence.length(), restatementReach(sentence)));
        return uk.ombudsman.analytics.reading.Screens.containsAny(head.toLowerCase(java.util.Locale.ROOT),
                RESTATING_WORDS) && RESTATED.matcher(sentence).lookingAt();
    }

    /**
     * How far into a sentence a match of {@link #RESTATED} can end: its subject (a listed word of at most 16
     * letters, or the first word and one letter more), at most 80 characters, then a verb of at most 15.
     */
    private static int restatementReach(String sentence) {
        int word = 0;
        while (word < sentence.length() && Character.isLetter(sentence.charAt(word))) {
            word++;
        }
        return Math.max(20, word + 2) + 80 + 20;
    }

    /** One of these, in lower case, is in every sentence {@link #RESTATED} matches. */
    private static final String[] RESTATING_WORDS = {"complain", "say", "said", "alleg", "believ", "feel", "felt",
        "want", "disput", "disagree", "ask", "consider", "told us", "unhappy", "concern"};

    /** A fault word in a clause with no negation shortly before it. */
    static boolean findsFault(String sentence) {
        for (String clause : CLAUSE_BREAK.split(sentence)) {
            Matcher f = FAULT.matcher(clause);
            while (f.find()) {
                String before = clause.substring(Math.max(0, f.start() - 60), f.start());
                if (!NEGATION.matcher(before).find() && !NO_FAULT.matcher(clause).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The summary's and the final decision's sentences, and the short verdict lines of report pages. */
    private static List<String> verdictSentences(DecisionDocument doc) {
        List<String> out = new ArrayList<>();
        if (doc.summary != null) {
            out.addAll(sentences(doc, doc.summary));
        }
        for (Line l : doc.in(Section.FINAL)) {
            out.addAll(sentences(doc, l.text()));
        }
        for (Line l : doc.lines) {
            if (l.text().length() < 120 && VERDICT_LINE.matcher(l.text()).find()) {
                out.add(0, l.text());
            }
        }
        return out;
    }

    /** "We will not investigate X's complaint about Y. This is because the Council has agreed ...": the reason. */
    private static String afterClosure(String sentence) {
        Matcher m = Pattern.compile("\\b(?:because|as|since)\\b", CI).matcher(sentence);
        return m.find() ? sentence.substring(m.start()) : "";
    }

    private static List<String> sentences(DecisionDocument doc, String paragraph) {
        List<String> out = new ArrayList<>();
        for (Sentences.Sentence s : doc.sentences(paragraph)) {
            out.add(s.text());
        }
        return out;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
