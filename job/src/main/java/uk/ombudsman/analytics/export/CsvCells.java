package uk.ombudsman.analytics.export;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.collection.Seq;

/**
 * Formats Spark rows as RFC 4180 CSV records, the same way every time: ISO dates, plain decimals, lists joined
 * with ';', and text that a spreadsheet would run as a formula made inert.
 */
public final class CsvCells implements Serializable {
    private static final long serialVersionUID = 1L;

    /** RFC 4180: comma, double-quote quoting, CRLF between records. */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180;
    /** What a spreadsheet treats as the start of a formula (OWASP's list). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final DataType[] types;

    public CsvCells(StructType schema) {
        StructField[] fields = schema.fields();
        types = new DataType[fields.length];
        for (int i = 0; i < fields.length; i++) {
            types[i] = fields[i].dataType();
        }
    }

    public static String header(StructType schema) {
        return FORMAT.format((Object[]) schema.fieldNames());
    }

    public String line(Row row) {
        Object[] cells = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            cells[i] = cell(row.isNullAt(i) ? null : row.get(i), types[i]);
        }
        return FORMAT.format(cells);
    }

    static String cell(Object value, DataType type) {
        if (value == null) {
            return "";
        }
        if (type instanceof ArrayType array) {
            List<String> parts = new ArrayList<>();
            Iterable<?> items = value instanceof Seq<?> seq ? scala.jdk.javaapi.CollectionConverters.asJava(seq)
                    : (Iterable<?>) value;
            for (Object item : items) {
                parts.add(plain(item, array.elementType()));
            }
            return safeText(String.join(";", parts));
        }
        if (value instanceof String s) {
            return safeText(s);
        }
        return plain(value, type);
    }

    /** A value as text, numbers in plain notation: the CSVs' formatting, shared with the notebooks' tables. */
    public static String plain(Object value, DataType type) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (type instanceof DoubleType || type instanceof FloatType) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).toPlainString();
        }
        return value.toString();
    }

    /** A cell starting like a formula gets a leading apostrophe, which spreadsheets show as text. */
    public static String safeText(String s) {
        return !s.isEmpty() && FORMULA_STARTS.indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }
}
