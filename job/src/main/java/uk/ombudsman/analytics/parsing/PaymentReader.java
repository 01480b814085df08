package uk.ombudsman.analytics.parsing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.ombudsman.analytics.reading.Screens;
import uk.ombudsman.analytics.record.Payment;
import uk.ombudsman.analytics.record.PaymentPurpose;

/**
 * The sums of money in one remedy sentence: those the decision asks the body to pay (with the purpose the text gives
 * each), and those it names that are not payments: a sum the complainant must repay, an earlier offer, a guidance
 * range, a rate, a waived charge, a sum already paid, what the complainant claims. Each sum is judged by the words
 * of its own clause, never by a cue elsewhere in the sentence.
 */
final class PaymentReader {
    private static final int CI = Pattern.CASE_INSENSITIVE;

    /** A sum as decisions print it: {@code £1,400}, {@code £509.81}, {@code £61000}. */
    private static final Pattern AMOUNT = Pattern.compile("£(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d{2})?(?![\\d,]*\\d)");
    /** Sums printed oddly: {@code £100, 000}, {@code £ 500}, {@code £200.000} (a full stop for thousands). */
    private static final Pattern SPACED_THOUSANDS = Pattern.compile("£\\s?(\\d{1,3})((?:, \\d{3})+)(?!\\d)");
    private static final Pattern DOTTED_THOUSANDS = Pattern.compile("£\\s?(\\d{1,3})((?:\\.\\d{3})+)(?!\\d)");
    private static final Pattern SPACE_AFTER_POUND = Pattern.compile("£\\s+(?=\\d)");
    /** A breakdown in brackets right after a sum ({@code £1,000 (£500 for her ...)}) is part of that sum. */
    private static final Pattern BREAKDOWN = Pattern.compile("(£[\\d,.]+)\\s*\\(([^()]*£[^()]*)\\)");

    private static final Pattern PAY_WORD = Pattern.compile(
            "\\b(?:pay|pays|paying|paid|payment|payments|refund\\w*|reimburs\\w*|compensat\\w*|remit|award\\w*|credit\\w*|"
                    + "back ?pay|financial (?:remedy|redress))\\b", CI);

