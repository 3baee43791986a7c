/** LIME explanations for images, tables and text, and native segmenters (issue: trustml-explain). */
package org.trustml.explain;
