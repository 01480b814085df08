package uk.ombudsman.analytics.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import uk.ombudsman.analytics.record.BodyType;

/**
 * The reference list of English local authorities, looked up by the name a decision prints. Exact names and
 * listed aliases match first (case, "&"/"and", "St."/"St" and punctuation aside); then the "core" of a name (its
 * place, with words such as Council, Borough, City stripped) when exactly one body has that core, so "Lambeth
 * London Borough Council" finds "London Borough of Lambeth" and "Halton Council" finds "Halton Borough Council".
 * Two bodies that share a core (North Yorkshire Council and North Yorkshire County Council) are never merged by it.
 * Names the list does not know are classified by {@link #classifyUnknown(String)}.
 *
 * <p>Populations are the ONS mid-year estimates of one year, joined on the GSS code from
 * {@code reference/populations-mid<year>.csv}; see {@code reference/SOURCES.md}.
 */
public final class CouncilDirectory implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The list the project ships. */
    public static final String BUNDLED_RESOURCE = "/reference/councils.csv";
    /** The population years the project ships; the default is the one with the ONS's own workbook behind it. */
    public static final List<Integer> POPULATION_YEARS = List.of(2023, 2024);
    public static final int DEFAULT_POPULATION_YEAR = 2023;

    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9 ]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern CORE_NOISE = Pattern.compile(
            "\\b(the|council|borough|county|city|district|metropolitan|london|royal|of|corporation|and district)\\b");
    private static final Pattern CARE_PROVIDER = Pattern.compile(
            "\\b(ltd|limited|llp|plc|care|homes?|healthcare|nursing|residential|cic|lodge|manor|house|carers)\\b");

    private final Map<String, CouncilInfo> byName = new HashMap<>();
    private final List<CouncilInfo> all = new java.util.ArrayList<>();
    private final Map<String, CouncilInfo> byCore = new HashMap<>();

    private CouncilDirectory(Map<String, Entry> entries) {
        Map<String, Set<CouncilInfo>> cores = new HashMap<>();
        for (Entry e : entries.values()) {
            all.add(e.info());
            for (String n : e.names()) {
                byName.put(key(n), e.info());
                cores.computeIfAbsent(core(n), k -> new HashSet<>()).add(e.info());
            }
        }
        cores.forEach((core, infos) -> {
            if (infos.size() == 1 && !core.isBlank()) {
                byCore.put(core, infos.iterator().next());
            }
        });
    }

    private record Entry(CouncilInfo info, List<String> names) {
    }

    /** The bundled list alone, with the default year's populations. */
    public static CouncilDirectory bundled() {
        return load(null, DEFAULT_POPULATION_YEAR);
    }

    /**
     * The bundled list with one year's populations, extended or overridden (row by row, on the canonical name) by
     * a user's file of the same columns (a {@code population} column there wins over the bundled one).
     */
    public static CouncilDirectory load(Path userFile, int populationYear) {
        if (!POPULATION_YEARS.contains(populationYear)) {
            throw new IllegalArgumentException("populations are bundled for " + POPULATION_YEARS + ", not "
                    + populationYear);
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        try {
            Map<String, Long> populations = populations(populationYear);
            try (InputStream in = resource(BUNDLED_RESOURCE)) {
                read(new InputStreamReader(in, StandardCharsets.UTF_8), BUNDLED_RESOURCE, populations, entries);
            }
            if (userFile != null) {
                try (Reader r = Files.newBufferedReader(userFile, StandardCharsets.UTF_8)) {
                    read(r, userFile.toString(), populations, entries);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the councils reference list: " + e.getMessage(), e);
        }
        return new CouncilDirectory(entries);
    }

    /** GSS code to the ONS mid-year population of that year. */
    private static Map<String, Long> populations(int year) throws IOException {
        String name = "/reference/populations-mid" + year + ".csv";
        Map<String, Long> out = new HashMap<>();
        try (Reader r = new InputStreamReader(resource(name), StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                out.put(row.get("gss_code"), Long.valueOf(row.get("population")));
            }
        }
        return out;
    }

    private static InputStream resource(String name) {
        InputStream in = CouncilDirectory.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("bundled reference data " + name + " is missing");
        }
        return in;
    }

    private static void read(Reader reader, String origin, Map<String, Long> populations, Map<String, Entry> into)
            throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        for (CSVRecord row : format.parse(reader)) {
            String name = row.get("name");
            if (name.isBlank()) {
                continue;
            }
            BodyType type;
            try {
                type = BodyType.valueOf(row.get("body_type").trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(origin + " line " + row.getRecordNumber() + ": unknown body_type '"
                        + row.get("body_type") + "' (expected one of " + List.of(BodyType.values()) + ")", e);
            }
            // "ons_code" is what earlier versions of the list called the GSS code; users' files may still say so.
            String gss = blankToNull(optional(row, "gss_code"));
            gss = gss != null ? gss : blankToNull(optional(row, "ons_code"));
            String population = blankToNull(optional(row, "population"));
            String successors = blankToNull(optional(row, "successor"));
            CouncilInfo info = new CouncilInfo(name, type, blankToNull(optional(row, "region")), gss,
                    population != null ? Long.valueOf(population.replace(",", "")) : populations.get(gss),
                    blankToNull(optional(row, "status")),
                    successors == null ? List.of() : java.util.Arrays.stream(successors.split(";"))
                            .map(String::strip).filter(x -> !x.isEmpty()).toList());
            List<String> names = new java.util.ArrayList<>();
            names.add(name);
            String aliases = optional(row, "aliases");
            if (aliases != null) {
                for (String a : aliases.split(";")) {
                    if (!a.isBlank()) {
                        names.add(a.trim());
                    }
                }
            }
            into.put(key(name), new Entry(info, names));
        }
    }

    private static String optional(CSVRecord row, String column) {
        return row.isMapped(column) && row.isSet(column) ? row.get(column) : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The body named, if the reference list knows it. */
    public Optional<CouncilInfo> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        CouncilInfo exact = byName.get(key(name));
        if (exact != null) {
            return Optional.of(exact);
        }
        return Optional.ofNullable(byCore.get(core(name)));
    }

    /**
     * The council that now answers for a body's area: its one successor where it was abolished into one, else
     * itself (also where it was split between two, so that its figures are not given to either).
     */
    public CouncilInfo current(CouncilInfo council) {
        if (council.successors().size() != 1) {
            return council;
        }
        CouncilInfo successor = byName.get(key(council.successors().get(0)));
        return successor == null ? council : current(successor);
    }

    /** Type of a body the list does not know, from the words of its name. */
    public static BodyType classifyUnknown(String name) {
        String k = key(name);
        if (k.contains("london borough")) {
            return BodyType.LONDON_BOROUGH;
        }
        if (k.contains("metropolitan")) {
            return BodyType.METROPOLITAN;
        }
        if (k.contains("county council")) {
            return BodyType.COUNTY;
        }
        if (k.contains("district council")) {
            return BodyType.DISTRICT;
        }
        if (k.contains("council") || k.contains("borough")) {
            // A borough or city council could be a district or a unitary: the name alone cannot tell.
            return BodyType.OTHER;
        }
        if (CARE_PROVIDER.matcher(k).find()) {
            return BodyType.CARE_PROVIDER;
        }
        return BodyType.OTHER;
    }

    static String key(String name) {
        String s = name.toLowerCase(Locale.ROOT)
                .replace('\u2019', '\'')
                .replace("&", " and ")
                .replace("st.", "st")
                .replace("'", "");
        s = NON_WORD.matcher(s).replaceAll(" ");
        return SPACES.matcher(s).replaceAll(" ").trim();
    }

    static String core(String name) {
        String s = CORE_NOISE.matcher(key(name)).replaceAll(" ");
        return SPACES.matcher(s).replaceAll(" ").trim();
    }

    /** Every body on the list, in file order (the bundled list is sorted by name). */
    public List<CouncilInfo> all() {
        return java.util.Collections.unmodifiableList(all);
    }

    public int size() {
        return (int) byName.values().stream().distinct().count();
    }
}
