/**
 * The first stages of every pipeline: {@link org.trustml.core.stages.Ingest} (CSV and JSON Lines
 * into a table), {@link org.trustml.core.stages.Transform} (change or derive columns) and
 * {@link org.trustml.core.stages.Filter} (keep rows).
 */
package org.trustml.core.stages;
