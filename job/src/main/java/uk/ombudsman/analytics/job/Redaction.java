package uk.ombudsman.analytics.job;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Keeps credentials out of everything the job prints or writes: the user part of a URI
 * ({@code s3a://KEY:SECRET@bucket/}) and the value of any setting whose name says it is secret (Spark's own rule,
 * {@code spark.redaction.regex}, widened to credentials) are replaced before a path or message reaches the log,
 * the terminal or the manifest.
 */
public final class Redaction {
    /** Setting names whose values are secrets: Spark's default redaction pattern, plus credentials. */
    private static final Pattern SECRET_NAME = Pattern.compile("(?i)secret|password|token|access[.]?key|credential");
    private static final Pattern URI_USER = Pattern.compile("\\b([a-zA-Z][a-zA-Z0-9+.-]*://)[^/\\s@]+@");
    /** At least this long, so an empty or one-letter value cannot blank out ordinary text. */
    private static final int SHORTEST_SECRET = 4;
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    private Redaction() {
    }

    /** Notes the values of secret-named settings, so {@link #text} hides them wherever they turn up. */
    public static void secretsOf(Map<String, String> settings) {
        settings.forEach((name, value) -> {
            if (isSecretName(name) && value != null && value.length() >= SHORTEST_SECRET) {
                SECRETS.add(value);
            }
        });
    }

    public static boolean isSecretName(String name) {
        return SECRET_NAME.matcher(name).find();
    }

    /** A path or URI as it may be shown: without a user or password in it. Null stays null. */
    public static String uri(String uri) {
        return uri == null ? null : URI_USER.matcher(uri).replaceAll("$1***@");
    }

    /** Any text to be printed: URIs without their user part, and no known secret value. */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        String out = uri(text);
        for (String secret : SECRETS) {
            out = out.replace(secret, "***");
        }
        return out;
    }
}
