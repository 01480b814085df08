package uk.ombudsman.analytics.parsing;

import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import uk.ombudsman.analytics.base.Digests;
import uk.ombudsman.analytics.reading.SentenceModels;
import uk.ombudsman.analytics.record.BodyType;
import uk.ombudsman.analytics.record.DecisionRecord;
import uk.ombudsman.analytics.record.Evidence;
import uk.ombudsman.analytics.record.EvidenceField;
import uk.ombudsman.analytics.record.Outcome;
import uk.ombudsman.analytics.record.Payment;
import uk.ombudsman.analytics.record.QuarantineReason;
import uk.ombudsman.analytics.record.Regulator;
import uk.ombudsman.analytics.record.ServiceImprovement;
import uk.ombudsman.analytics.reference.CouncilDirectory;
import uk.ombudsman.analytics.reference.CouncilInfo;

/**
 * Decision file in, one record out. Plain Java with no Spark in it: the job calls it on executors, tests and other
 * tools call it directly. Never throws on input: what it cannot read becomes a quarantine result or a warning.
 */
public final class DecisionParser implements Serializable {
    private static final long serialVersionUID = 1L;
    /** How many of a binary file's first bytes its quarantine preview shows. */
    private static final int BINARY_PREVIEW_BYTES = 256;

    private final CouncilDirectory councils;
    /** Read from the jar on first use in each JVM (the parser is shipped to executors without it). */
    private transient SentenceReader reader;

    public DecisionParser(CouncilDirectory councils) {
        this.councils = councils;
    }

    /** A parser reading sentences with other models than the jar's: for cross-validation, in one JVM only. */
    public DecisionParser(CouncilDirectory councils, SentenceModels models) {
        this.councils = councils;
        this.reader = new SentenceReader(models);
    }

    private SentenceReader reader() {
        if (reader == null) {
            reader = SentenceReader.bundled();
        }
        return reader;
    }

    public ParseResult parse(String source, byte[] bytes) {
        try {
            return parseOrThrow(source, bytes);
        } catch (RuntimeException | StackOverflowError e) {
            // A bug must cost one file, not the run: the file goes to the quarantine with what went wrong.
            return ParseResult.quarantined(QuarantineReason.PARSE_ERROR, QuarantineReason.PARSE_ERROR.description()
                    + ": " + e, bytes == null ? "" : new String(bytes, 0, Math.min(bytes.length, 2000),
                            StandardCharsets.ISO_8859_1));
        }
    }

    private ParseResult parseOrThrow(String source, byte[] bytes) {
        String digest = Digests.sha256(bytes == null ? new byte[0] : bytes);
        InputDecoder.Decoded decoded = InputDecoder.decode(bytes);
        if (decoded.rejection() != null) {
            return ParseResult.quarantined(decoded.rejection(), decoded.rejection().description(), preview(bytes,
                    decoded.rejection()));
        }
        DecisionDocument doc = DecisionDocument.read(decoded.text());
        int textChars = decoded.text().length();
        if (!doc.hasReference() && !doc.hasDecisionText) {
            return ParseResult.quarantined(QuarantineReason.NOT_A_DECISION, QuarantineReason.NOT_A_DECISION.description(),
                    decoded.text().strip());
        }
        DecisionRecord record = toRecord(doc, source, digest);
        record.setTextChars(textChars);
        return ParseResult.of(record);
    }

    /**
     * The record, read one group of fields at a time, in this order (a later reader uses what an earlier one read:
     * the outcome, the decision date, the remedy). Each adds its warnings and evidence to the draft.
     */
    private DecisionRecord toRecord(DecisionDocument doc, String source, String digest) {
        Draft d = new Draft(source, digest);
        readCaseRef(doc, d);
        readBody(doc, d);
        readCategory(doc, source, d);
        readSummary(doc, d);
        readOutcome(doc, d);
        readDecisionDate(doc, d);
        RemedyExtractor.Result remedy = readRemedy(doc, d);
        readDelay(doc, d);
        readMeasures(doc, d, remedy);
        readComplaintDate(doc, d);
        return d.done();
    }

    /** A record being read, with the warnings and evidence its readers have added so far. */
    private static final class Draft {
        final DecisionRecord r = new DecisionRecord();
        private final List<String> warnings = new ArrayList<>();
        private final List<Evidence> evidence = new ArrayList<>();

        Draft(String source, String digest) {
            r.setSource(source);
            r.setSourceSha256(digest);
        }

        void warn(ParseWarning w) {
            warnings.add(w.name());
        }

        void evidence(EvidenceField field, String value, String sentence) {
            evidence.add(new Evidence(field, value, sentence));
        }

