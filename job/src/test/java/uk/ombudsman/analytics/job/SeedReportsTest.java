package uk.ombudsman.analytics.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ombudsman.analytics.JobRuns;
import uk.ombudsman.analytics.SharedSpark;
import uk.ombudsman.analytics.reports.Columns;

/** The job over the five seeds gives the by_council and by_category figures of reports.md, in CSV and Parquet. */
class SeedReportsTest {
    @TempDir
    static Path dir;
    static Path out;

    @BeforeAll
    static void runOnSeeds() {
        out = dir.resolve("out");
        JobRuns.run(JobRuns.SEEDS, out);
    }

    /** reports.md's table: council, decisions, upheld, not_upheld, rate, ci low, ci high, with payment, total,
     * mean, median, max, days mean, days median, delay fault rate. */
    private static final Map<String, String[]> BY_COUNCIL = Map.of(
            "Halton Borough Council", new String[] {"1", "1", "0", "1.0", "0.2065", "1.0", "1", "756.00", "756.00",
                "756.00", "756.00", "443", "443", "1.0"},
            "London Borough of Lambeth", new String[] {"1", "1", "0", "1.0", "0.2065", "1.0", "1", "500.00", "500.00",
                "500.00", "500.00", "919", "919", "1.0"},
            "Norfolk County Council", new String[] {"3", "2", "1", "0.6667", "0.2077", "0.9385", "2", "1500.00",
                "750.00", "750.00", "1000.00", "551", "558", "1.0"});
    private static final List<String> FIGURES = List.of(Columns.DECISIONS, Columns.UPHELD, Columns.NOT_UPHELD,
            Columns.UPHOLD_RATE, Columns.UPHOLD_RATE_CI_LOW, Columns.UPHOLD_RATE_CI_HIGH,
            Columns.DECISIONS_WITH_PAYMENT, Columns.PAYMENT_TOTAL_GBP, Columns.PAYMENT_MEAN_GBP,
            Columns.PAYMENT_MEDIAN_GBP, Columns.PAYMENT_MAX_GBP, Columns.DAYS_MEAN, Columns.DAYS_MEDIAN,
            Columns.DELAY_FAULT_RATE);
    private static final String[] CATEGORY = {"5", "4", "1", "0.8", "0.3755", "0.9638", "4", "2756.00", "689.00",
        "628.00", "1000.00", "603", "558", "1.0"};

    @Test
    void byCouncilCsvHoldsTheSpecFigures() throws IOException {
        List<CSVRecord> rows = JobRuns.csv(out.resolve("reports/by_council.csv"));
        assertEquals(List.of("Halton Borough Council", "London Borough of Lambeth", "Norfolk County Council"),
                rows.stream().map(r -> r.get(Columns.COUNCIL)).toList(), "rows sorted by council");
        for (CSVRecord r : rows) {
            String[] expected = BY_COUNCIL.get(r.get(Columns.COUNCIL));
            for (int i = 0; i < FIGURES.size(); i++) {
                assertNumber(expected[i], r.get(FIGURES.get(i)), r.get(Columns.COUNCIL) + " " + FIGURES.get(i));
            }
        }
        CSVRecord norfolk = rows.get(2);
        assertEquals("COUNTY", norfolk.get(Columns.BODY_TYPE));
        assertEquals("East of England", norfolk.get(Columns.REGION));
        assertEquals("2022-01-26", norfolk.get(Columns.FIRST_DECISION_DATE));
        assertEquals("2025-01-17", norfolk.get(Columns.LAST_DECISION_DATE));
    }

    @Test
    void byCouncilParquetHoldsTheSameFigures() {
        List<Row> rows = SharedSpark.get().read().parquet(out.resolve("reports/by_council").toString())
                .orderBy(Columns.COUNCIL).collectAsList();
        assertEquals(3, rows.size());
        for (Row r : rows) {
            String[] expected = BY_COUNCIL.get(r.<String>getAs(Columns.COUNCIL));
            for (int i = 0; i < FIGURES.size(); i++) {
                assertNumber(expected[i], String.valueOf(r.<Object>getAs(FIGURES.get(i))),
                        r.getAs(Columns.COUNCIL) + " " + FIGURES.get(i));
            }
        }
    }

