package uk.ombudsman.analytics.reports;

import java.util.List;

/**
 * Every column name the outputs use, in one place: the decision record's fields in snake_case (as the spec names
 * them), the quarantine's, and the report metrics. Nothing else in the code spells a column name.
 */
public final class Columns {
    private Columns() {
    }

    // The decision record.
    public static final String CASE_REF = "case_ref";
    public static final String COUNCIL = "council";
    public static final String COUNCIL_AS_PRINTED = "council_as_printed";
    public static final String GSS_CODE = "gss_code";
    public static final String BODY_TYPE = "body_type";
    public static final String REGION = "region";
    public static final String CATEGORY = "category";
    public static final String SUBCATEGORY = "subcategory";
    public static final String SERVICE_AREA = "service_area";
    public static final String OUTCOME_RAW = "outcome_raw";
    public static final String OUTCOME = "outcome";
    public static final String DECISION_DATE = "decision_date";
    public static final String DECISION_YEAR = "decision_year";
    /** The Ombudsman's financial year of the decision date (1 April to 31 March), as "2024-25". */
    public static final String FINANCIAL_YEAR = "financial_year";
    public static final String SUMMARY = "summary";
    public static final String PAYMENTS = "payments";
    public static final String AMOUNT_GBP = "amount_gbp";
    public static final String PURPOSE = "purpose";
    public static final String EVIDENCE = "evidence";
    public static final String PAYMENT_TOTAL_GBP = "payment_total_gbp";
    public static final String REMEDIES = "remedies";
    public static final String REMEDY = "remedy";
    public static final String REMEDY_DEADLINE_DAYS = "remedy_deadline_days";
    public static final String DELAY_FAULT = "delay_fault";
    public static final String COMPLAINT_DATE = "complaint_date";
    public static final String COMPLAINT_DATE_PRECISION = "complaint_date_precision";
    public static final String COMPLAINT_TO_DECISION_DAYS = "complaint_to_decision_days";
    public static final String SOURCE = "source";
    public static final String SOURCE_SHA256 = "source_sha256";
    public static final String PARSE_WARNINGS = "parse_warnings";
    public static final String REMEDIED_BEFORE = "remedied_before";
    /** A list of {kind, text}. */
    public static final String SERVICE_IMPROVEMENTS = "service_improvements";
    public static final String KIND = "kind";
    public static final String TEXT = "text";
    public static final String PUBLIC_INTEREST_REPORT = "public_interest_report";
    public static final String SHARED_WITH = "shared_with";
    public static final String OTHERS_AFFECTED = "others_affected";
    /** The sentence behind each extracted value: a list of {field, value, sentence}; evidence.csv has a row each. */
    public static final String FIELD = "field";
    public static final String VALUE = "value";
    public static final String SENTENCE = "sentence";
    public static final String TEXT_CHARS = "text_chars";

    // decisions.csv: list fields flattened, named as in the seeds' truth file.
    public static final String PAYMENTS_GBP = "payments_gbp";
    public static final String PAYMENT_PURPOSES = "payment_purposes";
    public static final String SERVICE_IMPROVEMENT_KINDS = "service_improvement_kinds";

    // The quarantine.
    public static final String REASON = "reason";
    public static final String DETAIL = "detail";
    public static final String PREVIEW = "preview";

    // What changed since the previous run (the nightly changes.csv).
    public static final String CHANGE = "change";
    public static final String ADDED = "added";
    public static final String CHANGED = "changed";
    public static final String REMOVED = "removed";

    // Report metrics.
    public static final String DECISIONS = "decisions";
    public static final String UPHELD = "upheld";
    public static final String NOT_UPHELD = "not_upheld";
    public static final String CLOSED_AFTER_INITIAL_ENQUIRIES = "closed_after_initial_enquiries";
    public static final String OTHER_OUTCOME = "other_outcome";
    public static final String UPHOLD_RATE = "uphold_rate";
    public static final String UPHOLD_RATE_CI_LOW = "uphold_rate_ci_low";
    public static final String UPHOLD_RATE_CI_HIGH = "uphold_rate_ci_high";
    public static final String DECISIONS_WITH_PAYMENT = "decisions_with_payment";
    public static final String PAYMENT_MEAN_GBP = "payment_mean_gbp";
    public static final String PAYMENT_MEDIAN_GBP = "payment_median_gbp";
    public static final String PAYMENT_MAX_GBP = "payment_max_gbp";
    public static final String DAYS_MEAN = "complaint_to_decision_days_mean";
    public static final String DAYS_MEDIAN = "complaint_to_decision_days_median";
    public static final String DELAY_FAULT_RATE = "delay_fault_rate";
    public static final String FIRST_DECISION_DATE = "first_decision_date";
    public static final String LAST_DECISION_DATE = "last_decision_date";

