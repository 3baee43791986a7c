/**
 * Experiment tracking: {@link org.trustml.core.tracking.Tracker} receives each run's params,
 * metrics and tags; {@link org.trustml.core.tracking.MlflowFileStore} writes them in MLflow's
 * {@code mlruns/} file-store layout so that {@code mlflow ui} shows trustml runs.
 */
package org.trustml.core.tracking;
