package org.trustml.serving.internal;

import ai.djl.Model;
import java.util.function.IntConsumer;
import org.trustml.publish.ModelPackage;
import org.trustml.publish.Signature;
import org.trustml.serving.ServerConfig;
import org.trustml.vision.train.TrainedModel;

/** A loaded package: its network on the default engine and its batcher. */
public final class ServedModel implements AutoCloseable {
    private final ModelPackage pkg;
    private final TrainedModel trained;
    private final Model model;
    private final DynamicBatcher batcher;

    public ServedModel(ModelPackage pkg, ServerConfig config, IntConsumer batchSizes) {
        this.pkg = pkg;
        this.trained = pkg.trainedModel();
        this.model = trained.load();
        this.batcher = new DynamicBatcher(pkg.name(), (images, n) -> trained.predictProbabilities(model, images, n),
                config.maxBatchSize(), config.maxDelay(), config.queueCapacity(), batchSizes);
    }

    public String name() {
        return pkg.name();
    }

    public String version() {
        return pkg.version();
    }

    public Signature signature() {
        return pkg.signature();
    }

    public TrainedModel trained() {
        return trained;
    }

    public DynamicBatcher batcher() {
        return batcher;
    }

    @Override
    public void close() {
        if (batcher.stop()) {
            model.close();
        } else {
            org.slf4j.LoggerFactory.getLogger(ServedModel.class).warn(
                    "a batch of '{}' still runs after a minute; its model is left open", pkg.name());
        }
    }
}
