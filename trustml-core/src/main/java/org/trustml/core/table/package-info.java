/**
 * {@link org.trustml.core.table.Table}: immutable, columnar, typed data with per-column missing
 * values; CSV and JSON Lines reading with type inference, CSV writing, and conversion to DJL
 * {@code NDArray}s.
 */
package org.trustml.core.table;
