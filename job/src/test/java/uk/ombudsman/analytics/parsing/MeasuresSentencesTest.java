package uk.ombudsman.analytics.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import uk.ombudsman.analytics.record.DecisionRecord;
import uk.ombudsman.analytics.record.EvidenceField;
import uk.ombudsman.analytics.record.ImprovementKind;
import uk.ombudsman.analytics.record.Regulator;
import uk.ombudsman.analytics.record.ServiceImprovement;
import uk.ombudsman.analytics.reference.CouncilDirectory;

/**
 * The Ombudsman's measures on real sentences: each wording is quoted from the page named beside it
 * (https://www.lgo.org.uk/decisions/...; the reading set's training part), set in an invented header. One test per
 * wording class.
 */
class MeasuresSentencesTest {
    private static final DecisionParser PARSER = new DecisionParser(CouncilDirectory.bundled());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        housing/allocations/24-017-973 | Closed after initial enquiries | The Council has already apologised, which is sufficient to remedy the injustice caused.
        housing/allocations/24-017-555 | Upheld | We will not investigate this complaint about the way the Council processed the complainant's housing application. This is because the Council offered a fair remedy and there is not enough remaining injustice to require an investigation.
        benefits-and-tax/council-tax/22-016-424 | Upheld | We will not investigate this complaint about a delay by the Council in issuing a council tax refund. This is because the Council has provided a fair and proportionate response and there is not enough injustice to require an investigation.
        benefits-and-tax/council-tax/24-009-132 | Closed after initial enquiries | We will not investigate this complaint about Council tax as the matter has been remedied and part is out of time and there was a right of appeal to a Valuation Tribunal.
        planning/planning-applications/24-004-232 | Upheld | We find the Council is at fault, but it has already made a suitable offer to remedy the injustice caused.
        other-categories/land/18-007-797 | Upheld | The Ombudsman has found delay by the Council but considers the apology the Council has already provided is enough to provide a suitable remedy.
        transport-and-highways/parking-and-other-penalties/24-008-306 | Closed after initial enquiries | This is because investigation would not lead to a different outcome because the Council has cancelled them and reimbursed fees paid.
        """)
    void theBodysOwnRemedyAcceptedAsEnoughIsASatisfactoryRemedy(String page, String decision, String summary) {
        DecisionRecord d = parse(decision, summary);
        assertEquals(Boolean.TRUE, d.getRemediedBefore(), page);
        assertTrue(d.getEvidence().stream().anyMatch(e -> e.getField() == EvidenceField.REMEDIED_BEFORE), page);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        transport-and-highways/parking-and-other-penalties/23-017-613 | This is because the Council has agreed to resolve the complaint early by providing a proportionate remedy for the injustice caused to Mr X and others similarly affected.
        children-s-care-services/disabled-children/22-000-114 | The Council agreed to apologise, pay a financial remedy, offer Mrs X a parent carer's assessment, write to other families who may have been affected, and improve its practice.
        """)
    void aRemedyAgreedAtTheOmbudsmansAskingIsNotTheCouncilsOwn(String page, String summary) {
        assertEquals(Boolean.FALSE, parse("Upheld", summary).getRemediedBefore(), page);
    }

    @Test
    void anUpheldPageThatSaysNothingOfARemedyCannotTell() {
        // Invented: fault found, the page's words stop there.
        assertEquals(null, parse("Upheld", "We found fault by the Council in how it handled Mr X's application.")
                .getRemediedBefore());
        assertEquals(Boolean.FALSE, parse("Not upheld", "We found no fault by the Council.").getRemediedBefore());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        adult-care-services/charging/24-020-477 | CQC | Under our information sharing agreement, we will share this decision with the Care Quality Commission (CQC).
        children-s-care-services/other/24-006-225 | OFSTED | Under our information sharing agreement, we will share this decision with the Office for Standards in Education, Children's Services and Skills (Ofsted).
        education/school-transport/16-013-391 | OFSTED | Under the information sharing agreement between the Local Government Ombudsman and the Office for Standards in Education, Children's Services and Skills (Ofsted), we will share this decision with Ofsted.
        """)
    void aDecisionSharedWithARegulatorNamesIt(String page, Regulator regulator, String sentence) {
        DecisionRecord d = parse("Upheld", "We found fault by the Council.\n" + sentence);
        assertEquals(List.of(regulator), d.getSharedWith(), page);
    }

    @Test
    void aRegulatorNamedForWhatItDidIsNotOneTheDecisionIsSharedWith() {
        // adult-care-services/residential-care/25-005-928
        DecisionRecord d = parse("Upheld", "After Mr X's mother in law passed away, the Care Quality Commission "
                + "investigated his complaints and made recommendations as a result.");
        assertEquals(List.of(), d.getSharedWith());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        children-s-care-services/disabled-children/22-000-114 | The Council agreed to apologise, pay a financial remedy, offer Mrs X a parent carer's assessment, write to other families who may have been affected, and improve its practice.
        transport-and-highways/parking-and-other-penalties/23-017-613 | This is because the Council has agreed to resolve the complaint early by providing a proportionate remedy for the injustice caused to Mr X and others similarly affected.
        """)
    void othersWhoMayHaveBeenAffectedAreNoted(String page, String summary) {
        assertEquals(Boolean.TRUE, parse("Upheld", summary).getOthersAffected(), page);
    }

    @Test
    void othersTheComplainantComparesHerselfWithAreNotOthersAffected() {
        // children-s-care-services/fostering/20-008-710
        assertEquals(Boolean.FALSE, parse("Upheld", "We found fault.\nShe wants to be paid what she was entitled "
                + "to, and to what other foster carers in a similar position were paid.").getOthersAffected());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
        adult-care-services/disabled-facilities-grants/24-002-402 | GUIDANCE_OR_REMINDER | The Council should apologise, make a financial payment and remind staff about its duties.
        children-s-care-services/friends-and-family-carers/22-001-399 | PROCEDURE | To remedy the injustice caused by this fault, the Council has agreed to apologise, make a payment to Mrs X and make changes to its procedures.
        environment-and-regulation/other/21-000-468 | GUIDANCE_OR_REMINDER | The Council has agreed to apologise to Mrs X, pay her £200 and issue guidance to staff.
        transport-and-highways/highway-repair-and-maintenance/18-014-811 | PROCEDURE | The Ombudsman finds the delay was fault by the Council but considers the agreed actions of an apology, payment of £300 and tighter controls for highway repairs are enough to provide a suitable remedy for Mr C's injustice.
        adult-care-services/charging/21-011-999 | TRAINING | The Council agreed to the Ombudsman's recommendation to apologise to Mrs X and reduce the outstanding balance owed by £400. The Council has already provided training to its staff.
        """)
    void eachServiceImprovementHasItsKind(String page, ImprovementKind kind, String summary) {
        List<ImprovementKind> kinds = parse("Upheld", summary).getServiceImprovements().stream()
                .map(ServiceImprovement::getKind).toList();
        assertEquals(List.of(kind), kinds, page);
    }

    /**
     * A remedy named before its verdict: the improvements it lists are the decision's service improvements, as its
     * remedies already counted SERVICE_IMPROVEMENT (the two fields agree).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        housing/homelessness/24-006-946 | TRAINING | An apology, payment to Miss B and training for officers is satisfactory remedy.
        transport-and-highways/public-transport/19-012-478 | GUIDANCE_OR_REMINDER | An apology, payment to Ms C and agreement to send a memo to officers dealing with reviewing bus services is satisfactory remedy.
        education/special-educational-needs/24-016-383 | TRAINING;PROCEDURE | An apology, payment to Mrs B, a training session for officers and review of procedures is satisfactory remedy.
        """)
    void theImprovementsOfARemedyNamedBeforeItsVerdictAreCounted(String page, String kinds, String summary) {
        DecisionRecord d = parse("Upheld", summary);
        assertEquals(kinds, String.join(";", d.getServiceImprovements().stream().map(i -> i.getKind().name())
                .toList()), page);
        assertTrue(d.getRemedies().contains(uk.ombudsman.analytics.record.Remedy.SERVICE_IMPROVEMENT), page);
    }

    @Test
    void anActionForTheComplainantAloneIsNoServiceImprovement() {
        // education/school-transport/16-013-391
        assertTrue(parse("Upheld", "The Council will conduct a fresh appeal to be heard by three panel members.")
                .getServiceImprovements().isEmpty());
    }

    @Test
    void aReportPageIsAPublicInterestReportAndADecisionStatementIsNot() {
        // The layout of housing/homelessness/24-005-927?chapter=2: the body and reference, then "The Investigation".
        ParseResult report = PARSER.parse("test", ("Leicester City Council (24 005 927)\nThe Investigation\n"
                + "The complaint\n1. Mr X complained about the way the Council dealt with his housing.\n")
                .getBytes(StandardCharsets.UTF_8));
        assertTrue(report.decision().getPublicInterestReport());
        assertFalse(parse("Upheld", "We found fault by the Council.").getPublicInterestReport());
        // education/school-exclusions/21-012-795: "the investigation" inside a sentence is no report heading.
        assertFalse(parse("Upheld", "We found fault.\n- the investigation was not carried out by an independent "
                + "person").getPublicInterestReport());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        planning/planning-applications/15-010-742 | The council should, within three months from the date of this report, apologise and pay each of the neighbours £250 for their time, trouble and loss of confidence in the council's decision making.
        children-s-care-services/looked-after-children/20-012-417 | The Council must consider the report and confirm within three months the action it has taken or proposes to take.
        children-s-care-services/looked-after-children/20-012-417 | Fault found causing injustice and recommendations made.
        """)
    void aPageThatSpeaksOfItselfAsAReportIsAPublicInterestReport(String page, String sentence) {
        // The reading set's extra training pages, whose openings have no report heading.
        assertTrue(parse("Upheld", "Mr X complained about the Council.\n" + sentence).getPublicInterestReport(), page);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        benefits-and-tax/housing-benefit-and-council-tax-benefit/22-009-863 | In this report, we have used the word 'fault' to refer to these.
        invented | The Council considered the report of the independent investigator and upheld two of Mr X's complaints.
        """)
    void aStatementThatNamesAReportIsNoReport(String page, String sentence) {
        assertFalse(parse("Not upheld", "We found no fault.\n" + sentence).getPublicInterestReport(), page);
    }

    /** An invented header (Anytown is not a council) around the page's real words. */
    private static DecisionRecord parse(String decision, String summary) {
        ParseResult r = PARSER.parse("test", ("Anytown Borough Council (25 000 001)\nCategory : Housing > Allocations\n"
                + "Decision : " + decision + "\nDecision date : 03 Mar 2025\nThe Ombudsman's final decision:\n"
                + "Summary: " + summary + "\n").getBytes(StandardCharsets.UTF_8));
        assertTrue(r.isDecision(), "quarantined: " + r.detail());
        return r.decision();
    }
}
