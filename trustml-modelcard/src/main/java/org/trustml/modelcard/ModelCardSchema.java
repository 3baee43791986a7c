package org.trustml.modelcard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.trustml.modelcard.internal.CardMappers;
import org.trustml.modelcard.internal.EarlyRevision;
import org.trustml.modelcard.internal.JsonPaths;
import org.trustml.modelcard.internal.LocatedTree;

/**
 * The Model Card Toolkit's JSON schema v0.0.2 and a draft-07 validator for it (networknt
 * json-schema-validator). MCT changed its v0.0.2 file after first publishing it; both revisions
 * ship, unmodified, and {@link Revision#FINAL} is the default:
 * <ul>
 *   <li>{@link Revision#FINAL}: commit f895074 (2021-11-23), the file in every MCT release from
 *       1.2.0 to 2.1.0, the last one. Metric values and confidence-interval bounds are strings;
 *       {@code model_details.path} and {@code model_parameters.input_format_map} /
 *       {@code output_format_map} exist. Cards MCT writes follow it.</li>
 *   <li>{@link Revision#EARLY}: commit 4161ebb (2021-03-30), in MCT 1.0.0 and 1.1.0, whose own
 *       writer already wrote strings. Metric values are numbers. Earlier trustml versions
 *       validated against it and wrote numbers.</li>
 * </ul>
 * {@link ModelCards#read} accepts cards of either revision (an early card's numbers are read as
 * the strings MCT's last release would write); validation reports against one revision.
 *
 * <p>Differences from MCT's own check ({@code jsonschema.validate} in Python, which asserts no
 * {@code format}): {@code format} is asserted, so {@code version.date} must be an RFC 3339 full
 * date and {@code reference}/{@code link} must be URIs. A card valid here is valid for MCT.
 *
 * <p>Both files refer to {@code #definitions/graphic} (no slash), which MCT fixed after its last
 * release (commit 74d7e6d); the copy loaded for validation points that reference at
 * {@code #/definitions/graphic}, which is what it means. Thread-safe; load once with
 * {@link #mct002()} or {@link #of(Revision)}.
 */
public final class ModelCardSchema {
    /** Classpath location of the default ({@link Revision#FINAL}) schema file. */
    public static final String RESOURCE = "/org/trustml/modelcard/schema/v0.0.2/model_card.schema.json";

    /** A revision of MCT's {@code model_card_toolkit/schema/v0.0.2/model_card.schema.json}. */
    public enum Revision {
        /** Commit f89507474dcba57aafb68263f96ad406f3fadf80, in MCT 1.2.0 to 2.1.0 (the last release): strings. */
        FINAL("f89507474dcba57aafb68263f96ad406f3fadf80", RESOURCE),
        /** Commit 4161ebb359936c38685921e457991d52030ea618, in MCT 1.0.0 and 1.1.0: numbers for metric values. */
        EARLY("4161ebb359936c38685921e457991d52030ea618",
                "/org/trustml/modelcard/schema/v0.0.2-4161ebb/model_card.schema.json");

        private final String commit;
        private final String resource;

        Revision(String commit, String resource) {
            this.commit = commit;
            this.resource = resource;
        }

        /** The tensorflow/model-card-toolkit commit the file comes from. */
        public String commit() {
            return commit;
        }

        /** Its classpath location. */
        public String resource() {
            return resource;
        }

        /** {@code final (f895074)}: how messages name it. */
        public String label() {
            return name().toLowerCase(Locale.ROOT) + " (" + commit.substring(0, 7) + ")";
        }
    }

    private static final class Holder {
        static final ModelCardSchema FINAL = new ModelCardSchema(Revision.FINAL);
        static final ModelCardSchema EARLY = new ModelCardSchema(Revision.EARLY);
    }

    private final Revision revision;
    private final JsonSchema schema;

