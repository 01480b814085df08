package uk.ombudsman.analytics;

import org.apache.spark.sql.SparkSession;
import uk.ombudsman.analytics.job.Sessions;

/**
 * The one local SparkSession of a test JVM (each start costs seconds; the suite runs in two JVMs), built by the job's
 * own session factory with test-sized settings, and stopped when the JVM exits. Tests never stop it.
 */
public final class SharedSpark {
    private static SparkSession session;

    private SharedSpark() {
    }

    public static synchronized SparkSession get() {
        if (session == null) {
            System.setProperty("spark.sql.shuffle.partitions", "2");
            System.setProperty("spark.ui.enabled", "false");
            session = Sessions.create("local[2]");
            session.sparkContext().setLogLevel("ERROR");
            SparkSession s = session;
            Runtime.getRuntime().addShutdownHook(new Thread(s::stop));
        }
        return session;
    }
}
