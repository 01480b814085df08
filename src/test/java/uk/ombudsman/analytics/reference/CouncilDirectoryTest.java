package uk.ombudsman.analytics.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertEquals("E06000006", BUNDLED.find("Halton Borough Council").orElseThrow().onsCode());
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
        Files.writeString(file, "name,aliases,body_type,region,ons_code,population,status\n"
                + "Halton Borough Council,,UNITARY,North West,E06000006,\"128,500\",current\n"
                + "Bluebell Care Group,Bluebell Care,CARE_PROVIDER,,,,current\n");
        CouncilDirectory d = CouncilDirectory.load(file);
        assertEquals(128_500L, d.find("Halton Borough Council").orElseThrow().population());
        assertEquals(BodyType.CARE_PROVIDER, d.find("Bluebell Care").orElseThrow().bodyType());
        assertEquals(BUNDLED.size() + 1, d.size());
    }

    private static BodyType type(String name) {
        return BUNDLED.find(name).orElseThrow(() -> new AssertionError("not found: " + name)).bodyType();
    }
}
