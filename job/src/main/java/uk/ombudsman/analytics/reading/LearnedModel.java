package uk.ombudsman.analytics.reading;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.maxent.io.BinaryGISModelWriter;
import opennlp.tools.ml.maxent.io.BinaryQNModelWriter;
import opennlp.tools.ml.maxent.quasinewton.QNModel;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.util.CollectionObjectStream;
import opennlp.tools.util.TrainingParameters;

/**
 * A maximum-entropy classifier (Apache OpenNLP's) over {@link Features}: trained by the project's training command
 * from labelled real sentences, kept as a model file in the jar's resources, read once per JVM. Evaluating one is
 * a hash look-up per feature, cheap enough to run on every sentence a cheap screen lets through.
 */
public final class LearnedModel {
    /** How a model is trained: L-BFGS with a light L2 penalty (0.05 read better than 0.15 and 0.5 in cross-validation on the training part: rare but telling cues keep their weight). */
    public static final Map<String, String> TRAINING = Map.of(
            TrainingParameters.ALGORITHM_PARAM, "MAXENT_QN",
            TrainingParameters.ITERATIONS_PARAM, "300",
            TrainingParameters.CUTOFF_PARAM, "1",
            "L2Cost", "0.05",
            "L1Cost", "0.0",
            TrainingParameters.THREADS_PARAM, "1");

    private final AbstractModel model;

    private LearnedModel(AbstractModel model) {
        this.model = model;
    }

    /** Trains a model on events (an outcome and the features it was seen with), deterministically. */
    public static LearnedModel train(List<Event> events, Map<String, String> settings) {
        TrainingParameters p = new TrainingParameters();
        settings.forEach(p::put);
        p.put("PrintMessages", "false");
        try {
            EventTrainer trainer = TrainerFactory.getEventTrainer(p, null);
            return new LearnedModel((AbstractModel) trainer.train(new CollectionObjectStream<>(events)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the model a resource holds; null where the jar has none (a model not trained yet). */
    public static LearnedModel fromResource(String name) {
        try (InputStream in = LearnedModel.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("model resource " + name + " is missing from the build");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LearnedModel read(InputStream in) throws IOException {
        return new LearnedModel(new GenericModelReader(new BinaryFileDataReader(
                new DataInputStream(new BufferedInputStream(in)))).getModel());
    }

    public void write(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        if (model instanceof QNModel qn) {
            new BinaryQNModelWriter(qn, data).persist();
        } else {
            new BinaryGISModelWriter((GISModel) model, data).persist();
        }
        data.flush();
    }

    /**
     * The most probable outcome other than {@code none}, if its probability reaches {@code threshold}; else
     * {@code none}. Most sentences say nothing of what a model looks for, so "nothing" wins an argmax it should not.
     */
    public String best(String[] features, String none, double threshold) {
        double[] p = model.eval(features);
        int best = -1;
        for (int i = 0; i < p.length; i++) {
            if (!model.getOutcome(i).equals(none) && (best < 0 || p[i] > p[best])) {
                best = i;
            }
        }
        return best >= 0 && p[best] >= threshold ? model.getOutcome(best) : none;
    }

    /** The probability of {@code outcome} for these features (0 where the model never saw the outcome). */
    public double probability(String[] features, String outcome) {
        int i = model.getIndex(outcome);
        return i < 0 ? 0 : model.eval(features)[i];
    }
}
