package org.trustml.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.adversarial.Norm;
import org.trustml.adversarial.RobustnessEvaluator;
import org.trustml.core.io.Json;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.core.pipeline.Progress;
import org.trustml.core.pipeline.spec.PipelineSpec;
import org.trustml.core.run.StageRecord;
import org.trustml.drift.AutoencoderConfig;
import org.trustml.drift.AutoencoderDriftEvaluator;
import org.trustml.drift.ImageDriftEvaluator;
import org.trustml.explain.LimeEvaluator;
import org.trustml.explain.Slic;
import org.trustml.publish.Publication;
import org.trustml.vision.images.Split;
import org.trustml.vision.train.ColourImagesAccess;

/**
 * Every image kind of pipeline files in one run on 24 small images: image-folder, train, evaluate with every image
 * evaluator, bless on their metrics, model card, report and publish; each evaluator the one the Java API builds.
 */
class ImageKindsTest {
    @TempDir
    Path dir;

    @Test
    void anImagePipelineWithEveryEvaluatorCardReportAndPublication() throws IOException {
        ColourImagesAccess.write(dir, 24);
        Path file = Files.writeString(dir.resolve("pipeline.yaml"), """
                seed: 5
                stages:
                  - ingest: {csv: meta.csv}
                  - filter: {keep: "colour == 'red' || colour == 'blue'"}
                  - image-folder: {file-column: file, label-column: colour, images: images, output: work/dataset,
                                   validation: 0.25, test: 0.25}
                  - train: {input-size: 16, epochs: 1, batch-size: 8, flip: false, crop: false}
                  - evaluate:
                      slices: [site]
                      evaluators:
                        - fairness: {favorable: red, privileged: [{site: A}], protected-columns: [site]}
                        - lime: {images: 1, samples: 10, features: 2, seed: 3, segmenter: slic, segments: 4}
                        - robustness: {eps: [0.01], max-iter: 1, max-images: 2, seed: 3, examples: 1}
                        - image-drift: {reference: val, max-images: 6}
                        - autoencoder-drift: {reference: train, max-images: 12, epochs: 1, seed: 3}
                  - bless:
                      stop-when-not-blessed: false
                      gates:
                        - {metric: accuracy, min: 0}
                        - {metric: statistical_parity_difference, min: -1, max: 1}
                        - {metric: adversarial_accuracy, slice: eps=0.01, min: 0}
                        - {metric: drift_share, max: 1}
                        - {metric: autoencoder_anomaly_rate, max: 1}
                        - {metric: lime_score_mean, min: -1}
                  - model-card: {name: Colours (test), output: card.json}
                  - report: {title: Colours (test), model-card: card.json}
                  - publish: {registry: registry, name: colours, force: true, model-card: card.json}
                """);
        assertThat(PipelineCheck.lines(PipelineCheck.check(file))).isEmpty();
        PipelineRun<?> run = PipelineSpec.read(file).run(dir, file, Progress.NONE);
        assertThat(run.record().stages()).extracting(StageRecord::name).containsExactly("ingest", "filter",
                "image-folder", "train", "evaluate", "bless", "model-card", "report", "publish");
        StageRecord evaluate = run.record().stages().get(4);
        assertThat(evaluate.artifacts()).extracting(a -> a.name()).contains("fairness.json", "explanations.json",
                "robustness.json", "drift.json", "autoencoder-drift.json");
        StageRecord bless = run.record().stages().get(5);
        assertThat(bless.metrics()).containsEntry("gates", 6.0);
        Publication p = (Publication) run.output();
        assertThat(p.name()).isEqualTo("colours");
        assertThat(Files.list(p.directory()).map(f -> f.getFileName().toString())).contains("model-card.json");
        assertThat(run.record().stages().get(7).artifacts()).extracting(a -> a.name()).contains("report.html");

        JsonNode recorded = evaluate.config().get("evaluators");
        assertThat(recorded.get("explanations")).isEqualTo(Json.toTree(new LimeEvaluator(1, 10, 2, 3,
                Slic.defaults().withSegments(4))));
        assertThat(recorded.get("robustness")).isEqualTo(Json.toTree(new RobustnessEvaluator(Norm.INF, List.of(0.01),
                1, 2, 3, 1)));
        AutoencoderConfig d = AutoencoderConfig.defaults();
        assertThat(recorded.get("autoencoder-drift")).isEqualTo(Json.toTree(new AutoencoderDriftEvaluator(Split.TRAIN,
                12, new AutoencoderConfig(d.hidden(), d.filters(), d.latent(), 1, d.batchSize(), d.learningRate(), 3,
                        d.score(), d.outlierPercent(), d.highQuantile(), d.lowQuantile(), d.alpha(),
                        d.calibrationFraction()), Optional.empty())));
        assertThat(recorded.get("drift")).isEqualTo(Json.toTree(new ImageDriftEvaluator(Split.VALIDATION, 6)));
    }
}
