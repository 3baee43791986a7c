/** A test stand-in for IJava's runtime display API (see {@code Display}); not IJava. */
package io.github.spencerpark.ijava.runtime;
