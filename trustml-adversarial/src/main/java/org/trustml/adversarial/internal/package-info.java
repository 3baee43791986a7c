/**
 * Implementation of the attacks: step arithmetic over NDArrays ({@code Steps}), the batch runner with
 * scoped managers ({@code AttackRunner}), random starts, report assembly, the PNG sheet and the HTML report's robustness section
 * ({@code RobustnessSection}, found by the report with ServiceLoader). Not API.
 */
package org.trustml.adversarial.internal;
