package uk.ombudsman.analytics.reading;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.ml.model.Event;
import uk.ombudsman.analytics.record.Remedy;

/**
 * The learned models that read a sentence, trained together from the reading set's training part and kept as
 * resources under {@code /models/}: delay (at fault, mentioned, none), the Ombudsman's verdict, each remedy kind
 * the sentence states, and each printed sum's role (a payment of this decision or not). Each sees the sentence's
 * words and the phrase rules' cues for its own question ({@link Cues}).
 */
public final class SentenceModels {
    public static final String DIR = "/models/";
    /**
     * The remedy kinds a model reads in the parser: a payment, with or without a sum printed. For apologies, service
     * improvements and actions for the complainant the phrase rules read better in cross-validation (the train
     * command prints both), so the parser keeps the rules for those; {@link #CANDIDATE_KINDS} are the ones tried.
     */
    public static final List<Remedy> LEARNED_KINDS = List.of(Remedy.PAYMENT);
    public static final List<Remedy> CANDIDATE_KINDS = List.of(Remedy.APOLOGY, Remedy.PAYMENT,
            Remedy.ACTION_FOR_COMPLAINANT, Remedy.SERVICE_IMPROVEMENT);
    public static final String NONE = "NONE";
    public static final String PAYMENT = "PAYMENT";
    public static final String AT_FAULT = "AT_FAULT";
    private static final String YES = "YES";

    /**
     * The probability at which each model's answer is taken, chosen by 5-fold cross-validation on the training part
     * (the best F1 on a grid of 0.15 to 0.6: the train command prints the grid), never on the held-out part.
     */
    public static final Map<String, Double> THRESHOLDS = Map.of("remedy", 0.5, "sum", 0.5);

    private static volatile SentenceModels bundled;

    /** Delay and verdict: trained for cross-validation only; null in the jar's models (the parser reads neither). */
    private final LearnedModel delay;
    private final LearnedModel verdict;
    private final Map<Remedy, LearnedModel> kinds;
    private final LearnedModel sumRole;
    /** Null in models trained from sentences alone: it is trained after them, from the labelled pages. */
    private final RemediedBeforeModel remediedBefore;
    private final Cues cues;

    private SentenceModels(LearnedModel delay, LearnedModel verdict, Map<Remedy, LearnedModel> kinds,
            LearnedModel sumRole, RemediedBeforeModel remediedBefore, Cues cues) {
        this.delay = delay;
        this.verdict = verdict;
        this.kinds = kinds;
        this.sumRole = sumRole;
        this.remediedBefore = remediedBefore;
        this.cues = cues;
    }

    /** These models with the page-trained remedied-before model added. */
    public SentenceModels withRemediedBefore(RemediedBeforeModel model) {
        return new SentenceModels(delay, verdict, kinds, sumRole, model, cues);
    }

    /**
     * The models in the jar, read once per JVM (executors included); they were trained with {@code cues}. The jar
     * holds the models the parser uses (a payment with no sum, the role of a sum), not the delay and verdict models,
     * which read no better than the rules (README, "How the parser reads a sentence").
     */
    public static SentenceModels bundled(Cues cues) {
        SentenceModels m = bundled;
        if (m == null) {
            synchronized (SentenceModels.class) {
                if (bundled == null) {
                    Map<Remedy, LearnedModel> kinds = new EnumMap<>(Remedy.class);
                    for (Remedy k : LEARNED_KINDS) {
                        kinds.put(k, LearnedModel.fromResource(DIR + kindFile(k)));
                    }
                    bundled = new SentenceModels(null, null, kinds, LearnedModel.fromResource(DIR + "sum-role.bin"),
                            RemediedBeforeModel.fromResource(), cues);
                }
                m = bundled;
            }
        }
        return m;
    }

    private static String kindFile(Remedy k) {
        return "remedy-" + k.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".bin";
    }

    /** Trains every model the parser uses on labelled sentences. */
    public static SentenceModels train(List<LabelledSentence> sentences, Map<String, String> settings, Cues cues) {
        return train(sentences, settings, cues, LEARNED_KINDS);
    }

    /** Trains the models, with one for each remedy kind of {@code kindsToLearn}. */
    static SentenceModels train(List<LabelledSentence> sentences, Map<String, String> settings, Cues cues,
            List<Remedy> kindsToLearn) {
        List<Event> delay = new ArrayList<>();
        List<Event> verdict = new ArrayList<>();
        Map<Remedy, List<Event>> kinds = new EnumMap<>(Remedy.class);
        kindsToLearn.forEach(k -> kinds.put(k, new ArrayList<>()));
        List<Event> sums = new ArrayList<>();
        for (LabelledSentence s : sentences) {
            List<String> tokens = Features.tokens(s.text());
            if (Screens.mayMentionDelay(s.text())) {
                delay.add(new Event(s.delay().isEmpty() ? NONE : s.delay(), delayFeatures(s.text(), tokens, cues)));
            }
            verdict.add(new Event(s.verdict().isEmpty() ? NONE : s.verdict(), verdictFeatures(s.text(), tokens, cues)));
            String[] remedy = remedyFeatures(s.text(), tokens, cues);
            for (Remedy k : kindsToLearn) {
                kinds.get(k).add(new Event(s.remedies().contains(k.name()) ? YES : NONE, remedy));
            }
            for (LabelledSum sum : labelledSums(s, tokens, cues)) {
                sums.add(new Event(sum.paid() ? PAYMENT : NONE, Features.ofSum(tokens, sum.at(), sum.cue())));
            }
        }
        Map<Remedy, LearnedModel> kindModels = new EnumMap<>(Remedy.class);
        kinds.forEach((k, events) -> kindModels.put(k, LearnedModel.train(events, settings)));
        return new SentenceModels(LearnedModel.train(delay, settings), LearnedModel.train(verdict, settings),
                kindModels, LearnedModel.train(sums, settings), null, cues);
    }

