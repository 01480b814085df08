package uk.ombudsman.analytics.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.ombudsman.analytics.record.Remedy;

/**
 * Remedies named before their verdict ("An apology, payment to Miss B and training for officers is satisfactory
 * remedy"), or after a wording of "asked to" other than the usual ones, read as the same list an "agreed to" gives.
 * Every sentence is real, from the page opening of the decision at www.lgo.org.uk/decisions/ + the path given (the
 * reading set's training part).
 */
class NamedRemediesTest {
    private static final SentenceReader READER = SentenceReader.bundled();

    private static Set<Remedy> summary(String sentence) {
        return READER.read(sentence, Section.PREAMBLE, null, "").remedies();
    }

    @Test
    void aListOfRemediesCalledSatisfactoryRemedyIsThisDecisionsRemedy() {
        // housing/homelessness/24-006-946
        assertEquals(EnumSet.of(Remedy.APOLOGY, Remedy.PAYMENT, Remedy.SERVICE_IMPROVEMENT),
                summary("An apology, payment to Miss B and training for officers is satisfactory remedy."));
        // transport-and-highways/highway-repair-and-maintenance/21-011-090
        assertEquals(EnumSet.of(Remedy.APOLOGY, Remedy.ACTION_FOR_COMPLAINANT),
                summary("An apology, consideration of the outstanding matters and communication with Mr B about the "
                        + "Council’s decision is satisfactory remedy."));
    }

    @Test
    void aListThatRemediesTheInjusticeIsThisDecisionsRemedy() {
        // education/special-educational-needs/24-009-377
        assertEquals(EnumSet.of(Remedy.APOLOGY, Remedy.PAYMENT),
                summary("An apology and payment remedies the frustration and distress, and loss of provision to Y, "
                        + "the child."));
    }

    @Test
    void beingAskedToOrNeedingToSetsTheRemedyAsAgreeingToDoes() {
        // children-s-care-services/child-protection/19-014-575: "and to amend" is an action too
        assertEquals(EnumSet.of(Remedy.APOLOGY, Remedy.PAYMENT, Remedy.ACTION_FOR_COMPLAINANT),
                summary("There is evidence of fault and the Council has been asked to apologise, make a financial "
                        + "settlement and to amend documentation."));
        // adult-care-services/assessment-and-care-plan/23-013-942
        assertEquals(EnumSet.of(Remedy.APOLOGY, Remedy.PAYMENT),
                summary("The Council needs to apologise, make a symbolic payment to Mr B and ensure his daughter "
                        + "receives the support she needs."));
        // adult-care-services/transition-from-childrens-services/24-016-539 (its comma as printed)
        assertEquals(EnumSet.of(Remedy.APOLOGY, Remedy.PAYMENT, Remedy.SERVICE_IMPROVEMENT),
                summary("To remedy the complaint the Council will, apologise to Ms D and her family, make symbolic "
                        + "payments and service improvements."));
    }

    @Test
    void whatTheBodyHadAlreadyDoneCalledARemedyIsNotThisDecisionsRemedy() {
        // adult-care-services/domiciliary-care/19-004-381
        assertEquals(Set.of(), summary("The action the Council has already taken is an appropriate remedy and no "
                + "further action is required of the Council."));
        // housing/allocations/24-017-973
        assertEquals(Set.of(), summary("The Council has already apologised, which is sufficient to remedy the "
                + "injustice caused."));
        // transport-and-highways/other/19-005-725: the apology was given; the refund offered is read by the payment
        // model (money to be paid, no sum printed), not by the list.
        assertFalse(summary("However, its apology and offer to refund her application fee are appropriate "
                + "remedies.").contains(Remedy.APOLOGY));
    }
}
