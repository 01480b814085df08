package uk.ombudsman.analytics.parsing;

import java.util.List;
import java.util.Set;
import uk.ombudsman.analytics.record.Payment;
import uk.ombudsman.analytics.record.Remedy;
import uk.ombudsman.analytics.record.ServiceImprovement;

/**
 * What one sentence of a decision's remedy part says, read once, by one reader ({@link SentenceReader}): the remedy
 * kinds it states as this decision's remedy, the payments it asks for (a payment with no sum printed has no amount)
 * and the sums it names that are not payments. The record's payments and remedies are derived from these, each
 * payment keeping the sentence as its evidence.
 *
 * @param part      where the sentence stands
 * @param remedies  kinds stated, PAYMENT among them only with {@code payments}
 * @param uncounted sums printed that are not payments of this decision
 * @param improvements the service improvements it sets, one per item, with their kinds
 * @param remedyAgreed it agrees or recommends a remedy, whether or not it names a kind (its words are looked at only
 *                     where it names none: the record's OTHER)
 */
record SentenceReading(String text, Section part, Set<Remedy> remedies,
        List<Payment> payments, List<String> uncounted, List<ServiceImprovement> improvements, boolean remedyAgreed) {
}