    private static final Pattern GUIDANCE = Pattern.compile(
            "\\b(?:between|range|up to|typically|usually|normally|guidance|often recommends?|maximum of|minimum of|"
                    + "modest sum|would be)\\b[^£;]*$", CI);
    private static final Pattern RANGE_JOIN = Pattern.compile("^\\s*(?:to|and|-|–)\\s*$", CI);
    private static final Pattern ALREADY = Pattern.compile(
            "\\b(?:already|previously) (?:\\w+ ){0,2}?(?:paid|refunded|offered|given|made|awarded|reimbursed|credited|"
                    + "taken|provided)\\b|\\bhad (?:paid|refunded|offered|made)\\b|\\b(?:council|it) (?:has|had) "
                    + "(?:already )?upheld (?:the|her|his|their) complaint\\b", CI);
    /** "As well as steps already taken, it agreed to pay Ms X £400": a new agreement after the past one. */
    private static final Pattern NEW_AGREEMENT = Pattern.compile(
            "\\b(?:agreed|agrees|will|should|must|to) (?:\\w+ )?(?:pay|refund|reimburse|make)\\b", CI);
    /** "an additional £500, to the £500 it has already offered": the sum the body had offered before. */
    private static final Pattern ALREADY_AFTER = Pattern.compile(
            "^\\s*(?:that |which )?(?:it|the council|they) (?:has|had) (?:already |previously )?(?:offered|paid)\\b", CI);
    private static final Pattern PAST_PAYMENT_JUDGED = Pattern.compile(
            "^(?:the|this|that|its) (?:payment|offer|sum) of £[\\d,.]+ (?:is|was|would be) (?:sufficient|enough|"
                    + "appropriate|adequate|suitable)", CI);
    /** "offered £200", "its offer of £200": the body's own offer, not what the Ombudsman asks (unless "offered to pay"). */
    private static final Pattern OFFER = Pattern.compile("\\boffer(?:ed)?(?:\\s+of|\\s+\\w+(?:\\s+[A-Z]\\w*)?)?\\s*$", CI);
    private static final Pattern REPAY = Pattern.compile(
            "\\b(?:repay|re-pay|pay back|paid back|recover\\w*|reclaim\\w*|owe[sd]?|owing|overpayment(?: debt)?(?: of)?|"
                    + "debt of|arrears of|balance of|entitled to seek|invoice (?:of|for)|demand\\w* (?:for|of))\\b[^£]*$", CI);
    private static final Pattern BODY_REPAYS = Pattern.compile(
            "\\b(?:council|it|provider|trust) (?:will|should|must|has agreed to|agreed to|to) (?:repay|pay back)\\b", CI);
    private static final Pattern REFUND_FIRST = Pattern.compile("\\b(?:refund|reimburse|write off|written off)\\b", CI);
    private static final Pattern WAIVED = Pattern.compile(
            "\\b(?:waive\\w*|writ(?:e|es|ten|ing) off|cancel\\w*|reduc\\w*(?:\\s+\\w+){0,6}\\s+by|remov\\w*|deduct\\w*|"
                    + "discount\\w*)\\b[^£]*$", CI);
    private static final Pattern RATE_AFTER = Pattern.compile(
            "^\\s*(?:a|per|an|each|every)\\s+(?:week|month|hour|night|day|year|annum|term)\\b", CI);
    private static final Pattern RATE_BEFORE = Pattern.compile("\\b(?:hourly|weekly|monthly|daily|nightly|annual)\\s*$", CI);
    /** "paying £575 into Mr B's bank account by error": money paid by mistake, to be recovered. */
    private static final Pattern IN_ERROR_AFTER = Pattern.compile("^[^;,.]{0,60}\\b(?:by|in) (?:error|mistake)\\b", CI);
    private static final Pattern CLAIMED = Pattern.compile(
            "\\b(?:failed to (?:pay|refund|reimburse|provide|give|make|return)|wants?|seeks?|sought|asked for|asks for|"
                    + "claim\\w*|says? (?:he|she|they|it) (?:lost|incurred|paid|spent|owed?))\\b[^£]*$", CI);
    /** "£200 each": one payment to each of the people named before it. */
    private static final Pattern EACH = Pattern.compile("^\\s*each\\b", CI);

    /** What ends the words that belong to a sum: another remedy, a new clause. */
    private static final Pattern CLAUSE_END = Pattern.compile(
            ";|\\. |,\\s+(?!to\\b|for\\b|in\\b|as\\b|which\\b|reflecting\\b|recognising\\b|acknowledging\\b)|"
                    + ",? and (?:to )?(?:apologi[sz]e|review|remind|issue|provide|arrange|ensure|carry out|complete|consider|"
                    + "write|offer|waive|reduce|agree|make|take|produce|share|remove|cancel|backdate|explain|meet)\\b", CI);
    /** Two sums joined by "and" or a comma alone. */
    private static final Pattern JOINED = Pattern.compile("^\\s*(?:,|and|, and)\\s*$", CI);
    /** Between two sums, only payees: "pay Mr X £500, and Mr and Mrs L £3,000 to recognise the distress". */
    private static final Pattern ONLY_PAYEES = Pattern.compile("^[\\s,]*(?:and\\s+)?(?:to\\s+)?(?:[\\w'’.]+\\s+){0,5}$");
    /** "to remedy this injustice", "in recognition of this": the harm named in the sentences before. */
    private static final Pattern REFERS_BACK = Pattern.compile(
            "\\b(?:this|that|these) (?:injustice|distress|harm)\\b|\\b(?:recognise|recognition of|acknowledge|remedy|"
                    + "reflect) (?:this|that|these)\\b|\\bput (?:this|things|matters|it) right\\b", CI);
    /** "This caused Miss X avoidable frustration, for which the Council will ... pay her £200". */
    private static final Pattern FOR_WHICH = Pattern.compile(",? for which\\b", CI);
    private static final Pattern PAYMENT_NOUN = Pattern.compile("^payments?\\b", CI);

