package org.trustml.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.trustml.core.InvalidInputException;
import org.trustml.core.io.Json;
import org.trustml.core.table.Table;
import org.trustml.drift.AutoencoderChecker;
import org.trustml.drift.AutoencoderConfig;
import org.trustml.drift.BatchVerdict;
import org.trustml.drift.Samples;
import org.trustml.vision.images.ImageDecoder;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code trustml drift autoencoder train|check}: Scanflow's autoencoder checker from the command line. */
@Command(name = "autoencoder", mixinStandardHelpOptions = true,
        description = "Train an autoencoder drift checker on reference data, then check batches against it.",
        subcommands = {DriftAutoencoderCommand.Train.class, DriftAutoencoderCommand.Check.class})
final class DriftAutoencoderCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The options that say where samples come from and how to read them. */
    static final class SampleOptions {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Input input;

        @Option(names = "--columns", split = ",", description = "CSV columns to use (default: all).")
        List<String> columns = new ArrayList<>();

        @Option(names = "--rgb", description = "Read images as RGB (default: grey).")
        boolean rgb;

        Samples read() {
            return DriftAutoencoderCommand.read(input, columns, rgb);
        }
    }

    /** Where samples come from: the numeric columns of a CSV, or a folder of images. */
    static final class Input {
        @Option(names = "--csv", paramLabel = "CSV", description = "A CSV table (numeric columns, no missing values).")
        Path csv;

        @Option(names = "--images", paramLabel = "DIR",
                description = "A folder of PNG/JPEG images of one size (sorted by file name).")
        Path images;
    }

    static Samples read(Input in, List<String> columns, boolean rgb) {
        if (in.csv != null) {
            return Samples.fromTable(Table.readCsv(in.csv), columns.toArray(String[]::new));
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(in.images)) {
            files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(png|jpe?g)"))
                    .sorted().toList();
        } catch (IOException e) {
            throw InvalidInputException.problem("cannot be listed: " + e.getMessage()).file(in.images)
                    .expected("a folder of images").build(e);
        }
        if (files.isEmpty()) {
            throw InvalidInputException.problem("has no PNG or JPEG images").file(in.images).expected("images").build();
        }
        int channels = rgb ? 3 : 1;
        float[][] rows = new float[files.size()][];
        int h = -1;
        int w = -1;
        for (int i = 0; i < rows.length; i++) {
            BufferedImage img = ImageDecoder.defaults().read(files.get(i));
            if (h < 0) {
                h = img.getHeight();
                w = img.getWidth();
            } else if (img.getHeight() != h || img.getWidth() != w) {
                throw InvalidInputException.problem("has another size than the first image").file(files.get(i))
                        .value(img.getWidth() + "x" + img.getHeight()).expected(w + "x" + h).build();
            }
            float[] px = new float[channels * h * w];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int argb = img.getRGB(x, y);
                    int r = (argb >> 16) & 0xFF;
                    int g = (argb >> 8) & 0xFF;
                    int b = argb & 0xFF;
                    if (rgb) {
                        px[y * w + x] = r / 255f;
                        px[h * w + y * w + x] = g / 255f;
                        px[2 * h * w + y * w + x] = b / 255f;
                    } else {
                        px[y * w + x] = (0.299f * r + 0.587f * g + 0.114f * b) / 255f;
                    }
                }
            }
            rows[i] = px;
        }
        return Samples.images(rows, channels, h, w);
    }

    /** {@code trustml drift autoencoder train}. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Train a checker on reference samples and save it (model, thresholds, config) to a directory.")
    static final class Train implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        SampleOptions samples;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to save the "
                + "checker to: new, empty, or a saved checker (replaced atomically); any other folder, a file or a "
                + "symbolic link is refused before training.")
        Path out;

        @Option(names = "--epochs", defaultValue = "10", description = "Training epochs (default: ${DEFAULT-VALUE}).")
        int epochs;

        @Option(names = "--seed", defaultValue = "0", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--high", defaultValue = "0.95", description = "Anomaly quantile (default: ${DEFAULT-VALUE}).")
        double high;

        @Option(names = "--low", defaultValue = "0.05", description = "Low quantile (default: ${DEFAULT-VALUE}).")
        double low;

        @Override
        public Integer call() {
            AutoencoderConfig config = AutoencoderConfig.defaults().withEpochs(epochs).withSeed(seed).withQuantiles(low, high);
            AutoencoderChecker.checkSaveTarget(out);
            try (AutoencoderChecker c = AutoencoderChecker.train(samples.read(), config)) {
                c.save(out);
                spec.commandLine().getOut().printf(Locale.ROOT, "saved checker for samples of shape %s to %s "
                        + "(high threshold %.6g, low %.6g)%n", c.shape(), out, c.highThreshold(), c.lowThreshold());
            }
            return 0;
        }
    }

    /** {@code trustml drift autoencoder check}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Score a batch with a saved checker: anomalies, binomial and KS tests, drift verdict; "
                    + "optionally the samples to label first.")
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--checker", required = true, paramLabel = "DIR", description = "A saved checker.")
        Path checker;

        @Mixin
        SampleOptions samples;

        @Option(names = "--select", paramLabel = "K", description = "Also list the K samples most worth labelling.")
        Integer select;

        @Option(names = "--fail-on-drift", description = "Exit with code 3 when the batch drifted.")
        boolean failOnDrift;

        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        OutputFormat format;

        @Override
        public Integer call() {
            try (AutoencoderChecker c = AutoencoderChecker.load(checker)) {
                Samples batch = samples.read();
                BatchVerdict v = c.check(batch);
                int[] picked = select == null ? new int[0] : c.select(batch, select);
                if (format == OutputFormat.json) {
                    java.util.Map<String, Object> doc = new java.util.LinkedHashMap<>();
                    doc.put("verdict", v);
                    if (select != null) {
                        doc.put("selected", picked);
                    }
                    spec.commandLine().getOut().println(Json.toJson(doc));
                } else {
                    spec.commandLine().getOut().printf(Locale.ROOT,
                            "%s: %d samples, %d anomalies (rate %.3f, expected %.3f), binomial p=%.4g, KS D=%.4g p=%.4g%n",
                            v.drifted() ? "DRIFT" : "no drift", v.size(), v.anomalyCount(), v.anomalyRate(),
                            v.expectedRate(), v.binomialPValue(), v.ksStatistic(), v.ksPValue());
                    if (select != null) {
                        spec.commandLine().getOut().println("label first: " + java.util.Arrays.toString(picked));
                    }
                }
                return failOnDrift && v.drifted() ? DriftCommand.DRIFT_FOUND : 0;
            }
        }
    }
}
