/** File helpers every module uses: atomic writes (temporary file, then move) and content hashes. */
package org.trustml.core.io;
