/** FGSM and PGD attacks with ART's semantics and robustness reports (issue: trustml-adversarial). */
package org.trustml.adversarial;