        DecisionRecord done() {
            r.setEvidence(evidence);
            r.setParseWarnings(warnings);
            return r;
        }
    }

    private static void readCaseRef(DecisionDocument doc, Draft d) {
        d.r.setCaseRef(doc.caseRef);
        if (doc.caseRef == null) {
            d.warn(ParseWarning.NO_CASE_REF);
        }
    }

    /** The body as printed, and as the councils directory knows it: name, ONS code, type, region. */
    private void readBody(DecisionDocument doc, Draft d) {
        DecisionRecord r = d.r;
        String council = doc.body == null ? null : DecisionDocument.normalise(doc.body);
        r.setCouncil(council);
        r.setCouncilAsPrinted(council);
        if (council != null) {
            CouncilInfo info = councils.find(council).orElse(null);
            if (info != null) {
                r.setCouncil(info.name());
                r.setGssCode(info.gssCode());
                r.setBodyType(info.bodyType());
                r.setRegion(info.region());
            } else {
                r.setBodyType(CouncilDirectory.classifyUnknown(council));
                if (r.getBodyType() != BodyType.CARE_PROVIDER) {
                    // Care providers are not in the councils list by design; anything else unknown is worth a look.
                    d.warn(ParseWarning.UNKNOWN_BODY);
                }
            }
        } else {
            r.setBodyType(BodyType.OTHER);
        }
    }

    /** Category and subcategory from the header, else from the site's path; the service area they belong to. */
    private static void readCategory(DecisionDocument doc, String source, Draft d) {
        DecisionRecord r = d.r;
        if (doc.categoryRaw != null && !doc.categoryRaw.isBlank()) {
            String[] parts = doc.categoryRaw.split("\\s*>\\s*", 2);
            r.setCategory(Categories.normalise(parts[0]));
            r.setSubcategory(parts.length > 1 ? Categories.normaliseSub(parts[1]) : null);
        } else {
            String[] fromPath = Categories.fromSourcePath(source);
            if (fromPath != null) {
                r.setCategory(fromPath[0]);
                r.setSubcategory(fromPath[1]);
            }
        }
        if (r.getCategory() == null) {
            d.warn(ParseWarning.NO_CATEGORY);
        }
        r.setServiceArea(Categories.serviceArea(r.getCategory()));
    }

    private static void readSummary(DecisionDocument doc, Draft d) {
        d.r.setSummary(emptyToNull(doc.summary));
        if (d.r.getSummary() == null) {
            d.warn(ParseWarning.NO_SUMMARY);
        }
    }

    /** The outcome as printed, or, on a page without a Decision line, as the findings say it. */
    private static void readOutcome(DecisionDocument doc, Draft d) {
        DecisionRecord r = d.r;
        r.setOutcomeRaw(emptyToNull(doc.outcomeRaw));
        if (r.getOutcomeRaw() != null) {
            Outcome o = Outcomes.fromWording(r.getOutcomeRaw());
            if (o == null) {
                r.setOutcome(Outcome.OTHER);
                d.warn(ParseWarning.UNKNOWN_OUTCOME);
            } else {
                r.setOutcome(o);
            }
        } else {
            Findings.Reading<Outcome> inferred = Findings.outcome(doc);
            r.setOutcome(inferred == null ? Outcome.OTHER : inferred.value());
            d.warn(inferred == null ? ParseWarning.NO_OUTCOME : ParseWarning.OUTCOME_INFERRED);
            if (inferred != null) {
                d.evidence(EvidenceField.OUTCOME, inferred.value().name(), inferred.evidence());
            }
        }
    }

    private static void readDecisionDate(DecisionDocument doc, Draft d) {
        d.r.setDecisionDate(TextDates.parseFull(doc.decisionDateRaw));
        if (d.r.getDecisionDate() == null) {
            d.warn(ParseWarning.NO_DECISION_DATE);
        }
    }

