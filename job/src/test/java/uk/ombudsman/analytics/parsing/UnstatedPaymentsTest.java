package uk.ombudsman.analytics.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.ombudsman.analytics.record.Payment;
import uk.ombudsman.analytics.record.PaymentPurpose;
import uk.ombudsman.analytics.reference.CouncilDirectory;

/**
 * How many payments a sentence asks for when it prints no sum: money given back and a payment of another kind beside
 * it are two, payments in the plural two, anything else one. Real sentences from the reading set's training part
 * (each page at https://www.lgo.org.uk/decisions/ followed by the path given). Each payment's purpose is checked where
 * the sentence names it (a refund is FINANCIAL_LOSS, a symbolic payment DISTRESS); ANY where it names none.
 */
class UnstatedPaymentsTest {
    private static final SentenceReader READER = SentenceReader.bundled();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        planning/planning-applications/24-022-332 | FINANCIAL_LOSS DISTRESS | To remedy the injustice to Mr X, the Council has agreed to apologise, refund the fee for the second application and make a symbolic payment in recognition Mr X’s distress and frustration.
        adult-care-services/residential-care/21-013-244 | ANY FINANCIAL_LOSS | The Care Provider agreed to apologise, pay a financial remedy to Ms Y’s family, and repay Ms Y for the financial loss.
        children-s-care-services/child-protection/24-016-264 | DISTRESS DISTRESS | The Council agreed to make symbolic payments to Y and Ms X to recognise the distress and uncertainty caused.
        adult-care-services/transition-from-childrens-services/24-020-730 | ANY ANY | The Council has agreed to apologise to Mr X and his son, make payments to them and implement a service improvement.
        environment-and-regulation/refuse-and-recycling/20-008-128 | FINANCIAL_LOSS | The Council agreed to refund an additional payment made by Ms X as a result of the Ombudsman’s investigation to complete the remedy for the injustice caused to her.
        children-s-care-services/child-protection/24-008-492 | DISTRESS | The Council has agreed to apologise and make a symbolic payment to Mr X to remedy the injustice caused.
        """)
    void eachMoneyAskedForWithNoSumIsOnePayment(String page, String purposes, String sentence) {
        List<PaymentPurpose> read = READER.read(sentence, Section.PREAMBLE, null, "").payments().stream()
                .map(Payment::getPurpose).toList();
        String[] expected = purposes.split(" ");
        assertEquals(expected.length, read.size(), page + ": " + read);
        for (int i = 0; i < expected.length; i++) {
            if (!expected[i].equals("ANY")) {
                assertEquals(PaymentPurpose.valueOf(expected[i]), read.get(i), page + ": " + read);
            }
        }
    }

    /**
     * Money asked for with no sum beside a printed sum in the same sentence is other money, kept on the page (a payment
     * with no sum in another sentence is the same money as a printed one and is not). The page's payments, each as its
     * sum or ? and its purpose; the header around each summary sentence is invented (Anytown is not a council).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        adult-care-services/charging/20-002-988 | 250 DISTRESS, ? FINANCIAL_LOSS | The Council has agreed to repay part of the fees and pay Mr C £250 for the distress he experienced.
        housing/council-house-sales-and-leaseholders/18-015-305 | 300 TIME_AND_TROUBLE, ? FINANCIAL_LOSS | The Council will pay Mrs B an amount equivalent to the rent paid during the period of delay and a further £300 in recognition of the time and trouble its actions caused her.
        other-categories/leisure-and-culture/18-020-004 | 50 TIME_AND_TROUBLE, ? FINANCIAL_LOSS | The Council will correct the information on its website, provide information leaflets, train staff and provide a refund voucher and £50 time and trouble payment to Ms X
        invented: a sum whose purpose is to refund | 335 FINANCIAL_LOSS | The Council agreed to provide Mr X with a total payment of £335 to refund the enforcement fee.
        """)
    void moneyWithNoSumBesideAPrintedSumIsAnotherPayment(String page, String payments, String sentence) {
        String text = "Anytown Borough Council (25 000 001)\nCategory : Adult care services > Charging\n"
                + "Decision : Upheld\nDecision date : 03 Mar 2025\nThe Ombudsman's final decision:\nSummary: The Council "
                + "was at fault. " + sentence + "\n";
        List<String> read = new DecisionParser(CouncilDirectory.bundled()).parse("test",
                text.getBytes(StandardCharsets.UTF_8)).decision().getPayments().stream()
                .map(p -> (p.getAmountGbp() == null ? "?" : p.getAmountGbp().stripTrailingZeros().toPlainString()) + " "
                        + p.getPurpose()).toList();
        assertEquals(List.of(payments.split(", ")), read, page);
    }
}
