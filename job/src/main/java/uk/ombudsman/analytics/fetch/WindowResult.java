package uk.ombudsman.analytics.fetch;

import java.util.Map;

/**
 * One searched window: how many results the site said it has, and what became of each decision it listed.
 *
 * @param total the search's own count, or null when it printed none (an empty window in words the fetch does not
 *     know)
 * @param complete whether the listing reached the search's count (or, with no count, its last page)
 */
public record WindowResult(Window window, Long total, Map<DecisionStatus, Integer> decisions, boolean complete) {
    public int count(DecisionStatus status) {
        return decisions.getOrDefault(status, 0);
    }

    public int listed() {
        return decisions.values().stream().mapToInt(Integer::intValue).sum();
    }
}
