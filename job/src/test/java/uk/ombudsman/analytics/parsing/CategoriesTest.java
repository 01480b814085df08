package uk.ombudsman.analytics.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The categories real pages print fall in the annual review's service areas, under one spelling each. */
class CategoriesTest {
    @TestFactory
    Stream<DynamicTest> everyCategoryARealPagePrintsHasAServiceAreaOfItsOwn() {
        return Stream.concat(GoldSet.load(GoldSet.DIR).stream(), GoldSet.load(GoldSet.HOLDOUT).stream())
                .map(GoldSet.Passage::category).filter(c -> !c.isEmpty() && !c.equals("Health")).distinct()
                .map(printed -> DynamicTest.dynamicTest(printed, () ->
                        assertNotEquals("Other", Categories.serviceArea(Categories.normalise(printed)))));
    }

    @Test
    void theSitesSpellingsAndItsAddressesGiveOneCategory() {
        assertEquals("Other categories", Categories.normalise("Other Categories"));
        assertEquals("Environment and regulation", Categories.normalise("Environment & regulation"));
        assertEquals(List.of("Environment and regulation", "Drainage"),
                List.of(Categories.fromSourcePath("https://www.lgo.org.uk/decisions/environment-and-regulation/drainage/"
                        + "15-020-792")));
        assertEquals("Corporate and other services", Categories.serviceArea("Other categories"));
        assertEquals("Planning and development", Categories.serviceArea("Planning"));
        assertEquals("Other", Categories.serviceArea("Health"));
    }
}
