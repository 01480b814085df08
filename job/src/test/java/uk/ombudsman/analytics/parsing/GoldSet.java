package uk.ombudsman.analytics.parsing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The gold set (src/test/resources/gold): passages of real decisions and the values a person read from each. Only
 * reads the labels; nothing here knows how the parser works, so the set measures the parser rather than follows it.
 */
final class GoldSet {
    static final Path DIR = Path.of("job/src/test/resources/gold");
    /** Passages labelled after the parser changes this set drove, and never looked at while making them. */
    static final Path HOLDOUT = DIR.resolve("holdout");
    /** Rows whose file starts with this are the bundled seeds, kept once in src/sample/seeds. */
    private static final String SEEDS = "seeds/";

    private GoldSet() {
    }

    /** One labelled passage. Empty label cells are empty strings; lists are already split. */
    record Passage(Path root, String file, String url, String header, String kind, String body, String caseRef, String category,
            String subcategory, String outcome, String decisionDate, List<String> payments, List<String> notPayments,
            List<String> remedies, String remedyDeadline, boolean delayFault, String complaintDate,
            String complaintDatePrecision) {

        Path path() {
            return file.startsWith(SEEDS) ? SeedTruthTest.SEEDS.resolve(file.substring(SEEDS.length()))
                    : root.resolve("passages").resolve(file);
        }

        byte[] bytes() {
            try {
                return Files.readAllBytes(path());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean hasHeader() {
            return !header.equals("NONE");
        }

        /** The printed amounts of {@link #payments}, each as a plain number ("1400", "509.81"); "?" ones left out. */
        List<String> paymentAmounts() {
            return payments.stream().map(p -> p.substring(0, p.indexOf('|'))).filter(a -> !a.equals("?"))
                    .map(GoldSet::plain).toList();
        }

        /** Each payment as "amount|PURPOSE" with the amount plain ("?" where no sum is printed). */
        List<String> paymentsWithPurpose() {
            return payments.stream().map(p -> {
                String a = p.substring(0, p.indexOf('|'));
                return (a.equals("?") ? a : plain(a)) + p.substring(p.indexOf('|'));
            }).toList();
        }

        BigDecimal paymentTotal() {
            return paymentAmounts().stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /**
         * The remedy deadline in days after the decision date, by plain calendar arithmetic on the label ("1 months",
         * "20 working days", "2021-04-07"); null where there is no deadline or no decision date to count from.
         */
        Integer remedyDeadlineDays() {
            if (remedyDeadline.isEmpty() || decisionDate.isEmpty()) {
                return null;
            }
            LocalDate from = LocalDate.parse(decisionDate);
            LocalDate due;
            if (remedyDeadline.matches("\\d{4}-\\d{2}-\\d{2}")) {
                due = LocalDate.parse(remedyDeadline);
            } else {
                String[] p = remedyDeadline.split(" ", 2);
                int n = Integer.parseInt(p[0]);
                due = switch (p[1]) {
                    case "months" -> from.plusMonths(n);
                    case "weeks" -> from.plusWeeks(n);
                    case "days" -> from.plusDays(n);
                    case "working days" -> {
                        LocalDate d = from;
                        for (int added = 0; added < n; ) {
                            d = d.plusDays(1);
                            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                                added++;
                            }
                        }
                        yield d;
                    }
                    default -> throw new IllegalArgumentException("deadline label " + remedyDeadline);
                };
            }
            return (int) (due.toEpochDay() - from.toEpochDay());
        }
    }

    /** The passages and labels under {@link #DIR} or {@link #HOLDOUT}. */
    static List<Passage> load(Path root) {
        List<Passage> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(root.resolve("labels.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord c : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                out.add(new Passage(root, c.get("file"), c.get("url"), c.get("header"), c.get("kind"), c.get("body"),
                        c.get("case_ref"), c.get("category"), c.get("subcategory"), c.get("outcome"),
                        c.get("decision_date"), list(c.get("payments")), list(c.get("not_payments")),
                        list(c.get("remedies")), c.get("remedy_deadline"), Boolean.parseBoolean(c.get("delay_fault")),
                        c.get("complaint_date"), c.get("complaint_date_precision")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static List<String> list(String cell) {
        return cell.isBlank() ? List.of() : List.of(cell.strip().split("\\s*;\\s*"));
    }

    private static String plain(String amount) {
        return new BigDecimal(amount.replace(",", "")).stripTrailingZeros().toPlainString();
    }
}
