package uk.ombudsman.analytics.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Credentials never reach what the job prints or writes. (The keys here are invented.) */
class RedactionTest {
    @Test
    void theUserPartOfAUriIsHiddenAndTheRestKept() {
        assertEquals("s3a://***@bucket/decisions", Redaction.uri("s3a://AKIAEXAMPLE:wJalrXUtn%2FK7MDENG@bucket/decisions"));
        assertEquals("hdfs://namenode:8020/landing", Redaction.uri("hdfs://namenode:8020/landing"));
        assertEquals("/home/me/decisions", Redaction.uri("/home/me/decisions"));
        assertEquals("file:/home/me@work/decisions", Redaction.uri("file:/home/me@work/decisions"),
                "an @ in a local path is no password");
        assertNull(Redaction.uri(null));
    }

    @Test
    void valuesOfSecretSettingsAreHiddenWhereverTheyAppearAndOthersAreNot() {
        Redaction.secretsOf(Map.of(
                "spark.hadoop.fs.s3a.secret.key", "invented-secret-9d2f",
                "spark.hadoop.fs.s3a.access.key", "INVENTEDACCESS",
                "spark.hadoop.fs.s3a.endpoint", "http://127.0.0.1:9000",
                "spark.hadoop.fs.azure.account.key.x.blob.core.windows.net.password", "pw"));
        String said = Redaction.text("failed at http://127.0.0.1:9000 with key INVENTEDACCESS and "
                + "secret invented-secret-9d2f (s3a://u:p@bucket/x)");
        assertEquals("failed at http://127.0.0.1:9000 with key *** and secret *** (s3a://***@bucket/x)", said);
        assertTrue(Redaction.text("pw is a short word").contains("pw"), "values too short to be secrets stay");
        assertFalse(Redaction.isSecretName("spark.hadoop.fs.s3a.endpoint"));
        assertTrue(Redaction.isSecretName("spark.hadoop.fs.s3a.session.token"));
        assertTrue(Redaction.isSecretName("spark.hadoop.fs.gs.auth.service.account.json.keyfile.credential"));
    }
}
