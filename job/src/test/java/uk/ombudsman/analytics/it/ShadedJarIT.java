package uk.ombudsman.analytics.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The job jar must never carry a class that Spark's own classpath also has: on a cluster, one of them loses. */
class ShadedJarIT {
    private static final Path JOB_JAR = Path.of("job/target/ombudsman-analytics.jar");
    private static final Path SPARK_CLASSPATH = Path.of("job/target/spark-classpath.txt");

    @Test
    void theJobJarHasNoClassThatSparksClasspathHas() throws IOException {
        Set<String> ours = classes(JOB_JAR);
        assertTrue(ours.contains("uk/ombudsman/analytics/cli/Main.class"));
        assertTrue(ours.size() > 500, "the shaded libraries are inside: " + ours.size());
        List<String> clashes = new ArrayList<>();
        String[] jars = Files.readString(SPARK_CLASSPATH).strip().split(":");
        assertTrue(jars.length > 100, "Spark's classpath is listed");
        for (String jar : jars) {
            for (String c : classes(Path.of(jar))) {
                if (ours.contains(c)) {
                    clashes.add(c + " (also in " + Path.of(jar).getFileName() + ")");
                }
            }
        }
        assertEquals(List.of(), clashes);
    }

    @Test
    void everyClassInTheJobJarIsOursOrRelocatedUnderOurPackage() throws IOException {
        List<String> foreign = classes(JOB_JAR).stream()
                .filter(c -> !c.startsWith("uk/ombudsman/analytics/")).sorted().toList();
        assertEquals(List.of(), foreign);
    }

    private static Set<String> classes(Path jar) throws IOException {
        Set<String> names = new HashSet<>();
        try (JarFile f = new JarFile(jar.toFile())) {
            for (JarEntry e : java.util.Collections.list(f.entries())) {
                if (e.getName().endsWith(".class") && !e.getName().endsWith("module-info.class")) {
                    names.add(e.getName());
                }
            }
        }
        return names;
    }
}
