package uk.ombudsman.analytics.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.EnumSet;
import java.util.Set;
import uk.ombudsman.analytics.record.BodyType;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import uk.ombudsman.analytics.reference.CouncilDirectory;
import uk.ombudsman.analytics.reference.CouncilInfo;

/**
 * Adds to {@code by_council} (and {@code by_current_council}) what a fair league table needs: the council's
 * successor where it was abolished; the uphold rate of its peers, the councils of its own type as the Ombudsman
 * groups them (county, district, metropolitan, unitary, London borough), pooled without the council itself so that
 * a large council is not compared with itself; where the council's Wilson interval lies against that rate; a mark
 * for councils with too few investigations to rank; and figures per 100,000 residents from the bundled ONS
 * populations. Care providers and other bodies are not councils and are not ranked against them. Runs on the driver
 * over rows already collected.
 */
public final class PeerComparison {
    /** Below this many investigations (upheld plus not upheld) a council is not ranked, unless told otherwise. */
    public static final int DEFAULT_MIN_INVESTIGATIONS = 5;
    /** The types the Ombudsman compares councils within. */
    static final Set<BodyType> COUNCIL_TYPES = EnumSet.of(BodyType.COUNTY, BodyType.DISTRICT, BodyType.METROPOLITAN,
            BodyType.UNITARY, BodyType.LONDON_BOROUGH);

    private PeerComparison() {
    }

    public static ReportBuilder.Table addTo(ReportBuilder.Table byCouncil, CouncilDirectory councils,
            int minInvestigations) {
        StructType in = byCouncil.schema();
        int councilAt = in.fieldIndex(Columns.COUNCIL);
        int typeAt = in.fieldIndex(Columns.BODY_TYPE);
        int upheldAt = in.fieldIndex(Columns.UPHELD);
        int notUpheldAt = in.fieldIndex(Columns.NOT_UPHELD);
        // Each type's totals, from which each council's own figures are taken out again.
        Map<String, long[]> totals = new HashMap<>();
        for (Row r : byCouncil.rows()) {
            String type = (String) r.get(typeAt);
            if (isCouncil(type)) {
                long[] t = totals.computeIfAbsent(type, k -> new long[2]);
                t[0] += r.getLong(upheldAt);
                t[1] += r.getLong(upheldAt) + r.getLong(notUpheldAt);
            }
        }
        int keys = in.fieldIndex(Columns.DECISIONS);
        StructType schema = new StructType();
        for (int i = 0; i < keys; i++) {
            schema = schema.add(in.fields()[i]);
        }
        schema = schema.add(Columns.SUCCESSOR, DataTypes.StringType, true);
        for (int i = keys; i < in.size(); i++) {
            schema = schema.add(in.fields()[i]);
        }
        schema = schema
                .add(Columns.INVESTIGATIONS, DataTypes.LongType, false)
                .add(Columns.PEER_UPHOLD_RATE, DataTypes.DoubleType, true)
                .add(Columns.UPHOLD_RATE_VS_PEERS, DataTypes.DoubleType, true)
                .add(Columns.PEER_STANDING, DataTypes.StringType, true)
                .add(Columns.POPULATION, DataTypes.LongType, true)
                .add(Columns.DECISIONS_PER_100K, DataTypes.DoubleType, true)
                .add(Columns.UPHELD_PER_100K, DataTypes.DoubleType, true)
                .add(Columns.PAYMENT_TOTAL_PER_100K_GBP, DataTypes.createDecimalType(18, 2), true);
        List<Row> out = new ArrayList<>(byCouncil.rows().size());
        for (Row r : byCouncil.rows()) {
            long upheld = r.getLong(upheldAt);
            long investigations = upheld + r.getLong(notUpheldAt);
            String type = (String) r.get(typeAt);
            Double peer = null;
            if (isCouncil(type)) {
                long[] t = totals.get(type);
                long others = t[1] - investigations;
                peer = others > 0 ? round4((double) (t[0] - upheld) / others) : null;
            }
            Double rate = (Double) r.get(in.fieldIndex(Columns.UPHOLD_RATE));
            Double low = (Double) r.get(in.fieldIndex(Columns.UPHOLD_RATE_CI_LOW));
            Double high = (Double) r.get(in.fieldIndex(Columns.UPHOLD_RATE_CI_HIGH));
            CouncilInfo info = councils.find((String) r.get(councilAt)).orElse(null);
            Long population = info == null ? null : info.population();
            BigDecimal paid = (BigDecimal) r.get(in.fieldIndex(Columns.PAYMENT_TOTAL_GBP));
            long decisions = r.getLong(in.fieldIndex(Columns.DECISIONS));

            Object[] values = new Object[schema.size()];
            int at = 0;
            for (int i = 0; i < keys; i++) {
                values[at++] = r.get(i);
            }
            values[at++] = info == null ? null : info.successorNames();
            for (int i = keys; i < in.size(); i++) {
                values[at++] = r.get(i);
            }
            values[at++] = investigations;
            values[at++] = peer;
            values[at++] = rate == null || peer == null ? null : round4(rate - peer);
            values[at++] = (isCouncil(type) ? standing(investigations, minInvestigations, peer, low, high)
                    : PeerStanding.NOT_A_COUNCIL).name();
            values[at++] = population;
            values[at++] = perHundredThousand(decisions, population);
            values[at++] = perHundredThousand(upheld, population);
            values[at] = population == null || population == 0 || paid == null ? null
                    : paid.multiply(BigDecimal.valueOf(100_000)).divide(BigDecimal.valueOf(population), 2,
                            RoundingMode.HALF_UP);
            out.add(new GenericRowWithSchema(values, schema));
        }
        return new ReportBuilder.Table(schema, out);
    }

    private static boolean isCouncil(String type) {
        return type != null && COUNCIL_TYPES.contains(BodyType.valueOf(type));
    }

    private static Double perHundredThousand(long count, Long population) {
        return population == null || population == 0 ? null : round4(count * 100_000.0 / population);
    }

    static PeerStanding standing(long investigations, int minInvestigations, Double peer, Double low, Double high) {
        if (investigations < minInvestigations || peer == null || low == null || high == null) {
            return PeerStanding.TOO_FEW_TO_RANK;
        }
        if (low > peer) {
            return PeerStanding.ABOVE_PEERS;
        }
        if (high < peer) {
            return PeerStanding.BELOW_PEERS;
        }
        return PeerStanding.IN_LINE_WITH_PEERS;
    }

    private static double round4(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }
}
