package uk.ombudsman.analytics.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.ombudsman.analytics.record.Remedy;

/**
 * Items of an agreed list that are things done for the complainant (issue 19, misread class 8). Every sentence is
 * real, from the summary of the decision at www.lgo.org.uk/decisions/ + the path given (the reading set's training
 * part).
 */
class ActionItemsTest {
    private static final SentenceReader READER = SentenceReader.bundled();

    private static Set<Remedy> summary(String sentence) {
        return READER.read(sentence, Section.PREAMBLE, null, "").remedies();
    }

    @Test
    void anItemAfterAlsoIsReadAsAnyOther() {
        // education/special-educational-needs/24-013-991
        assertEquals(EnumSet.of(Remedy.ACTION_FOR_COMPLAINANT),
                summary("It should also issue Dr X’s child’s Education, Health and Care Plan."));
    }

    @Test
    void conductingAnAppealAndRespondingToOneAreActionsForTheComplainant() {
        // education/school-transport/16-013-391
        assertEquals(EnumSet.of(Remedy.ACTION_FOR_COMPLAINANT),
                summary("The Council will conduct a fresh appeal to be heard by three panel members."));
        // transport-and-highways/parking-and-other-penalties/24-017-146
        assertEquals(EnumSet.of(Remedy.APOLOGY, Remedy.ACTION_FOR_COMPLAINANT),
                summary("The Council has agreed to apologise and respond to Mr X’s appeal."));
    }
}
