package uk.ombudsman.analytics.base;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every exit code the command line returns, with its meaning: the one place they are spelled. Each command's help
 * lists the ones it can return, produced from here; README's lists are checked against here by a test.
 */
public enum ExitCode {
    OK(0, "success (nightly: published, or nothing new)"),
    FAILED(1, "failed: see the message, --verbose for details (a fetch that lost the network or was stopped "
            + "resumes when run again)"),
    USAGE(2, "bad command-line options"),
    INPUT(3, "the input is missing or unreadable"),
    OUTPUT(4, "the output cannot be written (the previous output is left as it was)"),
    LOCKED(5, "another run into the same folder holds its lock; this one did nothing"),
    QUARANTINE(6, "the quarantined share is over the threshold: the run is kept under runs/ but not published"),
    REFUSED(7, "the site refused this client or has changed (fetch --probe: an assumption the fetch relies on "
            + "failed); nothing fetched is lost"),
    INCOMPLETE(8, "the fetch is incomplete (a month not listed whole, a decision page not kept, --max-time up): "
            + "what was fetched is kept (nightly: and published); run again");

    /**
     * Help texts name a code as {@code ${sys:ombudsman.exit.NAME}} (annotation values must be constants); the command
     * line sets these properties before it prints help, see {@link #publishForHelp()}.
     */
    public static final String HELP = "ombudsman.exit.";

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** Sets the properties help texts name codes by. */
    public static void publishForHelp() {
        for (ExitCode c : values()) {
            System.setProperty(HELP + c.name(), Integer.toString(c.code));
        }
    }

    /** A command's exit-code help, in picocli's form: code to meaning, in order. */
    public static Map<String, String> help(List<ExitCode> codes) {
        Map<String, String> help = new LinkedHashMap<>();
        codes.forEach(c -> help.put(Integer.toString(c.code), c.meaning));
        return help;
    }
}
