package uk.ombudsman.analytics.reading;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * One sentence of a real decision page and what a person read in it ({@code sentences.csv} of the reading set):
 * the remedy kinds it states as this decision's remedy, each sum's role in order ({@code 300|PAYMENT},
 * {@code 4000|REPAY}; {@code ?|PAYMENT} for a payment with no sum printed), delay (AT_FAULT, NOT_AT_FAULT or empty),
 * the complaint date as written, and the Ombudsman's verdict it states (UPHELD, NOT_UPHELD, CLOSED or empty).
 */
public record LabelledSentence(String file, int n, String text, List<String> remedies, List<String> money,
        String delay, String complaintDate, String verdict) {
    /** The columns of sentences.csv, in order. */
    public static final String[] COLUMNS = {"file", "n", "text", "remedies", "money", "delay", "complaint_date",
        "verdict", "note"};

    public static List<LabelledSentence> load(Path csv) throws IOException {
        List<LabelledSentence> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord c : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                out.add(new LabelledSentence(c.get("file"), Integer.parseInt(c.get("n")), c.get("text"),
                        list(c.get("remedies")), list(c.get("money")), c.get("delay"), c.get("complaint_date"),
                        c.get("verdict")));
            }
        }
        return out;
    }

    /** The roles of the sums printed in the sentence, in order ("?" entries, sums not printed, left out). */
    public List<String> printedSumRoles() {
        List<String> roles = new ArrayList<>();
        for (String m : money) {
            if (!m.startsWith("?")) {
                roles.add(m.substring(m.indexOf('|') + 1));
            }
        }
        return roles;
    }

    private static List<String> list(String cell) {
        return cell.isBlank() ? List.of() : List.of(cell.strip().split("\\s*;\\s*"));
    }
}
