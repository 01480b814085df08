package uk.ombudsman.analytics.generate;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.commons.csv.CSVPrinter;
import uk.ombudsman.analytics.export.CsvCells;
import uk.ombudsman.analytics.export.OutputLayout;
import uk.ombudsman.analytics.generate.GeneratedDecision.GeneratedPayment;
import uk.ombudsman.analytics.generate.GeneratedDecision.Layout;
import uk.ombudsman.analytics.record.BodyType;
import uk.ombudsman.analytics.record.DatePrecision;
import uk.ombudsman.analytics.record.Outcome;
import uk.ombudsman.analytics.record.PaymentPurpose;
import uk.ombudsman.analytics.record.Remedy;
import uk.ombudsman.analytics.reference.CouncilDirectory;
import uk.ombudsman.analytics.reference.CouncilInfo;

/**
 * Generates a realistic corpus of decisions, deterministic for a seed: councils from the reference list (and
 * some care providers), every category, every outcome and its older wordings, payments, remedies, deadlines and
 * dated complaints, in both text layouts and as HTML, in the nested folders of a site mirror, with a few pages
 * saved without their header, a few saved twice and a few files that are not decisions. Beside the corpus it
 * writes the truth: every decision's record and the reports a correct job must produce.
 */
public final class CorpusGenerator {
    /** Where the corpus goes under the output folder; the truth goes under {@code truth/}. */
    public static final String CORPUS = "corpus";
    public static final String TRUTH = "truth";

    /** The site's categories (as real pages print them) and subcategories its pages are filed under. */
    private static final String[][] CATEGORIES = {
        {"Adult care services", "Assessment and care plan", "Charging", "Residential care", "Safeguarding",
            "Direct payments", "Domiciliary care"},
        {"Benefits and tax", "Council tax", "Housing benefit and council tax benefit", "Business rates",
            "Council tax support"},
        {"Children's care services", "Child protection", "Looked after children", "Disabled children", "Fostering",
            "Other"},
        {"Other categories", "Councillor conduct and standards", "Land", "Leisure and culture", "Other"},
        {"Education", "Special educational needs", "School admissions", "School transport",
            "Alternative provision"},
        {"Environment and regulation", "Noise", "Refuse and recycling", "Antisocial behaviour", "Licensing",
            "Drainage", "Trees"},
        {"Transport and highways", "Parking and other penalties", "Highway repair and maintenance",
            "Traffic management"},
        {"Housing", "Allocations", "Homelessness", "Private housing", "Council house sales and leaseholders"},
        {"Planning", "Planning applications", "Enforcement", "Building control"},
    };
    private static final String[] PEOPLE = {"Mr X", "Mrs Y", "Miss B", "Ms C", "Mr D", "Mrs F", "Mr K", "Ms L"};
    private static final String[] PROVIDER_FIRST = {"Sunrise", "Oakwood", "Meadow View", "Willow", "Beech House",
        "Heathfield", "Riverside", "Elmbrook"};
    private static final String[] PROVIDER_LAST = {"Care Homes Ltd", "Care Limited", "Nursing Home Ltd",
        "Healthcare Limited", "Care Services Ltd"};
    private static final DateTimeFormatter BY_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final int decisions;
    private final long seed;
    private final List<CouncilInfo> councils;
    /** Councils abolished in reorganisations: some decisions made before then are about them. */
    private final List<CouncilInfo> abolished;
    private final Map<String, CouncilInfo> byName = new java.util.HashMap<>();

    public CorpusGenerator(int decisions, long seed) {
        this.decisions = decisions;
        this.seed = seed;
        List<CouncilInfo> all = CouncilDirectory.bundled().all();
        all.forEach(c -> byName.put(c.name(), c));
        List<CouncilInfo> current = new ArrayList<>(all.stream().filter(c -> !c.abolished()).toList());
        // Which councils get the most complaints is drawn per seed, not left to alphabetical order.
        java.util.Collections.shuffle(current, new java.util.Random(seed));
        this.councils = current;
        this.abolished = all.stream().filter(CouncilInfo::abolished).toList();
    }

    /** The day an abolished council ceased: 1 April of the year its status names. */
    private static LocalDate abolishedOn(CouncilInfo c) {
        return LocalDate.of(Integer.parseInt(c.status().replaceAll("\\D", "")), 4, 1);
    }

    /**
     * The council's name as a page might print it: "London Borough Of ...", "&" for "and", "Halton Council" for
     * "Halton Borough Council" where no other council's name starts with the same place. The truth keeps the
     * list's name.
     */
    private String printed(String name, SplittableRandom r) {
        if (r.nextInt(100) >= 12) {
            return name;
        }
        if (name.contains(" of ")) {
            return name.replace(" of ", " Of ");
        }
        if (name.contains(" and ")) {
            return name.replace(" and ", " & ");
        }
        if (name.endsWith(" Borough Council")) {
            String place = name.substring(0, name.length() - " Borough Council".length());
            boolean alone = byName.keySet().stream().filter(n -> n.startsWith(place + " ")).count() == 1;
            return alone ? place + " Council" : name;
        }
        return name;
    }

