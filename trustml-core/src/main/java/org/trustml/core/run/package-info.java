/**
 * The audit trail of a pipeline run: {@link org.trustml.core.run.RunRecord} (written as
 * {@code run.json}), its stage records, artifacts and environment, and content hashes of stage
 * inputs and outputs.
 */
package org.trustml.core.run;
