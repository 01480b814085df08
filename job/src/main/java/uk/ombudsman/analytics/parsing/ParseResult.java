package uk.ombudsman.analytics.parsing;

import uk.ombudsman.analytics.record.DecisionRecord;
import uk.ombudsman.analytics.record.QuarantineReason;

/** What one input file became: a decision record, or a quarantine reason with the start of the text. */
public record ParseResult(DecisionRecord decision, QuarantineReason rejection, String detail, String preview) {
    /** How much of a rejected input is kept for a person to look at. */
    public static final int PREVIEW_CHARS = 500;

    static ParseResult of(DecisionRecord decision) {
        return new ParseResult(decision, null, null, null);
    }

    /** A file that never reached the parser (unreadable, too large) or that the parser rejected. */
    public static ParseResult quarantined(QuarantineReason reason, String detail, String text) {
        String preview = text == null ? "" : text.substring(0, Math.min(text.length(), PREVIEW_CHARS));
        return new ParseResult(null, reason, detail, preview);
    }

    public boolean isDecision() {
        return decision != null;
    }
}
