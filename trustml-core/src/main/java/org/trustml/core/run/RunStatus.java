package org.trustml.core.run;


/** Where a run or a stage stands. */
public enum RunStatus {
    RUNNING,
    FINISHED,
    FAILED
}
