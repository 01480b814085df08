package uk.ombudsman.analytics.job;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.count;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.ombudsman.analytics.SharedSpark;

class SessionsTest {
    private final SparkSession spark = SharedSpark.get();

    @AfterEach
    void backToASmallRun() {
        Sessions.evaluateFor(spark, 5);
    }

    @Test
    void aSmallRunIsInterpretedAndALargeOneCompiled() {
        Sessions.evaluateFor(spark, Sessions.INTERPRETED_UP_TO_FILES);
        assertEquals(List.of("false", "NO_CODEGEN"), settings());
        Sessions.evaluateFor(spark, Sessions.INTERPRETED_UP_TO_FILES + 1);
        assertEquals(List.of("true", "FALLBACK"), settings());
    }

    @Test
    void aQueryGivesTheSameRowsEitherWay() {
        Sessions.evaluateFor(spark, 5);
        List<Row> interpreted = query();
        Sessions.evaluateFor(spark, 1_000_000);
        assertEquals(interpreted, query());
        assertEquals(RowFactory.create(0L, 34L, 49.5), interpreted.get(0));
    }

    private List<String> settings() {
        return List.of(spark.conf().get(Sessions.WHOLE_STAGE), spark.conf().get(Sessions.FACTORY_MODE));
    }

    /** Invented numbers: 0 to 99 grouped by their remainder by 3, each group's count and mean. */
    private List<Row> query() {
        return spark.range(100).selectExpr("id % 3 AS k", "id").groupBy("k").agg(count("id"), avg("id")).orderBy("k")
                .collectAsList();
    }
}
