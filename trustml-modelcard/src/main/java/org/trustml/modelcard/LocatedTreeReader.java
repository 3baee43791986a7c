package org.trustml.modelcard;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trustml.core.InvalidInputException;
import org.trustml.core.io.InputFiles;
import org.trustml.core.io.StrictYaml;
import org.trustml.modelcard.internal.CardMappers;
import org.trustml.modelcard.internal.JsonPaths;
import org.trustml.modelcard.internal.LocatedTree;
import org.trustml.modelcard.internal.Texts;

/**
 * Reads a JSON or YAML document into a {@link LocatedTree}, token by token, so that every node
 * keeps its line and column. Refuses, with the line and column: malformed syntax, duplicate keys,
 * YAML aliases ({@code *name}: PyYAML and SnakeYAML expand them, which is how a "billion laughs"
 * document explodes), YAML tags other than the core schema's ({@code !!python/object}, {@code !custom}),
 * and cards past their {@link CardLimits} (bytes, nesting, number of values). Aliases and tags are
 * checked by core's {@link StrictYaml#checkNode}, the check pipeline files get; files are opened with
 * core's {@link InputFiles} (a bad byte is reported on its line).
 *
 * <p>Time and memory are linear in the card's size: YAML is scanned by {@link CardMappers#yamlParser}'s
 * whole-text reader (SnakeYAML's own reader is quadratic in the length of a scalar), and positions are
 * kept in a tree beside the document ({@link LocatedTree.Located}), not in a map keyed by path.
 */
final class LocatedTreeReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(false);

    private final Path file;
    private final CardFormat format;
    private final CardLimits limits;
    private JsonParser parser;
    private int nodes;

    private LocatedTreeReader(Path file, CardFormat format, CardLimits limits) {
        this.file = file;
        this.format = format;
        this.limits = java.util.Objects.requireNonNull(limits, "limits");
    }

    /** Reads a file; its format comes from its extension. */
    static LocatedTree read(Path file, CardLimits limits) {
        CardFormat format = CardFormat.of(file);
        InputFiles.requireReadableFile(file, "a model card file");
        String text;
        try {
            long size = Files.size(file);
            if (size > limits.maxBytes()) {
                throw tooLarge(file, size, limits);
            }
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (IOException e) { // a CharacterCodingException too: located on its line
            throw InputFiles.readFailure(file, e, "a model card file");
        }
        return new LocatedTreeReader(file, format, limits).parse(text);
    }

    /** Reads text in a format; {@code file} (may be null) only names the source in messages. */
    static LocatedTree read(String text, CardFormat format, Path file, CardLimits limits) {
        long size = utf8Length(text);
        if (size > limits.maxBytes()) {
            throw tooLarge(file, size, limits);
        }
        return new LocatedTreeReader(file, format, limits).parse(text);
    }

    private LocatedTree parse(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (JsonParser p = format == CardFormat.YAML
                        ? CardMappers.yamlParser(text, limits.maxBytes(), limits.maxDepth())
                        : CardMappers.jsonParser(text, limits.maxBytes(), limits.maxDepth())) {
            this.parser = p;
            p.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
            JsonToken first = p.nextToken();
            if (first == null) {
                throw problem("is empty", "a model card (a mapping with model_details, ...)", p.currentLocation());
            }
            List<LocatedTree.Located> top = new ArrayList<>(1);
            JsonNode root = value(first, new ArrayList<>(), 0, null, top);
            JsonToken next = p.nextToken();
            if (next != null) {
                throw problem("has more than one document", "a single model card", p.currentTokenLocation());
            }
            return new LocatedTree(root, top.get(0));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String kind = format == CardFormat.YAML ? "is not valid YAML" : "is not valid JSON";
            throw InvalidInputException.problem(kind + at(at) + ": " + Texts.firstLine(e.getOriginalMessage()))
                    .file(file).line(at == null ? 0 : at.getLineNr()).build(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The value starting at {@code token}; its position (or {@code propertyAt}, the position of its key when it
     * is a property) and its children's are added to {@code into}.
     */
    private JsonNode value(JsonToken token, List<Object> path, int depth, LocatedTree.Position propertyAt,
            List<LocatedTree.Located> into) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        StrictYaml.checkNode(parser, file); // refuses aliases and tags outside the core schema, as for pipelines
        if (++nodes > limits.maxNodes()) {
            throw problem("has more than " + limits.maxNodes() + " values",
                    "at most " + limits.maxNodes() + " (CardLimits.maxNodes)", at);
        }
        LocatedTree.Position self = propertyAt != null ? propertyAt : position(at);
        if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
            into.add(new LocatedTree.Located(self, List.of()));
        }
        switch (token) {
            case START_OBJECT -> {
                checkDepth(depth, at);
                ObjectNode object = NODES.objectNode();
                List<LocatedTree.Located> children = new ArrayList<>();
                JsonToken t;
                while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonLocation keyAt = parser.currentTokenLocation();
                    StrictYaml.checkNode(parser, file);
                    if (object.has(name)) {
                        throw problem("has a duplicate key '" + name + "' in " + JsonPaths.format(path),
                                "each key once", keyAt);
                    }
                    path.add(name);
                    object.set(name, value(parser.nextToken(), path, depth + 1, position(keyAt), children));
                    path.remove(path.size() - 1);
                }
                into.add(new LocatedTree.Located(self, children));
                return object;
            }
            case START_ARRAY -> {
                checkDepth(depth, at);
                ArrayNode array = NODES.arrayNode();
                List<LocatedTree.Located> children = new ArrayList<>();
                JsonToken t;
                int index = 0;
                while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                    path.add(index++);
                    array.add(value(t, path, depth + 1, null, children));
                    path.remove(path.size() - 1);
                }
                into.add(new LocatedTree.Located(self, children));
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(parser.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw problem("has an unexpected " + token, "a JSON value", at);
        }
    }

    private void checkDepth(int depth, JsonLocation at) {
        if (depth >= limits.maxDepth()) {
            throw problem("nests deeper than " + limits.maxDepth() + " levels",
                    "at most " + limits.maxDepth() + " (CardLimits.maxDepth)", at);
        }
    }

    private static InvalidInputException tooLarge(Path file, long bytes, CardLimits limits) {
        return InvalidInputException.problem("is too large for a model card").file(file).value(bytes + " bytes")
                .expected("at most " + limits.maxBytes() + " bytes (CardLimits.maxBytes)").build();
    }

    /** The length of {@code text} in UTF-8 without encoding it (a lone surrogate counts 3 bytes). */
    private static long utf8Length(String text) {
        long n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private InvalidInputException problem(String what, String expected, JsonLocation at) {
        return InvalidInputException.problem(what + at(at)).file(file)
                .line(at == null ? 0 : Math.max(0, at.getLineNr())).expected(expected).build();
    }

    private static String at(JsonLocation at) {
        return at == null || at.getColumnNr() <= 0 ? "" : " at column " + at.getColumnNr();
    }

    private static LocatedTree.Position position(JsonLocation at) {
        return new LocatedTree.Position(at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr());
    }
}