    private static String[] delayFeatures(String sentence, List<String> tokens, Cues cues) {
        List<String> c = new ArrayList<>(8);
        cues.ofDelay(sentence, c);
        return Features.ofSentence(tokens, c);
    }

    private static String[] verdictFeatures(String sentence, List<String> tokens, Cues cues) {
        List<String> c = new ArrayList<>(8);
        cues.ofVerdict(sentence, c);
        return Features.ofSentence(tokens, c);
    }

    /** A printed sum of a labelled sentence: where it stands among the tokens, whether it is paid, the rules' cue. */
    public record LabelledSum(int at, boolean paid, String cue) {
    }

    /**
     * The printed sums of a labelled sentence with their labelled roles; none where the labels do not name every
     * printed sum (a reader's slip), since such a sentence teaches nothing about sums.
     */
    public static List<LabelledSum> labelledSums(LabelledSentence s, List<String> tokens, Cues cues) {
        List<Integer> at = Features.moneyAt(tokens);
        List<String> roles = s.printedSumRoles();
        if (at.size() != roles.size()) {
            return List.of();
        }
        List<String> sumCues = cues.ofSums(s.text());
        List<LabelledSum> out = new ArrayList<>(at.size());
        for (int i = 0; i < at.size(); i++) {
            out.add(new LabelledSum(at.get(i), roles.get(i).equals(PAYMENT), i < sumCues.size() ? sumCues.get(i) : null));
        }
        return out;
    }

    public static String[] remedyFeatures(String sentence, List<String> tokens, Cues cues) {
        List<String> c = new ArrayList<>(8);
        cues.ofRemedy(sentence, c);
        return Features.ofSentence(tokens, c);
    }

    /** Writes every model under {@code dir} as the resources {@link #bundled} reads. */
    public void writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        // Only what the parser reads goes into the jar: the delay and verdict models are cross-validated, not used.
        try (var old = Files.newDirectoryStream(dir, "*.bin")) {
            for (Path f : old) {
                Files.delete(f); // a model no longer trained must not linger in the jar
            }
        }
        for (Map.Entry<Remedy, LearnedModel> k : kinds.entrySet()) {
            write(dir.resolve(kindFile(k.getKey())), k.getValue());
        }
        write(dir.resolve("sum-role.bin"), sumRole);
        if (remediedBefore != null) {
            remediedBefore.writeTo(dir);
        }
    }

    private static void write(Path file, LearnedModel model) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            model.write(out);
        }
    }

    /** Probabilities for the cross-validation's grid: of delay at fault (0 where screened out). */
    double delayProbability(String sentence, List<String> tokens) {
        return Screens.mayMentionDelay(sentence) ? delay.probability(delayFeatures(sentence, tokens, cues), AT_FAULT)
                : 0;
    }

    double verdictProbability(String sentence, List<String> tokens, String outcome) {
        return verdict.probability(verdictFeatures(sentence, tokens, cues), outcome);
    }

    public double remedyProbability(String sentence, List<String> tokens, Remedy kind) {
        return kinds.get(kind).probability(remedyFeatures(sentence, tokens, cues), YES);
    }

    public double sumProbability(List<String> tokens, int at, String cue) {
        return sumRole.probability(Features.ofSum(tokens, at, cue), PAYMENT);
    }

    /**
     * The probability that a sentence in the Ombudsman's words says the body's own remedy was enough; 0 from models
     * trained from sentences alone (the train command's parser, reading the labelled pages to train this one).
     */
    public double remediedBeforeProbability(String sentence, List<String> cues) {
        return remediedBefore == null ? 0 : remediedBefore.probability(sentence, cues);
    }

    /** Whether the sentence states money to be paid as this decision's remedy (a sum printed or not). */
    public boolean statesPayment(String sentence, List<String> tokens) {
        return kinds.get(Remedy.PAYMENT).best(remedyFeatures(sentence, tokens, cues), NONE, THRESHOLDS.get("remedy"))
                .equals(YES);
    }

    /**
     * For each printed sum among the tokens, in order, whether it is a payment this decision asks for; {@code sumCues}
     * the phrase rules' reading of each (as {@link Cues#ofSums} gives them).
     */
    public boolean[] sumsPaid(List<String> tokens, List<String> sumCues) {
        List<Integer> at = Features.moneyAt(tokens);
        boolean[] paid = new boolean[at.size()];
        for (int i = 0; i < at.size(); i++) {
            paid[i] = sumRole.best(Features.ofSum(tokens, at.get(i), i < sumCues.size() ? sumCues.get(i) : null), NONE,
                    THRESHOLDS.get("sum")).equals(PAYMENT);
        }
        return paid;
    }
}