    @Test
    void byCategoryHoldsOneRowWithTheSpecFigures() throws IOException {
        List<CSVRecord> csv = JobRuns.csv(out.resolve("reports/by_category.csv"));
        assertEquals(1, csv.size());
        assertEquals("Children's care services", csv.get(0).get(Columns.CATEGORY));
        List<Row> parquet = SharedSpark.get().read().parquet(out.resolve("reports/by_category").toString())
                .collectAsList();
        assertEquals(1, parquet.size());
        for (int i = 0; i < FIGURES.size(); i++) {
            assertNumber(CATEGORY[i], csv.get(0).get(FIGURES.get(i)), "csv " + FIGURES.get(i));
            assertNumber(CATEGORY[i], String.valueOf(parquet.get(0).<Object>getAs(FIGURES.get(i))),
                    "parquet " + FIGURES.get(i));
        }
    }

    @Test
    void everyReportExistsAsParquetAndAsOneCsvWithHeader() throws IOException {
        for (uk.ombudsman.analytics.reports.Report report : uk.ombudsman.analytics.reports.Report.values()) {
            Path csv = out.resolve("reports").resolve(report.folder() + ".csv");
            List<CSVRecord> rows = JobRuns.csv(csv);
            long parquetRows = SharedSpark.get().read().parquet(out.resolve("reports").resolve(report.folder())
                    .toString()).count();
            assertEquals(parquetRows, rows.size(), report + " rows in CSV and Parquet");
        }
        // The seeds are dated 10 Mar 2021, 26 Jan and 8 Mar 2022, 14 Jul 2024 and 17 Jan 2025: financial years, as
        // the Ombudsman counts them.
        assertEquals(List.of("2020-21", "2021-22", "2024-25"), JobRuns.csv(out.resolve("reports/by_year.csv")).stream()
                .map(r -> r.get(Columns.FINANCIAL_YEAR)).toList());
        Map<String, String> remedies = JobRuns.csv(out.resolve("reports/remedies.csv")).stream()
                .collect(Collectors.toMap(r -> r.get(Columns.REMEDY), r -> r.get(Columns.DECISIONS)));
        assertEquals(Map.of("APOLOGY", "2", "PAYMENT", "4", "ACTION_FOR_COMPLAINANT", "1", "SERVICE_IMPROVEMENT", "2"),
                remedies);
    }

    @Test
    void decisionsAreWrittenAsParquetByYearAndAsCsv() throws IOException {
        List<CSVRecord> csv = JobRuns.csv(out.resolve("decisions.csv"));
        assertEquals(5, csv.size());
        CSVRecord first = csv.get(0);
        assertEquals("20 001 737", first.get(Columns.CASE_REF));
        assertEquals("300.00;456.00", first.get(Columns.PAYMENTS_GBP));
        assertEquals("DISTRESS;FINANCIAL_LOSS", first.get(Columns.PAYMENT_PURPOSES));
        assertEquals("APOLOGY;PAYMENT;SERVICE_IMPROVEMENT", first.get(Columns.REMEDIES));
        assertEquals(false, first.isMapped(Columns.EVIDENCE), "evidence stays out of the CSV");

        var parquet = SharedSpark.get().read().parquet(out.resolve("decisions").toString());
        assertEquals(5, parquet.count());
        Row norfolk2025 = parquet.filter(parquet.col(Columns.CASE_REF).equalTo("23 017 218")).first();
        assertEquals(2025, norfolk2025.<Integer>getAs(Columns.DECISION_YEAR));
        List<Row> payments = norfolk2025.getList(norfolk2025.fieldIndex(Columns.PAYMENTS));
        assertEquals(2, payments.size());
        assertEquals(0, new BigDecimal("300").compareTo(payments.get(0).getAs(Columns.AMOUNT_GBP)));
        assertEquals("DISTRESS", payments.get(0).getAs(Columns.PURPOSE));
        assertEquals(true, payments.get(0).<String>getAs(Columns.EVIDENCE).startsWith("£300 for the distress"));
    }

    @Test
    void manifestCountsWhatRan() throws IOException {
        Map<String, Object> m = JobRuns.manifest(out);
        @SuppressWarnings("unchecked")
        Map<String, Object> counts = (Map<String, Object>) m.get("counts");
        assertEquals(5, counts.get("files_read"));
        assertEquals(5, counts.get("decisions"));
        assertEquals(0, counts.get("quarantined"));
        @SuppressWarnings("unchecked")
        Map<String, Object> reportRows = (Map<String, Object>) counts.get("report_rows");
        assertEquals(3, reportRows.get("by_council"));
        assertEquals("4.2.0", ((Map<?, ?>) m.get("versions")).get("spark"));
        assertEquals(Map.of(), counts.get("quarantined_by_reason"));
    }

    private static void assertNumber(String expected, String actual, String what) {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual)),
                () -> what + ": expected " + expected + " but was " + actual);
    }
}
