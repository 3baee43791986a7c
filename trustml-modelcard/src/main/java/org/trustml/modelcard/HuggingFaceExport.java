package org.trustml.modelcard;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.trustml.core.InvalidInputException;
import org.trustml.modelcard.internal.CardMappers;

/**
 * Exports a card as Hugging Face model card metadata: the YAML front matter of a model repository's
 * {@code README.md}, with {@code license}, {@code tags} and a {@code model-index} whose single result
 * lists every performance metric (Hugging Face's {@code model-index} has no slices, so a sliced
 * metric's {@code name} carries its slice: {@code accuracy (sex=female)}).
 *
 * <p>The license is the first license's SPDX identifier in lower case (Hugging Face's spelling,
 * {@code apache-2.0}); a custom license text becomes {@code other}.
 */
public final class HuggingFaceExport {
    private HuggingFaceExport() {}

    /**
     * What the card does not say but {@code model-index} needs.
     *
     * @param taskType    Hugging Face task id, e.g. {@code image-classification}
     * @param datasetType the dataset's Hub id or type, e.g. {@code covid-ct}
     * @param datasetName the dataset's display name
     * @param split       the evaluation split, e.g. {@code test}
     * @param tags        extra tags
     */
    public record Options(String taskType, String datasetType, String datasetName, Optional<String> split,
            List<String> tags) {
        public Options {
            requireNonBlank(taskType, "taskType");
            requireNonBlank(datasetType, "datasetType");
            requireNonBlank(datasetName, "datasetName");
            split = split == null ? Optional.empty() : split;
            tags = List.copyOf(tags);
        }

        private static void requireNonBlank(String value, String name) {
            if (value == null || value.isBlank()) {
                throw InvalidInputException.problem("is missing").column(name).expected("a non-blank value").build();
            }
        }
    }

    /** The front matter, between {@code ---} lines, ready to start a README.md. */
    public static String frontMatter(ModelCard card, Options options) {
        requireNonNull(card, "card");
        requireNonNull(options, "options");
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        card.details().licenses().stream().findFirst().ifPresent(l -> root.put("license",
                l.identifier().map(id -> id.toLowerCase(Locale.ROOT)).orElse("other")));
        ArrayNode tags = root.putArray("tags");
        tags.add("trustml");
        options.tags().forEach(tags::add);

        ObjectNode entry = f.objectNode();
        entry.put("name", card.details().name().orElse("model"));
        ObjectNode result = entry.putArray("results").addObject();
        result.putObject("task").put("type", options.taskType());
        ObjectNode dataset = result.putObject("dataset");
        dataset.put("type", options.datasetType());
        dataset.put("name", options.datasetName());
        options.split().ifPresent(s -> dataset.put("split", s));
        ArrayNode metrics = result.putArray("metrics");
        for (PerformanceMetric m : card.analysis().performanceMetrics()) {
            Optional<Double> value = m.numericValue();
            if (m.type().isEmpty() || value.isEmpty() || !Double.isFinite(value.get())) {
                continue;
            }
            ObjectNode metric = metrics.addObject();
            metric.put("type", m.type().get());
            metric.put("value", value.get());
            metric.put("name", m.type().get() + m.slice().map(s -> " (" + s + ")").orElse(""));
            metric.put("verified", false);
        }
        root.putArray("model-index").add(entry);
        try {
            return "---\n" + CardMappers.yaml().writeValueAsString(root) + "---\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write front matter: " + e.getOriginalMessage(), e);
        }
    }

    /** A whole README.md: the front matter followed by the card as Markdown. */
    public static String readme(ModelCard card, Options options) {
        return frontMatter(card, options) + "\n" + CardRenderer.markdown(card);
    }
}
