package org.trustml.cli;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trustml.core.InvalidInputException;
import org.trustml.core.io.AtomicFiles;
import org.trustml.core.io.Json;
import org.trustml.core.table.Table;
import org.trustml.explain.BatchModel;
import org.trustml.explain.ExplanationImages;
import org.trustml.explain.FeatureRule;
import org.trustml.explain.FeatureWeight;
import org.trustml.explain.Felzenszwalb;
import org.trustml.explain.HideColor;
import org.trustml.explain.ImageExplanation;
import org.trustml.explain.ImageMask;
import org.trustml.explain.LabelExplanation;
import org.trustml.explain.Lime;
import org.trustml.explain.OutputKind;
import org.trustml.explain.Quickshift;
import org.trustml.explain.RgbImage;
import org.trustml.explain.Segmenter;
import org.trustml.explain.Slic;
import org.trustml.explain.TabularData;
import org.trustml.explain.TabularExplanation;
import org.trustml.explain.TabularMode;
import org.trustml.tensorflow.SavedModel;
import org.trustml.torch.ConvolutionGradients;
import org.trustml.vision.images.ImageDecoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trustml explain}: LIME for an image or a table row, against a TorchScript file, a DJL model directory or a
 * TensorFlow SavedModel; SHAP (KernelSHAP, exact Shapley, TreeSHAP) for a table row.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explains a model's prediction for an image (--image) or a table row (--table with --row): "
                + "LIME (lime 0.2 defaults) by default, SHAP for table rows with --method.",
            "Models: TorchScript (.pt), DJL or TensorFlow SavedModel (every method but tree-shap), or an XGBoost "
                + "model saved as JSON (Booster.save_model(\"m.json\"); kernel-shap, exact-shap, tree-shap; SHAP "
                + "values of its raw margin). Images are fed as RGB float in [0, 1], NCHW; table rows as float "
                + "[N, d] (every column but --label-column, in file order), and the same table is the SHAP "
                + "background. Same --seed, same explanation."})
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--method", defaultValue = "lime", paramLabel = "METHOD", description = "lime, kernel-shap "
            + "(shap's KernelExplainer: --samples coalitions, default 2d + 2048; stops early once every standard "
            + "error <= --tolerance), exact-shap (every coalition, at most 16 features) or tree-shap (exact TreeSHAP "
            + "of an XGBoost JSON model); default: ${DEFAULT-VALUE}.")
    String method;

    @Option(names = "--tolerance", defaultValue = "0.01", description = "kernel-shap: stop sampling once every "
            + "standard error is at most this; 0 spends all --samples (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--link", defaultValue = "identity", description = "kernel-shap, exact-shap: identity, or logit "
            + "to explain probabilities in log-odds (default: ${DEFAULT-VALUE}).")
    String link;

    @Option(names = "--background", defaultValue = "kmeans", description = "kernel-shap, exact-shap: summarise the "
            + "table as the background by kmeans (shap.kmeans) or sample (default: ${DEFAULT-VALUE}).")
    String background;

    @Option(names = "--background-size", paramLabel = "K", description = "Background rows kept: k-means centres or "
            + "sampled rows (default 10; tree-shap interventional: 100).")
    Integer backgroundSize;

    @Option(names = "--perturbation", defaultValue = "path-dependent", description = "tree-shap: path-dependent "
            + "(the trees' covers, as XGBoost's pred_contribs) or interventional (against a sample of the table); "
            + "default: ${DEFAULT-VALUE}.")
    String perturbation;

    @Option(names = "--model", required = true, paramLabel = "M.pt|DIR|M.json", description = "TorchScript file, DJL "
            + "model directory, TensorFlow SavedModel directory (saved_model.pb; run on DJL's TensorFlow engine), or "
            + "an XGBoost JSON model (SHAP methods).")
    Path model;

    @Option(names = "--image", paramLabel = "IMG", description = "Image to explain (PNG, JPEG, BMP, GIF; grey and RGBA "
            + "are converted to RGB).")
    Path image;

    @Option(names = "--table", paramLabel = "CSV", description = "Training table (CSV with a header) for tabular LIME.")
    Path table;

    @Option(names = "--row", paramLabel = "N", description = "Data row of --table to explain, counted from 0.")
    Integer row;

    @Option(names = "--label-column", paramLabel = "COL", description = "Column of --table that is not a feature.")
    String labelColumn;

    @Option(names = "--mode", defaultValue = "classification",
            description = "classification or regression (tabular; default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--max-image-pixels", paramLabel = "N", description = "Refuse (exit 2) an --image with more than N "
            + "pixels, checked from its header before decoding: a guard against decompression bombs (default: the "
            + "system property " + ImageDecoder.MAX_PIXELS_PROPERTY + ", else " + ImageDecoder.DEFAULT_MAX_PIXELS
            + " = 8192x8192).")
    Long maxImagePixels;

    @Option(names = "--size", paramLabel = "PX", description = "Resize the image to PX x PX before explaining.")
    Integer size;

    @Option(names = "--output-kind", defaultValue = "probabilities",
            description = "LIME: what the model returns, probabilities (checked) or logits (softmax applied); "
                    + "default: ${DEFAULT-VALUE}. SHAP explains the outputs as they are (see --link).")
    String outputKind;

    @Option(names = "--samples", description = "Perturbation samples (default: 1000 for images, 5000 for tables); "
            + "kernel-shap: the budget of coalitions (default 2d + 2048).")
    Integer samples;

    @Option(names = "--batch-size", defaultValue = "10", description = "Samples per model call (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the perturbations (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--segmenter", defaultValue = "quickshift",
            description = "quickshift (kernel 4, max dist 200, ratio 0.2), slic or felzenszwalb (scikit-image "
                    + "defaults); default: ${DEFAULT-VALUE}.")
    String segmenter;

    @Option(names = "--top-labels", defaultValue = "1", description = "Explain the K most probable labels (default: "
            + "${DEFAULT-VALUE}).")
    int topLabels;

    @Option(names = "--num-features", description = "Images: superpixels in the mask (default 5). Tables: features in "
            + "the local model (default 10); SHAP: features printed per output (default 10).")
    Integer numFeatures;

    @Option(names = "--hide-color", defaultValue = "mean", description = "Fill of hidden superpixels: mean, a grey "
            + "value or R,G,B in [0, 1] (default: ${DEFAULT-VALUE}).")
    String hideColor;

    @Option(names = "--mask-out", paramLabel = "PNG", description = "Write the binary mask (white = top positive "
            + "superpixels of the top label).")
    Path maskOut;

    @Option(names = "--overlay-out", paramLabel = "PNG", description = "Write the image with the mask outlined in yellow.")
    Path overlayOut;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() {
        if (!ShapExplain.METHODS.contains(method)) {
            throw InvalidInputException.problem("is not a method").column("--method").value(method)
                    .expected(String.join(", ", ShapExplain.METHODS)).build();
        }
        if (!method.equals("lime")) {
            return shap();
        }
        if ((image == null) == (table == null)) {
            throw InvalidInputException.problem("give exactly one of --image and --table").column("--image/--table")
                    .value(image == null ? "neither" : "both").build();
        }
        for (Path written : new Path[] {maskOut, overlayOut}) {
            if (written != null) {
                AtomicFiles.checkTarget(written, image, table, model);
            }
        }
        OutputKind kind = parseKind();
        if (SavedModel.isSavedModel(model)) {
            try (SavedModel saved = SavedModel.load(model)) {
                return explain(BatchModel.of(saved), kind);
            }
        }
        try (ZooModel<NDList, NDList> loaded = load(model);
                Predictor<NDList, NDList> predictor = loaded.newPredictor()) {
            return explain(BatchModel.of(predictor), kind);
        }
    }

    private int shap() {
        if (image != null || table == null) {
            throw InvalidInputException.problem(image != null ? "explains table rows only" : "needs --table")
                    .column("--method").value(method).expected("--table with --row (use the Java API's "
                            + "CoalitionGame.image for superpixels)").build();
        }
        Table t = readTable();
        ShapExplain.Request request = new ShapExplain.Request(method, model, table, row, TabularData.fromTable(t,
                labelColumn), samples, tolerance, seed, link, background, backgroundSize, perturbation);
        Map<String, Object> doc = ShapExplain.explain(request, run -> {
            if (SavedModel.isSavedModel(model)) {
                try (SavedModel saved = SavedModel.load(model); NDManager manager = NDManager.newBaseManager()) {
                    return run.apply(BatchModel.of(saved).overRows(manager));
                }
            }
            try (ZooModel<NDList, NDList> loaded = load(model);
                    Predictor<NDList, NDList> predictor = loaded.newPredictor();
                    NDManager manager = NDManager.newBaseManager()) {
                return run.apply(BatchModel.of(predictor).overRows(manager));
            }
        });
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == OutputFormat.json ? Json.toJson(doc) + "\n"
                : ShapExplain.text(doc, numFeatures == null ? 10 : numFeatures));
        return 0;
    }

    /** {@code --table}, checked with {@code --label-column} and {@code --row}. */
    private Table readTable() {
        if (row == null) {
            throw InvalidInputException.problem("is required with --table").column("--row").build();
        }
        Table t = Table.readCsv(table);
        if (labelColumn != null && !t.hasColumn(labelColumn)) {
            throw InvalidInputException.problem("is not a column of the table").file(table).column("--label-column")
                    .value(labelColumn).expected("one of " + t.columnNames()).build();
        }
        if (row < 0 || row >= t.rowCount()) {
            throw InvalidInputException.problem("is not a data row").file(table).column("--row").value(row)
                    .expected("0.." + (t.rowCount() - 1)).build();
        }
        return t;
    }

    private int explain(BatchModel batchModel, OutputKind kind) {
        Map<String, Object> doc = image != null ? explainImage(batchModel, kind) : explainRow(batchModel, kind);
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            out.println(Json.toJson(doc));
        } else {
            out.print(text(doc));
        }
        return 0;
    }

    private Map<String, Object> explainImage(BatchModel batchModel, OutputKind kind) {
        RgbImage img = RgbImage.read(image, maxImagePixels == null ? ImageDecoder.defaults()
                : new ImageDecoder(maxImagePixels));
        if (size != null) {
            if (size < 1) {
                throw InvalidInputException.problem("is below 1").column("--size").value(size).build();
            }
            img = img.resize(size, size);
        }
        ImageExplanation e = Lime.image().samples(samples == null ? 1000 : samples).batchSize(batchSize).seed(seed)
                .topLabels(topLabels).hideColor(HideColor.parse(hideColor)).segmenter(parseSegmenter()).output(kind)
                .explain(batchModel, img);
        int k = numFeatures == null ? 5 : numFeatures;
        ImageMask mask = e.mask(e.topLabel(), true, false, k, 0.0);
        if (maskOut != null) {
            ExplanationImages.writePng(ExplanationImages.binaryMask(mask), maskOut);
        }
        if (overlayOut != null) {
            ExplanationImages.writePng(ExplanationImages.boundaryOverlay(img, mask), overlayOut);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schemaVersion", ImageExplanation.SCHEMA_VERSION);
        doc.put("model", model.toString());
        doc.put("image", image.toString());
        doc.put("width", img.width());
        doc.put("height", img.height());
        doc.put("seed", seed);
        doc.put("samples", e.numSamples());
        doc.put("segmenter", segmenter);
        doc.put("segments", e.segmentCount());
        doc.put("label", e.topLabel());
        doc.put("probabilities", e.probabilities());
        List<Map<String, Object>> exps = new ArrayList<>();
        for (LabelExplanation l : e.explanations()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", l.label());
            m.put("intercept", l.intercept());
            m.put("score", l.score());
            m.put("local_prediction", l.localPrediction());
            List<Map<String, Object>> weights = new ArrayList<>();
            for (FeatureWeight f : l.weights()) {
                weights.add(Map.of("superpixel", f.feature(), "weight", f.weight()));
            }
            m.put("weights", weights);
            exps.add(m);
        }
        doc.put("explanations", exps);
        doc.put("mask_superpixels", k);
        doc.put("mask_pixels", mask.selectedPixels());
        if (maskOut != null) {
            doc.put("mask", maskOut.toString());
        }
        if (overlayOut != null) {
            doc.put("overlay", overlayOut.toString());
        }
        return doc;
    }

    private Map<String, Object> explainRow(BatchModel batchModel, OutputKind kind) {
        Table t = readTable();
        TabularData data = TabularData.fromTable(t, labelColumn);
        TabularMode m = switch (mode.toLowerCase(Locale.ROOT)) {
            case "classification" -> TabularMode.CLASSIFICATION;
            case "regression" -> TabularMode.REGRESSION;
            default -> throw InvalidInputException.problem("is not a mode").column("--mode").value(mode)
                    .expected("classification or regression").build();
        };
        var explainer = Lime.tabular(data).mode(m).samples(samples == null ? 5000 : samples).seed(seed)
                .numFeatures(numFeatures == null ? 10 : numFeatures);
        if (m == TabularMode.CLASSIFICATION) {
            explainer = explainer.output(kind).topLabels(topLabels);
        }
        TabularExplanation e = explainer.explain(batchModel, data.rows()[row]);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("schemaVersion", TabularExplanation.SCHEMA_VERSION);
        doc.put("model", model.toString());
        doc.put("table", table.toString());
        doc.put("row", row);
        doc.put("mode", m.id());
        doc.put("seed", seed);
        doc.put("samples", e.numSamples());
        doc.put("label", e.explanations().get(0).label());
        doc.put("prediction", e.prediction());
        List<Map<String, Object>> exps = new ArrayList<>();
        for (int i = 0; i < e.explanations().size(); i++) {
            LabelExplanation l = e.explanations().get(i);
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("label", l.label());
            x.put("intercept", l.intercept());
            x.put("score", l.score());
            x.put("local_prediction", l.localPrediction());
            List<Map<String, Object>> rules = new ArrayList<>();
            for (FeatureRule r : e.rules().get(i)) {
                rules.add(Map.of("feature", data.featureNames().get(r.feature()), "rule", r.rule(), "weight", r.weight()));
            }
            x.put("rules", rules);
            exps.add(x);
        }
        doc.put("explanations", exps);
        return doc;
    }

    @SuppressWarnings("unchecked")
    private static String text(Map<String, Object> doc) {
        StringBuilder sb = new StringBuilder();
        boolean isImage = doc.containsKey("image");
        sb.append(isImage ? doc.get("image") + " (" + doc.get("width") + "x" + doc.get("height") + ", "
                + doc.get("segments") + " superpixels)" : doc.get("table") + " row " + doc.get("row"));
        sb.append(": label ").append(doc.get("label")).append(", seed ").append(doc.get("seed")).append(", ")
                .append(doc.get("samples")).append(" samples\n");
        for (Map<String, Object> e : (List<Map<String, Object>>) doc.get("explanations")) {
            sb.append(String.format(Locale.ROOT, "label %s: intercept %.4f, score (R²) %.4f, local prediction %.4f%n",
                    e.get("label"), e.get("intercept"), e.get("score"), e.get("local_prediction")));
            TextTable t = isImage ? new TextTable("superpixel", "weight") : new TextTable("rule", "weight");
            List<Map<String, Object>> items = (List<Map<String, Object>>) (isImage ? e.get("weights") : e.get("rules"));
            for (Map<String, Object> w : items.subList(0, Math.min(10, items.size()))) {
                t.row(String.valueOf(isImage ? w.get("superpixel") : w.get("rule")),
                        String.format(Locale.ROOT, "%+.5f", (Double) w.get("weight")));
            }
            sb.append(t);
        }
        if (doc.containsKey("mask")) {
            sb.append("mask: ").append(doc.get("mask")).append('\n');
        }
        if (doc.containsKey("overlay")) {
            sb.append("overlay: ").append(doc.get("overlay")).append('\n');
        }
        return sb.toString();
    }

    private OutputKind parseKind() {
        return switch (outputKind.toLowerCase(Locale.ROOT)) {
            case "probabilities" -> OutputKind.PROBABILITIES;
            case "logits" -> OutputKind.LOGITS;
            default -> throw InvalidInputException.problem("is not an output kind").column("--output-kind")
                    .value(outputKind).expected("logits or probabilities").build();
        };
    }

    private Segmenter parseSegmenter() {
        return switch (segmenter.toLowerCase(Locale.ROOT)) {
            case "quickshift" -> Quickshift.defaults().withSeed(seed);
            case "slic" -> Slic.defaults();
            case "felzenszwalb" -> Felzenszwalb.defaults();
            default -> throw InvalidInputException.problem("is not a segmenter").column("--segmenter").value(segmenter)
                    .expected("quickshift, slic or felzenszwalb").build();
        };
    }

    private static ZooModel<NDList, NDList> load(Path path) {
        if (!Files.exists(path)) {
            throw InvalidInputException.problem("does not exist").file(path).expected("a TorchScript .pt file, a "
                    + "DJL model directory or a TensorFlow SavedModel directory").build();
        }
        ConvolutionGradients.ensureCorrect();
        Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class).optModelPath(path)
                .optEngine("PyTorch").optTranslator(new NoopTranslator()).build();
        try {
            return criteria.loadModel();
        } catch (ModelNotFoundException | MalformedModelException | IOException | RuntimeException e) {
            throw InvalidInputException.problem("cannot be loaded as a model: " + e.getMessage()).file(path)
                    .expected("a TorchScript .pt file or a DJL model directory").build(e);
        }
    }
}
