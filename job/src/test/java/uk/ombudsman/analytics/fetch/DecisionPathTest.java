package uk.ombudsman.analytics.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Decision paths as a search page may write them (markup and references invented). */
class DecisionPathTest {
    private static final DecisionPath ALLOCATIONS = new DecisionPath("housing", "allocations", "19-007-429");

    @Test
    void linksWrittenWithEntityOrScriptEscapedSlashesAreFound() {
        String html = "<a href=\"&#47;decisions&#47;housing&#47;allocations&#47;19-007-429\">x</a>"
                + "<script>var r={\"u\":\"\\/decisions\\/housing\\/allocations\\/19-007-429\"};</script>"
                + "<span data-href=\"&#x2F;decisions&#x2f;adult-care-services&#x2F;charging&#x2F;18-010-781b\">";
        assertEquals(List.of(ALLOCATIONS, new DecisionPath("adult-care-services", "charging", "18-010-781b")),
                DecisionPath.findAll(html));
    }

    @Test
    void aSitePathNamesItsDecisionAndNothingElseDoes() {
        assertEquals(ALLOCATIONS, DecisionPath.parse("/decisions/housing/allocations/19-007-429"));
        assertNull(DecisionPath.parse("/decisions/housing/allocations"));
        assertNull(DecisionPath.parse("/decisions/housing/allocations/19-007-429/print"));
    }
}
