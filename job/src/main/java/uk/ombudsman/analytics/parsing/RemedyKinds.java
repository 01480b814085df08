package uk.ombudsman.analytics.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.ombudsman.analytics.record.ImprovementKind;
import uk.ombudsman.analytics.record.Remedy;
import uk.ombudsman.analytics.record.ServiceImprovement;

/**
 * The kinds of remedy a sentence sets: an apology, a service improvement, an action for the complainant. In an
 * action section every sentence is a remedy; elsewhere (a summary, an assessment) only the list of things the body
 * agreed, should or will do counts ("The Council has agreed to apologise, reduce the amount she owes by £500 and
 * review its debt management procedures"), never the complaint restated or what the body had already done.
 * Payments are counted by {@link PaymentReader}: a payment with no sum is no kind here.
 */
final class RemedyKinds {
    private static final int CI = Pattern.CASE_INSENSITIVE;

    private static final Pattern APOLOGY = Pattern.compile("\\b(?:apologi[sz]e|apologi[sz]es|apologi[sz]ing|apology|"
            + "apologies)\\b", CI);
    private static final Pattern APOLOGY_DONE = Pattern.compile("\\b(?:already|has|had) (?:\\w+ )?apologi[sz]ed\\b", CI);
    private static final String PERSON = "(?:him|her|them|Mr|Mrs|Miss|Ms|Mx|Dr|the complainant|the family)";
    // Each alternative with the words one of which every match of it contains (checked before it runs).
    static final Alternatives ACTION = new Alternatives(CI)
            .or("\\bre-?assess\\w*", "assess")
            .or("\\bre-?consider\\w*", "consider")
            .or("\\bre-?review\\w*", "review")
            .or("\\b(?:carry out|complete|undertake|arrange|hold|convene|conduct)\\s+(?:an?|the)\\s+(?:[\\w-]+\\s+){0,4}?"
                    + "(?:assessment|review|meeting|panel|investigation|visit|appeal|inspection)", "carry out", "complete",
                    "undertake", "arrange", "hold", "convene", "conduct")
            .or("\\bproduce\\s+(?:an?|the)\\s+(?:[\\w-]+\\s+){0,3}?plan\\b", "produce")
            .or("\\bprovide\\s+" + PERSON + "\\b", "provide")
            .or("\\b(?:write to|meet with|meet|contact|discuss with)\\s+" + PERSON + "\\b", "write to", "meet", "contact",
                    "discuss with")
            .or("\\b(?:decide|determine)\\s+(?:whether|if|his|her|their)\\b", "decide", "determine")
            .or("\\b(?:backdate|amend|correct|update|remove)\\s+(?:his|her|their|the)\\s+(?:[\\w-]+\\s+){0,3}?"
                    + "(?:records?|plan|EHC\\w*|account|bill|assessment|entry|file)", "backdate", "amend", "correct",
                    "update", "remove")
            .or("\\bissue\\s+(?:an?|the)\\s+(?:[\\w-]+\\s+){0,3}?(?:decision|plan|response|notice)", "issue");
    static final Alternatives SERVICE_IMPROVEMENT = new Alternatives(CI)
            .or("\\b(?:issue|provide|give|send|circulate)\\s+(?:\\w+\\s+){0,2}?(?:guidance|memo|feedback|reminders?|"
                    + "briefings?)\\b", "guidance", "memo", "feedback", "reminder", "briefing")
            .or("\\bchanges? to (?:its|the|their) (?:[\\w'-]+ ){0,2}?(?:procedures?|polic(?:y|ies)|process(?:es)?|"
                    + "practices?|systems?)\\b", "change")
            .or("\\bputs? (?:in place (?:\\w+ ){0,3}?(?:changes|checks|procedures?|process|system|measures)|checks in "
                    + "place)\\b", "place")
            .or("\\b(?:tighter|better|improved) (?:controls|checks|processes|procedures|monitoring)\\b", "tighter",
                    "better", "improved")
            .or("\\bservice remedy\\b", "service remedy")
            .or("\\btrain(?:ing|ed)?\\b", "train")
            .or("\\bmonitor(?:ing|s)? (?:its|their|the (?:council|service))\\b", "monitor")
            .or("\\bremind\\w*", "remind")
            .or("\\blearning\\b", "learning")
            .or("\\bservice improvements?\\b", "service improvement")
            .or("\\bimprove (?:its|the|their) (?:\\w+ )?services?\\b", "improve")
            .or("\\bbetter service\\b", "better service")
            .or("\\baction plan\\b", "action plan")
            .or("\\b(?:prevent|avoid|stop) (?:a |any )?(?:recurrence|reoccurrence|repetition|this (?:\\w+ ){0,2}?"
                    + "(?:happening|recurring|occurring|again))", "prevent", "avoid", "stop")
            .or("\\b(?:act|action|steps) to (?:prevent|ensure|address|improve|avoid|reduce|stop)\\b", "act to",
                    "action to", "steps to")
            .or("\\b(?:review|change|amend|update|improve|introduce|revise|reviews|consider amending)\\s+"
                    + "(?:[\\w'-]+\\s+){0,5}?(?:procedures?|polic(?:y|ies)|process(?:es)?|practices?|guidance|systems?|"
                    + "arrangements|templates?|letters|rules|standard information|information it provides|how it)\\b",
                    "review", "change", "amend", "update", "improve", "introduce", "revise")
            .or("\\b(?:staff|officers|social workers|workers|employees|teams?)\\b.{0,80}?\\b(?:aware|guidance|briefed)"
                    + "\\b", "staff", "officers", "workers", "employees", "team")
            .or("\\bshare\\s+(?:this|our|the)\\s+(?:decision|learning|findings)\\s+with\\b", "share");
    /** The kinds of improvement in the order they are tried: the first that matches an item names it. */
    private static final List<Map.Entry<ImprovementKind, Pattern>> KINDS = List.of(
            kind(ImprovementKind.GUIDANCE_OR_REMINDER, "\\b(?=[rbmaf])(?:remind\\w*|brief\\w*|memo\\b|aware\\b|feedback\\b)"),
            kind(ImprovementKind.REVIEW_OTHER_CASES, "\\b(?=[osi])(?:other (?:cases|people|residents|families|customers|tenants|"
                    + "applicants|service users|parents|children|carers)\\b|others (?:who|affected|in)\\b|"
                    + "similar (?:position|situation|circumstances)\\b|identify (?:any|all) (?:other|similar))"),
            kind(ImprovementKind.TRAINING, "\\btrain\\w*"),
            kind(ImprovementKind.MONITORING, "\\b(?=[mar])(?:monitor\\w*|action plan\\b|audit\\w*|report (?:back )?to "
                    + "(?:its|the|us|a)\\b)"),
            kind(ImprovementKind.POLICY, "\\bpolic(?:y|ies)\\b"),
            kind(ImprovementKind.PROCEDURE, "\\b(?=[pstlarhc])(?:procedures?|process(?:es)?|practices?|systems?|"
                    + "templates?|letters|arrangements|rules|how (?:it|its|the)|"
                    + "checklist|controls|checks|changes)\\b"),
            kind(ImprovementKind.GUIDANCE_OR_REMINDER, "\\b(?=[gslo])(?:guidance|share|learning|staff|officers)\\b"));

