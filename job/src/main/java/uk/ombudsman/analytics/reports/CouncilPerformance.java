package uk.ombudsman.analytics.reports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import uk.ombudsman.analytics.record.BodyType;
import uk.ombudsman.analytics.reference.CouncilDirectory;
import uk.ombudsman.analytics.reference.CouncilInfo;

/**
 * {@code council_performance}: each council's year in the Ombudsman's own measures (investigated, upheld, uphold
 * rate, upheld per 100,000 residents, satisfactory remedies by the council, service improvements, public interest
 * reports) beside the average of similar authorities: the other councils of its type (the Ombudsman's five) with
 * decisions that year, the council itself left out. The average is the mean of those councils' own figures, each
 * council counting once, as an average of similar authorities reads. Care providers and other bodies keep their
 * own rows and are in no average. Runs on the driver over the grouped rows.
 */
final class CouncilPerformance {
    private CouncilPerformance() {
    }

    static ReportBuilder.Table addTo(ReportBuilder.Table grouped, CouncilDirectory councils, YearBasis basis) {
        StructType in = grouped.schema();
        int councilAt = in.fieldIndex(Columns.COUNCIL);
        int typeAt = in.fieldIndex(Columns.BODY_TYPE);
        int yearAt = in.fieldIndex(basis.column());
        int upheldAt = in.fieldIndex(Columns.UPHELD);
        int notUpheldAt = in.fieldIndex(Columns.NOT_UPHELD);
        int satisfactoryAt = in.fieldIndex(Columns.SATISFACTORY_REMEDIES);

        List<Figures> figures = new ArrayList<>();
        Map<String, List<Figures>> byTypeAndYear = new HashMap<>();
        for (Row r : grouped.rows()) {
            CouncilInfo info = councils.find(r.getString(councilAt)).orElse(null);
            Long population = info == null ? null : info.population();
            long upheld = r.getLong(upheldAt);
            long investigated = upheld + r.getLong(notUpheldAt);
            Figures f = new Figures(r.getString(councilAt), investigated, upheld, r.getLong(satisfactoryAt), population);
            figures.add(f);
            String type = r.getString(typeAt);
            if (type != null && PeerComparison.COUNCIL_TYPES.contains(BodyType.valueOf(type))) {
                byTypeAndYear.computeIfAbsent(type + "|" + r.get(yearAt), k -> new ArrayList<>()).add(f);
            }
        }

        int keys = in.fieldIndex(Columns.DECISIONS) + 1;
        StructType schema = new StructType();
        for (int i = 0; i < keys; i++) {
            schema = schema.add(in.fields()[i]);
        }
        schema = schema.add(Columns.INVESTIGATED, DataTypes.LongType, false)
                .add(in.fields()[upheldAt]).add(in.fields()[notUpheldAt])
                .add(in.fields()[in.fieldIndex(Columns.UPHOLD_RATE)])
                .add(in.fields()[in.fieldIndex(Columns.UPHOLD_RATE_CI_LOW)])
                .add(in.fields()[in.fieldIndex(Columns.UPHOLD_RATE_CI_HIGH)])
                .add(Columns.POPULATION, DataTypes.LongType, true)
                .add(Columns.UPHELD_PER_100K, DataTypes.DoubleType, true)
                .add(in.fields()[satisfactoryAt])
                .add(Columns.SATISFACTORY_REMEDY_SHARE, DataTypes.DoubleType, true)
                .add(in.fields()[in.fieldIndex(Columns.SERVICE_IMPROVEMENTS_COUNT)])
                .add(in.fields()[in.fieldIndex(Columns.DECISIONS_WITH_SERVICE_IMPROVEMENT)])
                .add(in.fields()[in.fieldIndex(Columns.PUBLIC_INTEREST_REPORTS)])
                .add(Columns.SIMILAR_AUTHORITIES, DataTypes.LongType, true)
                .add(Columns.SIMILAR_UPHOLD_RATE, DataTypes.DoubleType, true)
                .add(Columns.SIMILAR_UPHELD_PER_100K, DataTypes.DoubleType, true)
                .add(Columns.SIMILAR_SATISFACTORY_REMEDY_SHARE, DataTypes.DoubleType, true);

        List<Row> out = new ArrayList<>();
        for (int n = 0; n < grouped.rows().size(); n++) {
            Row r = grouped.rows().get(n);
            Figures f = figures.get(n);
            List<Figures> similar = byTypeAndYear.get(r.getString(typeAt) + "|" + r.get(yearAt));
            List<Figures> others = similar == null ? null
                    : similar.stream().filter(o -> !o.council().equals(f.council())).toList();
            Object[] v = new Object[schema.size()];
            int at = 0;
            for (int i = 0; i < keys; i++) {
                v[at++] = r.get(i);
            }
            v[at++] = f.investigated();
            v[at++] = f.upheld();
            v[at++] = r.get(notUpheldAt);
            v[at++] = r.get(in.fieldIndex(Columns.UPHOLD_RATE));
            v[at++] = r.get(in.fieldIndex(Columns.UPHOLD_RATE_CI_LOW));
            v[at++] = r.get(in.fieldIndex(Columns.UPHOLD_RATE_CI_HIGH));
            v[at++] = f.population();
            v[at++] = f.upheldPer100k();
            v[at++] = f.satisfactory();
            v[at++] = f.satisfactoryShare();
            v[at++] = r.get(in.fieldIndex(Columns.SERVICE_IMPROVEMENTS_COUNT));
            v[at++] = r.get(in.fieldIndex(Columns.DECISIONS_WITH_SERVICE_IMPROVEMENT));
            v[at++] = r.get(in.fieldIndex(Columns.PUBLIC_INTEREST_REPORTS));
            v[at++] = others == null ? null : (long) others.size();
            v[at++] = others == null ? null : mean(others.stream().map(Figures::upholdRate).toList());
            v[at++] = others == null ? null : mean(others.stream().map(Figures::upheldPer100k).toList());
            v[at] = others == null ? null : mean(others.stream().map(Figures::satisfactoryShare).toList());
            out.add(new GenericRowWithSchema(v, schema));
        }
        return new ReportBuilder.Table(schema, out);
    }

    /** One council's year, as the averages of its similar authorities need it. */
    private record Figures(String council, long investigated, long upheld, long satisfactory, Long population) {
        Double upholdRate() {
            return investigated == 0 ? null : round4(upheld / (double) investigated);
        }

        Double upheldPer100k() {
            return population == null || population == 0 ? null : round4(upheld * 100_000.0 / population);
        }

        Double satisfactoryShare() {
            return upheld == 0 ? null : round4(satisfactory / (double) upheld);
        }
    }

    /** The mean of the defined values, or null where none is. */
    private static Double mean(List<Double> values) {
        double sum = 0;
        int n = 0;
        for (Double x : values) {
            if (x != null) {
                sum += x;
                n++;
            }
        }
        return n == 0 ? null : round4(sum / n);
    }

    private static double round4(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }
}
