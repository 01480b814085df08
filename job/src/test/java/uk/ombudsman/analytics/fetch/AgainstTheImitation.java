package uk.ombudsman.analytics.fetch;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test that fetches into a fresh folder from its own imitation of the site, serving the standard corpus. */
abstract class AgainstTheImitation {
    @TempDir
    Path dir;
    FakeLgoSite site;

    @BeforeEach
    void startTheSite() throws IOException {
        site = FakeLgoSite.serving(SiteCorpus.standard());
    }

    @AfterEach
    void stopTheSite() {
        site.close();
    }
}
