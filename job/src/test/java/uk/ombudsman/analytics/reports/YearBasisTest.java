package uk.ombudsman.analytics.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class YearBasisTest {
    @Test
    void theFinancialYearTurnsBetweenThe31stOfMarchAndThe1stOfApril() {
        assertEquals("2023-24", YearBasis.financialYear(LocalDate.of(2024, 3, 31)));
        assertEquals("2024-25", YearBasis.financialYear(LocalDate.of(2024, 4, 1)));
        assertEquals("2024-25", YearBasis.financialYear(LocalDate.of(2025, 1, 15)));
        assertEquals("1999-00", YearBasis.financialYear(LocalDate.of(2000, 2, 1)));
    }

    @Test
    void theYearBeforeAFinancialYearIsTheOneEndingAsItStarts() {
        assertEquals("2023-24", YearBasis.previousFinancialYear("2024-25"));
        assertEquals("1999-00", YearBasis.previousFinancialYear("2000-01"));
        assertNull(YearBasis.previousFinancialYear("2024"));
    }
}
