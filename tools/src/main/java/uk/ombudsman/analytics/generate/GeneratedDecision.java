package uk.ombudsman.analytics.generate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import uk.ombudsman.analytics.record.BodyType;
import uk.ombudsman.analytics.record.DatePrecision;
import uk.ombudsman.analytics.record.Outcome;
import uk.ombudsman.analytics.record.PaymentPurpose;
import uk.ombudsman.analytics.record.Remedy;

/** The truth about one generated decision: what the parser must read back from the text written for it. */
record GeneratedDecision(
        String caseRef,
        String council,
        String printedCouncil,
        BodyType bodyType,
        String region,
        String category,
        String subcategory,
        String categorySlug,
        String subcategorySlug,
        String outcomeRaw,
        Outcome outcome,
        LocalDate decisionDate,
        boolean printedHeader,
        List<GeneratedPayment> payments,
        List<Remedy> remedies,
        Integer remedyDeadlineDays,
        String deadlineWords,
        boolean delayFault,
        LocalDate complaintDate,
        DatePrecision complaintPrecision,
        Layout layout,
        String person,
        int targetChars) {

    /** The page layouts the site has used. */
    enum Layout {
        /** Paragraphs as {@code - } bullets (seed 000). */
        BULLETS,
        /** Numbered paragraphs with {@code •}, Back to top and a cookie banner (seeds 001-004). */
        NUMBERED,
        /** The page saved as HTML. */
        HTML
    }

    record GeneratedPayment(BigDecimal amount, PaymentPurpose purpose, String words) {
    }

    BigDecimal paymentTotal() {
        return payments.stream().map(GeneratedPayment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    Integer complaintToDecisionDays() {
        return complaintDate == null || decisionDate == null || !printedHeader ? null
                : (int) (decisionDate.toEpochDay() - complaintDate.toEpochDay());
    }

    /** The decision date as the parser sees it: none on a page saved without its header. */
    LocalDate parsedDecisionDate() {
        return printedHeader ? decisionDate : null;
    }
}
