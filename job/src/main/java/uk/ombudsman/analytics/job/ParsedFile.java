package uk.ombudsman.analytics.job;

import java.io.Serializable;
import uk.ombudsman.analytics.parsing.ParseResult;
import uk.ombudsman.analytics.record.DecisionRecord;

/** One input file after parsing, as a Spark bean: a decision, or the reason it went to the quarantine. */
public class ParsedFile implements Serializable {
    private static final long serialVersionUID = 1L;

    private String source;
    private String sha256;
    private DecisionRecord decision;
    private String reason;
    private String detail;
    private String preview;

    public ParsedFile() {
    }

    /** @param sha256 the file's digest, or null when it was not read (too large, unreadable) */
    static ParsedFile of(String source, String sha256, ParseResult result) {
        ParsedFile f = new ParsedFile();
        f.source = source;
        f.sha256 = sha256;
        f.decision = result.decision();
        f.reason = result.rejection() == null ? null : result.rejection().name();
        f.detail = result.detail();
        f.preview = result.preview();
        return f;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getSha256() {
        return sha256;
    }

    public void setSha256(String sha256) {
        this.sha256 = sha256;
    }

    public DecisionRecord getDecision() {
        return decision;
    }

    public void setDecision(DecisionRecord decision) {
        this.decision = decision;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getDetail() {
        return detail;
    }

    public void setDetail(String detail) {
        this.detail = detail;
    }

    public String getPreview() {
        return preview;
    }

    public void setPreview(String preview) {
        this.preview = preview;
    }
}
