/** Model cards in the Model Card Toolkit schema: records, JSON/YAML IO, validation, rendering (issue: trustml-modelcard). */
package org.trustml.modelcard;