    /** "to remedy the injustice", "in recognition of his injustice": a sum for injustice with no harm named. */
    private static final Pattern INJUSTICE = Pattern.compile(
            "\\b(?:remedy|recognise|recognition of|acknowledge|reflect|for) (?:the |this |his |her |their |any |that )?"
                    + "(?:\\w+ )?injustice\\b", CI);
    private static final Map<PaymentPurpose, Pattern> CUES = new EnumMap<>(Map.of(
            PaymentPurpose.TIME_AND_TROUBLE, Pattern.compile(
                    "\\b(?=[te])(?:time(?:,| and) trouble|trouble|effort)\\b", CI),
            PaymentPurpose.FINANCIAL_LOSS, Pattern.compile(
                    "\\b(?=[rcflouaebg])(?:refund\\w*|reimburs\\w*|repa(?:y|id)\\w*|costs?|fees?|financial loss|loss of (?:income|earnings)|"
                            + "overpa\\w*|underpa\\w*|arrears|expenses|charges?|rent|council tax|fines?|allowance|"
                            + "backdat\\w*|grant)\\b", CI),
            PaymentPurpose.LOSS_OF_SERVICE, Pattern.compile(
                    "\\b(?=[lmde])(?:loss of (?:[\\w']+ ){0,4}?(?:the )?(?:service|education|provision|support|care|respite|placement|therapy|"
                            + "tuition|schooling)|(?:missed|lost|lack of|missing out on) (?:\\w+ )?(?:education|provision|"
                            + "support|care|services?|respite|tuition|therapy|sessions|schooling)|months? (?:of|without) "
                            + "(?:provision|education|support|care)|disruption to (?:\\w+ ){0,4}(?:support|education|"
                            + "provision)|educational benefit)\\b", CI),
            PaymentPurpose.DISTRESS, Pattern.compile(
                    "\\b(?=[dufaiwshe])(?:distress\\w*|upset|frustrat\\w*|anxiety|uncertainty|inconvenience|worry|stress|hurt|symbolic|"
                            + "strain|isolation|disappointment|embarrassment)\\b", CI)));

    private PaymentReader() {
    }

    /**
     * One sum of a sentence: its amount, how many payments it stands for ("£200 each" to two people), the purpose its
     * words give, and whether the phrase rules read it as a payment this decision asks for.
     */
    record Sum(BigDecimal amount, String printed, int copies, PaymentPurpose purpose, boolean ruleSaysPaid) {
    }

    /** What one sentence holds: its sums in order, and the text they were found in (sums normalised, breakdowns out). */
    record Sums(List<Sum> sums, String text) {
        static final Sums NONE = new Sums(List.of(), "");

        /** The payments the rules alone read. */
        List<Payment> rulePayments(String evidence) {
            List<Payment> out = new ArrayList<>();
            for (Sum s : sums) {
                if (s.ruleSaysPaid()) {
                    for (int c = 0; c < s.copies(); c++) {
                        out.add(new Payment(s.amount().setScale(2), s.purpose(), evidence));
                    }
                }
            }
            return out;
        }
    }

