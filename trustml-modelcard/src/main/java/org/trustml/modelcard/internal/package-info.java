/**
 * Implementation detail of trustml-modelcard: the Jackson mappers, the location-tracking tree reader,
 * the schema loader, the Mustache view models, text helpers and the HTML report's model-card section
 * ({@code ModelCardSection}, found by the report with ServiceLoader). Not API.
 */
package org.trustml.modelcard.internal;
