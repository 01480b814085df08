package uk.ombudsman.analytics.fetch;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Small helpers so fetch tests read as statements about what the site saw and what was saved. */
final class Fetches {
    /** Short waits and timeouts, so fault tests take milliseconds; the pace itself is still the real one. */
    static final Politeness QUICK = new Politeness(3, Duration.ofMillis(20), Duration.ofSeconds(5),
            Duration.ofSeconds(2));
    /** Fast enough for a test of a few hundred requests, slow enough that the pace is still measured. */
    static final double TEST_RATE = 200;
    static final String AGENT = Fetcher.userAgent("test", "tests@example.org");
    /** The standard corpus's span of decision dates, and a day after its newest one. */
    static final LocalDate FIRST = LocalDate.of(2015, 1, 1);
    static final LocalDate TODAY = LocalDate.of(2026, 2, 1);
    /** October 2023: two decisions in the standard corpus. */
    static final LocalDate OCT_1 = LocalDate.of(2023, 10, 1);
    static final LocalDate OCT_31 = LocalDate.of(2023, 10, 31);

    private Fetches() {
    }

    static Clock on(LocalDate day) {
        return Clock.fixed(day.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }

    static Fetcher.Report fetch(FakeLgoSite site, Path out, LocalDate from, LocalDate to) {
        return fetch(site, out, from, to, TEST_RATE, on(TODAY));
    }

    static Fetcher.Report fetch(FakeLgoSite site, Path out, LocalDate from, LocalDate to, double rate, Clock clock) {
        return new Fetcher(new FetchOptions(site.uri(), out, from, to, rate, AGENT), QUICK, clock,
                FetchProgress.SILENT).run();
    }

    /** How often each decision page was asked for. */
    static Map<String, Long> decisionRequests(List<FakeLgoSite.Hit> hits) {
        return hits.stream().filter(FakeLgoSite.Hit::isDecision)
                .collect(Collectors.groupingBy(FakeLgoSite.Hit::path, Collectors.counting()));
    }

    /** The gaps between the starts of consecutive requests, in milliseconds. */
    static List<Double> gapsMillis(List<FakeLgoSite.Hit> hits) {
        return java.util.stream.IntStream.range(1, hits.size())
                .mapToObj(i -> (hits.get(i).nanos() - hits.get(i - 1).nanos()) / 1e6).toList();
    }
}
