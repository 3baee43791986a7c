package org.trustml.core.stages;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trustml.core.InvalidInputException;
import org.trustml.core.io.Json;
import org.trustml.core.table.StringColumn;
import org.trustml.core.table.Table;

/**
 * Reads a Cloud Annotations export: a {@code _annotations.json} beside the images, of the form
 * {@code {"version": "1.0", "type": "classification", "labels": ["cat", "dog"],
 * "annotations": {"img1.jpg": [{"label": "cat"}], …}}}. Localization exports (boxes with
 * {@code x, y, x2, y2} beside each {@code label}) are read the same way, by the labels of their
 * boxes.
 *
 * <p>For an image-folder layout each image needs exactly one label: an image whose annotations
 * name two different labels is an error; an image with no annotation is left out and listed in
 * {@link Export#unlabelled()}; a label not in {@code labels} is an error.
 */
public final class CloudAnnotations {
    /** The file name Cloud Annotations gives its export. */
    public static final String FILE_NAME = "_annotations.json";

    private CloudAnnotations() {}

    /**
     * What an export holds.
     *
     * @param images     a table with columns {@code file} (relative to the export's folder) and
     *                   {@code label}, one row per labelled image, in the file's order
     * @param labels     the export's label list
     * @param unlabelled images with no annotation, left out of {@code images}
     * @param type       {@code classification} or {@code localization}
     */
    public record Export(Table images, List<String> labels, List<String> unlabelled, String type) {
        public Export {
            requireNonNull(images, "images");
            labels = List.copyOf(labels);
            unlabelled = List.copyOf(unlabelled);
            requireNonNull(type, "type");
        }
    }

    /** Reads {@code _annotations.json} (or a file of that form under another name). */
    public static Export read(Path file) {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = Json.reader().readTree(in);
        } catch (NoSuchFileException e) {
            throw InvalidInputException.problem("does not exist").file(file)
                    .expected("a Cloud Annotations export (" + FILE_NAME + ")").build(e);
        } catch (IOException e) {
            throw InvalidInputException.problem("is not valid JSON: " + firstLine(e)).file(file)
                    .expected("a Cloud Annotations export").build(e);
        }
        if (root == null || !root.isObject() || !root.path("annotations").isObject()) {
            throw InvalidInputException.problem("has no \"annotations\" object").file(file)
                    .expected("a Cloud Annotations export with \"labels\" and \"annotations\"").build();
        }
        Set<String> known = new LinkedHashSet<>();
        for (JsonNode l : root.path("labels")) {
            known.add(l.asText());
        }
        List<String> files = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> unlabelled = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("annotations").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> image = it.next();
            Set<String> seen = new LinkedHashSet<>();
            for (JsonNode a : image.getValue()) {
                JsonNode label = a.get("label");
                if (label == null || !label.isTextual()) {
                    throw InvalidInputException.problem("has an annotation without a text \"label\"").file(file)
                            .column(image.getKey()).value(a).expected("{\"label\": \"…\"}").build();
                }
                if (!known.isEmpty() && !known.contains(label.asText())) {
                    throw InvalidInputException.problem("is not one of the export's labels").file(file)
                            .column(image.getKey()).value(label.asText()).expected("one of " + known).build();
                }
                seen.add(label.asText());
            }
            if (seen.isEmpty()) {
                unlabelled.add(image.getKey());
            } else if (seen.size() > 1) {
                throw InvalidInputException.problem("has more than one label").file(file).column(image.getKey())
                        .value(String.join(", ", seen)).expected("one label per image for an image-folder layout")
                        .build();
            } else {
                files.add(image.getKey());
                labels.add(seen.iterator().next());
            }
        }
        Table images = Table.of(StringColumn.of("file", files), StringColumn.of("label", labels));
        return new Export(images, List.copyOf(known), unlabelled, root.path("type").asText("classification"));
    }

    private static String firstLine(IOException e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
