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
import org.trustml.explain.TabularShapEvaluator;
import org.trustml.explain.TreeShapEvaluator;
import org.trustml.tabular.TabularEvaluationInput;
import org.trustml.vision.evaluation.ImageEvaluationInput;

/**
 * The explain module's evaluator kinds of pipeline files: {@code lime}, {@code lime-tabular}, {@code shap}
 * (KernelSHAP or exact Shapley values on any table model) and {@code tree-shap} (TreeSHAP on Tribuo's trees).
 */
public final class ExplainEvaluatorSpecs implements EvaluatorSpecKinds {
    @Override
    public Map<String, Class<? extends EvaluatorSpec>> kinds() {
        return Map.of("lime", LimeSpec.class, "lime-tabular", LimeTabularSpec.class, "shap", ShapSpec.class,
                "tree-shap", TreeShapSpec.class);
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

    /** KernelSHAP or exact Shapley values. */
    enum ShapKind { KERNEL, EXACT }

    /** Path-dependent or interventional TreeSHAP. */
    enum TreeShapKind { PATH_DEPENDENT, INTERVENTIONAL }

    /**
     * {@code shap} ({@link TabularShapEvaluator}, in {@code evaluate-tabular}): {@code method} (kernel or exact; default
     * kernel), {@code rows} (5), {@code samples} (KernelSHAP's coalitions per row; 0, the default, is shap's auto),
     * {@code tolerance} (0.01), {@code seed} (0), {@code summary} (kmeans or sample) and {@code background-size} (10)
     * of the {@code background} (a CSV, usually the training rows; default the evaluated rows). Writes
     * {@code shap.json}.
     */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    @JsonClassDescription("SHAP values of a few evaluated rows on any table model (shap's KernelExplainer or exact "
            + "Shapley values): method (kernel, exact), rows, samples, tolerance, seed, summary (kmeans, sample), "
            + "background-size, background (a CSV).")
    public record ShapSpec(String method, Integer rows, Integer samples, Double tolerance, Long seed, String summary,
            Integer backgroundSize, String background) implements EvaluatorSpec {
        public ShapSpec {
            evaluator(method, rows, samples, tolerance, seed, summary, backgroundSize);
        }

        public String kind() {
            return "shap";
        }

        public Class<?> inputType() {
            return TableEvaluationInput.class;
        }

        public TabularShapEvaluator build(Path base) {
            TabularShapEvaluator e = evaluator(method, rows, samples, tolerance, seed, summary, backgroundSize);
            return background == null ? e : e.against(Table.readCsv(base.resolve(background)));
        }

        private static TabularShapEvaluator evaluator(String method, Integer rows, Integer samples, Double tolerance,
                Long seed, String summary, Integer backgroundSize) {
            int n = or(rows, 5);
            TabularShapEvaluator e = method == null || choice("method", method, ShapKind.class) == ShapKind.KERNEL
                    ? TabularShapEvaluator.kernel(n) : TabularShapEvaluator.exact(n);
            e = e.withSamples(or(samples, 0)).withTolerance(tolerance == null ? 0.01 : tolerance)
                    .withSeed(seed == null ? 0 : seed);
            return e.withBackground(summary == null ? TabularShapEvaluator.Summary.KMEANS
                    : choice("summary", summary, TabularShapEvaluator.Summary.class), or(backgroundSize, 10));
        }
    }

    /**
     * {@code tree-shap} ({@link TreeShapEvaluator}, in {@code evaluate-tabular} on a decision tree or gradient
     * boosting): {@code method} (path-dependent or interventional; default path-dependent), {@code rows} (5),
     * {@code background-size} (100), {@code seed} (0) and {@code background} (a CSV). Writes {@code tree_shap.json}.
     */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    @JsonClassDescription("TreeSHAP values of the evaluated rows on Tribuo's trees (decision-tree, gradient-boosting): "
            + "method (path-dependent, interventional), rows, background-size, seed, background (a CSV).")
    public record TreeShapSpec(String method, Integer rows, Integer backgroundSize, Long seed, String background)
            implements EvaluatorSpec {
        public TreeShapSpec {
            evaluator(method, rows, backgroundSize, seed);
        }

        public String kind() {
            return "tree-shap";
        }

        public Class<?> inputType() {
            return TabularEvaluationInput.class;
        }

        public TreeShapEvaluator build(Path base) {
            TreeShapEvaluator e = evaluator(method, rows, backgroundSize, seed);
            return background == null ? e : e.against(Table.readCsv(base.resolve(background)));
        }

        private static TreeShapEvaluator evaluator(String method, Integer rows, Integer backgroundSize, Long seed) {
            int n = or(rows, 5);
            TreeShapEvaluator e = method == null
                    || choice("method", method, TreeShapKind.class) == TreeShapKind.PATH_DEPENDENT
                    ? TreeShapEvaluator.pathDependent(n) : TreeShapEvaluator.interventional(n);
            return e.withBackgroundSize(or(backgroundSize, 100)).withSeed(seed == null ? 0 : seed);
        }
    }
}
