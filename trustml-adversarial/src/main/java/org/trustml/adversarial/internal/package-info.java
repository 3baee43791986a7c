/**
 * Implementation helpers of the attacks that know nothing of the attack API: batch walks over host arrays
 * with scoped managers ({@code BatchLoop}), perturbation norms, the incomplete gamma function of random
 * starts, argument checks, the PNG sheet, the TorchScript forward pass and the native-heap trim. The attacks
 * themselves (steps, runner, report assembly) are package-private classes of {@code org.trustml.adversarial};
 * nothing here imports that package. Not API.
 */
package org.trustml.adversarial.internal;
