package uk.ombudsman.analytics.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import uk.ombudsman.analytics.reference.CouncilDirectory;
import uk.ombudsman.analytics.reference.CouncilInfo;

/**
 * Adds to {@code by_council} what a fair league table needs: the uphold rate of the council's peers (all
 * councils of its body type, pooled), the difference, where the council's Wilson interval lies against that
 * rate, a mark for councils with too few investigations to rank, and figures per 100,000 residents where the
 * reference list knows the population. Runs on the driver over rows already collected.
 */
public final class PeerComparison {
    /** Below this many investigations (upheld plus not upheld) a council is not ranked, unless told otherwise. */
    public static final int DEFAULT_MIN_INVESTIGATIONS = 5;

    private PeerComparison() {
    }

    public static ReportBuilder.Table addTo(ReportBuilder.Table byCouncil, ReportBuilder.Table byBodyType,
            CouncilDirectory councils, int minInvestigations) {
        Map<String, Double> peerRate = new HashMap<>();
        StructType typeSchema = byBodyType.schema();
        for (Row r : byBodyType.rows()) {
            Object rate = r.get(typeSchema.fieldIndex(Columns.UPHOLD_RATE));
            peerRate.put(r.getString(typeSchema.fieldIndex(Columns.BODY_TYPE)), (Double) rate);
        }
        StructType in = byCouncil.schema();
        StructType schema = in
                .add(Columns.INVESTIGATIONS, DataTypes.LongType, false)
                .add(Columns.PEER_UPHOLD_RATE, DataTypes.DoubleType, true)
                .add(Columns.UPHOLD_RATE_VS_PEERS, DataTypes.DoubleType, true)
                .add(Columns.PEER_STANDING, DataTypes.StringType, true)
                .add(Columns.POPULATION, DataTypes.LongType, true)
                .add(Columns.UPHELD_PER_100K, DataTypes.DoubleType, true)
                .add(Columns.PAYMENT_TOTAL_PER_100K_GBP, DataTypes.createDecimalType(18, 2), true);
        List<Row> out = new ArrayList<>(byCouncil.rows().size());
        for (Row r : byCouncil.rows()) {
            long upheld = r.getLong(in.fieldIndex(Columns.UPHELD));
            long investigations = upheld + r.getLong(in.fieldIndex(Columns.NOT_UPHELD));
            String type = (String) r.get(in.fieldIndex(Columns.BODY_TYPE));
            Double peer = type == null ? null : peerRate.get(type);
            Double rate = (Double) r.get(in.fieldIndex(Columns.UPHOLD_RATE));
            Double low = (Double) r.get(in.fieldIndex(Columns.UPHOLD_RATE_CI_LOW));
            Double high = (Double) r.get(in.fieldIndex(Columns.UPHOLD_RATE_CI_HIGH));
            String council = (String) r.get(in.fieldIndex(Columns.COUNCIL));
            Long population = council == null ? null
                    : councils.find(council).map(CouncilInfo::population).orElse(null);
            BigDecimal paid = (BigDecimal) r.get(in.fieldIndex(Columns.PAYMENT_TOTAL_GBP));

            Object[] values = new Object[schema.size()];
            for (int i = 0; i < in.size(); i++) {
                values[i] = r.get(i);
            }
            int at = in.size();
            values[at++] = investigations;
            values[at++] = peer;
            values[at++] = rate == null || peer == null ? null : round4(rate - peer);
            values[at++] = standing(investigations, minInvestigations, peer, low, high).name();
            values[at++] = population;
            values[at++] = population == null || population == 0 ? null : round4(upheld * 100_000.0 / population);
            values[at] = population == null || population == 0 || paid == null ? null
                    : paid.multiply(BigDecimal.valueOf(100_000)).divide(BigDecimal.valueOf(population), 2,
                            RoundingMode.HALF_UP);
            out.add(new GenericRowWithSchema(values, schema));
        }
        return new ReportBuilder.Table(schema, out);
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