    /** What was written, for the caller to report. */
    public record Summary(int decisions, int files, long bytes, int duplicates, int junk) {
    }

    public Summary writeTo(Path out) throws IOException {
        Path corpus = out.resolve(CORPUS);
        Files.createDirectories(corpus);
        SplittableRandom root = new SplittableRandom(seed);
        List<GeneratedDecision> truth = new ArrayList<>(decisions);
        Map<String, Long> quarantine = new TreeMap<>();
        int files = 0;
        int duplicates = 0;
        long bytes = 0;
        for (int i = 0; i < decisions; i++) {
            // Each decision draws from its own stream, so decision i is the same whatever N is.
            SplittableRandom r = new SplittableRandom(root.nextLong());
            GeneratedDecision d = decision(i, r);
            truth.add(d);
            String text = DecisionWriter.write(d, r);
            Path folder = corpus.resolve("decisions").resolve(d.categorySlug()).resolve(d.subcategorySlug());
            Files.createDirectories(folder);
            String name = d.caseRef().replace(' ', '-');
            String ext = d.layout() == Layout.HTML ? ".html" : ".txt";
            bytes += write(folder.resolve(name + ext), text, r);
            files++;
            if (r.nextInt(100) == 0) {
                // The same decision saved again in the other format, as mirrors often do.
                GeneratedDecision copy = withLayout(d, d.layout() == Layout.HTML ? Layout.NUMBERED : Layout.HTML);
                String other = DecisionWriter.write(copy, new SplittableRandom(r.nextLong()));
                bytes += write(folder.resolve(name + (copy.layout() == Layout.HTML ? ".html" : ".txt")), other, r);
                files++;
                duplicates++;
            }
            if (r.nextInt(400) == 0) {
                // Listing pages and empty saves sit beside the decisions in a real scrape.
                Path junk = folder.resolve("index-" + i + ".html");
                bytes += Files.writeString(junk, "<html><body><h1>Decisions</h1><ul><li><a href=\"" + name + "\">"
                        + d.council() + "</a></li></ul></body></html>").toFile().length();
                quarantine.merge("NOT_A_DECISION", 1L, Long::sum);
                Files.write(folder.resolve("empty-" + i + ".txt"), new byte[0]);
                quarantine.merge("EMPTY", 1L, Long::sum);
                files += 2;
            }
        }
        Path truthDir = out.resolve(TRUTH);
        Files.createDirectories(truthDir.resolve(OutputLayout.REPORTS));
        writeTruthDecisions(truth, truthDir.resolve(OutputLayout.DECISIONS_CSV));
        TruthReports.write(truth, truthDir.resolve(OutputLayout.REPORTS), byName);
        int junk = quarantine.values().stream().mapToInt(Long::intValue).sum();
        writeTruthCounts(truthDir.resolve("counts.csv"), files, truth.size(), duplicates, quarantine);
        return new Summary(truth.size(), files, bytes, duplicates, junk);
    }

