package org.trustml.junit;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;

/** What an {@link EvaluationSource} is given: the test class, a work directory and an NDManager, all class-scoped. */
public interface EvaluationContext {
    /** The test class being prepared. */
    Class<?> testClass();

    /** A fresh directory for the run's files, deleted after the class's last test. */
    Path workDirectory();

    /** A DJL NDManager closed after the class's last test (created on first use). */
    NDManager manager();
}
