package org.trustml.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import org.trustml.core.io.AtomicFiles;
import org.trustml.pipeline.internal.Shape;
import org.trustml.pipeline.internal.Shapes;

/**
 * The JSON Schema (draft 2020-12) of pipeline files, generated from the records of the stage and evaluator kinds on
 * the class path ({@code StageSpecKinds}, {@code EvaluatorSpecKinds}): every kind, every field with its type, enums
 * with their values, required fields ({@code @Required}) and each kind's description. The project publishes the one
 * of all its modules as {@code docs/pipeline.schema.json} (a test keeps the file equal to what this class writes),
 * so editors with a YAML language server complete and check pipeline files:
 *
 * <pre>
 * # yaml-language-server: $schema=https://raw.githubusercontent.com/trustml/trustml/main/docs/pipeline.schema.json
 * </pre>
 *
 * <p>Each stage is an object with exactly one key, the kind; its value has the kind's fields and no others.
 * Checks a schema cannot state (exactly one source of {@code ingest}, known metric names, stages that fit) are made
 * when the file is read ({@code trustml run --check}).
 */
public final class PipelineSchema {
    /** The schema's {@code $id}: where the project publishes it. */
    public static final String ID = "https://raw.githubusercontent.com/trustml/trustml/main/docs/pipeline.schema.json";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final ObjectNode schema;

    private PipelineSchema(ObjectNode schema) {
        this.schema = schema;
    }

    /** The schema of the kinds on the class path. */
    public static PipelineSchema ofClassPath() {
        Shapes shapes = Shapes.ofClassPath();
        ObjectNode root = NODES.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", ID);
        root.put("title", "trustml pipeline file");
        ObjectNode body = fields(shapes.pipeline());
        body.fields().forEachRemaining(e -> root.set(e.getKey(), e.getValue()));
        ObjectNode defs = root.putObject("$defs");
        defs.set("stage", oneKind(shapes.stages()));
        defs.set("evaluator", oneKind(shapes.evaluators()));
        for (Map.Entry<String, Shape.Fields> d : shapes.definitions().entrySet()) {
            defs.set(d.getKey(), fields(d.getValue()));
        }
        return new PipelineSchema(root);
    }

    /** The schema as a JSON tree (a copy). */
    public JsonNode json() {
        return schema.deepCopy();
    }

    /** The schema as pretty-printed JSON with a final newline, keys in a fixed order. */
    public String text() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(schema) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@link #text()} to {@code file}, atomically. */
    public Path write(Path file) {
        return AtomicFiles.writeString(file, text());
    }

    /** Writes the schema of the kinds on the class path to the file named by the one argument. */
    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: PipelineSchema OUTPUT.json");
        }
        ofClassPath().write(Path.of(args[0]));
    }

    private static ObjectNode shape(Shape s) {
        ObjectNode n = NODES.objectNode();
        if (s instanceof Shape.Scalar sc) {
            n.put("type", sc.type());
        } else if (s instanceof Shape.Choice c) {
            n.put("type", "string");
            ArrayNode values = n.putArray("enum");
            c.values().forEach(values::add);
        } else if (s instanceof Shape.ListOf l) {
            n.put("type", "array");
            n.set("items", shape(l.items()));
        } else if (s instanceof Shape.MapOf m) {
            n.put("type", "object");
            n.set("additionalProperties", shape(m.values()));
        } else if (s instanceof Shape.Fields f) {
            n.put("$ref", "#/$defs/" + f.name());
        } else if (s instanceof Shape.OneKind k) {
            n.put("$ref", "#/$defs/" + k.name());
        }
        return n;
    }

    private static ObjectNode fields(Shape.Fields f) {
        ObjectNode n = NODES.objectNode();
        if (!f.description().isEmpty()) {
            n.put("description", f.description());
        }
        n.put("type", "object");
        ObjectNode props = n.putObject("properties");
        f.fields().forEach((name, shape) -> props.set(name, shape(shape)));
        if (!f.required().isEmpty()) {
            ArrayNode r = n.putArray("required");
            f.fields().keySet().stream().filter(f.required()::contains).forEach(r::add);
        }
        n.put("additionalProperties", false);
        return n;
    }

    private static ObjectNode oneKind(Shape.OneKind k) {
        ObjectNode n = NODES.objectNode();
        n.put("description", "One " + k.name() + ": a mapping with exactly one key, the " + k.name() + " kind, whose "
                + "value is its configuration.");
        ArrayNode oneOf = n.putArray("oneOf");
        k.kinds().forEach((kind, fields) -> {
            ObjectNode alt = oneOf.addObject();
            alt.put("type", "object");
            alt.putObject("properties").set(kind, shape(fields));
            alt.putArray("required").add(kind);
            alt.put("additionalProperties", false);
        });
        return n;
    }
}