    /** The council or councils that now answer for an abolished council's area (by_council, by_current_council). */
    public static final String SUCCESSOR = "successor";
    /** Where a decision's figures go in by_current_council: the one successor of an abolished council, or itself. */
    public static final String CURRENT_COUNCIL = "current_council";

    // by_council's comparison with its peers (councils of the same body type) and per-resident figures.
    public static final String INVESTIGATIONS = "investigations";
    public static final String PEER_UPHOLD_RATE = "peer_uphold_rate";
    public static final String UPHOLD_RATE_VS_PEERS = "uphold_rate_vs_peers";
    public static final String PEER_STANDING = "peer_standing";
    public static final String POPULATION = "population";
    public static final String DECISIONS_PER_100K = "decisions_per_100k";
    public static final String UPHELD_PER_100K = "upheld_per_100k";
    public static final String PAYMENT_TOTAL_PER_100K_GBP = "payment_total_per_100k_gbp";

    // council_performance: the Ombudsman's own measures, per council and year, against similar authorities.
    public static final String INVESTIGATED = "investigated";
    public static final String SATISFACTORY_REMEDIES = "satisfactory_remedies";
    public static final String SATISFACTORY_REMEDY_SHARE = "satisfactory_remedy_share";
    public static final String SERVICE_IMPROVEMENTS_COUNT = "service_improvements_count";
    public static final String DECISIONS_WITH_SERVICE_IMPROVEMENT = "decisions_with_service_improvement";
    public static final String PUBLIC_INTEREST_REPORTS = "public_interest_reports";
    public static final String SIMILAR_AUTHORITIES = "similar_authorities";
    public static final String SIMILAR_UPHOLD_RATE = "similar_authorities_uphold_rate";
    public static final String SIMILAR_UPHELD_PER_100K = "similar_authorities_upheld_per_100k";
    public static final String SIMILAR_SATISFACTORY_REMEDY_SHARE = "similar_authorities_satisfactory_remedy_share";

    // reconciliation: this project's national figures beside the Ombudsman's published ones.
    public static final String MEASURE = "measure";
    public static final String OURS = "ours";
    public static final String LGSCO = "lgsco";
    public static final String DIFFERENCE = "difference";
    public static final String SOURCE_URL = "source_url";
    public static final String NOTE = "note";
    public static final String WHY_IT_MAY_DIFFER = "why_it_may_differ";
    public static final String SCOPE = "scope";

    // by_category_year's change on the year before.
    public static final String UPHOLD_RATE_CHANGE = "uphold_rate_change_on_previous_year";
    public static final String DECISIONS_CHANGE = "decisions_change_on_previous_year";

    /** The counts of the Ombudsman's own measures, aggregated with every grouped report, shown by council_performance. */
    public static final List<String> MEASURE_COUNTS = List.of(SATISFACTORY_REMEDIES, SERVICE_IMPROVEMENTS_COUNT,
            DECISIONS_WITH_SERVICE_IMPROVEMENT, PUBLIC_INTEREST_REPORTS);

    /** The metric columns of every grouped report, in output order. */
    public static final List<String> METRICS = List.of(DECISIONS, UPHELD, NOT_UPHELD, CLOSED_AFTER_INITIAL_ENQUIRIES,
            OTHER_OUTCOME, UPHOLD_RATE, UPHOLD_RATE_CI_LOW, UPHOLD_RATE_CI_HIGH, DECISIONS_WITH_PAYMENT,
            PAYMENT_TOTAL_GBP, PAYMENT_MEAN_GBP, PAYMENT_MEDIAN_GBP, PAYMENT_MAX_GBP, DAYS_MEAN, DAYS_MEDIAN,
            DELAY_FAULT_RATE, FIRST_DECISION_DATE, LAST_DECISION_DATE);
}
