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
 * listed aliases match first; then the "core" of a name (its place, with words such as Council, Borough, City
 * stripped) when exactly one body has that core, so "Lambeth London Borough Council" finds "London Borough of
 * Lambeth". Names the list does not know are classified by {@link #classifyUnknown(String)}.
 */
public final class CouncilDirectory implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The list the project ships. */
    public static final String BUNDLED_RESOURCE = "/reference/councils.csv";

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

    /** The bundled list alone. */
    public static CouncilDirectory bundled() {
        return load(null);
    }

    /**
     * The bundled list, extended or overridden (row by row, on the canonical name) by a user's file of the same
     * columns.
     */
    public static CouncilDirectory load(Path userFile) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (InputStream in = CouncilDirectory.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled reference list " + BUNDLED_RESOURCE + " is missing");
            }
            read(new InputStreamReader(in, StandardCharsets.UTF_8), BUNDLED_RESOURCE, entries);
            if (userFile != null) {
                try (Reader r = Files.newBufferedReader(userFile, StandardCharsets.UTF_8)) {
                    read(r, userFile.toString(), entries);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the councils reference list: " + e.getMessage(), e);
        }
        return new CouncilDirectory(entries);
    }

    private static void read(Reader reader, String origin, Map<String, Entry> into) throws IOException {
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
            String population = optional(row, "population");
            CouncilInfo info = new CouncilInfo(name, type, blankToNull(optional(row, "region")),
                    blankToNull(optional(row, "ons_code")), population == null || population.isBlank() ? null
                            : Long.valueOf(population.replace(",", "")),
                    blankToNull(optional(row, "status")));
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
