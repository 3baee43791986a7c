package org.trustml.core.pipeline.spec;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.nio.file.Path;
import org.trustml.core.evaluation.Evaluator;

/**
 * One entry of an evaluate stage's {@code evaluators} list in a pipeline file: a single key naming the
 * evaluator kind whose value is its configuration, e.g. {@code - fairness: {favorable: yes, privileged: [{sex: M}],
 * protected: [sex]}}. The modules that own evaluators list theirs through {@link EvaluatorSpecKinds}
 * ({@code fairness} from trustml-fairness, {@code lime}, {@code lime-tabular}, {@code shap} and {@code tree-shap} from trustml-explain,
 * {@code robustness} from trustml-adversarial, {@code drift}, {@code image-drift} and {@code autoencoder-drift}
 * from trustml-drift). Like a {@link StageSpec}, the record is the configuration the file gave; the evaluator it
 * builds records its own configuration in the run record.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
public interface EvaluatorSpec {
    /** The evaluator's name in pipeline files. */
    String kind();

    /**
     * What the evaluator reads: {@link org.trustml.core.evaluation.Predictions} (it runs in every evaluate
     * stage), {@link org.trustml.core.evaluation.TableEvaluationInput} (a table model's evaluate stage), or a
     * module's own input (trustml-vision's {@code ImageEvaluationInput}: the image evaluate stage).
     */
    Class<?> inputType();

    /** The evaluator, with relative paths resolved against {@code base} (the pipeline file's folder). */
    Evaluator<?> build(Path base);
}
