package org.trustml.modelcard.internal;

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
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trustml.core.InvalidInputException;
import org.trustml.core.io.InputFiles;
import org.trustml.core.io.StrictYaml;
import org.trustml.modelcard.CardFormat;

/**
 * Reads a JSON or YAML document into a {@link LocatedTree}, token by token, so that every node
 * keeps its line and column. Refuses, with the line and column: malformed syntax, duplicate keys,
 * YAML aliases ({@code *name}: PyYAML and SnakeYAML expand them, which is how a "billion laughs"
 * document explodes), YAML tags other than the core schema's ({@code !!python/object}, {@code !custom}),
 * nesting deeper than {@link CardMappers#MAX_DEPTH} and documents longer than
 * {@link CardMappers#MAX_CODE_POINTS}. Aliases and tags are checked by core's
 * {@link StrictYaml#checkNode}, the check pipeline files get; files are opened with core's
 * {@link InputFiles} (a bad byte is reported on its line).
 */
public final class LocatedTreeReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(false);

    private final Path file;
    private final CardFormat format;
    private final Map<List<Object>, LocatedTree.Position> locations = new HashMap<>();
    private JsonParser parser;

    private LocatedTreeReader(Path file, CardFormat format) {
        this.file = file;
        this.format = format;
    }

    /** Reads a file; its format comes from its extension. */
    public static LocatedTree read(Path file) {
        CardFormat format = CardFormat.of(file);
        InputFiles.requireReadableFile(file, "a model card file");
        String text;
        try {
            if (Files.size(file) > 4L * CardMappers.MAX_CODE_POINTS) {
                throw InvalidInputException.problem("is too large for a model card").file(file)
                        .expected("at most " + CardMappers.MAX_CODE_POINTS + " characters").build();
            }
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (IOException e) { // a CharacterCodingException too: located on its line
            throw InputFiles.readFailure(file, e, "a model card file");
        }
        return new LocatedTreeReader(file, format).parse(text);
    }

    /** Reads text in a format; {@code file} (may be null) only names the source in messages. */
    public static LocatedTree read(String text, CardFormat format, Path file) {
        return new LocatedTreeReader(file, format).parse(text);
    }

    private LocatedTree parse(String text) {
        if (text.codePointCount(0, text.length()) > CardMappers.MAX_CODE_POINTS) {
            throw InvalidInputException.problem("is too large for a model card").file(file)
                    .expected("at most " + CardMappers.MAX_CODE_POINTS + " characters").build();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (Reader reader = new StringReader(text);
                JsonParser p = format == CardFormat.YAML
                        ? CardMappers.yaml().getFactory().createParser(reader)
                        : CardMappers.json().getFactory().createParser(reader)) {
            this.parser = p;
            p.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
            JsonToken first = p.nextToken();
            if (first == null) {
                throw problem("is empty", "a model card (a mapping with model_details, ...)", p.currentLocation());
            }
            JsonNode root = value(first, new ArrayList<>(), 0);
            JsonToken next = p.nextToken();
            if (next != null) {
                throw problem("has more than one document", "a single model card", p.currentTokenLocation());
            }
            return new LocatedTree(root, locations);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String kind = format == CardFormat.YAML ? "is not valid YAML" : "is not valid JSON";
            throw InvalidInputException.problem(kind + at(at) + ": " + Texts.firstLine(e.getOriginalMessage()))
                    .file(file).line(at == null ? 0 : at.getLineNr()).build(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode value(JsonToken token, List<Object> path, int depth) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        StrictYaml.checkNode(parser, file); // refuses aliases and tags outside the core schema, as for pipelines
        if (!locations.containsKey(path)) {
            locations.put(List.copyOf(path), position(at));
        }
        switch (token) {
            case START_OBJECT -> {
                checkDepth(depth, at);
                ObjectNode object = NODES.objectNode();
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
                    locations.put(List.copyOf(path), position(keyAt));
                    object.set(name, value(parser.nextToken(), path, depth + 1));
                    path.remove(path.size() - 1);
                }
                return object;
            }
            case START_ARRAY -> {
                checkDepth(depth, at);
                ArrayNode array = NODES.arrayNode();
                JsonToken t;
                int index = 0;
                while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                    path.add(index++);
                    array.add(value(t, path, depth + 1));
                    path.remove(path.size() - 1);
                }
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
        if (depth >= CardMappers.MAX_DEPTH) {
            throw problem("nests deeper than " + CardMappers.MAX_DEPTH + " levels", "a model card", at);
        }
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
