package uk.ombudsman.analytics.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.ombudsman.analytics.record.BodyType;

class CouncilDirectoryTest {
    private static final CouncilDirectory BUNDLED = CouncilDirectory.bundled();

    @Test
    void theBundledListHoldsEveryCurrentEnglishCouncilAndTheRecentlyAbolished() {
        assertEquals(359, BUNDLED.size());
        assertEquals(BodyType.UNITARY, type("Halton Borough Council"), "a borough council that is a unitary");
        assertEquals(BodyType.COUNTY, type("Cumbria County Council"), "abolished in 2023");
        assertEquals("abolished 2023", BUNDLED.find("Cumbria County Council").orElseThrow().status());
        assertEquals(BodyType.UNITARY, type("Cumberland Council"));
        assertEquals(BodyType.DISTRICT, type("South Somerset District Council"));
        assertEquals(BodyType.METROPOLITAN, type("Wirral Metropolitan Borough Council"));
        assertEquals("E06000006", BUNDLED.find("Halton Borough Council").orElseThrow().gssCode());
    }

    @Test
    void spellingVariantsOfRealPagesResolveToOneCouncil() {
        // Spellings printed on real decision pages (the issue's), and the forms of others seen there.
        assertEquals("London Borough of Lambeth", name("London Borough Of Lambeth"));
        assertEquals("Halton Borough Council", name("Halton Council"));
        assertEquals("London Borough of Hammersmith and Fulham", name("London Borough of Hammersmith & Fulham"));
        assertEquals("St Helens Metropolitan Borough Council", name("St. Helens Metropolitan Borough Council"));
        assertEquals("City of York Council", name("York City Council"));
        assertEquals("Royal Borough of Kingston upon Thames", name("Kingston upon Thames Council"));
    }

    @Test
    void differentCouncilsWithSimilarNamesStayApart() {
        assertEquals("North Yorkshire Council", name("North Yorkshire Council"));
        assertEquals("North Yorkshire County Council", name("North Yorkshire County Council"));
        assertEquals("Bedford Borough Council", name("Bedford Borough Council"));
        assertEquals("Central Bedfordshire Council", name("Central Bedfordshire Council"));
        assertNotEquals(name("Kingston upon Hull City Council"), name("Royal Borough of Kingston upon Thames"));
        assertTrue(BUNDLED.find("Kingston Council").isEmpty(), "Kingston alone could be Hull or Thames");
        assertTrue(BUNDLED.find("North Yorkshire").isEmpty(), "the county and the unitary share the name");
    }

    @Test
    void everyCurrentCouncilHasItsGssCodeAndPopulationAndEveryAbolishedOneItsSuccessor() {
        for (CouncilInfo c : BUNDLED.all()) {
            assertTrue(c.gssCode() != null && c.gssCode().matches("E(06|07|08|09|10)\\d{6}"), c.name());
            if (c.abolished()) {
                assertFalse(c.successors().isEmpty(), c.name() + " has a successor");
                assertNull(c.population(), c.name());
            } else {
                assertNotNull(c.population(), c.name() + " has a population");
                assertTrue(c.successors().isEmpty(), c.name());
            }
        }
        // ONS mid-2023 and mid-2024 estimates, as the bundled files give them (reference/SOURCES.md).
        assertEquals(64_687L, BUNDLED.find("Adur District Council").orElseThrow().population());
        assertEquals(64_889L, CouncilDirectory.load(null, 2024).find("Adur District Council").orElseThrow()
                .population());
    }

    @Test
    void anAbolishedCouncilFollowsToTheCouncilThatNowAnswersForItsArea() {
        CouncilInfo craven = BUNDLED.find("Craven District Council").orElseThrow();
        assertEquals("North Yorkshire Council", BUNDLED.current(craven).name());
        CouncilInfo cumbria = BUNDLED.find("Cumbria County Council").orElseThrow();
        assertEquals(cumbria, BUNDLED.current(cumbria), "split between two successors: stays itself");
        assertEquals("Cumberland Council; Westmorland and Furness Council", cumbria.successorNames());
        CouncilInfo leeds = BUNDLED.find("Leeds City Council").orElseThrow();
        assertEquals(leeds, BUNDLED.current(leeds));
    }

    @Test
    void aliasesAndOtherSpellingsFindTheSameCouncil() {
        CouncilInfo lambeth = BUNDLED.find("London Borough of Lambeth").orElseThrow();
        assertEquals(lambeth, BUNDLED.find("Lambeth London Borough Council").orElseThrow());
        assertEquals(lambeth, BUNDLED.find("Lambeth Council").orElseThrow());
        assertEquals(lambeth, BUNDLED.find("london  borough of LAMBETH").orElseThrow());
        assertEquals("London", lambeth.region());
        assertEquals("St Helens Metropolitan Borough Council", BUNDLED.find("St. Helens Council").orElseThrow().name());
        assertEquals("Kingston upon Hull", BUNDLED.find("Kingston upon Hull City Council").orElseThrow().name()
                .replace("Hull City Council", "Kingston upon Hull"));
        assertEquals("Bournemouth, Christchurch and Poole Council", BUNDLED.find("BCP Council").orElseThrow().name());
    }

    @Test
    void namesSharedByOldAndNewCouncilsMatchOnlyExactly() {
        assertEquals(BodyType.UNITARY, type("Somerset Council"));
        assertEquals(BodyType.COUNTY, type("Somerset County Council"));
        assertTrue(BUNDLED.find("Somerset").isEmpty(), "ambiguous core name");
    }

    @Test
    void unknownBodiesAreClassifiedByTheirNames() {
        assertEquals(BodyType.CARE_PROVIDER, CouncilDirectory.classifyUnknown("Sunrise Care Homes Ltd"));
        assertEquals(BodyType.CARE_PROVIDER, CouncilDirectory.classifyUnknown("Oakwood Nursing Limited"));
        assertEquals(BodyType.CARE_PROVIDER, CouncilDirectory.classifyUnknown("Bluebird Care (Leeds)"));
        assertEquals(BodyType.COUNTY, CouncilDirectory.classifyUnknown("Avon County Council"));
        assertEquals(BodyType.OTHER, CouncilDirectory.classifyUnknown("Mythical Borough Council"));
        assertEquals(BodyType.OTHER, CouncilDirectory.classifyUnknown("Environment Agency"));
    }

    @Test
    void aUserFileExtendsAndOverridesTheBundledList(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("extra.csv");
        // An older file still names the code ons_code: it is read as the GSS code.
        Files.writeString(file, "name,aliases,body_type,region,ons_code,population,status\n"
                + "Halton Borough Council,,UNITARY,North West,E06000006,\"128,500\",current\n"
                + "Bluebell Care Group,Bluebell Care,CARE_PROVIDER,,,,current\n");
        CouncilDirectory d = CouncilDirectory.load(file, CouncilDirectory.DEFAULT_POPULATION_YEAR);
        assertEquals(128_500L, d.find("Halton Borough Council").orElseThrow().population());
        assertEquals("E06000006", d.find("Halton Borough Council").orElseThrow().gssCode());
        assertEquals(BodyType.CARE_PROVIDER, d.find("Bluebell Care").orElseThrow().bodyType());
        assertEquals(BUNDLED.size() + 1, d.size());
    }

    private static String name(String printed) {
        return BUNDLED.find(printed).orElseThrow(() -> new AssertionError("not found: " + printed)).name();
    }

    private static BodyType type(String name) {
        return BUNDLED.find(name).orElseThrow(() -> new AssertionError("not found: " + name)).bodyType();
    }
}
