/** Runnable end-to-end trustml pipelines. Never a dependency of anything. */
package org.trustml.samples;
