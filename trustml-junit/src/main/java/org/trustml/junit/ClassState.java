package org.trustml.junit;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.trustml.core.evaluation.Verdict;
import org.trustml.modelcard.ModelCard;

/**
 * One {@code @TrustmlTest} class's resources: its work directory, its NDManager (made on first
 * use), and the evaluation once made. {@link #close()} releases all of them.
 */
final class ClassState implements EvaluationContext, AutoCloseable {
    private final Class<?> testClass;
    private Path workDirectory;
    private NDManager manager;
    private EvaluatedRun run;

    public ClassState(Class<?> testClass) {
        this.testClass = testClass;
    }

    @Override
    public Class<?> testClass() {
        return testClass;
    }

    @Override
    public synchronized Path workDirectory() {
        if (workDirectory == null) {
            try {
                workDirectory = Files.createTempDirectory("trustml-" + testClass.getSimpleName() + "-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return workDirectory;
    }

    @Override
    public synchronized NDManager manager() {
        if (manager == null) {
            manager = NDManager.newBaseManager();
        }
        return manager;
    }

    /** Keeps the evaluation the source made. */
    public synchronized void loaded(EvaluatedRun evaluated) {
        this.run = evaluated;
    }

    /** Whether a parameter of {@code type} can be injected. */
    public synchronized boolean supports(Class<?> type) {
        return type == NDManager.class || resolve(type).isPresent();
    }

    /** The value to inject for {@code type}, if there is one (the manager is made here on first use). */
    public synchronized Optional<Object> resolve(Class<?> type) {
        if (type == NDManager.class) {
            return Optional.of(manager());
        }
        if (run == null) {
            return Optional.empty();
        }
        if (type == EvaluatedRun.class) {
            return Optional.of(run);
        }
        if (type == Verdict.class) {
            return run.verdict().map(v -> v);
        }
        if (type == ModelCard.class) {
            return run.modelCard().map(c -> c);
        }
        return type.isInstance(run.evaluation()) ? Optional.of(run.evaluation()) : Optional.empty();
    }

    @Override
    public synchronized void close() throws Exception {
        Exception first = null;
        if (run != null && run.evaluation() instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                first = e;
            }
        }
        if (manager != null) {
            manager.close();
            manager = null;
        }
        if (workDirectory != null) {
            try (Stream<Path> files = Files.walk(workDirectory)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
            workDirectory = null;
        }
        if (first != null) {
            throw first;
        }
    }
}
