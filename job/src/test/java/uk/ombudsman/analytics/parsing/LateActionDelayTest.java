package uk.ombudsman.analytics.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import uk.ombudsman.analytics.record.DecisionRecord;
import uk.ombudsman.analytics.reference.CouncilDirectory;

/**
 * Delay at fault in other words than "delay" (issue 19, misread class 5): something not done sooner, earlier or in
 * time, beside a finding of fault. Each sentence is real, from the summary of the decision at www.lgo.org.uk/decisions/
 * + the path given (the reading set's training part); the header around it is invented (Anytown is not a council).
 */
class LateActionDelayTest {
    private static final DecisionParser PARSER = new DecisionParser(CouncilDirectory.bundled());

    private static Boolean delayFault(String summary) {
        String page = "Anytown Borough Council (25 000 001)\nCategory : Housing > Allocations\nDecision : Upheld\n"
                + "Decision date : 03 Mar 2025\nThe Ombudsman's final decision:\nSummary: " + summary + "\n";
        ParseResult r = PARSER.parse("test", page.getBytes(StandardCharsets.UTF_8));
        assertTrue(r.isDecision(), r.detail());
        DecisionRecord d = r.decision();
        return d.getDelayFault();
    }

    @Test
    void faultForNotDoingSomethingSoonerIsDelayAtFault() {
        // benefits-and-tax/council-tax/19-007-907
        assertEquals(true, delayFault("The Ombudsman finds the Council at fault for not telling Miss X of her appeal "
                + "rights sooner."));
        // housing/homelessness/24-013-763
        assertEquals(true, delayFault("We have found the Council at fault for not terminating the interim "
                + "accommodation sooner, and for failing to offer Miss X temporary accommodation when it accepted the "
                + "main housing duty."));
    }

    @Test
    void notWithinTheTimescaleOrNotTimelyIsDelayAtFault() {
        // children-s-care-services/child-protection/20-007-158
        assertEquals(true, delayFault("The Ombudsman finds fault with the Council for not providing conference "
                + "reports within the appropriate timeframes."));
        // transport-and-highways/other/18-018-106
        assertEquals(true, delayFault("The Council failed to respond in a timely and effective manner to Mr X’s "
                + "letters about a grass verge near his home."));
    }

    @Test
    void aDelayWithAnAdverbIsDelay() {
        // benefits-and-tax/housing-benefit-and-council-tax-benefit/24-011-263
        assertEquals(true, delayFault("The Council avoidably delayed his claim and resulting appeal, causing him "
                + "distress and uncertainty."));
    }

    @Test
    void theComplaintThatSomethingWasNotTimelyIsNotAFinding() {
        // planning/enforcement/24-004-300 (the complaint restated)
        assertEquals(false, delayFault("Mr X complains the Council failed to take satisfactory action in a timely "
                + "manner against his neighbours."));
    }

    @Test
    void theBodyThatDidNotActInTimeOrQuicklyEnoughDelayedEvenWithNoFaultWord() {
        // other-categories/land/24-019-883
        assertEquals(true, delayFault("There was fault by the Council. It did not deal with her complaint to it in "
                + "good time."));
        // adult-care-services/safeguarding/19-018-595
        assertEquals(true, delayFault("The Council has accepted that it did not progress its safeguarding "
                + "investigation quickly enough."));
        // benefits-and-tax/council-tax/22-011-251
        assertEquals(true, delayFault("The Council was at fault. It accepted that it did not process the refund "
                + "request in a timely manner."));
    }

    @Test
    void theComplainantWhoDidNotActInTimeIsNoDelayByTheBody() {
        // invented: the late one is the complainant, not the body
        assertEquals(false, delayFault("Mrs X did not appeal in time. The Council was not at fault."));
    }

    @Test
    void delayInOtherVerbsAndMeasuresIsDelay() {
        // children-s-care-services/fostering/24-021-825
        assertEquals(true, delayFault("It also delayed providing Mrs X with copies of documents which it agreed to do "
                + "following the conclusion of the complaints process."));
        // adult-care-services/charging/22-012-153
        assertEquals(true, delayFault("However, the Council did delay in making its decision which the Council will "
                + "apologise and make a symbolic payment for."));
        // children-s-care-services/child-protection/20-006-853
        assertEquals(true, delayFault("However, it has taken too long to do so and this has compounded Miss B’s "
                + "distress."));
        // housing/council-house-sales-and-leaseholders/18-015-305
        assertEquals(true, delayFault("The Council took around nine months longer than it reasonably should have to "
                + "complete the sale of the leasehold interest on Mrs B’s council flat under the Right to Buy Scheme."));
        // environment-and-regulation/trees/21-001-859
        assertEquals(true, delayFault("The Council took no action for a year; because of this it completed the works "
                + "as a gesture of goodwill but failed to explain this to Mr B to manage his future expectations."));
    }

    @Test
    void aRemedyForWhatTheDelayCausedIsDelayAtFault() {
        // planning/enforcement/23-006-419
        assertEquals(true, delayFault("The Council agreed to apologise to Mr X for the distress and frustration "
                + "caused by its avoidable delay and unclear communications."));
        // adult-care-services/assessment-and-care-plan/24-015-243
        assertEquals(true, delayFault("It will also consider whether it should repay any costs Mr D has incurred "
                + "because of the Council’s delay and make service improvements."));
    }

    @Test
    void aComplaintOfDelayUpheldWithNoOtherFaultNamedIsDelayAtFault() {
        // planning/planning-applications/24-004-232
        assertEquals(true, delayFault("Mr and Mrs X complained the Council was at fault for delays in handling their "
                + "planning application, causing them a financial loss and distress. We find the Council is at fault, "
                + "but it has already made a suitable offer to remedy the injustice caused."));
    }
}