    private static long write(Path file, String text, SplittableRandom r) throws IOException {
        byte[] bytes;
        if (r.nextInt(20) == 0 && !text.startsWith("<")) {
            bytes = text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8); // saved on Windows
        } else if (r.nextInt(25) == 0 && !text.startsWith("<")) {
            bytes = text.getBytes(java.nio.charset.Charset.forName("windows-1252"));
        } else {
            bytes = text.getBytes(StandardCharsets.UTF_8);
        }
        Files.write(file, bytes);
        return bytes.length;
    }

    private GeneratedDecision decision(int i, SplittableRandom r) {
        boolean provider = r.nextInt(100) < 3;
        String council;
        BodyType type;
        String region;
        String[] category;
        if (provider) {
            council = PROVIDER_FIRST[r.nextInt(PROVIDER_FIRST.length)] + " "
                    + PROVIDER_LAST[r.nextInt(PROVIDER_LAST.length)];
            type = BodyType.CARE_PROVIDER;
            region = null;
            category = CATEGORIES[0];
        } else {
            // Larger councils get more complaints: a skewed pick.
            double u = r.nextDouble();
            CouncilInfo c = councils.get((int) (u * u * councils.size()));
            council = c.name();
            type = c.bodyType();
            region = c.region();
            category = CATEGORIES[r.nextInt(CATEGORIES.length)];
        }
        String subcategory = category[1 + r.nextInt(category.length - 1)];
        String caseRef = String.format("%02d %03d %03d", 15 + (i / 1_000_000) % 11, (i / 1000) % 1000, i % 1000);
        LocalDate decided = LocalDate.of(2015, 1, 1).plusDays(r.nextInt(11 * 365));
        if (!provider && r.nextInt(100) < 8) {
            // A decision about a council later abolished, made while it still existed.
            CouncilInfo gone = abolished.get(r.nextInt(abolished.size()));
            if (decided.isBefore(abolishedOn(gone))) {
                council = gone.name();
                type = gone.bodyType();
                region = gone.region();
            }
        }

        int roll = r.nextInt(100);
        Outcome outcome = roll < 52 ? Outcome.UPHELD : roll < 72 ? Outcome.NOT_UPHELD
                : roll < 95 ? Outcome.CLOSED_AFTER_INITIAL_ENQUIRIES : Outcome.OTHER;
        String outcomeRaw = wording(outcome, r);
        boolean header = outcome == Outcome.OTHER || r.nextInt(100) >= 3;

        boolean delay = outcome == Outcome.UPHELD && r.nextInt(100) < 40;
        List<GeneratedPayment> payments = new ArrayList<>();
        Set<Remedy> remedies = EnumSet.noneOf(Remedy.class);
        Integer deadlineDays = null;
        String deadlineWords = null;
        if (outcome == Outcome.UPHELD) {
            if (r.nextInt(100) < 70) {
                int n = 1 + (r.nextInt(100) < 25 ? 1 + r.nextInt(2) : 0);
                List<PaymentPurpose> purposes = new ArrayList<>(List.of(PaymentPurpose.DISTRESS,
                        PaymentPurpose.TIME_AND_TROUBLE, PaymentPurpose.FINANCIAL_LOSS, PaymentPurpose.LOSS_OF_SERVICE));
                for (int k = 0; k < n; k++) {
                    PaymentPurpose purpose = purposes.remove(k == 0 && r.nextInt(100) < 60 ? 0
                            : r.nextInt(purposes.size()));
                    payments.add(payment(purpose, r));
                }
                remedies.add(Remedy.PAYMENT);
            }
            if (r.nextInt(100) < 65 || remedies.isEmpty()) {
                remedies.add(Remedy.APOLOGY);
            }
            if (r.nextInt(100) < 30) {
                remedies.add(Remedy.ACTION_FOR_COMPLAINANT);
            }
            if (r.nextInt(100) < 40) {
                remedies.add(Remedy.SERVICE_IMPROVEMENT);
            }
            switch (r.nextInt(6)) {
                case 0 -> {
                    deadlineWords = "within one month of my final decision";
                    deadlineDays = (int) (decided.plusMonths(1).toEpochDay() - decided.toEpochDay());
                }
                case 1 -> {
                    deadlineWords = "within four weeks of my final decision";
                    deadlineDays = 28;
                }
                case 2 -> {
                    deadlineWords = "within three months of my final decision";
                    deadlineDays = (int) (decided.plusMonths(3).toEpochDay() - decided.toEpochDay());
                }
                case 3 -> {
                    deadlineWords = "within twenty working days of my final decision";
                    deadlineDays = weekdaysAfter(decided, 20);
                }
                case 4 -> {
                    deadlineWords = "within 28 days of my final decision";
                    deadlineDays = 28;
                }
                default -> {
                    LocalDate by = decided.plusDays(21 + r.nextInt(40));
                    deadlineWords = "by " + BY_DATE.format(by);
                    deadlineDays = (int) (by.toEpochDay() - decided.toEpochDay());
                }
            }
        }
        LocalDate complained = null;
        DatePrecision precision = null;
        if (outcome == Outcome.UPHELD || outcome == Outcome.NOT_UPHELD || outcome == Outcome.OTHER) {
            complained = decided.minusDays(90 + r.nextInt(1100));
            precision = r.nextInt(100) < 60 ? DatePrecision.DAY : DatePrecision.MONTH;
            if (precision == DatePrecision.MONTH) {
                complained = complained.withDayOfMonth(1);
            }
        }
        Layout layout = Layout.values()[r.nextInt(3)];
        int target = outcome == Outcome.CLOSED_AFTER_INITIAL_ENQUIRIES ? 0 : 8_000 + r.nextInt(26_000);
        return new GeneratedDecision(caseRef, council, provider ? council : printed(council, r), type, region,
                category[0], subcategory, slug(category[0]),
                slug(subcategory), header ? outcomeRaw : null, outcome, decided, header, payments,
                List.copyOf(remedies), header ? deadlineDays : null, deadlineWords, delay, complained, precision,
                layout, PEOPLE[r.nextInt(PEOPLE.length)], target);
    }

    /** Days from a date to the end of the n-th weekday after it (working days, bank holidays aside). */
    private static int weekdaysAfter(LocalDate from, int n) {
        LocalDate d = from;
        for (int counted = 0; counted < n; ) {
            d = d.plusDays(1);
            if (d.getDayOfWeek().getValue() <= 5) {
                counted++;
            }
        }
        return (int) (d.toEpochDay() - from.toEpochDay());
    }

    private static GeneratedDecision withLayout(GeneratedDecision d, Layout layout) {
        return new GeneratedDecision(d.caseRef(), d.council(), d.printedCouncil(), d.bodyType(), d.region(),
                d.category(),
                d.subcategory(), d.categorySlug(), d.subcategorySlug(), d.outcomeRaw(), d.outcome(), d.decisionDate(),
                d.printedHeader(), d.payments(), d.remedies(), d.remedyDeadlineDays(), d.deadlineWords(),
                d.delayFault(), d.complaintDate(), d.complaintPrecision(), layout, d.person(), d.targetChars());
    }

    private static String wording(Outcome outcome, SplittableRandom r) {
        int k = r.nextInt(20);
        return switch (outcome) {
            case UPHELD -> k == 0 ? "Upheld: maladministration and injustice"
                    : k == 1 ? "Upheld: maladministration, no injustice" : "Upheld";
            case NOT_UPHELD -> k == 0 ? "Not upheld: no maladministration" : "Not upheld";
            case CLOSED_AFTER_INITIAL_ENQUIRIES -> k == 0 ? "Closed after initial enquiries: out of jurisdiction"
                    : k == 1 ? "Closed after initial enquiries: no further action" : "Closed after initial enquiries";
            case OTHER -> k < 7 ? "Withdrawn" : k < 14 ? "Premature" : "Investigation discontinued";
        };
    }

    private static GeneratedPayment payment(PaymentPurpose purpose, SplittableRandom r) {
        return switch (purpose) {
            case DISTRESS -> new GeneratedPayment(BigDecimal.valueOf(100 + 50 * r.nextInt(12)), purpose,
                    "for the distress caused");
            case TIME_AND_TROUBLE -> new GeneratedPayment(BigDecimal.valueOf(50 + 25 * r.nextInt(8)), purpose,
                    "for the time and trouble of bringing the complaint");
            case FINANCIAL_LOSS -> new GeneratedPayment(new BigDecimal(200 + r.nextInt(4000) + "."
                    + String.format("%02d", r.nextInt(100))), purpose, "to refund the fees that were paid");
            case LOSS_OF_SERVICE -> new GeneratedPayment(BigDecimal.valueOf(300 + 100 * r.nextInt(30)), purpose,
                    "for the loss of education provision");
            case OTHER -> throw new IllegalArgumentException("not generated");
        };
    }

    /** As the site slugs a name: "Children's care services" is children-s-care-services. */
    static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private void writeTruthDecisions(List<GeneratedDecision> truth, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, CsvCells.FORMAT)) {
            csv.printRecord("case_ref", "council", "council_as_printed", "gss_code", "body_type", "region", "category",
                    "subcategory", "service_area",
                    "outcome_raw", "outcome", "decision_date", "payments_gbp", "payment_purposes", "payment_total_gbp",
                    "remedies", "remedy_deadline_days", "delay_fault", "complaint_date", "complaint_date_precision",
                    "complaint_to_decision_days");
            for (GeneratedDecision d : truth) {
                CouncilInfo info = byName.get(d.council());
                csv.printRecord(d.caseRef(), d.council(), d.printedCouncil(), info == null ? "" : n(info.gssCode()),
                        d.bodyType(), n(d.region()), d.category(), d.subcategory(),
                        ServiceAreas.of(d.category()), n(d.outcomeRaw()), d.outcome(), n(d.parsedDecisionDate()),
                        join(d.payments().stream().map(p -> p.amount().setScale(2).toPlainString()).toList()),
                        join(d.payments().stream().map(p -> p.purpose().name()).toList()),
                        d.paymentTotal().setScale(2).toPlainString(),
                        join(d.remedies().stream().map(Enum::name).toList()), n(d.remedyDeadlineDays()),
                        d.delayFault(), n(d.complaintDate()), n(d.complaintPrecision()),
                        n(d.complaintToDecisionDays()));
            }
        }
    }

    private static void writeTruthCounts(Path file, int files, int decisions, int duplicates,
            Map<String, Long> quarantine) throws IOException {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("files", files);
        counts.put("decisions", decisions);
        counts.put("duplicates_merged", duplicates);
        counts.put("quarantined", quarantine.values().stream().mapToLong(Long::longValue).sum());
        quarantine.forEach((k, v) -> counts.put("quarantined_" + k, v));
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, CsvCells.FORMAT)) {
            csv.printRecord("name", "value");
            for (var e : counts.entrySet()) {
                csv.printRecord(e.getKey(), e.getValue());
            }
        }
    }

    private static String join(List<String> parts) {
        return String.join(";", parts);
    }

    private static String n(Object o) {
        return o == null ? "" : o.toString();
    }
}
