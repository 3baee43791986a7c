package org.trustml.publish;

import ai.djl.Model;
import ai.djl.nn.Block;
import ai.djl.nn.BlockFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Lets DJL Serving (or any DJL {@code Criteria} with {@code blockFactory} set to this class) build the
 * network of a trustml package before it loads {@code model-0000.params}: reads {@code model.json} in the
 * model directory. Named in the package's {@code serving.properties}; trustml-core must be on DJL
 * Serving's classpath (its {@code deps/} folder). Not named for a
 * {@link org.trustml.vision.train.Architecture#TORCHSCRIPT} network, whose file DJL reads as TorchScript.
 */
public final class TrustmlBlockFactory implements BlockFactory {
    private static final long serialVersionUID = 1L;

    @Override
    public Block newBlock(Model model, Path modelPath, Map<String, ?> arguments) throws IOException {
        PackagedModel m = ModelPackage.readModelJson(modelPath.resolve(ModelPackage.MODEL_JSON));
        return m.architecture().orElseThrow(() -> new IOException("not an image classifier's package: " + modelPath))
                .newBlock(m.classes().size(), m.inputSize());
    }
}
