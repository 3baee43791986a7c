package org.trustml.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.modality.Classifications;
import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.ImageFactory;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import java.awt.image.BufferedImage;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.evaluation.Evaluation;
import org.trustml.core.evaluation.MetricValue;
import org.trustml.core.evaluation.Verdict;
import org.trustml.core.io.ContentHash;
import org.trustml.vision.train.Architecture;
import org.trustml.vision.train.TrainedModel;

/** A package loads in DJL the way DJL Serving reads {@code serving.properties}. */
class DjlServingPropertiesTest {
    @TempDir
    Path dir;

    @Test
    void servingPropertiesLoadThePackageThroughDjlCriteria() throws Exception {
        TrainedModel t = TrainedModel.initialised(Architecture.MOBILENET_V2, List.of("blue", "red"), 32, dir.resolve("m"));
        assertServesAsTrustmlPredicts(t);
    }

    @Test
    void aTorchScriptPackageLoadsWithoutTheBlockFactory() throws Exception {
        // the fixture made by src/test/resources/torchscript/make_fixtures.py
        Path pt = dir.resolve("colour-cnn.pt");
        try (var in = getClass().getResourceAsStream("/torchscript/colour-cnn.pt")) {
            Files.copy(in, pt);
        }
        TrainedModel t = new TrainedModel(Architecture.TORCHSCRIPT, pt, ContentHash.ofFile(pt), List.of("blue", "red"),
                32, 0, List.of(), dir);
        String props = assertServesAsTrustmlPredicts(t);
        assertThat(props).contains("option.modelName=model-0000.params").doesNotContain("blockFactory");
    }

    /** Publishes {@code t}, loads the package as DJL Serving would and compares one prediction; gives the properties. */
    private String assertServesAsTrustmlPredicts(TrainedModel t) throws Exception {
        Evaluation e = Evaluation.of(List.of(MetricValue.of("accuracy", 1.0)));
        Path pkg = ModelRegistry.at(dir.resolve("registry")).publish(t, e, Verdict.judge(List.of(), e, Optional.empty()),
                Optional.empty(), PublishOptions.named("colours")).directory();
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(pkg.resolve("serving.properties"))) {
            props.load(r);
        }
        // as DJL Serving does: engine and option.* are model options, the rest translator/loader arguments
        Criteria.Builder<Image, Classifications> b = Criteria.builder().setTypes(Image.class, Classifications.class)
                .optModelPath(pkg).optEngine(props.getProperty("engine"))
                .optModelName(props.getProperty("option.modelName"));
        for (String k : props.stringPropertyNames()) {
            if (!k.equals("engine") && !k.startsWith("option.")) {
                b.optArgument(k, props.getProperty(k));
            }
        }
        BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        SplittableRandom rnd = new SplittableRandom(3);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                img.setRGB(x, y, rnd.nextInt(1 << 24));
            }
        }
        Path png = dir.resolve("x.png");
        ImageIO.write(img, "png", png.toFile());
        double[][] expected;
        try (Model m = t.load()) {
            expected = t.predictProbabilities(m, List.of(png));
        }
        try (ZooModel<Image, Classifications> model = b.build().loadModel();
                Predictor<Image, Classifications> p = model.newPredictor()) {
            Classifications c = p.predict(ImageFactory.getInstance().fromFile(png));
            // a 32x32 image needs no resizing, so DJL's translator (ToTensor, softmax) sees the same
            // tensor as trustml: the same probabilities up to float rounding
            assertThat(c.get("blue").getProbability()).isCloseTo(expected[0][0], within(1e-5));
            assertThat(c.get("red").getProbability()).isCloseTo(expected[0][1], within(1e-5));
        }
        return Files.readString(pkg.resolve("serving.properties"));
    }
}
