package uk.ombudsman.analytics.reports;

/**
 * The figures the Ombudsman publishes about councils each financial year that this project can also work out, each
 * from the summed counts of one year of council rows: how ours is made, and why it may differ from the Ombudsman's.
 */
public enum NationalMeasure {
    DECISIONS("decisions published and read: every outcome"),
    INVESTIGATED("decisions upheld or not upheld (detailed investigations)"),
    UPHELD("decisions upheld"),
    UPHOLD_RATE("upheld / investigated"),
    SATISFACTORY_REMEDY_SHARE("upheld decisions where the council had already provided a remedy the Ombudsman "
            + "accepted (remedied_before) / upheld"),
    SERVICE_IMPROVEMENTS("service improvements read from the decisions, one per change"),
    PUBLIC_INTEREST_REPORTS("report pages among the decisions");

    /** Why any of this project's national figures may differ from the Ombudsman's. */
    public static final String WHY_IT_MAY_DIFFER = "the Ombudsman counts every decision it made in the year, this "
            + "project only the pages it was given: not every decision is published, and published decisions are "
            + "taken down after about five years; pages whose outcome is read from the words (no Decision line) may "
            + "be read differently; the Ombudsman's year is the year the decision was made, and so is ours only "
            + "under --year-basis financial";

    private final String howOursIsMade;

    NationalMeasure(String howOursIsMade) {
        this.howOursIsMade = howOursIsMade;
    }

    public String howOursIsMade() {
        return howOursIsMade;
    }

    /** A share (0 to 1), not a count. */
    public boolean isShare() {
        return this == UPHOLD_RATE || this == SATISFACTORY_REMEDY_SHARE;
    }

    /** Our figure from one year's summed counts; null where it is undefined. */
    Double ours(long decisions, long investigated, long upheld, long satisfactory, long improvements, long reports) {
        return switch (this) {
            case DECISIONS -> (double) decisions;
            case INVESTIGATED -> (double) investigated;
            case UPHELD -> (double) upheld;
            case UPHOLD_RATE -> investigated == 0 ? null : round4(upheld / (double) investigated);
            case SATISFACTORY_REMEDY_SHARE -> upheld == 0 ? null : round4(satisfactory / (double) upheld);
            case SERVICE_IMPROVEMENTS -> (double) improvements;
            case PUBLIC_INTEREST_REPORTS -> (double) reports;
        };
    }

    static double round4(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }
}
