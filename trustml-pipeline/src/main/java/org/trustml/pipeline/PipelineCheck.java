package org.trustml.pipeline;

import static java.util.Objects.requireNonNull;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.trustml.core.InvalidInputException;
import org.trustml.core.io.StrictYaml;
import org.trustml.core.pipeline.spec.EvaluatorSpecKinds;
import org.trustml.core.pipeline.spec.PipelineSpec;
import org.trustml.core.pipeline.spec.StageSpecKinds;
import org.trustml.pipeline.internal.Shape;
import org.trustml.pipeline.internal.Shapes;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Checks a pipeline file (YAML or JSON) and reports every problem with its file, line, column, field path and the
 * valid choices, behind {@code trustml run --check}. In order:
 * <ol>
 *   <li>the text is read strictly ({@link StrictYaml} with {@link PipelineSpec}'s limits): a file over 1 MiB, nesting
 *       deeper than 50 levels, an alias (so no "billion laughs"), a tag, a duplicate key or a second document is
 *       refused before anything is bound;</li>
 *   <li>the tree is walked against the shapes of the kinds on the class path (those of the JSON Schema,
 *       {@link PipelineSchema}): an unknown kind names the known kinds and the module that provides it, an unknown
 *       field names the kind's fields, a wrong type or an unknown choice names what was expected; all problems, not
 *       just the first;</li>
 *   <li>when the tree has none, the file is bound and its stages built ({@link PipelineSpec#read}): values out of
 *       range, unknown metric names, stages that do not fit.</li>
 * </ol>
 */
public final class PipelineCheck {
    private static final Pattern INTEGER = Pattern.compile("[-+]?(0|[1-9][0-9_]*)");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9]*)?)([eE][-+]?[0-9]+)?"
            + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    private static final Pattern BOOLEAN = Pattern.compile("true|True|TRUE|false|False|FALSE");

    /**
     * One problem of a file.
     *
     * @param file    the pipeline file
     * @param line    1-based line (0 when unknown)
     * @param column  1-based column (0 when unknown)
     * @param field   the field's path ({@code stages[2].train.epochs}; empty for the file)
     * @param message what is wrong
     * @param choices the valid choices, when there is a list of them
     */
    public record Problem(Path file, long line, long column, String field, String message, List<String> choices) {
        public Problem {
            requireNonNull(file, "file");
            requireNonNull(field, "field");
            requireNonNull(message, "message");
            choices = List.copyOf(choices);
        }

        /** {@code pipeline.yaml, line 4, column 5: stages[1].train: unknown field 'epohcs' (valid: …)}. */
        @Override
        public String toString() {
            if (line == 0 && column == 0 && field.isEmpty()) {
                return message; // a message of the reader, which names its place itself
            }
            StringBuilder s = new StringBuilder().append(file);
            if (line > 0) {
                s.append(", line ").append(line);
            }
            if (column > 0) {
                s.append(", column ").append(column);
            }
            s.append(": ");
            if (!field.isEmpty()) {
                s.append(field).append(": ");
            }
            s.append(message);
            if (!choices.isEmpty()) {
                s.append(" (valid: ").append(String.join(", ", choices)).append(')');
            }
            return s.toString();
        }
    }

    private final Path file;
    private final Shapes shapes;
    private final List<Problem> problems = new ArrayList<>();

    private PipelineCheck(Path file, Shapes shapes) {
        this.file = file;
        this.shapes = shapes;
    }

    /** Every problem of {@code file}; empty when it can run. */
    public static List<Problem> check(Path file) {
        requireNonNull(file, "file");
        String text;
        try {
            text = StrictYaml.withLimits(PipelineSpec.MAX_BYTES, PipelineSpec.MAX_DEPTH).read(file,
                    "a pipeline file (docs/pipelines.md)");
        } catch (InvalidInputException e) {
            return List.of(new Problem(file, 0, 0, "", e.getMessage(), List.of()));
        }
        PipelineCheck c = new PipelineCheck(file, Shapes.ofClassPath());
        Node root = compose(text);
        if (root == null) {
            c.add(null, "", "is empty", List.of("a mapping with seed and stages"));
        } else {
            c.walk(root, c.shapes.pipeline(), "");
        }
        if (c.problems.isEmpty()) {
            try {
                PipelineSpec.read(file);
            } catch (InvalidInputException e) {
                c.problems.add(c.located(e, root));
            }
        }
        return List.copyOf(c.problems);
    }

    /**
     * A problem found when the file was bound, placed at the node its field path names ({@code stages[2].evaluators[0]},
     * Jackson's path, which skips the kind's key) when the tree has it; an error about another file (a reference
     * table) or a row keeps its own message.
     */
    private Problem located(InvalidInputException e, Node root) {
        boolean ours = e.file().map(f -> f.equals(file)).orElse(true) && e.column().isPresent();
        Node at = ours ? find(root, e.column().get()) : null;
        if (at == null) {
            return new Problem(file, 0, 0, "", e.getMessage(), List.of());
        }
        String message = e.value().map(v -> "value '" + v + "' ").orElse("") + e.problemText()
                + e.expected().map(x -> " (expected " + x + ")").orElse("");
        Mark m = at.getStartMark();
        return new Problem(file, m.getLine() + 1, m.getColumn() + 1, e.column().get(), message, List.of());
    }

    /** The node at a field path such as {@code stages[2].evaluators[0].metric}, stepping over kind keys; null if none. */
    private static Node find(Node root, String path) {
        Node node = root;
        for (String part : path.split("\\.")) {
            String name = part.contains("[") ? part.substring(0, part.indexOf('[')) : part;
            if (!name.isEmpty()) {
                Node next = child(node, name);
                if (next == null && node instanceof MappingNode m && m.getValue().size() == 1) {
                    next = child(m.getValue().get(0).getValueNode(), name); // over the kind: stages[2].<kind>.name
                }
                if (next == null) {
                    return null;
                }
                node = next;
            }
            java.util.regex.Matcher idx = Pattern.compile("\\[(\\d+)]").matcher(part);
            while (idx.find()) {
                if (!(node instanceof SequenceNode seq) || Integer.parseInt(idx.group(1)) >= seq.getValue().size()) {
                    return null;
                }
                node = seq.getValue().get(Integer.parseInt(idx.group(1)));
            }
        }
        return node;
    }

    private static Node child(Node node, String key) {
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (key(t).equals(key)) {
                    return t.getValueNode();
                }
            }
        }
        return null;
    }

    /** The YAML tree with positions; the text has passed {@link StrictYaml}, so it has no alias, tag or duplicate. */
    private static Node compose(String text) {
        LoaderOptions o = new LoaderOptions();
        o.setAllowDuplicateKeys(false);
        o.setMaxAliasesForCollections(0);
        o.setNestingDepthLimit(PipelineSpec.MAX_DEPTH + 1);
        o.setCodePointLimit(PipelineSpec.MAX_BYTES);
        return new Yaml(o).compose(new StringReader(text));
    }

    private void walk(Node node, Shape shape, String path) {
        if (isNull(node)) {
            if (shape instanceof Shape.Fields f && !f.required().isEmpty()) {
                add(node, path, "is empty", List.of("the fields " + String.join(", ", f.required())));
            }
            return;
        }
        if (shape instanceof Shape.Scalar s) {
            scalar(node, s.type(), path);
        } else if (shape instanceof Shape.Choice c) {
            if (node instanceof ScalarNode n) {
                String v = n.getValue().toLowerCase(Locale.ROOT).replace('-', '_');
                if (c.values().stream().noneMatch(x -> x.replace('-', '_').equals(v))) {
                    add(node, path, "'" + n.getValue() + "' is not a choice", c.values());
                }
            } else {
                add(node, path, "is " + describe(node) + ", not a choice", c.values());
            }
        } else if (shape instanceof Shape.ListOf l) {
            if (node instanceof SequenceNode seq) {
                for (int i = 0; i < seq.getValue().size(); i++) {
                    walk(seq.getValue().get(i), l.items(), path + "[" + i + "]");
                }
            } else {
                add(node, path, "is " + describe(node) + ", not a list", List.of());
            }
        } else if (shape instanceof Shape.MapOf m) {
            if (node instanceof MappingNode map) {
                for (NodeTuple t : map.getValue()) {
                    walk(t.getValueNode(), m.values(), join(path, key(t)));
                }
            } else {
                add(node, path, "is " + describe(node) + ", not a mapping", List.of());
            }
        } else if (shape instanceof Shape.Fields f) {
            fields(node, f, path);
        } else if (shape instanceof Shape.OneKind k) {
            oneKind(node, k, path);
        }
    }

    private void fields(Node node, Shape.Fields f, String path) {
        if (!(node instanceof MappingNode map)) {
            add(node, path, "is " + describe(node) + ", not a mapping of fields", List.copyOf(f.fields().keySet()));
            return;
        }
        List<String> given = new ArrayList<>();
        for (NodeTuple t : map.getValue()) {
            String k = key(t);
            given.add(k);
            Shape s = f.fields().get(k);
            if (s == null) {
                String of = path.isEmpty() ? "" : " of " + f.name().substring(f.name().indexOf('.') + 1);
                add(t.getKeyNode(), path, "unknown field '" + k + "'" + of + near(k, f.fields().keySet()),
                        List.copyOf(f.fields().keySet()));
            } else {
                walk(t.getValueNode(), s, join(path, k));
            }
        }
        for (String r : f.fields().keySet().stream().filter(f.required()::contains).toList()) {
            if (!given.contains(r) || map.getValue().stream().anyMatch(t -> key(t).equals(r) && isNull(t.getValueNode()))) {
                add(node, path, "misses the required field '" + r + "'", List.of());
            }
        }
    }

    private void oneKind(Node node, Shape.OneKind k, String path) {
        boolean evaluator = k.name().equals("evaluator");
        String example = evaluator ? "- fairness: {favorable: yes, privileged: [{sex: M}], protected-columns: [sex]}"
                : "- ingest: {csv: data.csv}";
        if (!(node instanceof MappingNode map) || map.getValue().size() != 1) {
            add(node, path, "is not one " + k.name() + ": expected a mapping with one key, the kind, e.g. " + example,
                    List.copyOf(k.kinds().keySet()));
            return;
        }
        NodeTuple t = map.getValue().get(0);
        String kind = key(t);
        Shape.Fields f = k.kinds().get(kind);
        if (f == null) {
            Optional<String> module = evaluator ? EvaluatorSpecKinds.moduleOf(kind) : StageSpecKinds.moduleOf(kind);
            add(t.getKeyNode(), path, "names the " + k.name() + " kind '" + kind + "', which no module on the class path "
                    + "provides" + module.map(m -> " (add " + m + ")").orElse(near(kind, k.kinds().keySet())),
                    List.copyOf(k.kinds().keySet()));
            return;
        }
        walk(t.getValueNode(), f, join(path, kind));
    }

    private void scalar(Node node, String type, String path) {
        if (!(node instanceof ScalarNode n)) {
            add(node, path, "is " + describe(node) + ", not " + article(type), List.of());
            return;
        }
        String v = n.getValue();
        boolean plain = n.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN;
        boolean ok = switch (type) {
            case "integer" -> plain && INTEGER.matcher(v).matches();
            case "number" -> plain && NUMBER.matcher(v).matches();
            case "boolean" -> plain && BOOLEAN.matcher(v).matches();
            default -> true; // any scalar binds to text
        };
        if (!ok) {
            add(node, path, "'" + v + "' is not " + article(type), List.of());
        }
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode n && n.getTag().equals(Tag.NULL);
    }

    private static String key(NodeTuple t) {
        return t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
    }

    private static String describe(Node node) {
        return node instanceof MappingNode ? "a mapping" : node instanceof SequenceNode ? "a list" : "a value";
    }

    private static String article(String type) {
        return switch (type) {
            case "integer" -> "an integer";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            default -> "a " + type;
        };
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** {@code ; did you mean 'epochs'?} for a name one or two edits from a valid one. */
    private static String near(String name, Collection<String> valid) {
        String best = null;
        int bestDistance = 3;
        for (String v : valid) {
            int d = distance(name, v);
            if (d < bestDistance) {
                best = v;
                bestDistance = d;
            }
        }
        return best == null ? "" : "; did you mean '" + best + "'?";
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private void add(Node at, String path, String message, List<String> choices) {
        Mark m = at == null ? null : at.getStartMark();
        problems.add(new Problem(file, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1, path, message,
                choices));
    }

    /** The stage kinds on the class path, in the order problems list them (for tests). */
    static List<String> kindsForTest() {
        return List.copyOf(Shapes.ofClassPath().stages().kinds().keySet());
    }

    /** The problems as the lines {@code trustml run --check} prints. */
    public static List<String> lines(Collection<Problem> problems) {
        return problems.stream().map(Problem::toString).toList();
    }
}
