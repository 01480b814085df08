package uk.ombudsman.analytics.fetch;

import java.time.Duration;
import java.time.LocalDate;

/** What a fetch reports as it goes: the plan, each window when done, and decisions within a long window. */
public interface FetchProgress {
    FetchProgress SILENT = new FetchProgress() {
    };

    /** The windows to search and the pace the site's rules and --rate allow. */
    default void started(LocalDate from, LocalDate to, int windows, Duration interval) {
    }

    /** Every so many decision pages within a window. */
    default void decisions(Window window, int done, int toFetch) {
    }

    default void windowDone(WindowResult result, int done, int windows) {
    }

    /** Something the user should know about how the run goes on (the search rendered in a browser, say). */
    default void note(String message) {
    }
}
