/** How the report is built: the template's view of an evaluation, and the XChart plots. Not API. */
package org.trustml.report.internal;
