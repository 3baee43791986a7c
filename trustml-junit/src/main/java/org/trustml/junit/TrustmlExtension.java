package org.trustml.junit;

import java.lang.reflect.Parameter;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.MediaType;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import org.trustml.core.io.AtomicFiles;
import org.trustml.core.io.Json;
import org.trustml.modelcard.CardRenderer;
import org.trustml.modelcard.ModelCard;
import org.trustml.modelcard.ModelCards;

/**
 * The JUnit 5 extension behind {@link TrustmlTest}. Before the first test of a class it makes or
 * loads the evaluation once; it resolves test method parameters of the types {@link EvaluatedRun},
 * {@code ai.djl.ndarray.NDManager}, {@link org.trustml.core.evaluation.Verdict} and {@link ModelCard}
 * (when the run has them) and of the evaluation's own type ({@code MetricSource},
 * {@code ImageEvaluation}, …); it publishes report entries ({@code trustml.run}, {@code trustml.verdict})
 * and the files {@code evaluation.json}, {@code verdict.json}, {@code model-card.html} and
 * {@code model-card.yaml} to the test report; after the last test it closes the evaluation (if it is
 * {@link AutoCloseable}) and the NDManager, and deletes the work directory. A {@code @Nested} class
 * shares its enclosing class's evaluation.
 */
public final class TrustmlExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TrustmlExtension.class);
    private static final String STATE = "state";

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (state(context).isPresent()) {
            return; // a @Nested class: the enclosing class's evaluation serves
        }
        TrustmlTest config = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), TrustmlTest.class)
                .orElseThrow(() -> new ExtensionConfigurationException(
                        context.getRequiredTestClass().getName() + " uses TrustmlExtension without @TrustmlTest"));
        boolean hasSource = config.source() != EvaluationSource.class;
        if (hasSource == !config.run().isEmpty()) {
            throw new ExtensionConfigurationException("@TrustmlTest on " + context.getRequiredTestClass().getName()
                    + " needs exactly one of source = <EvaluationSource class> and run = \"<run directory>\"");
        }
        ClassState state = new ClassState(context.getRequiredTestClass());
        context.getStore(NAMESPACE).put(STATE, state);
        EvaluatedRun run = hasSource
                ? ReflectionSupport.newInstance(config.source()).evaluate(state)
                : EvaluatedRun.load(Path.of(config.run()));
        if (run == null) {
            throw new ExtensionConfigurationException(config.source().getName() + ".evaluate returned null");
        }
        state.loaded(run);
        publish(context, run);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        ClassState state = context.getStore(NAMESPACE).remove(STATE, ClassState.class);
        if (state != null) {
            state.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type != Object.class && state(context).map(s -> s.supports(type)).orElse(false);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Parameter p = parameter.getParameter();
        return state(context).flatMap(s -> s.resolve(p.getType()))
                .orElseThrow(() -> new ParameterResolutionException("no " + p.getType().getName() + " to inject"));
    }

    private static Optional<ClassState> state(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(NAMESPACE).get(STATE, ClassState.class));
    }

    private static void publish(ExtensionContext context, EvaluatedRun run) {
        context.publishReportEntry("trustml.run", run.runId().orElse("none")
                + run.runDirectory().map(d -> " (" + d.toAbsolutePath() + ")").orElse(""));
        context.publishReportEntry("trustml.metrics", Integer.toString(run.evaluation().metrics().size()));
        run.verdict().ifPresent(v -> context.publishReportEntry("trustml.verdict", v.summary()));
        MediaType json = MediaType.parse("application/json; charset=UTF-8");
        context.publishFile("evaluation.json", json,
                f -> AtomicFiles.write(f, o -> Json.writer().writeValue(o, run.evaluation().metrics())));
        run.verdict().ifPresent(v -> context.publishFile("verdict.json", json, f -> AtomicFiles.write(f, o -> Json.writer().writeValue(o, v))));
        run.modelCard().ifPresent(card -> {
            context.publishFile("model-card.html", MediaType.parse("text/html; charset=UTF-8"),
                    f -> AtomicFiles.writeString(f, CardRenderer.html(card)));
            context.publishFile("model-card.yaml", MediaType.parse("application/yaml; charset=UTF-8"),
                    f -> AtomicFiles.writeString(f, ModelCards.toYaml(card)));
        });
    }
}
