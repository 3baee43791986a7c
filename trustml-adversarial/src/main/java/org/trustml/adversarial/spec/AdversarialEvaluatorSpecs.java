package org.trustml.adversarial.spec;

import static org.trustml.core.pipeline.spec.StageSpecs.choice;
import static org.trustml.core.pipeline.spec.StageSpecs.or;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.trustml.adversarial.NativeHeap;
import org.trustml.adversarial.Norm;
import org.trustml.adversarial.RobustnessEvaluator;
import org.trustml.core.InvalidInputException;
import org.trustml.core.pipeline.spec.EvaluatorSpec;
import org.trustml.core.pipeline.spec.EvaluatorSpecKinds;
import org.trustml.core.pipeline.spec.Required;
import org.trustml.vision.evaluation.ImageEvaluationInput;

/** The adversarial module's evaluator kind of pipeline files: {@code robustness}. */
public final class AdversarialEvaluatorSpecs implements EvaluatorSpecKinds {
    @Override
    public Map<String, Class<? extends EvaluatorSpec>> kinds() {
        return Map.of("robustness", RobustnessSpec.class);
    }

    /**
     * {@code robustness} ({@link RobustnessEvaluator}, in the image evaluate stage): {@code eps} (required, the
     * perturbation budgets), {@code norm} (inf, 1 or 2; default inf), {@code max-iter} (PGD iterations, 0 for FGSM;
     * default 10), {@code max-images} (64), {@code seed} (0), {@code examples} (adversarial examples drawn per eps,
     * 6) and {@code native-heap} (keep or trim; default keep). Writes {@code robustness.json}; its metrics are on the
     * slices {@code eps=<eps>}.
     */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    @JsonClassDescription("Adversarial robustness (ART-style PGD, or FGSM with max-iter 0) of the evaluated images at "
            + "each eps: eps (required), norm (inf, 1, 2), max-iter, max-images, seed, examples, native-heap (keep, trim).")
    public record RobustnessSpec(@Required List<Double> eps, String norm, Integer maxIter, Integer maxImages, Long seed,
            Integer examples, String nativeHeap) implements EvaluatorSpec {
        public RobustnessSpec {
            if (eps == null || eps.isEmpty()) {
                throw InvalidInputException.problem("is required").column("eps")
                        .expected("a list of perturbation budgets such as [0.01, 0.03]").build();
            }
            eps = List.copyOf(eps);
            evaluator(eps, norm, maxIter, maxImages, seed, examples, nativeHeap);
        }

        public String kind() {
            return "robustness";
        }

        public Class<?> inputType() {
            return ImageEvaluationInput.class;
        }

        public RobustnessEvaluator build(Path base) {
            return evaluator(eps, norm, maxIter, maxImages, seed, examples, nativeHeap);
        }

        private static RobustnessEvaluator evaluator(List<Double> eps, String norm, Integer maxIter, Integer maxImages,
                Long seed, Integer examples, String nativeHeap) {
            return new RobustnessEvaluator(norm == null ? Norm.INF : Norm.parse(norm), eps, or(maxIter, 10),
                    or(maxImages, 64), seed == null ? 0 : seed, or(examples, RobustnessEvaluator.DEFAULT_EXAMPLES),
                    nativeHeap == null ? NativeHeap.KEEP : choice("native-heap", nativeHeap, NativeHeap.class));
        }
    }
}
