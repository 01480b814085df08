package uk.ombudsman.analytics.parsing;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import uk.ombudsman.analytics.reading.Features;
import uk.ombudsman.analytics.reading.Screens;
import uk.ombudsman.analytics.reading.SentenceModels;
import uk.ombudsman.analytics.record.Payment;
import uk.ombudsman.analytics.record.Remedy;
import uk.ombudsman.analytics.record.ServiceImprovement;

/**
 * Reads one sentence into a {@link SentenceReading}: the learned models (trained on labelled real sentences, with
 * the phrase rules' cues among their features) decide delay, verdict, each sum's role outside action lists, and a
 * payment with no sum printed; the phrase rules give each payment's purpose and the other remedy kinds, which they
 * read better (cross-validation on the training part, printed by the train command). Only the questions asked are answered: a sentence of the findings is never
 * read for remedies, nor one of the remedy part for a verdict.
 */
final class SentenceReader {
    private final SentenceModels models;

    SentenceReader(SentenceModels models) {
        this.models = models;
    }

    /** The reader with the models in the jar. */
    static SentenceReader bundled() {
        return new SentenceReader(SentenceModels.bundled(SentenceCues.INSTANCE));
    }

    /**
     * @param leadIn  the lead-in of the list this sentence is an item of, or null
     * @param context the sentences before it in its paragraph (where "this injustice" finds its harm)
     */
    SentenceReading read(String text, Section part, String leadIn, String context) {
        // Apologies, actions for the complainant and service improvements: the phrase rules (they read these better
        // than a model in cross-validation); a payment: the sums, the model's veto, and the model for no sum.
        Set<Remedy> kinds = EnumSet.noneOf(Remedy.class);
        RemedyKinds.addTo(kinds, text, part != Section.PREAMBLE);
        List<Payment> payments = new ArrayList<>(1);
        List<String> uncounted = new ArrayList<>(0);
        PaymentReader.Sums sums = PaymentReader.read(text, leadIn, context);
        if (!sums.sums().isEmpty()) {
            boolean[] vetoed = vetoes(sums, part == Section.REMEDY || leadIn != null);
            for (int i = 0; i < sums.sums().size(); i++) {
                PaymentReader.Sum s = sums.sums().get(i);
                if (s.ruleSaysPaid() && !vetoed[i]) {
                    for (int c = 0; c < s.copies(); c++) {
                        payments.add(new Payment(s.amount().setScale(2), s.purpose(), text));
                    }
                } else {
                    uncounted.add(s.printed());
                }
            }
            if (!payments.isEmpty()) {
                for (var purpose : PaymentReader.unstatedBesideSums(text)) {
                    payments.add(new Payment(null, purpose, text));
                }
            }
        } else if (text.indexOf('£') < 0 && Screens.mayAskForMoney(text)
                && models.statesPayment(text, Features.tokens(text))) {
            // "make a symbolic payment", "pay a sum to recognise her distress": money to be paid, no sum printed.
            for (var purpose : PaymentReader.unstatedPayments(text, leadIn, context)) {
                payments.add(new Payment(null, purpose, text));
            }
        }
        if (!payments.isEmpty()) {
            kinds.add(Remedy.PAYMENT);
        }
        List<ServiceImprovement> improvements = kinds.contains(Remedy.SERVICE_IMPROVEMENT)
                ? RemedyKinds.improvements(text, part != Section.PREAMBLE) : List.of();
        boolean remedyAgreed = !kinds.isEmpty() || RemedyKinds.statesARemedyAgreed(text);
        return new SentenceReading(text, part, kinds, payments, uncounted, improvements, remedyAgreed);
    }

    /** See {@link SentenceModels#remediedBeforeProbability}. */
    double remediedBefore(String sentence, List<String> cues) {
        return models.remediedBeforeProbability(sentence, cues);
    }

    /**
     * Which of the sums the rules count the model takes back: in cross-validation it kept every payment the rules
     * found (recall 1.0 both) and dropped most of the sums they wrongly counted (precision 0.97 against 0.79). Under
     * an action heading, or in a list under a lead-in, sums stand in forms the labelled page openings hardly hold
     * ("£300 to recognise her distress", "£200 each"), so there the rules alone judge; so they do where the sums of
     * the normalised sentence do not line up with the model's tokens, or where the rules count none.
     */
    private boolean[] vetoes(PaymentReader.Sums sums, boolean listed) {
        boolean[] vetoed = new boolean[sums.sums().size()];
        if (listed || sums.sums().stream().noneMatch(PaymentReader.Sum::ruleSaysPaid)) {
            return vetoed;
        }
        boolean[] paid = models.sumsPaid(Features.tokens(sums.text()), SentenceCues.ofSums(sums));
        if (paid.length == vetoed.length) {
            for (int i = 0; i < paid.length; i++) {
                vetoed[i] = !paid[i];
            }
        }
        return vetoed;
    }
}
