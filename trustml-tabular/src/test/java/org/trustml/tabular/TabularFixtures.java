package org.trustml.tabular;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.trustml.core.evaluation.Blessing;
import org.trustml.core.evaluation.ClassificationMetric;
import org.trustml.core.evaluation.Gate;
import org.trustml.core.pipeline.Pipeline;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.core.pipeline.RunOptions;
import org.trustml.core.stages.Bless;
import org.trustml.core.stages.Ingest;
import org.trustml.core.tracking.Tracker;
import org.trustml.tabular.stages.EvaluateTabularClassifier;
import org.trustml.tabular.stages.TrainTabularClassifier;

/**
 * A small tabular model trained in a pipeline, for the tests of modules that package and serve tabular
 * models (in this module's test-jar). Its features have all four column types.
 */
public final class TabularFixtures {
    /** The features, one of each column type: DOUBLE, LONG, STRING, BOOLEAN. */
    public static final String[] FEATURES = {"income", "years", "region", "member"};

    private TabularFixtures() {}

    /**
     * {@code n} applicants from {@code seed}: {@code income} ~ N(50, 15) rounded to 0.1 (DOUBLE),
     * {@code years} uniform 0–20 (LONG), {@code region} north/south/west (STRING), {@code member}
     * true/false (BOOLEAN), {@code sex} F/M (not a feature); {@code approved} is "yes" when
     * {@code (income − 50)/15 + (years − 10)/10 + (south ? 0.5 : 0) + (member ? 0.3 : 0) + N(0, 0.5) > 0}.
     */
    public static Path applicantsCsv(Path dir, int n, long seed) {
        Random r = new Random(seed);
        StringBuilder s = new StringBuilder("income,years,region,member,sex,approved\n");
        String[] regions = {"north", "south", "west"};
        for (int i = 0; i < n; i++) {
            double income = Math.round((50 + 15 * r.nextGaussian()) * 10) / 10.0;
            int years = r.nextInt(21);
            String region = regions[r.nextInt(3)];
            boolean member = r.nextBoolean();
            double score = (income - 50) / 15 + (years - 10) / 10.0 + (region.equals("south") ? 0.5 : 0)
                    + (member ? 0.3 : 0) + 0.5 * r.nextGaussian();
            s.append(income).append(',').append(years).append(',').append(region).append(',').append(member)
                    .append(',').append(r.nextBoolean() ? "F" : "M").append(',').append(score > 0 ? "yes" : "no")
                    .append('\n');
        }
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve("applicants.csv"), s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Logistic regression on {@link #applicantsCsv} (20 % held out), evaluated per {@code sex} and blessed
     * by an accuracy gate of 0.6 (the rule is linear in the features with noise of s.d. 0.5, so a
     * linear model clears it by far).
     */
    public static Pipeline<Blessing<TabularEvaluation>> pipeline(Path dir, int n, long seed) {
        return Pipeline.from(Ingest.csv(applicantsCsv(dir, n, seed)))
                .then(TrainTabularClassifier.with(TabularClassifierConfig.logisticRegression("approved", FEATURES)))
                .then(EvaluateTabularClassifier.onHeldOutRows().slicedBy("sex"))
                .then(Bless.<TabularEvaluation>by(Gate.on(ClassificationMetric.ACCURACY).atLeast(0.6)));
    }

    /** {@link #pipeline} run with {@code seed}, its run records under {@code dir/runs}. */
    public static <O> PipelineRun<O> run(Pipeline<O> pipeline, Path dir, long seed) {
        return pipeline.run(RunOptions.seed(seed).withTracker(Tracker.none(dir.resolve("runs"))));
    }
}
