package uk.ombudsman.analytics.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ombudsman.analytics.SharedSpark;

/** Small tables written from the driver read back in Spark exactly as Spark's own Parquet files do. */
class ParquetRowsTest {
    /**
     * Invented rows covering every type a report has, with nulls, a negative and a large sum; dates as the job's
     * session gives them (java.time).
     */
    private static final StructType SCHEMA = new StructType()
            .add("council", DataTypes.StringType, true)
            .add("decision_year", DataTypes.IntegerType, true)
            .add("decisions", DataTypes.LongType, false)
            .add("uphold_rate", DataTypes.DoubleType, true)
            .add("payment_total_gbp", DataTypes.createDecimalType(18, 2), true)
            .add("small_sum", DataTypes.createDecimalType(9, 2), true)
            .add("first_decision_date", DataTypes.DateType, true)
            .add("delay_fault", DataTypes.BooleanType, true);
    private static final List<Row> ROWS = List.of(
            RowFactory.create("Norfolk County Council", 2025, 12L, 0.6667, new BigDecimal("123456789012.34"),
                    new BigDecimal("-15.50"), LocalDate.parse("2025-01-31"), true),
            RowFactory.create("Cheshire East Council — Crewe", null, 0L, null, new BigDecimal("0.00"), null,
                    LocalDate.parse("1999-12-31"), false),
            RowFactory.create(null, 2026, 3L, 1.0, null, new BigDecimal("7.00"), null, null));

    @TempDir
    Path dir;

    @Test
    void sparkReadsBackTheSameSchemaAndRowsAsFromItsOwnWriter() throws Exception {
        SparkSession spark = SharedSpark.get();
        ParquetRows.write(ROWS, SCHEMA, new org.apache.hadoop.fs.Path(dir.resolve("ours").toUri()),
                new Configuration());
        spark.createDataFrame(ROWS, SCHEMA).coalesce(1).write().mode(SaveMode.Overwrite)
                .parquet(dir.resolve("sparks").toString());

        var ours = spark.read().parquet(dir.resolve("ours").toString());
        var sparks = spark.read().parquet(dir.resolve("sparks").toString());
        assertEquals(sparks.schema(), ours.schema());
        for (int i = 0; i < SCHEMA.size(); i++) {
            assertEquals(SCHEMA.fields()[i].name(), ours.schema().fields()[i].name());
            assertEquals(SCHEMA.fields()[i].dataType(), ours.schema().fields()[i].dataType());
        }
        assertEquals(ROWS.toString(), ours.collectAsList().toString());
        assertEquals(sparks.collectAsList(), ours.collectAsList());
        assertEquals(new BigDecimal("123456789012.34"), ours.collectAsList().get(0).getDecimal(4));
        assertEquals(LocalDate.parse("1999-12-31"), ours.collectAsList().get(1).<LocalDate>getAs(6));
    }

    @Test
    void aDatasetIsOneDataFileInItsFolder() throws Exception {
        ParquetRows.write(List.of(), SCHEMA, new org.apache.hadoop.fs.Path(dir.resolve("empty").toUri()),
                new Configuration());
        try (Stream<Path> files = Files.list(dir.resolve("empty"))) {
            assertEquals(List.of(ParquetRows.FILE), files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.endsWith(".crc")).toList());
        }
        var empty = SharedSpark.get().read().parquet(dir.resolve("empty").toString());
        assertEquals(List.of(SCHEMA.fieldNames()), List.of(empty.schema().fieldNames()));
        assertEquals(0, empty.count());
    }

    @Test
    void nestedOrWideDecimalColumnsAreLeftToSpark() {
        assertTrue(ParquetRows.supports(SCHEMA));
        StructType withList = new StructType().add("remedies", DataTypes.createArrayType(DataTypes.StringType));
        assertFalse(ParquetRows.supports(withList));
        assertFalse(ParquetRows.supports(new StructType().add("x", DataTypes.createDecimalType(20, 2))));
        assertThrows(IllegalArgumentException.class, () -> ParquetRows.write(List.of(), withList,
                new org.apache.hadoop.fs.Path(dir.resolve("list").toUri()), new Configuration()));
    }
}
