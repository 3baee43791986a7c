package org.trustml.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trustml.core.InvalidInputException;
import org.trustml.core.io.Json;
import org.trustml.modelcard.CardDiff;
import org.trustml.modelcard.CardRenderer;
import org.trustml.modelcard.Completeness;
import org.trustml.modelcard.ModelCard;
import org.trustml.modelcard.ModelCardSchema;
import org.trustml.modelcard.ModelCards;
import org.trustml.modelcard.ValidationError;
import org.trustml.modelcard.ValidationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trustml card ...}: model cards in the Model Card Toolkit schema v0.0.2 (its final revision). */
@Command(name = "card", mixinStandardHelpOptions = true,
        description = "Validate, render, compare and start model cards (Model Card Toolkit schema v0.0.2, JSON or YAML).",
        subcommands = {CardCommand.Validate.class, CardCommand.Render.class, CardCommand.Diff.class, CardCommand.Init.class})
final class CardCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code trustml card validate FILE}. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = {"Check a card (.json, .yaml, .yml) against the schema: MCT's final v0.0.2 revision "
                    + "(f895074, what MCT 1.2.0 to 2.1.0 write: metric values are strings). Exit 0 when valid (missing "
                    + "sections are listed as 'incomplete' on stdout, they are not errors); exit 2 with one line per "
                    + "error on stderr: '$.json.path[0]: message (rule 'type', line 4, column 7)'. A card of the early "
                    + "revision (numbers for values) is reported here, but render and diff read it."})
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The card to check.")
        Path file;

        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        OutputFormat format;

        @Override
        public Integer call() {
            ValidationReport report = ModelCards.validate(file);
            PrintWriter out = spec.commandLine().getOut();
            if (!report.isValid()) {
                PrintWriter err = spec.commandLine().getErr();
                report.errors().forEach(e -> err.println(e));
                if (format == OutputFormat.json) {
                    out.println(Json.toJson(report));
                }
                return TrustmlCommand.BAD_INPUT;
            }
            ModelCard card = ModelCards.read(file); // also refuses fields trustml cannot keep
            Completeness completeness = Completeness.of(card);
            if (format == OutputFormat.json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("file", file.toString());
                doc.put("valid", true);
                doc.put("errors", report.errors());
                doc.put("incomplete", completeness.missing());
                out.println(Json.toJson(doc));
            } else {
                out.println(file + ": valid (Model Card Toolkit schema v0.0.2, "
                        + ModelCardSchema.mct002().revision().label() + " revision)");
                completeness.missing().forEach(m -> out.println("incomplete: " + m));
            }
            return 0;
        }
    }

    /** {@code trustml card render FILE --html out.html [--markdown out.md]}. */
    @Command(name = "render", mixinStandardHelpOptions = true,
            description = {"Render a card as one self-contained HTML page (no external assets, graphics embedded) "
                    + "and/or Markdown. All card text is escaped."})
    static final class Render implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The card to render.")
        Path file;

        @Option(names = "--html", paramLabel = "OUT", description = "Write the HTML page here.")
        Path html;

        @Option(names = "--markdown", paramLabel = "OUT", description = "Write Markdown here.")
        Path markdown;

        @Override
        public Integer call() {
            if (html == null && markdown == null) {
                throw InvalidInputException.problem("nothing to write").column("--html/--markdown")
                        .expected("--html OUT and/or --markdown OUT").build();
            }
            ModelCard card = ModelCards.read(file);
            PrintWriter out = spec.commandLine().getOut();
            if (html != null) {
                out.println("wrote " + CardRenderer.writeHtml(card, html));
            }
            if (markdown != null) {
                out.println("wrote " + CardRenderer.writeMarkdown(card, markdown));
            }
            return 0;
        }
    }

    /** {@code trustml card diff A B}. */
    @Command(name = "diff", mixinStandardHelpOptions = true,
            description = {"Compare an old card A with a new card B: which metrics moved (matched by type and slice), "
                    + "by how much, which got worse given their direction, which slices got worse, and which other "
                    + "fields changed."})
    static final class Diff implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "A", description = "The old card.")
        Path before;

        @Parameters(index = "1", paramLabel = "B", description = "The new card.")
        Path after;

        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        OutputFormat format;

        @Override
        public Integer call() {
            CardDiff diff = CardDiff.between(ModelCards.read(before), ModelCards.read(after));
            PrintWriter out = spec.commandLine().getOut();
            if (format == OutputFormat.json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("schemaVersion", diff.schemaVersion());
                doc.put("metrics", diff.metrics());
                doc.put("slicesThatGotWorse", diff.slicesThatGotWorse());
                doc.put("changedFields", diff.changedFields());
                out.println(Json.toJson(doc));
            } else {
                out.print(diff.toText());
            }
            return 0;
        }
    }

    /** {@code trustml card init [FILE]}. */
    @Command(name = "init", mixinStandardHelpOptions = true,
            description = {"Write a card template with every section to fill in (YAML or JSON by extension)."})
    static final class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", defaultValue = "model_card.yaml",
                description = "Where to write it (default: ${DEFAULT-VALUE}).")
        Path file;

        @Option(names = "--force", description = "Overwrite an existing file.")
        boolean force;

        @Override
        public Integer call() {
            if (Files.exists(file) && !force) {
                throw InvalidInputException.problem("already exists").file(file)
                        .expected("a new file, or --force to overwrite").build();
            }
            spec.commandLine().getOut().println("wrote " + ModelCards.write(ModelCards.template(), file));
            return 0;
        }
    }
}
