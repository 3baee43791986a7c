package org.trustml.publish;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.trustml.vision.train.TrainedModel;

/** An image classifier in a package: DJL parameters (or TorchScript), synset, DJL Serving properties. */
record ImagePackaging(TrainedModel model) implements PublishableModel {
    @Override
    public Path source() {
        return model.params();
    }

    @Override
    public String sourceHash() {
        return model.paramsHash();
    }

    @Override
    public String packagedFile() {
        return ModelPackage.MODEL_PARAMS;
    }

    @Override
    public Signature signature() {
        return Signature.of(model);
    }

    @Override
    public PackagedModel describe(String name, String version) {
        return new PackagedModel(PackagedModel.SCHEMA_VERSION, name, version, ModelKind.IMAGE_CLASSIFIER,
                ModelPackage.MODEL_PARAMS, model.paramsHash(), model.classes(), Optional.of(model.architecture()),
                model.inputSize(), model.bestEpoch(), Optional.empty());
    }

    @Override
    public Map<String, String> sideFiles(PackagedModel packaged) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(ModelPackage.SYNSET, String.join("\n", model.classes()) + "\n");
        files.put(ModelPackage.SERVING_PROPERTIES, servingProperties(packaged));
        return files;
    }

    /**
     * DJL Serving's model configuration; see {@link TrustmlBlockFactory}. A TorchScript network
     * needs no block factory: DJL's PyTorch engine reads the file (named in full) as TorchScript.
     */
    static String servingProperties(PackagedModel m) {
        String network = m.architecture().orElseThrow().isBuilt()
                ? "option.modelName=" + m.paramsFile().replaceFirst("(-\\d{4})?\\.params$", "") + "\n"
                        + "blockFactory=" + TrustmlBlockFactory.class.getName() + "\n"
                : "option.modelName=" + m.paramsFile() + "\n";
        return "# DJL Serving configuration written by trustml publish (" + m.name() + " " + m.version() + ")\n"
                + "engine=PyTorch\n"
                + network
                + "translatorFactory=ai.djl.modality.cv.translator.ImageClassificationTranslatorFactory\n"
                + "width=" + m.inputSize() + "\n"
                + "height=" + m.inputSize() + "\n"
                + "resize=true\n"
                + "applySoftmax=true\n"
                + "synsetFileName=" + ModelPackage.SYNSET + "\n";
    }
}
