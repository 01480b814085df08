package uk.ombudsman.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints the ten slowest test classes and tests when the suite ends, so that the suite's time has names. A class's
 * time includes its set-up (the job runs its tests share).
 */
public final class SlowestTests implements TestExecutionListener {
    private static final int SHOWN = 10;
    private final Map<TestIdentifier, Long> started = new ConcurrentHashMap<>();
    private final List<Timing> classes = new ArrayList<>();
    private final List<Timing> tests = new ArrayList<>();

    private record Timing(String name, long millis) {
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        started.put(id, System.nanoTime());
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        Long start = started.remove(id);
        if (start == null) {
            return;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        String name = id.getSource().filter(s -> s instanceof MethodSource).map(s -> (MethodSource) s)
                .map(m -> m.getJavaClass().getSimpleName() + "." + id.getLegacyReportingName())
                .orElse(id.getLegacyReportingName());
        synchronized (this) {
            if (id.isTest()) {
                tests.add(new Timing(name, millis));
            } else if (id.getSource().map(s -> s instanceof org.junit.platform.engine.support.descriptor.ClassSource)
                    .orElse(false)) {
                classes.add(new Timing(name, millis));
            }
        }
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan plan) {
        if (tests.isEmpty()) {
            return;
        }
        StringBuilder out = new StringBuilder("\nThe slowest test classes (set-up included):\n");
        classes.stream().sorted((a, b) -> Long.compare(b.millis(), a.millis())).limit(SHOWN)
                .forEach(t -> out.append(String.format("  %7.1f s  %s%n", t.millis() / 1000.0, t.name())));
        out.append("The slowest tests:\n");
        tests.stream().sorted((a, b) -> Long.compare(b.millis(), a.millis())).limit(SHOWN)
                .forEach(t -> out.append(String.format("  %7.1f s  %s%n", t.millis() / 1000.0, t.name())));
        System.out.print(out);
        System.out.flush();
    }
}