    private static Map.Entry<ImprovementKind, Pattern> kind(ImprovementKind kind, String pattern) {
        return Map.entry(kind, Pattern.compile(pattern, CI));
    }

    private static final Pattern RESTATED_FINDING = Pattern.compile("^(?:I|We) (?:have )?(?:also )?found\\b");

    /** What the body agreed, should or will do: the list that follows is this decision's remedy. */
    private static final Pattern AGREED = Pattern.compile(
            "\\b(?:agreed to|agrees to|agreed(?= an? )|agreed actions? of|agreed with (?:the|our) \\w+ to|will,?|should|must|"
                    + "needs? to|(?:has|have) been asked to|recommend(?:s|ed)?(?: that)?"
                    + "(?: the (?:council|provider|trust))?:?|asked the (?:council|provider|trust) to|remedy (?:this|the) "
                    + "\\w+ by|to remedy [^,]{0,60}, (?:the council|it|the provider|the trust)(?: has)? (?:agreed to|will|"
                    + "should))\\s+", CI);
    /**
     * The remedy named before its verdict: "An apology, payment to Miss B and training for officers is satisfactory
     * remedy", "An apology and payment remedies the frustration and distress". The list is this decision's remedy as
     * much as one after "agreed to".
     */
    private static final Pattern NAMED_REMEDY = Pattern.compile(
            "^(?<list>[^,;:]{3,80}(?:,[^,;:]{3,120}){0,4}?),?\\s+(?:(?:is|are|would be|will be)\\s+(?:an? )?(?:\\w+ )?"
                    + "(?:satisfactory|suitable|appropriate|proportionate|sufficient|fair|reasonable|adequate)\\s+"
                    + "(?:\\w+ )?remed(?:y|ies)|remed(?:y|ies) (?:the|his|her|their|this|that|any|Mr|Mrs|Ms|Miss)\\b)",
            CI);
    /**
     * A named remedy that is what the body had already done ("The action the Council has already taken is an
     * appropriate remedy", "its apology and offer to refund her fee are appropriate remedies"), or a clause rather than
     * a list of things to do: not this decision's remedy.
     */
    private static final Pattern NOT_A_NAMED_LIST = Pattern.compile(
            "\\b(?:has|have|had|already|was|were|did|which|this|that|these|it|its|their)\\b", CI);
    private static final Pattern ITEM_SPLIT = Pattern.compile("\\s*(?:;|,? and (?=[a-z])|,(?= [a-z]))\\s*");
    /** An item about money (counted, with its sum, by PaymentReader) or saying only that a remedy was agreed. */
    private static final Pattern NOT_A_KIND = Pattern.compile(
            "^(?:also )?(?:pay|pays|paying|make|makes|making|provide|provides|providing)?\\s*(?:an? |the )?(?:\\w+ )?"
                    + "(?:payment|financial|symbolic|sum|amount|refund|remedy|settlement|redress)|^(?:pay|pays|paying|"
                    + "refund|refunds|reimburse|reimburses|compensate|fund|funds)\\b|\\b(?:remedy|resolve|put right) (?:the|this|"
                    + "that|its|her|his) (?:injustice|complaint|fault)\\b|\\bour recommendations?\\b|^(?:also )?(?:be|been|"
                    + "is|are|was|have|has|had|not|no)\\b", CI);
    /**
     * Verbs of things done for the complainant, in any form ("offer", "offers", "offering"), after a repeated "to"
     * ("agreed to apologise ... and to amend ...").
     */
    private static final Pattern ACTION_VERB = Pattern.compile(
            "^(?:to )?(?:also |now |properly |promptly |urgently )?(?:arrang|re-?assess|assess|backdat|cancel|carr(?:y|ies|ying) "
                    + "out|clear|complet|confirm|re-?consider|consider|correct|decid|deduct|determin|explain|follow|give|"
                    + "issu|re-?issu|investigat|meet|offer|process|provid|reinstat|remov|reduc|refer|re-?review|review|"
                    + "send|stor|tell|updat|waiv|writ|amend|begin|continu|allow|add|return|repair|install|inform|place|"
                    + "accept|restor|rehous|hold|contact|discuss|identif|produc|put|check|liais|help|support|visit|"
                    + "instruct|record|agree|set out|treat|re-?open|re-?calculat|calculat|recalculat|assist|conduct|respond)\\w*\\b", CI);

