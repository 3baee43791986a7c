package org.trustml.modelcard;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trustml.core.InvalidInputException;
import org.trustml.core.io.AtomicFiles;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.modelcard.internal.CardMappers;
import org.trustml.modelcard.internal.EarlyRevision;
import org.trustml.modelcard.internal.JsonPaths;
import org.trustml.modelcard.internal.LocatedTree;
import org.trustml.modelcard.internal.TreeMerge;
import org.trustml.modelcard.internal.Texts;

/**
 * Reading, writing, validating and building model cards.
 *
 * <pre>{@code
 * ModelCard card = ModelCards.from(run)
 *         .performance(SlicedMetric.overall(StandardMetric.ACCURACY, 0.91))
 *         .mergeYaml(Path.of("card-user.yaml"))
 *         .build();
 * ModelCards.write(card, Path.of("model_card.yaml"));
 * }</pre>
 *
 * <p>Reading validates against the schema first ({@link ModelCardSchema}, MCT's final v0.0.2
 * revision): a malformed file, a wrong type, an unknown field, a YAML alias or custom tag, or a card
 * past its {@link CardLimits} is an {@link InvalidInputException} naming the file, line and JSON path.
 * Cards of MCT's early v0.0.2 revision, whose metric values and interval bounds are numbers, are read
 * too: the numbers become the strings MCT's last release writes ({@code 0.9} becomes {@code "0.9"}),
 * so writing such a card gives a card of the final revision. {@link #validate(Path)} lists every
 * violation of the final revision instead of stopping at the first.
 */
public final class ModelCards {
    private ModelCards() {}

    /** Reads a card from a {@code .json}, {@code .yaml} or {@code .yml} file, within the default {@link CardLimits}. */
    public static ModelCard read(Path file) {
        return read(file, CardLimits.defaults());
    }

    /** Reads a card from a file within {@code limits}. */
    public static ModelCard read(Path file, CardLimits limits) {
        requireNonNull(file, "file");
        requireNonNull(limits, "limits");
        return bind(LocatedTreeReader.read(file, limits), Optional.of(file));
    }

    /** Reads a card from text, within the default {@link CardLimits}. */
    public static ModelCard parse(String text, CardFormat format) {
        return parse(text, format, CardLimits.defaults());
    }

    /** Reads a card from text within {@code limits}. */
    public static ModelCard parse(String text, CardFormat format, CardLimits limits) {
        requireNonNull(text, "text");
        requireNonNull(format, "format");
        requireNonNull(limits, "limits");
        return bind(LocatedTreeReader.read(text, format, null, limits), Optional.empty());
    }

    /**
     * Validates a file against MCT's final v0.0.2 revision and lists every violation; malformed syntax
     * still throws. For the early revision or other limits use {@link ModelCardSchema#of} directly.
     */
    public static ValidationReport validate(Path file) {
        return ModelCardSchema.mct002().validate(file);
    }

    /** The card as pretty-printed JSON (schema order; absent fields and empty lists left out). */
    public static String toJson(ModelCard card) {
        return write(CardMappers.json(), card, true);
    }

    /** The card as block-style YAML. */
    public static String toYaml(ModelCard card) {
        return write(CardMappers.yaml(), card, false);
    }

    /** The card as text in a format. */
    public static String toText(ModelCard card, CardFormat format) {
        return format == CardFormat.JSON ? toJson(card) : toYaml(card);
    }

    /** Writes the card atomically, as JSON or YAML by the file's extension. */
    public static Path write(ModelCard card, Path file) {
        String text = toText(card, CardFormat.of(file));
        return AtomicFiles.writeString(file, text);
    }

    /**
     * {@code overlay} merged into {@code base}: objects merge field by field, the overlay's scalars
     * replace the base's, lists are concatenated (base first) without repeating an equal entry.
     */
    public static ModelCard merge(ModelCard base, ModelCard overlay) {
        JsonNode merged = TreeMerge.merge(CardMappers.json().valueToTree(base), CardMappers.json().valueToTree(overlay));
        return bind(LocatedTree.unlocated(merged), Optional.empty());
    }

    /** Starts a card filled from a pipeline run (see {@link ModelCardBuilder}). */
    public static ModelCardBuilder from(PipelineRun<?> run) {
        requireNonNull(run, "run");
        return ModelCardBuilder.fromRun(run.record());
    }

    /** A card to fill in by hand: every section present, with placeholder text. */
    public static ModelCard template() {
        return CardTemplate.card();
    }

    private static String write(ObjectMapper mapper, ModelCard card, boolean pretty) {
        requireNonNull(card, "card");
        try {
            String s = pretty ? mapper.writerWithDefaultPrettyPrinter().writeValueAsString(card)
                    : mapper.writeValueAsString(card);
            return s.endsWith("\n") ? s : s + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write model card: " + e.getOriginalMessage(), e);
        }
    }

    private static ModelCard bind(LocatedTree tree, Optional<Path> file) {
        EarlyRevision.upgrade(tree.root());
        ModelCardSchema schema = ModelCardSchema.mct002();
        ValidationReport report = schema.validate(tree, file.map(Path::toString));
        if (!report.isValid()) {
            ValidationError first = report.errors().get(0);
            int more = report.errors().size() - 1;
            throw InvalidInputException.problem("does not follow the Model Card Toolkit schema v0.0.2 ("
                    + schema.revision().label() + " revision): "
                    + first.path() + ": " + first.message() + " (rule '" + first.rule() + "')"
                    + (more > 0 ? "; and " + more + " more error" + (more > 1 ? "s" : "") : ""))
                    .file(file.orElse(null)).line(first.line()).build();
        }
        try {
            return CardMappers.json().treeToValue(tree.root(), ModelCard.class);
        } catch (JsonMappingException e) {
            List<Object> segments = new ArrayList<>();
            for (JsonMappingException.Reference r : e.getPath()) {
                segments.add(r.getFieldName() != null ? r.getFieldName() : Integer.valueOf(r.getIndex()));
            }
            int line = tree.find(segments).map(LocatedTree.Position::line).orElse(0);
            Throwable cause = e.getCause() instanceof InvalidInputException iie ? iie : e;
            String why = cause instanceof InvalidInputException iie ? iie.getMessage() : e.getOriginalMessage();
            String field = segments.isEmpty() ? "" : String.valueOf(segments.get(segments.size() - 1));
            if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException) {
                why = "unknown field '" + field + "' (trustml reads every field of MCT's schema v0.0.2; the schema "
                        + "lets other fields in, which trustml refuses rather than drop)";
            }
            throw InvalidInputException.problem(JsonPaths.format(segments) + ": " + Texts.firstLine(why))
                    .file(file.orElse(null)).line(line).build(e);
        } catch (JsonProcessingException e) {
            throw InvalidInputException.problem("is not a model card: " + e.getOriginalMessage())
                    .file(file.orElse(null)).build(e);
        }
    }
}
