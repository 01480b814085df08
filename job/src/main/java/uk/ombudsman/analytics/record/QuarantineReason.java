package uk.ombudsman.analytics.record;

/** Why an input file did not become a decision record. Each reason is counted in the manifest. */
public enum QuarantineReason {
    EMPTY("the file is empty or only whitespace"),
    BINARY("the file is binary, not text or HTML"),
    NOT_A_DECISION("no 'Body (NN NNN NNN)' reference line and no Ombudsman decision text"),
    TOO_LARGE("the file is larger than any decision (over " + QuarantineReason.MAX_FILE_MB + " MB)"),
    UNREADABLE("the file could not be read"),
    LINK_LOOP("a link that loops back to a folder above it: skipped, as following it would list the same files "
            + "for ever"),
    PARSE_ERROR("the parser failed on this file (a bug: please report it with the file)");

    /** No decision page comes near this size; larger files are not read into memory. */
    public static final int MAX_FILE_MB = 64;

    private final String description;

    QuarantineReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
