/** How trustml-pipeline configures CEL (compiler, runtime, limits) and walks located YAML trees; not API. */
package org.trustml.pipeline.internal;
