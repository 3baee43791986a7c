/** Group fairness metrics in AIF360's definitions and bias mitigation (issue: trustml-fairness). */
package org.trustml.fairness;
