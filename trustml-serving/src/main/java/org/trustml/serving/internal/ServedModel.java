package org.trustml.serving.internal;

import ai.djl.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;
import org.tribuo.classification.Label;
import org.trustml.core.table.Table;
import org.trustml.publish.ModelPackage;
import org.trustml.publish.Signature;
import org.trustml.tabular.TabularModel;
import org.trustml.vision.images.ImageDecoder;
import org.trustml.vision.train.TrainedModel;

/**
 * A loaded package and its batcher: an image classifier's network on the default DJL engine, or a
 * tabular classifier's Tribuo model. Both go through the same {@link DynamicBatcher} and limits.
 */
public final class ServedModel implements AutoCloseable {
    private final ModelPackage pkg;
    private final Runner<?> runner;

    public ServedModel(ModelPackage pkg, Limits config, IntConsumer batchSizes) {
        this.pkg = pkg;
        this.runner = switch (pkg.kind()) {
            case IMAGE_CLASSIFIER -> new ImageRunner(pkg, config, batchSizes);
            case TABULAR_CLASSIFIER -> new TabularRunner(pkg, config, batchSizes);
        };
    }

    /** A request read from a body and queued; the result is empty when the queue was full. */
    public record Queued(InferenceCodec.Request<?> request, Optional<CompletableFuture<double[][]>> result) {}

    public String name() {
        return pkg.name();
    }

    public String version() {
        return pkg.version();
    }

    public Signature signature() {
        return pkg.signature();
    }

    /** {@code trustml_djl} or {@code trustml_tribuo}, the v2 metadata's {@code platform}. */
    public String platform() {
        return runner instanceof ImageRunner ? "trustml_djl" : "trustml_tribuo";
    }

    /** Reads an infer request's body (an {@link HttpError} 400 when it is bad) and queues it. */
    public Queued infer(byte[] body, ImageDecoder decoder) {
        return runner.infer(body, decoder);
    }

    public DynamicBatcher<?> batcher() {
        return runner.batcher();
    }

    @Override
    public void close() {
        if (!runner.batcher().stop()) {
            org.slf4j.LoggerFactory.getLogger(ServedModel.class).warn(
                    "a batch of '{}' still runs after a minute; its model is left open", pkg.name());
            return;
        }
        runner.closeModel();
    }

    private interface Runner<P> {
        DynamicBatcher<P> batcher();

        InferenceCodec.Request<P> parse(byte[] body, ImageDecoder decoder);

        default Queued infer(byte[] body, ImageDecoder decoder) {
            InferenceCodec.Request<P> request = parse(body, decoder);
            return new Queued(request, batcher().submit(request.payload(), request.n()));
        }

        void closeModel();
    }

    /** Images as floats, one forward pass per batch. */
    private static final class ImageRunner implements Runner<float[]> {
        private final ModelPackage pkg;
        private final TrainedModel trained;
        private final Model model;
        private final DynamicBatcher<float[]> batcher;

        ImageRunner(ModelPackage pkg, Limits config, IntConsumer batchSizes) {
            this.pkg = pkg;
            this.trained = pkg.trainedModel();
            this.model = trained.load();
            this.batcher = new DynamicBatcher<>(pkg.name(),
                    (images, n) -> trained.predictProbabilities(model, DynamicBatcher.concat(images), n),
                    config.maxBatchSize(), config.maxDelay(), config.queueCapacity(), batchSizes);
        }

        @Override
        public DynamicBatcher<float[]> batcher() {
            return batcher;
        }

        @Override
        public InferenceCodec.Request<float[]> parse(byte[] body, ImageDecoder decoder) {
            return InferenceCodec.parse(body, pkg.signature(), trained, decoder);
        }

        @Override
        public void closeModel() {
            model.close();
        }
    }

    /**
     * Rows as tables of the feature columns; a batch is each request's rows predicted by the Tribuo
     * model in turn (Tribuo predicts row by row, so batching only saves the queueing).
     */
    private static final class TabularRunner implements Runner<Table> {
        private final ModelPackage pkg;
        private final TabularModel tabular;
        private final DynamicBatcher<Table> batcher;

        TabularRunner(ModelPackage pkg, Limits config, IntConsumer batchSizes) {
            this.pkg = pkg;
            this.tabular = pkg.tabularModel();
            org.tribuo.Model<Label> model = tabular.load();
            this.batcher = new DynamicBatcher<>(pkg.name(), (tables, n) -> {
                List<double[]> rows = new ArrayList<>(n);
                for (Table t : tables) {
                    rows.addAll(List.of(tabular.predictProbabilities(model, t)));
                }
                return rows.toArray(double[][]::new);
            }, config.maxBatchSize(), config.maxDelay(), config.queueCapacity(), batchSizes);
        }

        @Override
        public DynamicBatcher<Table> batcher() {
            return batcher;
        }

        @Override
        public InferenceCodec.Request<Table> parse(byte[] body, ImageDecoder decoder) {
            return TabularCodec.parse(body, pkg.signature(), tabular.columnTypes());
        }

        @Override
        public void closeModel() {
            // Tribuo models have nothing to close (an XGBoost booster is freed with the model)
        }
    }
}
