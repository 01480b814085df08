package uk.ombudsman.analytics.record;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One parsed LGSCO decision: every field of the decision-record spec. A mutable Java bean because Spark's bean
 * encoder needs one; the parser fills it and nothing changes it afterwards. Column names for outputs are defined
 * in {@code reports.Columns}, not here.
 */
public class DecisionRecord implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The reference in brackets after the body's name, digit groups separated by single spaces. */
    private String caseRef;
    /** The body's canonical name: the reference list's, whatever spelling the page prints; else as printed. */
    private String council;
    /** The body's name as the page prints it, whitespace collapsed. */
    private String councilAsPrinted;
    /** The council's ONS (GSS) code from the reference list, for joins with other official data. */
    private String gssCode;
    /** From the reference list of councils, else name rules. */
    private BodyType bodyType;
    /** English region from the reference list, or null. */
    private String region;
    /** Text of {@code Category :} before {@code >}. */
    private String category;
    /** Text after {@code >}, or null. */
    private String subcategory;
    /** The service area of the Ombudsman's annual review that the category belongs to. */
    private String serviceArea;
    /** The {@code Decision :} text as printed. */
    private String outcomeRaw;
    private Outcome outcome;
    private LocalDate decisionDate;
    /** The {@code Summary:} paragraph. */
    private String summary;
    /** Remedy payments, in the order the decision states them. */
    private List<Payment> payments = new ArrayList<>();
    /** Sum of payments; zero where there are none. */
    private BigDecimal paymentTotalGbp;
    /** Distinct remedies in {@link Remedy} order. */
    private List<Remedy> remedies = new ArrayList<>();
    /** Days from the decision date to the earliest deadline the remedy sets. */
    private Integer remedyDeadlineDays;
    /** The Ombudsman found fault in a delay by the body. */
    private Boolean delayFault;
    /** First date the complainant complained. */
    private LocalDate complaintDate;
    private DatePrecision complaintDatePrecision;
    private Integer complaintToDecisionDays;
    /**
     * The body had already remedied the injustice, or offered a remedy, before the Ombudsman asked for one, and the
     * Ombudsman accepts it as enough (its "satisfactory remedy provided by the council"); false where a remedy is
     * recommended or agreed now, or none was at issue; null where the text cannot tell.
     */
    private Boolean remediedBefore;
    /** Each change aimed beyond the complainant that the body agreed or is asked to make. */
    private List<ServiceImprovement> serviceImprovements = new ArrayList<>();
    /** The page is one of the Ombudsman's reports (section 30), not a decision statement. */
    private Boolean publicInterestReport;
    /** Regulators the decision says it is shared with. */
    private List<Regulator> sharedWith = new ArrayList<>();
    /** The decision says others may have been affected by the same fault. */
    private Boolean othersAffected;
    /** The input file's path or URI. */
    private String source;
    /** Hex SHA-256 of the input bytes. */
    private String sourceSha256;
    /** The sentence behind each extracted value other than payments (which keep their own). */
    private List<Evidence> evidence = new ArrayList<>();
    /** Short codes for what the parser could not determine. */
    private List<String> parseWarnings = new ArrayList<>();
    /** Characters of decision text read; of two copies of a decision, the longer is the more complete. */
    private Integer textChars;

    public String getCaseRef() {
        return caseRef;
    }

    public void setCaseRef(String caseRef) {
        this.caseRef = caseRef;
    }

    public String getCouncil() {
        return council;
    }

    public void setCouncil(String council) {
        this.council = council;
    }

    public String getCouncilAsPrinted() {
        return councilAsPrinted;
    }

    public void setCouncilAsPrinted(String councilAsPrinted) {
        this.councilAsPrinted = councilAsPrinted;
    }

    public String getGssCode() {
        return gssCode;
    }

    public void setGssCode(String gssCode) {
        this.gssCode = gssCode;
    }

    public BodyType getBodyType() {
        return bodyType;
    }

    public void setBodyType(BodyType bodyType) {
        this.bodyType = bodyType;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getSubcategory() {
        return subcategory;
    }

    public void setSubcategory(String subcategory) {
        this.subcategory = subcategory;
    }

    public String getOutcomeRaw() {
        return outcomeRaw;
    }

    public void setOutcomeRaw(String outcomeRaw) {
        this.outcomeRaw = outcomeRaw;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public void setOutcome(Outcome outcome) {
        this.outcome = outcome;
    }

    public LocalDate getDecisionDate() {
        return decisionDate;
    }

    public void setDecisionDate(LocalDate decisionDate) {
        this.decisionDate = decisionDate;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public List<Payment> getPayments() {
        return payments;
    }

    public void setPayments(List<Payment> payments) {
        this.payments = payments;
    }

    public BigDecimal getPaymentTotalGbp() {
        return paymentTotalGbp;
    }

    public void setPaymentTotalGbp(BigDecimal paymentTotalGbp) {
        this.paymentTotalGbp = paymentTotalGbp;
    }

    public List<Remedy> getRemedies() {
        return remedies;
    }

    public void setRemedies(List<Remedy> remedies) {
        this.remedies = remedies;
    }

    public Integer getRemedyDeadlineDays() {
        return remedyDeadlineDays;
    }

    public void setRemedyDeadlineDays(Integer remedyDeadlineDays) {
        this.remedyDeadlineDays = remedyDeadlineDays;
    }

    public Boolean getDelayFault() {
        return delayFault;
    }

    public void setDelayFault(Boolean delayFault) {
        this.delayFault = delayFault;
    }

    public LocalDate getComplaintDate() {
        return complaintDate;
    }

    public void setComplaintDate(LocalDate complaintDate) {
        this.complaintDate = complaintDate;
    }

    public DatePrecision getComplaintDatePrecision() {
        return complaintDatePrecision;
    }

    public void setComplaintDatePrecision(DatePrecision complaintDatePrecision) {
        this.complaintDatePrecision = complaintDatePrecision;
    }

    public Integer getComplaintToDecisionDays() {
        return complaintToDecisionDays;
    }

    public void setComplaintToDecisionDays(Integer complaintToDecisionDays) {
        this.complaintToDecisionDays = complaintToDecisionDays;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getSourceSha256() {
        return sourceSha256;
    }

    public void setSourceSha256(String sourceSha256) {
        this.sourceSha256 = sourceSha256;
    }

    public List<Evidence> getEvidence() {
        return evidence;
    }

    public void setEvidence(List<Evidence> evidence) {
        this.evidence = evidence;
    }

    public List<String> getParseWarnings() {
        return parseWarnings;
    }

    public void setParseWarnings(List<String> parseWarnings) {
        this.parseWarnings = parseWarnings;
    }

    public String getServiceArea() {
        return serviceArea;
    }

    public void setServiceArea(String serviceArea) {
        this.serviceArea = serviceArea;
    }

    public Integer getTextChars() {
        return textChars;
    }

    public void setTextChars(Integer textChars) {
        this.textChars = textChars;
    }

    public Boolean getRemediedBefore() {
        return remediedBefore;
    }

    public void setRemediedBefore(Boolean remediedBefore) {
        this.remediedBefore = remediedBefore;
    }

    public List<ServiceImprovement> getServiceImprovements() {
        return serviceImprovements;
    }

    public void setServiceImprovements(List<ServiceImprovement> serviceImprovements) {
        this.serviceImprovements = serviceImprovements;
    }

    public Boolean getPublicInterestReport() {
        return publicInterestReport;
    }

    public void setPublicInterestReport(Boolean publicInterestReport) {
        this.publicInterestReport = publicInterestReport;
    }

    public List<Regulator> getSharedWith() {
        return sharedWith;
    }

    public void setSharedWith(List<Regulator> sharedWith) {
        this.sharedWith = sharedWith;
    }

    public Boolean getOthersAffected() {
        return othersAffected;
    }

    public void setOthersAffected(Boolean othersAffected) {
        this.othersAffected = othersAffected;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DecisionRecord r && Objects.equals(caseRef, r.caseRef) && Objects.equals(council, r.council) && Objects.equals(councilAsPrinted, r.councilAsPrinted) && Objects.equals(gssCode, r.gssCode) && Objects.equals(bodyType, r.bodyType) && Objects.equals(region, r.region) && Objects.equals(category, r.category) && Objects.equals(subcategory, r.subcategory) && Objects.equals(outcomeRaw, r.outcomeRaw) && Objects.equals(outcome, r.outcome) && Objects.equals(decisionDate, r.decisionDate) && Objects.equals(summary, r.summary) && Objects.equals(payments, r.payments) && Objects.equals(paymentTotalGbp, r.paymentTotalGbp) && Objects.equals(remedies, r.remedies) && Objects.equals(remedyDeadlineDays, r.remedyDeadlineDays) && Objects.equals(delayFault, r.delayFault) && Objects.equals(complaintDate, r.complaintDate) && Objects.equals(complaintDatePrecision, r.complaintDatePrecision) && Objects.equals(complaintToDecisionDays, r.complaintToDecisionDays) && Objects.equals(source, r.source) && Objects.equals(sourceSha256, r.sourceSha256) && Objects.equals(evidence, r.evidence)
                && Objects.equals(parseWarnings, r.parseWarnings) && Objects.equals(serviceArea, r.serviceArea) && Objects.equals(textChars, r.textChars)
                && Objects.equals(remediedBefore, r.remediedBefore) && Objects.equals(serviceImprovements,
                r.serviceImprovements) && Objects.equals(publicInterestReport, r.publicInterestReport)
                && Objects.equals(sharedWith, r.sharedWith) && Objects.equals(othersAffected, r.othersAffected);
    }

    @Override
    public int hashCode() {
        return Objects.hash(caseRef, sourceSha256);
    }

    @Override
    public String toString() {
        return "DecisionRecord[" + caseRef + " " + council + " " + outcome + " " + decisionDate + "]";
    }
}
