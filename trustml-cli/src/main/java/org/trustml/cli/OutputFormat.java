package org.trustml.cli;

/** How a command prints its result. */
enum OutputFormat {
    /** Aligned tables for people. */
    text,
    /** One JSON document on stdout. */
    json
}
