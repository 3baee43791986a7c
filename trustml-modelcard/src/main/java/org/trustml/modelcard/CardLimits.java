package org.trustml.modelcard;

import org.trustml.core.InvalidInputException;

/**
 * How large a model card trustml reads (JSON or YAML). A card past a limit is refused with an
 * {@link InvalidInputException} that names the file, the limit and the value found, before the
 * card takes more time or memory. Reading and validating take time and memory linear in a card's
 * size: a YAML card with a 10 MB string about 0.6 s of CPU and 230 MB peak RSS, one with 120,000
 * list entries about 3.5 s and 310 MB (BENCHMARKS.md, "trustml-modelcard").
 *
 * <p>The defaults ({@link #defaults()}) hold a card with many embedded PNG graphics: 16 MiB,
 * 64 levels of nesting, 1,000,000 values. YAML anchors and aliases ({@code &a}, {@code *a}) are
 * refused whatever the limits: expanding them is how a "billion laughs" document explodes, and a
 * model card has no use for them. SnakeYAML's own {@code codePointLimit} is set to
 * {@code maxBytes} as a second line.
 *
 * <pre>{@code
 * ModelCard card = ModelCards.read(path, CardLimits.defaults().withMaxBytes(64L << 20));
 * }</pre>
 *
 * @param maxBytes the largest card, in UTF-8 bytes (a file's size is checked before it is read);
 *                 at most {@value #MAX_BYTES_CEILING}
 * @param maxDepth the deepest nesting of mappings and sequences (the top mapping is level 1)
 * @param maxNodes the most values in a card: mappings, sequences and scalars (keys are not counted)
 */
public record CardLimits(long maxBytes, int maxDepth, int maxNodes) {
    /** Default {@link #maxBytes()}: 16 MiB. */
    public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;
    /** Default {@link #maxDepth()}. */
    public static final int DEFAULT_MAX_DEPTH = 64;
    /** Default {@link #maxNodes()}. */
    public static final int DEFAULT_MAX_NODES = 1_000_000;
    /** The largest {@link #maxBytes()} allowed: a card is held in memory as one Java string. */
    public static final long MAX_BYTES_CEILING = Integer.MAX_VALUE - 8;

    private static final CardLimits DEFAULTS = new CardLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_NODES);

    public CardLimits {
        if (maxBytes < 1 || maxBytes > MAX_BYTES_CEILING) {
            throw bad("maxBytes", maxBytes, "1 to " + MAX_BYTES_CEILING);
        }
        if (maxDepth < 1) {
            throw bad("maxDepth", maxDepth, "at least 1");
        }
        if (maxNodes < 1) {
            throw bad("maxNodes", maxNodes, "at least 1");
        }
    }

    /** 16 MiB, 64 levels, 1,000,000 values. */
    public static CardLimits defaults() {
        return DEFAULTS;
    }

    public CardLimits withMaxBytes(long bytes) {
        return new CardLimits(bytes, maxDepth, maxNodes);
    }

    public CardLimits withMaxDepth(int depth) {
        return new CardLimits(maxBytes, depth, maxNodes);
    }

    public CardLimits withMaxNodes(int nodes) {
        return new CardLimits(maxBytes, maxDepth, nodes);
    }

    private static InvalidInputException bad(String name, long value, String expected) {
        return InvalidInputException.problem("is out of range").column(name).value(Long.toString(value))
                .expected(expected).build();
    }
}
