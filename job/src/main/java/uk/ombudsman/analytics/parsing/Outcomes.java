package uk.ombudsman.analytics.parsing;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.ombudsman.analytics.record.Outcome;

/** Maps every outcome wording the site has used onto {@link Outcome}, by its first words. */
final class Outcomes {
    /** Checked in order: "not upheld" must be tried before "upheld". */
    private static final List<Map.Entry<String, Outcome>> PREFIXES = List.of(
            Map.entry("not upheld", Outcome.NOT_UPHELD),
            Map.entry("upheld", Outcome.UPHELD),
            Map.entry("closed after initial enquiries", Outcome.CLOSED_AFTER_INITIAL_ENQUIRIES),
            Map.entry("closed after initial enquiry", Outcome.CLOSED_AFTER_INITIAL_ENQUIRIES),
            Map.entry("withdrawn", Outcome.OTHER),
            Map.entry("premature", Outcome.OTHER),
            Map.entry("investigation discontinued", Outcome.OTHER),
            Map.entry("discontinued", Outcome.OTHER),
            Map.entry("referred back for local resolution", Outcome.OTHER),
            Map.entry("advice given", Outcome.OTHER),
            Map.entry("incomplete/invalid", Outcome.OTHER),
            Map.entry("invalid", Outcome.OTHER));

    private Outcomes() {
    }

    /** The outcome a wording means, or null when the wording is unknown. */
    static Outcome fromWording(String raw) {
        String w = raw.toLowerCase(Locale.ROOT).strip();
        for (Map.Entry<String, Outcome> p : PREFIXES) {
            if (w.startsWith(p.getKey())) {
                return p.getValue();
            }
        }
        return null;
    }
}