    private ModelCardSchema(Revision revision) {
        this.revision = revision;
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_PATH)
                .formatAssertionsEnabled(true)
                .locale(Locale.ROOT)
                .build();
        this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(loadFixed(revision), config);
        this.schema.initializeValidators();
    }

    /** MCT's v0.0.2 schema as its last release ships it ({@link Revision#FINAL}). */
    public static ModelCardSchema mct002() {
        return Holder.FINAL;
    }

    /** A revision of MCT's v0.0.2 schema. */
    public static ModelCardSchema of(Revision revision) {
        return switch (java.util.Objects.requireNonNull(revision, "revision")) {
            case FINAL -> Holder.FINAL;
            case EARLY -> Holder.EARLY;
        };
    }

    /** Which revision this is. */
    public Revision revision() {
        return revision;
    }

    /** The exact bytes of the shipped {@link Revision#FINAL} schema file. */
    public static byte[] rawSchema() {
        return rawSchema(Revision.FINAL);
    }

    /** The exact bytes of a shipped schema file. */
    public static byte[] rawSchema(Revision revision) {
        try (InputStream in = ModelCardSchema.class.getResourceAsStream(revision.resource())) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + revision.resource());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Validates a card file (JSON or YAML by extension); malformed files throw {@code InvalidInputException}. */
    public ValidationReport validate(Path file) {
        return validate(file, CardLimits.defaults());
    }

    /** Validates a card file within {@code limits}; a file past them throws {@code InvalidInputException}. */
    public ValidationReport validate(Path file, CardLimits limits) {
        return validate(LocatedTreeReader.read(file, limits), Optional.of(file.toString()));
    }

    /** Validates card text in a format; malformed text throws {@code InvalidInputException}. */
    public ValidationReport validate(String text, CardFormat format) {
        return validate(LocatedTreeReader.read(text, format, null, CardLimits.defaults()), Optional.empty());
    }

    /** Validates a card record (as it would be written). */
    public ValidationReport validate(ModelCard card) {
        JsonNode tree = CardMappers.json().valueToTree(card);
        return validate(LocatedTree.unlocated(tree), Optional.empty());
    }

    ValidationReport validate(LocatedTree tree, Optional<String> source) {
        List<ValidationError> errors = new ArrayList<>();
        for (ValidationMessage m : schema.validate(tree.root())) {
            List<Object> segments = segments(m.getInstanceLocation());
            String rule = m.getType();
            String message = m.getError() == null ? m.getMessage() : m.getError();
            if ("additionalProperties".equals(rule) && m.getProperty() != null) {
                segments.add(m.getProperty());
                message = "unknown field '" + m.getProperty() + "' (the schema allows only schema_version, "
                        + "model_details, model_parameters, quantitative_analysis and considerations here)";
            } else if ("required".equals(rule) && m.getProperty() != null) {
                message = "is missing the required field '" + m.getProperty() + "'";
            } else if ("type".equals(rule) && revision == Revision.FINAL
                    && EarlyRevision.isNumberOfEarlyRevision(segments, at(tree.root(), segments))) {
                message += " (a number here follows MCT's early v0.0.2 revision, " + Revision.EARLY.commit().substring(0, 7)
                        + ", which earlier trustml versions wrote; trustml still reads such a card and writes the value "
                        + "as a string)";
            }
            LocatedTree.Position at = tree.find(segments).orElse(new LocatedTree.Position(0, 0));
            errors.add(new ValidationError(JsonPaths.format(segments), rule, message, at.line(), at.column()));
        }
        errors.sort(Comparator.comparingInt(ValidationError::line).thenComparingInt(ValidationError::column)
                .thenComparing(ValidationError::path).thenComparing(ValidationError::rule));
        return new ValidationReport(ValidationReport.SCHEMA_VERSION, source, errors);
    }

    private static List<Object> segments(JsonNodePath path) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < path.getNameCount(); i++) {
            out.add(path.getElement(i));
        }
        return out;
    }

    private static JsonNode at(JsonNode root, List<Object> segments) {
        JsonNode n = root;
        for (Object s : segments) {
            n = s instanceof Integer i ? n.path(i) : n.path(String.valueOf(s));
        }
        return n;
    }

    private static JsonNode loadFixed(Revision revision) {
        try {
            ObjectNode node = (ObjectNode) CardMappers.json().readTree(rawSchema(revision));
            ObjectNode items = (ObjectNode) node.at("/definitions/graphics_collection/properties/collection/items");
            if ("#definitions/graphic".equals(items.path("$ref").asText())) {
                items.put("$ref", "#/definitions/graphic");
            }
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
