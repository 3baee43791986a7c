/**
 * How trustml-junit words and routes a failed gate: the "expecting … but was … (run …)" messages,
 * and the sink that throws them at once or hands them to soft assertions. Not API.
 */
package org.trustml.junit.internal;
