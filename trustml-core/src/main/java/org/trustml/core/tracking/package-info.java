/**
 * Experiment tracking: {@link org.trustml.core.tracking.Tracker} receives each run's params, metrics and tags.
 * {@link org.trustml.core.tracking.MlflowFileStore} (the embedded default of {@code trustml run} and the demo)
 * writes them in MLflow's {@code mlruns/} file-store layout; {@link org.trustml.core.tracking.MlflowServer} sends
 * them to an MLflow tracking server over its REST API 2.0 ({@code java.net.http} and Jackson, no MLflow client
 * library), keeping every run in a local tracker as well, and {@link org.trustml.core.tracking.MlflowRegistry}
 * registers model versions and moves aliases for promotions.
 */
package org.trustml.core.tracking;
