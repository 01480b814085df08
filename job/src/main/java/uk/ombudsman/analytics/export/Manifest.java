package uk.ombudsman.analytics.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.sql.SparkSession;

/** {@code _manifest.json}: what ran, on what, with which counts, timings, versions and configuration. */
public final class Manifest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Object> root = new LinkedHashMap<>();

    public Manifest put(String key, Object value) {
        root.put(key, value);
        return this;
    }

    /** An ordered map from alternating keys and values. */
    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    public static Map<String, Object> versions(SparkSession spark) {
        return map("ombudsman_analytics", applicationVersion(), "spark", spark.version(),
                "scala", scala.util.Properties.versionNumberString(), "java", System.getProperty("java.version"));
    }

    /** The project version Maven wrote into the jar's resources. */
    public static String applicationVersion() {
        return buildProperty("version");
    }

    /** When this build was made: a snapshot's version alone does not tell two builds apart. */
    public static String applicationBuild() {
        return buildProperty("build");
    }

    private static String buildProperty(String key) {
        Properties p = new Properties();
        try (InputStream in = Manifest.class.getResourceAsStream("/ombudsman-analytics.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty(key, "unknown");
    }

    public void writeTo(OutputStream out) throws IOException {
        JSON.writeValue(out, root);
    }

    public static Map<String, Object> read(InputStream in) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = JSON.readValue(in, Map.class);
        return m;
    }
}
