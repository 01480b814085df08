package uk.ombudsman.analytics.parsing;

import java.util.Locale;
import java.util.Map;

/** The parts of a decision the parser reads differently. Headings vary across years; this maps them. */
enum Section {
    /** Before the first heading: the header and the summary. */
    PREAMBLE,
    COMPLAINT,
    /** The Ombudsman's role and powers, and the legal background: general text, never about this case. */
    ROLE,
    SCOPE,
    METHOD,
    FINDINGS,
    /** "My assessment" of a decision made without a full investigation: early remedies are agreed here. */
    ASSESSMENT,
    REMEDY,
    FINAL,
    NOT_INVESTIGATED,
    /** Page furniture after the decision (print links, cookie settings): ignored. */
    END;

    private static final Map<String, Section> HEADINGS = Map.ofEntries(
            Map.entry("the complaint", COMPLAINT),
            Map.entry("complaint", COMPLAINT),
            Map.entry("the ombudsman's role and powers", ROLE),
            Map.entry("the ombudsmen's role and powers", ROLE),
            Map.entry("the ombudsman's role", ROLE),
            Map.entry("our role and powers", ROLE),
            Map.entry("legal and administrative background", ROLE),
            Map.entry("relevant law and guidance", ROLE),
            Map.entry("law and guidance", ROLE),
            Map.entry("what i have investigated", SCOPE),
            Map.entry("what i have and have not investigated", SCOPE),
            Map.entry("what i have and haven't investigated", SCOPE),
            Map.entry("what i have not investigated", SCOPE),
            Map.entry("what we have and have not investigated", SCOPE),
            Map.entry("how i considered this complaint", METHOD),
            Map.entry("how we considered this complaint", METHOD),
            Map.entry("how i considered this", METHOD),
            Map.entry("what i found", FINDINGS),
            Map.entry("what we found", FINDINGS),
            Map.entry("findings", FINDINGS),
            Map.entry("finding", FINDINGS),
            Map.entry("further report", FINDINGS),
            Map.entry("my findings", FINDINGS),
            Map.entry("my assessment", ASSESSMENT),
            Map.entry("our assessment", ASSESSMENT),
            Map.entry("assessment", ASSESSMENT),
            Map.entry("what happened", FINDINGS),
            Map.entry("key facts", FINDINGS),
            Map.entry("analysis", FINDINGS),
            Map.entry("conclusions", FINDINGS),
            Map.entry("conclusion", FINDINGS),
            Map.entry("agreed action", REMEDY),
            Map.entry("agreed actions", REMEDY),
            Map.entry("recommended action", REMEDY),
            Map.entry("recommended actions", REMEDY),
            Map.entry("recommendations", REMEDY),
            Map.entry("action", REMEDY),
            Map.entry("actions", REMEDY),
            Map.entry("remedy", REMEDY),
            Map.entry("agreed remedy", REMEDY),
            Map.entry("final decision", FINAL),
            Map.entry("decision", FINAL),
            Map.entry("parts of the complaint that i did not investigate", NOT_INVESTIGATED),
            Map.entry("parts of the complaint i did not investigate", NOT_INVESTIGATED),
            Map.entry("investigator's decision on behalf of the ombudsman", END),
            Map.entry("print this page", END),
            Map.entry("review your privacy settings", END));

    /** The section a heading line opens, or null when the line is not a known heading. */
    static Section ofHeading(String line) {
        if (line.regionMatches(true, 0, "ombudsman satisfied with", 0, 24) && line.length() < 100) {
            return END; // report pages close with the date the council complied: nothing of the decision follows
        }
        if (line.length() > 64) {
            return null; // headings are short; most lines are paragraphs
        }
        String h = line.toLowerCase(Locale.ROOT).strip();
        if (h.endsWith(":")) {
            h = h.substring(0, h.length() - 1).strip();
        }
        if (h.length() > 60) {
            return null;
        }
        return HEADINGS.get(h);
    }
}