    /**
     * A remedy agreed or recommended in words that name no kind of it: "The Council has agreed to remedy the injustice
     * caused", "a remedy has been agreed", "The Council has agreed to our recommendations", "We have made
     * recommendations to remedy the injustice". The spec's OTHER: where nothing in the remedy part names a kind, the
     * decision still has a remedy (page openings often end before the agreed action that would name it).
     */
    private static final Pattern REMEDY_AGREED = Pattern.compile(
            // The first letters looked at before the word boundary, which costs more to test at every position.
            "(?=[ahwsrm])\\b(?:(?:has|have)\\s+(?:now\\s+)?agreed|agreed|agrees|will|should|recommend(?:s|ed)?|asked\\s+"
                    + "(?:the|it)\\s+\\w+\\s+to)\\b[^.;:]{0,80}?\\b(?:remed(?:y|ies)|recommendations)\\b"
                    + "|(?=[m])\\b(?:made|make)\\s+(?:some\\s+|two\\s+|three\\s+)?recommendations\\b"
                    + "|(?=[r])\\bremed(?:y|ies)\\s+(?:has|have)\\s+(?:now\\s+)?been\\s+agreed\\b", CI);
    /**
     * Not a remedy agreed now: declined or conditional ("we cannot recommend a remedy", "if we find fault we can
     * recommend"), the body's earlier doing ("had already agreed", "offered a remedy"), or what the complainant wants.
     */
    private static final Pattern NOT_AGREED_NOW = Pattern.compile(
            "\\b(?:not|no|nothing|cannot|never|without|already|before|previously|if|may|might|can|could|would|offered|"
                    + "wants?|wanted|asks|seeks?|sought|complains?|complained|says|said)\\b|n't\\b|\\b(?:should|must)\\s+have\\b",
            CI);

    private RemedyKinds() {
    }

    /**
     * Whether a sentence agrees or recommends a remedy, in any words, even naming no kind of it ({@link
     * #REMEDY_AGREED}); never the complaint restated.
     */
    static boolean statesARemedyAgreed(String sentence) {
        return (sentence.contains("emed") || sentence.contains("ecommend")) && REMEDY_AGREED.matcher(sentence).find()
                && !NOT_AGREED_NOW.matcher(sentence).find() && !Findings.isRestatedComplaint(sentence);
    }

