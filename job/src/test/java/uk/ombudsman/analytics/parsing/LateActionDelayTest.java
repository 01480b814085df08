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
}
