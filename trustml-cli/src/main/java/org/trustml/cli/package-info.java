/**
 * The {@code trustml} command line (picocli): {@code trustml table describe}, {@code trustml demo}
 * and, as later modules land, one subcommand per module. Exit codes: 0 success, 2 bad input (one
 * line on stderr naming the problem), 1 internal error.
 */
package org.trustml.cli;