    /** The kinds the rules read in a sentence, as it stands and as if under an action heading: cues for the models. */
    static void cues(String sentence, java.util.Collection<String> out) {
        Set<Remedy> agreed = java.util.EnumSet.noneOf(Remedy.class);
        addTo(agreed, sentence, false);
        agreed.forEach(k -> out.add("c=kind:" + k));
        Set<Remedy> listed = java.util.EnumSet.noneOf(Remedy.class);
        addTo(listed, sentence, true);
        listed.forEach(k -> out.add("c=item:" + k));
    }

    /** Adds the kinds of remedy {@code sentence} sets; {@code inActionSection} when it stands under an action heading. */
    static void addTo(Set<Remedy> remedies, String sentence, boolean inActionSection) {
        if (RESTATED_FINDING.matcher(sentence).find() || Findings.isRestatedComplaint(sentence)) {
            return;
        }
        String remedyText = sentence;
        if (!inActionSection) {
            Matcher agreed = AGREED.matcher(sentence);
            if (agreed.find()) {
                remedyText = sentence.substring(agreed.start());
                classifyItems(remedies, sentence.substring(agreed.end()));
            } else {
                remedyText = namedRemedy(sentence);
                if (remedyText == null) {
                    return;
                }
                classifyItems(remedies, remedyText);
            }
        }
        String lower = remedyText.toLowerCase(Locale.ROOT);
        if (!remedies.contains(Remedy.APOLOGY) && lower.contains("apolog") && APOLOGY.matcher(remedyText).find()
                && !APOLOGY_DONE.matcher(remedyText).find()) {
            remedies.add(Remedy.APOLOGY);
        }
        // Each kind is looked for until found once: the patterns are the costly part of a remedy.
        if (!remedies.contains(Remedy.ACTION_FOR_COMPLAINANT) && ACTION.find(remedyText, lower)) {
            remedies.add(Remedy.ACTION_FOR_COMPLAINANT);
        }
        if (!remedies.contains(Remedy.SERVICE_IMPROVEMENT) && SERVICE_IMPROVEMENT.find(remedyText, lower)) {
            remedies.add(Remedy.SERVICE_IMPROVEMENT);
        }
    }

    /** The list of a remedy named before its verdict ({@link #NAMED_REMEDY}), or null. */
    private static String namedRemedy(String sentence) {
        if (!sentence.contains("remed")) {
            return null;
        }
        Matcher m = NAMED_REMEDY.matcher(sentence);
        return !m.find() || NOT_A_NAMED_LIST.matcher(m.group("list")).find() ? null : m.group("list");
    }

    /**
     * Each item of an agreed list is one remedy: an apology, a service improvement, money (counted elsewhere), or else
     * something done for the complainant ("reduce the amount she owes", "offer her the next suitable property").
     */
    private static void classifyItems(Set<Remedy> remedies, String list) {
        int end = list.indexOf(". ");
        for (String item : ITEM_SPLIT.split(end < 0 ? list : list.substring(0, end))) {
            String it = item.strip();
            if (APOLOGY.matcher(it).find()) {
                remedies.add(Remedy.APOLOGY);
            } else if (SERVICE_IMPROVEMENT.find(it)) {
                remedies.add(Remedy.SERVICE_IMPROVEMENT);
            } else if (ACTION_VERB.matcher(it).find() && !NOT_A_KIND.matcher(it).find()) {
                remedies.add(Remedy.ACTION_FOR_COMPLAINANT);
            }
        }
    }

    /**
     * The service improvements a sentence sets, one per item of its list, each with its kind; asked only of sentences
     * in which {@link #addTo} found {@link Remedy#SERVICE_IMPROVEMENT}, so it reads what that reading read.
     */
    static List<ServiceImprovement> improvements(String sentence, boolean inActionSection) {
        String text = sentence;
        if (!inActionSection) {
            // The list addTo read the kind from: after the agreement, or the remedy named before its verdict.
            Matcher agreed = AGREED.matcher(sentence);
            text = agreed.find() ? sentence.substring(agreed.end()) : namedRemedy(sentence);
            if (text == null) {
                return List.of();
            }
        }
        List<ServiceImprovement> out = new ArrayList<>();
        for (String item : ITEM_SPLIT.split(text)) {
            String it = item.strip();
            if (SERVICE_IMPROVEMENT.find(it)) {
                out.add(new ServiceImprovement(kindOf(it), it));
            }
        }
        if (out.isEmpty()) {
            // The wording spans the list's items ("make staff ... aware"): the sentence is one improvement.
            out.add(new ServiceImprovement(kindOf(text), text.strip()));
        }
        return out;
    }

    /** The kind of one improvement: a reminder of a procedure is a reminder; a review of a procedure a procedure. */
    static ImprovementKind kindOf(String item) {
        for (Map.Entry<ImprovementKind, Pattern> k : KINDS) {
            if (k.getValue().matcher(item).find()) {
                return k.getKey();
            }
        }
        return ImprovementKind.OTHER;
    }
}