    /**
     * @param leadIn  the line that introduces the list this sentence is an item of, or null
     * @param context the sentences before this one in its paragraph, where "this injustice" finds its harm
     */
    static Sums read(String sentence, String leadIn, String context) {
        if (sentence.indexOf('£') < 0) {
            return Sums.NONE;
        }
        String t = normaliseAmounts(sentence);
        // An item of an agreed list that starts with a sum ("£300 to recognise her distress") is a payment too.
        boolean payContext = PAY_WORD.matcher(t).find() || leadIn != null
                && (PAY_WORD.matcher(leadIn).find() || t.stripLeading().startsWith("£"));
        boolean restated = Findings.isRestatedComplaint(t);
        // A breakdown in brackets after a sum is part of it: read the sentence without it.
        String outer = BREAKDOWN.matcher(t).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        List<int[]> spans = new ArrayList<>();
        Matcher m = AMOUNT.matcher(outer);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        PaymentPurpose[] purposes = new PaymentPurpose[spans.size()];
        BigDecimal[] amounts = new BigDecimal[spans.size()];
        int[] copies = new int[spans.size()];
        boolean[] paid = new boolean[spans.size()];
        boolean[] range = new boolean[spans.size()];
        for (int i = 0; i + 1 < spans.size(); i++) {
            String join = outer.substring(spans.get(i)[1], spans.get(i + 1)[0]);
            String lead = outer.substring(Math.max(0, spans.get(i)[0] - 40), spans.get(i)[0]);
            if (RANGE_JOIN.matcher(join).matches() && GUIDANCE.matcher(lead).find()) {
                range[i] = true;
                range[i + 1] = true;
            }
        }
        for (int i = 0; i < spans.size(); i++) {
            int start = spans.get(i)[0];
            int end = spans.get(i)[1];
            amounts[i] = amount(outer.substring(start, end));
            String before = outer.substring(i == 0 ? 0 : spans.get(i - 1)[1], start);
            String clause = clauseBefore(outer, start);
            String near = outer.substring(Math.max(0, start - 45), start);
            String after = outer.substring(end, i + 1 < spans.size() ? spans.get(i + 1)[0] : outer.length());
            if (amounts[i] == null || amounts[i].signum() <= 0) {
                continue;
            }
            paid[i] = payContext && !restated && !range[i] && !notAPayment(outer, start, clause, near, after);
            copies[i] = EACH.matcher(after).find() && before.contains(" and ") ? 2 : 1;
            purposes[i] = firstCue(ownWords(after));
            if (purposes[i] == null) {
                String own = clauseBefore(before, before.length());
                // "refund the top-up fees paid to date (£4,628)": a sum in brackets names the object of the first verb.
                purposes[i] = lastCue(payPhrase(own, before.endsWith("(")));
            }
            Matcher forWhich = FOR_WHICH.matcher(before);
            if (purposes[i] == null && forWhich.find()) {
                purposes[i] = lastCue(before.substring(0, forWhich.start()));
            }
        }
        respectively(outer, spans, copies, purposes);
        // A sum with no purpose of its own shares the next one's when only payees stand between them.
        for (int i = spans.size() - 2; i >= 0; i--) {
            if (copies[i] > 0 && purposes[i] == null && copies[i + 1] > 0 && purposes[i + 1] != null
                    && ONLY_PAYEES.matcher(outer.substring(spans.get(i)[1], spans.get(i + 1)[0])).matches()) {
                purposes[i] = purposes[i + 1];
            }
        }
        List<Sum> out = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            if (copies[i] == 0) {
                continue;
            }
            PaymentPurpose p = purposes[i] != null ? purposes[i] : purposeFromSurroundings(outer, leadIn, context);
            out.add(new Sum(amounts[i], outer.substring(spans.get(i)[0], spans.get(i)[1]), copies[i], p, paid[i]));
        }
        return new Sums(out, outer);
    }

    /**
     * The purpose of a payment whose own words name none: the list's lead-in, the harm named just before ("to remedy
     * this injustice"), the Ombudsman's symbolic payment for injustice, or else OTHER.
     */
    static PaymentPurpose purposeFromSurroundings(String sentence, String leadIn, String context) {
        PaymentPurpose p = leadIn == null ? null : firstCue(leadIn);
        if (p == null && context != null && REFERS_BACK.matcher(sentence).find()) {
            p = harmNamedLast(context);
        }
        if (p == null && (INJUSTICE.matcher(sentence).find() || leadIn != null && INJUSTICE.matcher(leadIn).find())) {
            p = PaymentPurpose.DISTRESS; // the Ombudsman's symbolic payment for injustice that is not financial
        }
        return p == null ? PaymentPurpose.OTHER : p;
    }

    /** The purpose a payment with no sum printed has: the first harm its sentence names, else as above. */
    static PaymentPurpose purposeOfUnstated(String sentence, String leadIn, String context) {
        PaymentPurpose p = firstCue(sentence);
        return p != null ? p : purposeFromSurroundings(sentence, leadIn, context);
    }

    /** Money given back: "refund the fee", "repay part of the fees", "reimburse her costs", "repayment of". */
    private static final Pattern GIVEN_BACK = Pattern.compile("\\b(?:refund|repay|reimburs)\\w*", CI);
    /**
     * A payment of another kind beside it, asked for as such: "make a symbolic payment", "a small payment", "pay a
     * financial remedy" (not "pursue payment of the invoice"). Only outside what is given back ("refund an additional
     * payment made by Ms X" is one refund).
     */
    private static final Pattern PAYMENT_MENTION = Pattern.compile(
            "\\b(?:make|makes|making|pay|a|an)\\s+(?:(?:symbolic|financial|small|further|goodwill|separate|additional)\\s+)*"
                    + "payments?\\b|\\b(?:symbolic|financial|small|further|goodwill)\\s+payments?\\b|\\bfinancial remedy\\b|"
                    + "\\bpay (?:him|her|them|a sum|an amount)\\b", CI);
    /**
     * Payments, in the plural, to be made, or to two people: "make payments to them", "make symbolic payments to Y and
     * Ms X", "payments for time, trouble and distress".
     */
    private static final Pattern PAYMENTS_PLURAL = Pattern.compile(
            "\\b(?:make|making|pay|symbolic|financial|remedial|redress|goodwill) payments\\b|\\bpayments (?:to|for) [^.;]*?"
                    + "\\band\\b", CI);

    /**
     * The purposes of the payments a sentence asks for with no sum printed (the model has said it asks for money):
     * money given back and a payment of another kind beside it are two ("refund the fee for the second application
     * and make a symbolic payment in recognition of Mr X's distress": FINANCIAL_LOSS and DISTRESS); payments in the
     * plural are two ("make payments to Mrs X and her son"), their number not being printed; otherwise one. In the
     * order the sentence names them.
     */
    static List<PaymentPurpose> unstatedPayments(String sentence, String leadIn, String context) {
        Matcher back = GIVEN_BACK.matcher(sentence);
        if (back.find()) {
            // What is given back runs to the next comma or "and": a payment named inside it is its object.
            int end = clauseEnd(sentence, back.end());
            Matcher other = PAYMENT_MENTION.matcher(sentence);
            while (other.find()) {
                if (other.start() >= back.start() && other.start() < end) {
                    continue;
                }
                boolean first = other.start() < back.start();
                PaymentPurpose own = purposeOfUnstated(sentence.substring(other.start(), first ? back.start()
                        : sentence.length()), leadIn, context);
                return first ? List.of(own, PaymentPurpose.FINANCIAL_LOSS) : List.of(PaymentPurpose.FINANCIAL_LOSS, own);
            }
        }
        PaymentPurpose p = purposeOfUnstated(sentence, leadIn, context);
        return PAYMENTS_PLURAL.matcher(sentence).find() ? List.of(p, p) : List.of(p);
    }

    /**
     * Money to be given back, or an amount "equivalent to" a cost, asked for beside a printed sum in the same sentence:
     * "repay part of the fees and pay Mr C £250", "pay Mrs B an amount equivalent to the rent paid during the period of
     * delay and a further £300", "provide a refund voucher and £50 time and trouble payment". Base forms only (what is
     * asked for, not "has refunded").
     */
    private static final Pattern UNSTATED_BESIDE_SUM = Pattern.compile(
            "\\b(?:refund|repay|reimburse)\\b|\\ba (?:full |partial )?refund\\b|\\b(?:an amount|a sum) (?:equivalent|equal) to\\b",
            CI);
    /** A literal part of every match of {@link #UNSTATED_BESIDE_SUM}, in the cases it is printed in. */
    private static final String[] UNSTATED_BESIDE_SUM_WORDS = {"efund", "epay", "eimburse", "EFUND", "EPAY",
        "EIMBURSE", "quivalent", "qual to", "QUIVALENT", "QUAL TO"};
    /** A sum whose own purpose the words after it give: "a total payment of £335 to refund the enforcement fee". */
    private static final Pattern SUM_THEN_TO = Pattern.compile("£[\\d,.]+(?:\\s+\\w+){0,3}\\s+to\\s+$");

    /**
     * The payments with no sum printed that a sentence asking for a printed sum also asks for: each clause that gives
     * money back or pays an amount equivalent to a cost, with no sum of its own (see {@link #UNSTATED_BESIDE_SUM}).
     */
    static List<PaymentPurpose> unstatedBesideSums(String sentence) {
        if (!Screens.containsAny(sentence, UNSTATED_BESIDE_SUM_WORDS)) {
            return List.of(); // most sentences with a sum: none of the pattern's words, so no need to run it
        }
        List<PaymentPurpose> out = new ArrayList<>(0);
        Matcher m = UNSTATED_BESIDE_SUM.matcher(sentence);
        while (m.find()) {
            int end = clauseEnd(sentence, m.end());
            String before = sentence.substring(Math.max(0, m.start() - 40), m.start());
            if (sentence.substring(m.start(), end).indexOf('£') < 0 && !SUM_THEN_TO.matcher(before).find()) {
                out.add(PaymentPurpose.FINANCIAL_LOSS);
            }
        }
        return out;
    }

    private static int clauseEnd(String sentence, int from) {
        int comma = sentence.indexOf(',', from);
        int and = sentence.indexOf(" and ", from);
        int end = sentence.length();
        if (comma >= 0) {
            end = comma;
        }
        if (and >= 0 && and < end) {
            end = and;
        }
        return end;
    }

    /**
     * "payments of £200 and £100 to his daughter for her distress and time and trouble": sums joined by "and" alone,
     * followed by as many harms as there are sums, take them in order.
     */
    private static void respectively(String sentence, List<int[]> spans, int[] copies, PaymentPurpose[] purposes) {
        for (int i = 0; i + 1 < spans.size(); i++) {
            int j = i;
            while (j + 1 < spans.size() && JOINED.matcher(sentence.substring(spans.get(j)[1], spans.get(j + 1)[0]))
                    .matches()) {
                j++;
            }
            if (j > i) {
                String after = ownWords(sentence.substring(spans.get(j)[1]));
                List<PaymentPurpose> named = allCues(after);
                if (named.size() == j - i + 1) {
                    for (int k = i; k <= j; k++) {
                        if (copies[k] > 0) {
                            purposes[k] = named.get(k - i);
                        }
                    }
                }
            }
            i = j;
        }
    }

    /** Every harm named, in the order named, one entry per mention. */
    private static List<PaymentPurpose> allCues(String text) {
        java.util.TreeMap<Integer, PaymentPurpose> at = new java.util.TreeMap<>();
        for (var e : CUES.entrySet()) {
            Matcher m = e.getValue().matcher(text);
            while (m.find()) {
                at.put(m.start(), e.getKey());
            }
        }
        return new ArrayList<>(at.values());
    }

    /** Why a sum in a sentence about paying is still not a payment this decision asks for, if it is not. */
    private static boolean notAPayment(String sentence, int start, String clause, String near, String after) {
        Matcher already = ALREADY.matcher(clause);
        boolean paidBefore = already.find() && !NEW_AGREEMENT.matcher(clause.substring(already.end())).find();
        if (GUIDANCE.matcher(near).find() || paidBefore || ALREADY_AFTER.matcher(after).find()
                || PAST_PAYMENT_JUDGED.matcher(sentence).lookingAt()) {
            return true;
        }
        if (OFFER.matcher(near).find()) {
            return true;
        }
        if (REPAY.matcher(near).find() && !BODY_REPAYS.matcher(clause).find() && !REFUND_FIRST.matcher(near).find()) {
            return true;
        }
        return WAIVED.matcher(near).find() || RATE_AFTER.matcher(after).find() || RATE_BEFORE.matcher(near).find()
                || IN_ERROR_AFTER.matcher(after).find()
                || CLAIMED.matcher(near).find();
    }

    /** The text of the sentence's clause up to a position: from the last semicolon or colon. */
    private static String clauseBefore(String sentence, int end) {
        int from = Math.max(sentence.lastIndexOf(';', end - 1), sentence.lastIndexOf(':', end - 1)) + 1;
        return sentence.substring(from, end);
    }

    /**
     * The words from the payment word governing a sum up to the sum: "refund her", or with a noun its adjectives too
     * ("a symbolic payment of").
     */
    private static String payPhrase(String before, boolean firstVerb) {
        Matcher p = PAY_WORD.matcher(before);
        int at = -1;
        while (p.find()) {
            at = p.start();
            if (firstVerb) {
                break;
            }
        }
        if (at < 0) {
            return "";
        }
        int from = at;
        if (PAYMENT_NOUN.matcher(before.substring(at)).lookingAt()) {
            for (int words = 0; words < 3 && from > 0; words++) {
                from = before.lastIndexOf(' ', from - 2) + 1;
            }
        }
        return before.substring(from);
    }

    /** The first harm named in the last sentence that names one: what "to remedy this injustice" refers to. */
    private static PaymentPurpose harmNamedLast(String context) {
        List<Sentences.Sentence> sentences = Sentences.split(context);
        for (int i = sentences.size() - 1; i >= 0; i--) {
            PaymentPurpose p = firstCue(sentences.get(i).text());
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    /** The words after a sum that still belong to it. */
    private static String ownWords(String after) {
        Matcher e = CLAUSE_END.matcher(after);
        return e.find() ? after.substring(0, e.start()) : after;
    }

    static String normaliseAmounts(String s) {
        if (s.indexOf('£') < 0) {
            return s;
        }
        String t = SPACE_AFTER_POUND.matcher(s).replaceAll("£");
        t = SPACED_THOUSANDS.matcher(t).replaceAll(m -> Matcher.quoteReplacement(
                "£" + m.group(1) + m.group(2).replace(", ", ",")));
        return DOTTED_THOUSANDS.matcher(t).replaceAll(m -> Matcher.quoteReplacement(
                "£" + m.group(1) + m.group(2).replace(".", ",")));
    }

    private static BigDecimal amount(String printed) {
        Matcher a = AMOUNT.matcher(printed);
        if (!a.find()) {
            return null;
        }
        return new BigDecimal(a.group(1).replace(",", "") + (a.group(2) == null ? "" : a.group(2)));
    }

    static PaymentPurpose firstCue(String text) {
        PaymentPurpose best = null;
        int at = Integer.MAX_VALUE;
        for (var e : CUES.entrySet()) {
            Matcher m = e.getValue().matcher(text);
            if (m.find() && m.start() < at) {
                at = m.start();
                best = e.getKey();
            }
        }
        return best;
    }

    private static PaymentPurpose lastCue(String text) {
        PaymentPurpose best = null;
        int at = -1;
        for (var e : CUES.entrySet()) {
            Matcher m = e.getValue().matcher(text);
            while (m.find()) {
                if (m.start() > at) {
                    at = m.start();
                    best = e.getKey();
                }
            }
        }
        return best;
    }
}
