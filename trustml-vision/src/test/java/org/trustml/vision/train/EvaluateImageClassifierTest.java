package org.trustml.vision.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.evaluation.Blessing;
import org.trustml.core.evaluation.ClassificationMetric;
import org.trustml.core.evaluation.Gate;
import org.trustml.core.evaluation.MetricKey;
import org.trustml.core.evaluation.MetricSource;
import org.trustml.core.evaluation.MetricValue;
import org.trustml.core.evaluation.Slice;
import org.trustml.core.pipeline.Pipeline;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.core.pipeline.RunContext;
import org.trustml.core.pipeline.RunOptions;
import org.trustml.core.stages.Bless;
import org.trustml.core.stages.Ingest;
import org.trustml.core.tracking.Tracker;
import org.trustml.vision.evaluation.ImageEvaluation;
import org.trustml.vision.evaluation.ImageEvaluationInput;
import org.trustml.vision.evaluation.ImageEvaluator;
import org.trustml.vision.images.Split;
import org.trustml.vision.stages.EvaluateImageClassifier;
import org.trustml.vision.stages.ImageFolder;
import org.trustml.vision.stages.TrainImageClassifier;

class EvaluateImageClassifierTest {
    @TempDir
    Path dir;

    /** An evaluator that reports the share of test images from site A, to show the plug-in path. */
    record SiteShare() implements ImageEvaluator {
        public String name() {
            return "site_share";
        }

        public Object config() {
            return "share of site A";
        }

        public MetricSource evaluate(ImageEvaluationInput in, RunContext ctx) {
            long a = 0;
            for (int i = 0; i < in.metadata().rowCount(); i++) {
                a += in.metadata().stringColumn("site").get(i).equals("A") ? 1 : 0;
            }
            double share = (double) a / in.entries().size();
            return org.trustml.core.evaluation.Evaluation.of(List.of(MetricValue.of("site_a_share", share)));
        }
    }

    @Test
    void ingestToBlessEndToEnd() throws IOException {
        Path csv = ColourImages.write(dir, 40);
        ImageFolder folder = ImageFolder.builder("file", "colour").imagesIn(dir.resolve("images"))
                .output(dir.resolve("dataset")).split(0.2, 0.2).build();
        ImageClassifierConfig config = ImageClassifierConfig.mobileNetV2().withInputSize(32).withSchedule(2, 8, 1e-3)
                .withAugmentation(false, false).withPatience(0);
        PipelineRun<Blessing<ImageEvaluation>> run = Pipeline.from(Ingest.csv(csv)).then(folder)
                .then(TrainImageClassifier.with(config))
                .then(EvaluateImageClassifier.onTestSplit().slicedBy("site").with(new SiteShare()))
                .then(Bless.<ImageEvaluation>by(Gate.on(ClassificationMetric.ACCURACY).atLeast(0.0),
                        Gate.on(MetricKey.named("site_a_share")).between(0, 1),
                        Gate.on(ClassificationMetric.ACCURACY).inSlice(Slice.of("site", "B")).atLeast(0.0)))
                .run(RunOptions.seed(21).withTracker(Tracker.none(dir.resolve("runs"))));

        ImageEvaluation e = run.output().evaluation();
        // 20 images per colour; test = round(20 * 0.2) = 4 per colour
        assertThat(e.classification().overall().rows()).isEqualTo(8);
        assertThat(e.classification().slices()).extracting(s -> s.slice().toString())
                .containsExactlyInAnyOrder("site=A", "site=B");
        assertThat(e.metric("site_a_share")).isPresent();
        assertThat(run.output().verdict().blessed()).isTrue();
        assertThat(run.record().stages()).extracting(s -> s.name())
                .containsExactly("ingest", "image-folder", "train", "evaluate", "bless");
        assertThat(run.record().stages().get(3).artifacts()).extracting(a -> a.name())
                .containsExactly("classification.json", "site_share.json", "evaluation.json");
        assertThat(e.model().dataset()).isEqualTo(dir.resolve("dataset").toAbsolutePath().normalize());
        assertThat(Split.TEST.folder()).isEqualTo("test");
    }
}
