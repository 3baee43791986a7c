package org.trustml.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that gates one model: the {@link TrustmlExtension} runs {@link #source()} (or loads
 * {@link #run()}) once before the first test, injects the evaluation, the {@link EvaluatedRun}, its
 * verdict and model card, and a class-scoped DJL {@code NDManager} as test method parameters, closes
 * them after the last test, and attaches the evaluation and model card to the test report.
 * <pre>{@code
 * @TrustmlTest(source = TrainTinyModel.class)
 * class ModelGatesTest {
 *     @Test
 *     void accurateEnough(MetricSource evaluation) {
 *         assertThat(evaluation).accuracy().isAtLeast(0.9);
 *     }
 * }
 * }</pre>
 * Give exactly one of {@code source} and {@code run}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(TrustmlExtension.class)
public @interface TrustmlTest {
    /** Makes the evaluation (trains, evaluates; or reads it from anywhere); instantiated by its no-arg constructor. */
    Class<? extends EvaluationSource> source() default EvaluationSource.class;

    /** Or: a finished run's directory ({@code run.json} and artifacts), relative to the working directory. */
    String run() default "";
}
