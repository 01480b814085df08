package uk.ombudsman.analytics.parsing;

import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
            return ParseResult.quarantined(decoded.rejection(), decoded.rejection().description(),
                    bytes == null ? "" : new String(bytes, 0, Math.min(bytes.length, 2000), StandardCharsets.ISO_8859_1)
                            .replaceAll("[^\\p{Print}\\n\\t]", "?"));
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

    private DecisionRecord toRecord(DecisionDocument doc, String source, String digest) {
        List<String> warnings = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        DecisionRecord r = new DecisionRecord();
        r.setSource(source);
        r.setSourceSha256(digest);
        r.setCaseRef(doc.caseRef);
        if (doc.caseRef == null) {
            warnings.add(ParseWarning.NO_CASE_REF.name());
        }

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
                    warnings.add(ParseWarning.UNKNOWN_BODY.name());
                }
            }
        } else {
            r.setBodyType(BodyType.OTHER);
        }

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
            warnings.add(ParseWarning.NO_CATEGORY.name());
        }
        r.setServiceArea(Categories.serviceArea(r.getCategory()));

        r.setSummary(emptyToNull(doc.summary));
        if (r.getSummary() == null) {
            warnings.add(ParseWarning.NO_SUMMARY.name());
        }

        r.setOutcomeRaw(emptyToNull(doc.outcomeRaw));
        if (r.getOutcomeRaw() != null) {
            Outcome o = Outcomes.fromWording(r.getOutcomeRaw());
            if (o == null) {
                r.setOutcome(Outcome.OTHER);
                warnings.add(ParseWarning.UNKNOWN_OUTCOME.name());
            } else {
                r.setOutcome(o);
            }
        } else {
            Findings.Reading<Outcome> inferred = Findings.outcome(doc);
            r.setOutcome(inferred == null ? Outcome.OTHER : inferred.value());
            warnings.add(inferred == null ? ParseWarning.NO_OUTCOME.name() : ParseWarning.OUTCOME_INFERRED.name());
            if (inferred != null) {
                evidence.add(new Evidence(EvidenceField.OUTCOME, inferred.value().name(), inferred.evidence()));
            }
        }

        LocalDate decisionDate = TextDates.parseFull(doc.decisionDateRaw);
        r.setDecisionDate(decisionDate);
        if (decisionDate == null) {
            warnings.add(ParseWarning.NO_DECISION_DATE.name());
        }

        RemedyExtractor.Result remedy = RemedyExtractor.extract(doc, decisionDate, reader());
        r.setPayments(new ArrayList<>(remedy.payments()));
        // The total of the sums printed: a payment whose amount the decision does not state adds nothing, and says so.
        r.setPaymentTotalGbp(remedy.payments().stream().map(Payment::getAmountGbp).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add));
        if (remedy.payments().stream().anyMatch(p -> p.getAmountGbp() == null)) {
            warnings.add(ParseWarning.PAYMENT_AMOUNT_NOT_STATED.name());
        }
        r.setRemedies(new ArrayList<>(remedy.remedies()));
        r.setRemedyDeadlineDays(remedy.deadlineDays());
        if (remedy.deadlineDays() != null) {
            evidence.add(new Evidence(EvidenceField.REMEDY_DEADLINE_DAYS, remedy.deadlineDays().toString(),
                    remedy.deadlineEvidence()));
        }
        if (!remedy.uncounted().isEmpty()) {
            warnings.add(ParseWarning.UNCOUNTED_AMOUNT.name());
        }
        if (r.getOutcome() == Outcome.UPHELD && !remedy.hasRemedyText() && remedy.remedies().isEmpty()) {
            warnings.add(ParseWarning.NO_REMEDY_FOR_UPHELD.name());
        }

        Findings.DelayReading delay = r.getOutcome() == Outcome.UPHELD ? Findings.delayFault(doc) : null;
        r.setDelayFault(delay != null && delay.delayFault());
        if (r.getDelayFault()) {
            evidence.add(new Evidence(EvidenceField.DELAY_FAULT, "true", delay.evidence()));
            if (delay.inSummaryOnly()) {
                warnings.add(ParseWarning.DELAY_FROM_SUMMARY_ONLY.name());
            }
        }

        readMeasures(doc, r, remedy, evidence);

        ComplaintDates.Found found = ComplaintDates.find(doc, decisionDate);
        if (found != null) {
            TextDates.Mention complained = found.mention();
            r.setComplaintDate(complained.date());
            r.setComplaintDatePrecision(complained.precision());
            evidence.add(new Evidence(EvidenceField.COMPLAINT_DATE, complained.date() + " " + complained.precision(),
                    found.sentence()));
            if (found.ambiguous()) {
                warnings.add(ParseWarning.COMPLAINT_DATE_AMBIGUOUS.name());
            }
            if (decisionDate != null) {
                r.setComplaintToDecisionDays((int) ChronoUnit.DAYS.between(complained.date(), decisionDate));
            }
        } else if (r.getOutcome() == Outcome.UPHELD || r.getOutcome() == Outcome.NOT_UPHELD) {
            warnings.add(ParseWarning.NO_COMPLAINT_DATE.name());
        }
        r.setEvidence(evidence);
        r.setParseWarnings(warnings);
        return r;
    }

    /** The Ombudsman's own measures: its satisfactory-remedy count, service improvements, reports, regulators. */
    private static void readMeasures(DecisionDocument doc, DecisionRecord r, RemedyExtractor.Result remedy,
            List<Evidence> evidence) {
        Measures.Reading<Boolean> remedied = Measures.remediedBefore(doc, r.getOutcome(), remedy.hasRemedyText());
        r.setRemediedBefore(remedied.value());
        if (remedied.evidence() != null) {
            evidence.add(new Evidence(EvidenceField.REMEDIED_BEFORE, "true", remedied.evidence()));
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
            evidence.add(new Evidence(EvidenceField.SHARED_WITH, shared.value().toString(), shared.evidence()));
        }
        Measures.Reading<Boolean> others = Measures.othersAffected(doc);
        r.setOthersAffected(others.value());
        if (others.evidence() != null) {
            evidence.add(new Evidence(EvidenceField.OTHERS_AFFECTED, "true", others.evidence()));
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
