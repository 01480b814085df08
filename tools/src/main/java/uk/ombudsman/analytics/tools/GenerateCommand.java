package uk.ombudsman.analytics.tools;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.ombudsman.analytics.generate.CorpusGenerator;

/** {@code generate}: a realistic corpus with its truth, for tests, demos and the benchmark. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a realistic corpus of N decisions (text in both layouts and HTML, in the site's folder "
                + "layout) to OUT/corpus, and the true records and reports to OUT/truth. Deterministic for a seed.")
public final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--decisions", required = true, paramLabel = "N", description = "How many decisions.")
    int decisions;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (decisions < 1) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--decisions must be at least 1");
        }
        long start = System.nanoTime();
        CorpusGenerator.Summary s = new CorpusGenerator(decisions, seed).writeTo(out);
        System.out.printf("Generated %d decisions in %d files (%.1f MB, %d saved twice, %d not decisions) in %.1f s%n"
                + "  corpus: %s%n  truth:  %s%n", s.decisions(), s.files(), s.bytes() / 1e6, s.duplicates(), s.junk(),
                (System.nanoTime() - start) / 1e9, out.resolve(CorpusGenerator.CORPUS), out.resolve(CorpusGenerator.TRUTH));
        return 0;
    }
}
