package org.trustml.modelcard.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * A parsed card: its JSON tree and, beside it, where every node starts in the file (1-based line and
 * column). For an object property the position is that of its key.
 *
 * <p>Positions are a tree of the same shape as the document (an object's children in field order,
 * an array's in index order), so recording them costs one small object per node and no hashing;
 * they are looked up only to report an error (see {@link #find}).
 *
 * @param root      the document
 * @param positions where each node is; null when the tree was not parsed from text (a merged card)
 */
public record LocatedTree(JsonNode root, Located positions) {
    /** A 1-based line and column. */
    public record Position(int line, int column) {}

    /**
     * Where a node is, and where its children are.
     *
     * @param at       the node's position
     * @param children its children's, in document order (empty for a scalar)
     */
    public record Located(Position at, List<Located> children) {}

    /** A tree without positions. */
    public static LocatedTree unlocated(JsonNode root) {
        return new LocatedTree(root, null);
    }

    /** Where the node at this path ({@link JsonPaths} segments) is, or its nearest ancestor that has a position. */
    public Optional<Position> find(List<?> segments) {
        if (positions == null) {
            return Optional.empty();
        }
        JsonNode node = root;
        Located located = positions;
        for (Object segment : segments) {
            int index = segment instanceof Integer i && node.isArray() ? i : node.isObject() ? fieldIndex(node, segment) : -1;
            if (index < 0 || index >= located.children().size()) {
                break;
            }
            node = node.isArray() ? node.get(index) : node.get(String.valueOf(segment));
            located = located.children().get(index);
        }
        return Optional.of(located.at());
    }

    private static int fieldIndex(JsonNode object, Object name) {
        int i = 0;
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); i++) {
            if (names.next().equals(String.valueOf(name))) {
                return i;
            }
        }
        return -1;
    }
}
