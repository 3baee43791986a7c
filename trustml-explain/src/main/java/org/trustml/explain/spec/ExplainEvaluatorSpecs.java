package org.trustml.explain.spec;

import static org.trustml.core.pipeline.spec.StageSpecs.choice;
import static org.trustml.core.pipeline.spec.StageSpecs.or;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Path;
import java.util.Map;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.TableEvaluationInput;
import org.trustml.core.pipeline.spec.EvaluatorSpec;
import org.trustml.core.pipeline.spec.EvaluatorSpecKinds;
import org.trustml.core.table.Table;
import org.trustml.explain.DiscretizerKind;
import org.trustml.explain.LimeEvaluator;
import org.trustml.explain.Quickshift;
import org.trustml.explain.Segmenter;
import org.trustml.explain.Slic;
import org.trustml.explain.TabularLimeEvaluator;
import org.trustml.vision.evaluation.ImageEvaluationInput;

/** The explain module's evaluator kinds of pipeline files: {@code lime} and {@code lime-tabular}. */
public final class ExplainEvaluatorSpecs implements EvaluatorSpecKinds {
    @Override
    public Map<String, Class<? extends EvaluatorSpec>> kinds() {
        return Map.of("lime", LimeSpec.class, "lime-tabular", LimeTabularSpec.class);
    }

    /** How the image is cut into superpixels. */
    enum SegmenterKind { QUICKSHIFT, SLIC }

    /**
     * {@code lime} ({@link LimeEvaluator}, in the image evaluate stage): {@code images} (default 4), {@code samples}
     * (lime's {@code num_samples}, default 1,000), {@code features} (superpixels per overlay, 5), {@code seed} (0),
     * {@code segmenter} (quickshift, lime's default, or slic) and {@code segments} (slic's {@code n_segments}, 100).
     * Writes {@code explanations.json} and an overlay and a heat map per image.
     */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    @JsonClassDescription("LIME image explanations (lime's LimeImageExplainer) of a few evaluated images, each for its "
            + "predicted class: images, samples, features, seed, segmenter (quickshift or slic) and segments (slic).")
    public record LimeSpec(Integer images, Integer samples, Integer features, Long seed, String segmenter,
            Integer segments) implements EvaluatorSpec {
        public LimeSpec {
            if (segments != null && segmenter != null && choice("segmenter", segmenter, SegmenterKind.class)
                    != SegmenterKind.SLIC) {
                throw InvalidInputException.problem("is set for a segmenter that has no segment count").column("segments")
                        .value(segments).expected("segments only with segmenter: slic").build();
            }
            evaluator(images, samples, features, seed, segmenter, segments);
        }

        public String kind() {
            return "lime";
        }

        public Class<?> inputType() {
            return ImageEvaluationInput.class;
        }

        public LimeEvaluator build(Path base) {
            return evaluator(images, samples, features, seed, segmenter, segments);
        }

        private static LimeEvaluator evaluator(Integer images, Integer samples, Integer features, Long seed,
                String segmenter, Integer segments) {
            long s = seed == null ? 0 : seed;
            SegmenterKind k = segmenter == null ? (segments == null ? SegmenterKind.QUICKSHIFT : SegmenterKind.SLIC)
                    : choice("segmenter", segmenter, SegmenterKind.class);
            Segmenter seg = k == SegmenterKind.SLIC ? Slic.defaults().withSegments(or(segments, 100))
                    : Quickshift.defaults().withSeed(s);
            return new LimeEvaluator(or(images, 4), or(samples, 1000), or(features, 5), s, seg);
        }
    }

    /**
     * {@code lime-tabular} ({@link TabularLimeEvaluator}, in {@code evaluate-tabular}): {@code rows} (default 5),
     * {@code samples} (5,000), {@code features} (10), {@code seed} (0), {@code discretizer} (quartile, decile or none)
     * and {@code background} (a CSV of rows, usually the training rows, for LIME's sampling statistics; default
     * the evaluated rows). Writes {@code explanations.json}.
     */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    @JsonClassDescription("LIME tabular explanations (lime's LimeTabularExplainer) of a few evaluated rows, each for its "
            + "predicted class: rows, samples, features, seed, discretizer (quartile, decile, none), background (a CSV).")
    public record LimeTabularSpec(Integer rows, Integer samples, Integer features, Long seed, String discretizer,
            String background) implements EvaluatorSpec {
        public LimeTabularSpec {
            evaluator(rows, samples, features, seed, discretizer);
        }

        public String kind() {
            return "lime-tabular";
        }

        public Class<?> inputType() {
            return TableEvaluationInput.class;
        }

        public TabularLimeEvaluator build(Path base) {
            TabularLimeEvaluator e = evaluator(rows, samples, features, seed, discretizer);
            return background == null ? e : e.against(Table.readCsv(base.resolve(background)));
        }

        private static TabularLimeEvaluator evaluator(Integer rows, Integer samples, Integer features, Long seed,
                String discretizer) {
            TabularLimeEvaluator e = TabularLimeEvaluator.of(or(rows, 5)).withSamples(or(samples, 5000))
                    .withFeatures(or(features, 10)).withSeed(seed == null ? 0 : seed);
            return discretizer == null ? e : e.withDiscretizer(choice("discretizer", discretizer, DiscretizerKind.class));
        }
    }
}
