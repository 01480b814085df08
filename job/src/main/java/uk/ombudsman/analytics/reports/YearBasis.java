package uk.ombudsman.analytics.reports;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * The years the yearly reports count in: the Ombudsman's financial year (1 April to 31 March, written "2024-25"), as
 * its annual reviews and council letters use, or the calendar year. Each names the column its reports key on.
 */
public enum YearBasis {
    FINANCIAL(Columns.FINANCIAL_YEAR),
    CALENDAR(Columns.DECISION_YEAR);

    private final String column;

    YearBasis(String column) {
        this.column = column;
    }

    /** The column the yearly reports key on under this basis. */
    public String column() {
        return column;
    }

    /** "2024-25" for any date from 1 April 2024 to 31 March 2025. */
    public static String financialYear(LocalDate date) {
        int start = date.getMonthValue() >= Month.APRIL.getValue() ? date.getYear() : date.getYear() - 1;
        return label(start);
    }

    /** The financial year before "2024-25": "2023-24"; null for a value that is not a financial year. */
    public static String previousFinancialYear(String financialYear) {
        if (financialYear == null || !financialYear.matches("\\d{4}-\\d{2}")) {
            return null;
        }
        return label(Integer.parseInt(financialYear.substring(0, 4)) - 1);
    }

    private static String label(int start) {
        return String.format(Locale.ROOT, "%d-%02d", start, (start + 1) % 100);
    }

    /** {@link #financialYear} as a Spark expression over a date column; null for a null date. */
    public static Column financialYear(Column date) {
        Column start = when(month(date).geq(4), year(date)).otherwise(year(date).minus(1));
        return concat(start.cast(DataTypes.StringType), lit("-"),
                lpad(pmod(start.plus(1), lit(100)).cast(DataTypes.StringType), 2, "0"));
    }
}