    /** Payments, remedies and the deadline, from the remedy part of the decision. */
    private RemedyExtractor.Result readRemedy(DecisionDocument doc, Draft d) {
        DecisionRecord r = d.r;
        RemedyExtractor.Result remedy = RemedyExtractor.extract(doc, r.getDecisionDate(), reader());
        r.setPayments(new ArrayList<>(remedy.payments()));
        // The total of the sums printed: a payment whose amount the decision does not state adds nothing, and says so.
        r.setPaymentTotalGbp(remedy.payments().stream().map(Payment::getAmountGbp).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add));
        if (remedy.payments().stream().anyMatch(p -> p.getAmountGbp() == null)) {
            d.warn(ParseWarning.PAYMENT_AMOUNT_NOT_STATED);
        }
        r.setRemedies(new ArrayList<>(remedy.remedies()));
        r.setRemedyDeadlineDays(remedy.deadlineDays());
        if (remedy.deadlineDays() != null) {
            d.evidence(EvidenceField.REMEDY_DEADLINE_DAYS, remedy.deadlineDays().toString(),
                    remedy.deadlineEvidence());
        }
        if (!remedy.uncounted().isEmpty()) {
            d.warn(ParseWarning.UNCOUNTED_AMOUNT);
        }
        if (r.getOutcome() == Outcome.UPHELD && !remedy.hasRemedyText() && remedy.remedies().isEmpty()) {
            d.warn(ParseWarning.NO_REMEDY_FOR_UPHELD);
        }
        return remedy;
    }

    /** Delay at fault, read only where the complaint is upheld. */
    private static void readDelay(DecisionDocument doc, Draft d) {
        Findings.DelayReading delay = d.r.getOutcome() == Outcome.UPHELD ? Findings.delayFault(doc) : null;
        d.r.setDelayFault(delay != null && delay.delayFault());
        if (d.r.getDelayFault()) {
            d.evidence(EvidenceField.DELAY_FAULT, "true", delay.evidence());
            if (delay.inSummaryOnly()) {
                d.warn(ParseWarning.DELAY_FROM_SUMMARY_ONLY);
            }
        }
    }

    /** When the complainant first complained to the body, and how long they then waited for this decision. */
    private static void readComplaintDate(DecisionDocument doc, Draft d) {
        DecisionRecord r = d.r;
        LocalDate decisionDate = r.getDecisionDate();
        ComplaintDates.Found found = ComplaintDates.find(doc, decisionDate);
        if (found != null) {
            TextDates.Mention complained = found.mention();
            r.setComplaintDate(complained.date());
            r.setComplaintDatePrecision(complained.precision());
            d.evidence(EvidenceField.COMPLAINT_DATE, complained.date() + " " + complained.precision(),
                    found.sentence());
            if (found.ambiguous()) {
                d.warn(ParseWarning.COMPLAINT_DATE_AMBIGUOUS);
            }
            if (decisionDate != null) {
                r.setComplaintToDecisionDays((int) ChronoUnit.DAYS.between(complained.date(), decisionDate));
            }
        } else if (r.getOutcome() == Outcome.UPHELD || r.getOutcome() == Outcome.NOT_UPHELD) {
            d.warn(ParseWarning.NO_COMPLAINT_DATE);
        }
    }

    /** The Ombudsman's own measures: its satisfactory-remedy count, service improvements, reports, regulators. */
    private void readMeasures(DecisionDocument doc, Draft d, RemedyExtractor.Result remedy) {
        DecisionRecord r = d.r;
        Measures.Reading<Boolean> remedied = Measures.remediedBefore(doc, r.getOutcome(), remedy.hasRemedyText(),
                Measures.namesARemedyKind(r.getRemedies()), reader());
        r.setRemediedBefore(remedied.value());
        if (remedied.evidence() != null) {
            d.evidence(EvidenceField.REMEDIED_BEFORE, "true", remedied.evidence());
        }
        List<ServiceImprovement> improvements = new ArrayList<>(remedy.improvements());
        for (ServiceImprovement made : Measures.improvementsMade(doc)) {
            if (improvements.stream().noneMatch(i -> i.getText().contains(made.getText())
                    || made.getText().contains(i.getText()))) {
                improvements.add(made); // a change already made is counted once, not again as agreed
            }
        }
        r.setServiceImprovements(improvements);
        r.setPublicInterestReport(Measures.isReport(doc));
        Measures.Reading<List<Regulator>> shared = Measures.sharedWith(doc);
        r.setSharedWith(shared.value());
        if (shared.evidence() != null) {
            d.evidence(EvidenceField.SHARED_WITH, shared.value().toString(), shared.evidence());
        }
        Measures.Reading<Boolean> others = Measures.othersAffected(doc);
        r.setOthersAffected(others.value());
        if (others.evidence() != null) {
            d.evidence(EvidenceField.OTHERS_AFFECTED, "true", others.evidence());
        }
    }

    /**
     * What a quarantined file starts with, for a person to recognise it: a binary file's first bytes in hex (a
     * gzip, PDF or image shows its signature), any other file's first characters.
     */
    private static String preview(byte[] bytes, QuarantineReason reason) {
        if (bytes == null) {
            return "";
        }
        if (reason == QuarantineReason.BINARY) {
            return HexFormat.ofDelimiter(" ").formatHex(bytes, 0, Math.min(bytes.length, BINARY_PREVIEW_BYTES));
        }
        return new String(bytes, 0, Math.min(bytes.length, 2000), StandardCharsets.ISO_8859_1)
                .replaceAll("[^\\p{Print}\\n\\t]", "?");
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
