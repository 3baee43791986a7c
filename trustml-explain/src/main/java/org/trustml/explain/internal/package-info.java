/**
 * Implementation details of trustml-explain: the weighted ridge and lasso path behind LIME's
 * local models, colour conversion, discretizers and tokenisation, and the HTML report's explanations section
 * ({@code ExplanationSection}, found by the report with ServiceLoader). Not part of the public API.
 */
package org.trustml.explain.internal;
