package uk.ombudsman.analytics.export;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Writes a small table already on the driver as a one-file Parquet dataset, without a Spark job: on a small run
 * each report written by Spark cost a job (planning, scheduling, a commit) for a few rows. The file has the
 * physical types Spark itself writes (strings as UTF-8, decimals up to 18 digits as INT64, dates as INT32 days)
 * and Spark's schema in its footer, so Spark reads the same schema back. Only flat tables of those types are
 * written here; {@link #supports} says which.
 */
public final class ParquetRows {
    /** The footer key Spark reads its own schema from (what Spark's Parquet writer sets). */
    static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";
    /**
     * The footer key for the Spark version that wrote a file: with it, Spark reads dates as written (proleptic
     * Gregorian), as it does its own files, rather than applying its setting for files of unknown origin.
     */
    static final String SPARK_VERSION_KEY = "org.apache.spark.version";
    /** The one data file of a dataset written here. */
    static final String FILE = "part-00000.snappy.parquet";

    private ParquetRows() {
    }

    /** Whether every column has a type written here: the scalar types of the reports. */
    public static boolean supports(StructType schema) {
        for (StructField f : schema.fields()) {
            DataType t = f.dataType();
            boolean scalar = t.equals(DataTypes.StringType) || t.equals(DataTypes.LongType)
                    || t.equals(DataTypes.IntegerType) || t.equals(DataTypes.DoubleType)
                    || t.equals(DataTypes.BooleanType) || t.equals(DataTypes.DateType)
                    || (t instanceof DecimalType d && d.precision() <= 18);
            if (!scalar) {
                return false;
            }
        }
        return true;
    }

    /** Writes {@code rows} into the folder {@code dataset} (created), as one file. */
    public static void write(List<Row> rows, StructType schema, Path dataset, Configuration conf) throws IOException {
        if (!supports(schema)) {
            throw new IllegalArgumentException("not a flat table of scalar columns: " + schema.simpleString());
        }
        MessageType message = messageType(schema);
        SimpleGroupFactory groups = new SimpleGroupFactory(message);
        try (ParquetWriter<Group> writer = ExampleParquetWriter
                .builder(HadoopOutputFile.fromPath(new Path(dataset, FILE), conf))
                .withConf(conf)
                .withType(message)
                .withExtraMetaData(java.util.Map.of(SPARK_SCHEMA_KEY, schema.json(), SPARK_VERSION_KEY,
                        org.apache.spark.SparkBuildInfo.spark_version().replaceAll("[^0-9.].*", "")))
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build()) {
            for (Row row : rows) {
                Group g = groups.newGroup();
                for (int i = 0; i < schema.size(); i++) {
                    if (!row.isNullAt(i)) {
                        add(g, i, schema.fields()[i].dataType(), row.get(i));
                    }
                }
                writer.write(g);
            }
        }
    }

    static MessageType messageType(StructType schema) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (StructField f : schema.fields()) {
            message.addField(field(f));
        }
        return message.named("spark_schema");
    }

    private static Type field(StructField f) {
        Type.Repetition repetition = f.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
        DataType t = f.dataType();
        if (t.equals(DataTypes.StringType)) {
            return Types.primitive(PrimitiveTypeName.BINARY, repetition).as(LogicalTypeAnnotation.stringType())
                    .named(f.name());
        }
        if (t.equals(DataTypes.LongType)) {
            return Types.primitive(PrimitiveTypeName.INT64, repetition).named(f.name());
        }
        if (t.equals(DataTypes.IntegerType)) {
            return Types.primitive(PrimitiveTypeName.INT32, repetition).named(f.name());
        }
        if (t.equals(DataTypes.DoubleType)) {
            return Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(f.name());
        }
        if (t.equals(DataTypes.BooleanType)) {
            return Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(f.name());
        }
        if (t.equals(DataTypes.DateType)) {
            return Types.primitive(PrimitiveTypeName.INT32, repetition).as(LogicalTypeAnnotation.dateType())
                    .named(f.name());
        }
        DecimalType d = (DecimalType) t;
        PrimitiveTypeName physical = d.precision() <= 9 ? PrimitiveTypeName.INT32 : PrimitiveTypeName.INT64;
        return Types.primitive(physical, repetition)
                .as(LogicalTypeAnnotation.decimalType(d.scale(), d.precision())).named(f.name());
    }

    private static void add(Group g, int i, DataType t, Object value) {
        if (t.equals(DataTypes.StringType)) {
            g.add(i, (String) value);
        } else if (t.equals(DataTypes.LongType)) {
            g.add(i, ((Number) value).longValue());
        } else if (t.equals(DataTypes.IntegerType)) {
            g.add(i, ((Number) value).intValue());
        } else if (t.equals(DataTypes.DoubleType)) {
            g.add(i, ((Number) value).doubleValue());
        } else if (t.equals(DataTypes.BooleanType)) {
            g.add(i, (Boolean) value);
        } else if (t.equals(DataTypes.DateType)) {
            LocalDate day = value instanceof Date sql ? sql.toLocalDate() : (LocalDate) value;
            g.add(i, (int) day.toEpochDay());
        } else {
            DecimalType d = (DecimalType) t;
            // Rescaled exactly (a value with more places than the column is an error, not a rounding).
            long unscaled = ((BigDecimal) value).setScale(d.scale()).unscaledValue().longValueExact();
            if (d.precision() <= 9) {
                g.add(i, (int) unscaled);
            } else {
                g.add(i, unscaled);
            }
        }
    }
}
