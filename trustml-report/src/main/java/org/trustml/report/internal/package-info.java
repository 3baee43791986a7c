/**
 * How the report is built: the page around the sections, the sections of every evaluation (confusion, slices,
 * verdict, all metrics) and the XChart renderer of the sections' charts. Not API.
 */
package org.trustml.report.internal;
