package uk.ombudsman.analytics.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import uk.ombudsman.analytics.reference.CouncilDirectory;

/**
 * The league table's arithmetic on a by_council table held in memory, worked out by hand: four unitary councils
 * against their peers without themselves (leave one out), a county alone of its type, a care provider, and the
 * per-100,000 figures from the bundled ONS mid-2023 populations.
 */
class PeerComparisonTest {
    private static final StructType SCHEMA = new StructType()
            .add(Columns.COUNCIL, DataTypes.StringType).add(Columns.BODY_TYPE, DataTypes.StringType)
            .add(Columns.REGION, DataTypes.StringType).add(Columns.GSS_CODE, DataTypes.StringType)
            .add(Columns.DECISIONS, DataTypes.LongType).add(Columns.UPHELD, DataTypes.LongType)
            .add(Columns.NOT_UPHELD, DataTypes.LongType).add(Columns.UPHOLD_RATE, DataTypes.DoubleType)
            .add(Columns.UPHOLD_RATE_CI_LOW, DataTypes.DoubleType).add(Columns.UPHOLD_RATE_CI_HIGH, DataTypes.DoubleType)
            .add(Columns.PAYMENT_TOTAL_GBP, DataTypes.createDecimalType(18, 2));

    /**
     * Unitaries: Halton 28 of 30 upheld, Cornwall 10 of 30, Wiltshire 3 of 3, Bristol 15 of 60; all four 56 of 123.
     * Intervals are each council's 95% Wilson interval.
     */
    private static final Map<String, Row> TABLE = rows(
            row("Halton Borough Council", "UNITARY", 31, 28, 2, 0.9333, 0.7868, 0.9815, "1500.00"),
            row("Cornwall Council", "UNITARY", 30, 10, 20, 0.3333, 0.1923, 0.5122, "0.00"),
            row("Wiltshire Council", "UNITARY", 3, 3, 0, 1.0, 0.4385, 1.0, "0.00"),
            row("Bristol City Council", "UNITARY", 60, 15, 45, 0.25, 0.1578, 0.3723, "0.00"),
            row("Kent County Council", "COUNTY", 12, 6, 6, 0.5, 0.2538, 0.7462, "0.00"),
            row("Sunrise Care Homes Ltd", "CARE_PROVIDER", 9, 8, 1, 0.8889, 0.5650, 0.9801, "0.00"));

    @Test
    void thePeerRateLeavesTheCouncilItselfOut() {
        // Halton: (56 - 28) / (123 - 30) = 28 / 93; Cornwall: 46 / 93; Wiltshire: 53 / 120; Bristol: 41 / 63.
        assertEquals(0.3011, peer("Halton Borough Council"));
        assertEquals(0.4946, peer("Cornwall Council"));
        assertEquals(0.4417, peer("Wiltshire Council"));
        assertEquals(0.6508, peer("Bristol City Council"));
        assertEquals(0.6322, (Double) get("Halton Borough Council", Columns.UPHOLD_RATE_VS_PEERS));
        assertEquals(-0.4008, (Double) get("Bristol City Council", Columns.UPHOLD_RATE_VS_PEERS));
        assertEquals(30L, get("Halton Borough Council", Columns.INVESTIGATIONS));
    }

    @Test
    void eachCouncilStandsWhereItsWholeIntervalLiesAgainstItsPeers() {
        assertEquals("ABOVE_PEERS", get("Halton Borough Council", Columns.PEER_STANDING));
        assertEquals("IN_LINE_WITH_PEERS", get("Cornwall Council", Columns.PEER_STANDING));
        assertEquals("BELOW_PEERS", get("Bristol City Council", Columns.PEER_STANDING));
        assertEquals("TOO_FEW_TO_RANK", get("Wiltshire Council", Columns.PEER_STANDING), "3 investigations");
    }

    @Test
    void aCouncilAloneOfItsTypeHasNoPeersToBeRankedAgainst() {
        assertNull(peer("Kent County Council"));
        assertEquals("TOO_FEW_TO_RANK", get("Kent County Council", Columns.PEER_STANDING));
    }

    @Test
    void careProvidersAreNotRankedAgainstCouncilsNorCountedAmongTheirPeers() {
        assertNull(peer("Sunrise Care Homes Ltd"));
        assertEquals("NOT_A_COUNCIL", get("Sunrise Care Homes Ltd", Columns.PEER_STANDING));
    }

    @Test
    void perHundredThousandFiguresComeFromTheBundledPopulations() {
        // Halton Borough Council, ONS mid-2023: 129,587 residents (reference/populations-mid2023.csv).
        assertEquals(129_587L, get("Halton Borough Council", Columns.POPULATION));
        assertEquals(23.9222, (Double) get("Halton Borough Council", Columns.DECISIONS_PER_100K), 1e-9); // 31e5/129587
        assertEquals(21.6071, (Double) get("Halton Borough Council", Columns.UPHELD_PER_100K), 1e-9);  // 28e5/129587
        assertEquals(new BigDecimal("1157.52"), get("Halton Borough Council", Columns.PAYMENT_TOTAL_PER_100K_GBP));
        assertNull(get("Sunrise Care Homes Ltd", Columns.POPULATION));
        assertNull(get("Sunrise Care Homes Ltd", Columns.UPHELD_PER_100K));
    }

    @Test
    void theStandingRulesAtTheirEdges() {
        assertEquals(PeerStanding.TOO_FEW_TO_RANK, PeerComparison.standing(4, 5, 0.5, 0.9, 1.0));
        assertEquals(PeerStanding.ABOVE_PEERS, PeerComparison.standing(5, 5, 0.5, 0.51, 0.9));
        assertEquals(PeerStanding.IN_LINE_WITH_PEERS, PeerComparison.standing(5, 5, 0.5, 0.5, 0.9));
        assertEquals(PeerStanding.BELOW_PEERS, PeerComparison.standing(50, 5, 0.5, 0.1, 0.49));
        assertEquals(PeerStanding.TOO_FEW_TO_RANK, PeerComparison.standing(50, 5, null, 0.1, 0.49));
    }

    private static Double peer(String council) {
        return (Double) get(council, Columns.PEER_UPHOLD_RATE);
    }

    private static Object get(String council, String column) {
        ReportBuilder.Table t = PeerComparison.addTo(new ReportBuilder.Table(SCHEMA, new ArrayList<>(TABLE.values())),
                CouncilDirectory.bundled(), PeerComparison.DEFAULT_MIN_INVESTIGATIONS);
        Row r = t.rows().stream().filter(x -> x.getString(0).equals(council)).findFirst().orElseThrow();
        return r.get(t.schema().fieldIndex(column));
    }

    private static Row row(String council, String type, long decisions, long upheld, long notUpheld, double rate,
            double low, double high, String paid) {
        return new GenericRowWithSchema(new Object[] {council, type, null, null, decisions, upheld, notUpheld, rate,
            low, high, new BigDecimal(paid)}, SCHEMA);
    }

    private static Map<String, Row> rows(Row... rows) {
        return List.of(rows).stream().collect(Collectors.toMap(r -> r.getString(0), Function.identity(), (a, b) -> a,
                java.util.LinkedHashMap::new));
    }
}
