package org.trustml.vision.train;

import ai.djl.basicmodelzoo.cv.classification.MobileNetV2;
import ai.djl.basicmodelzoo.cv.classification.ResNetV1;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import org.trustml.torch.OwnedScalars;

/**
 * The image classifiers trustml trains: two from DJL's basic model zoo ({@code ai.djl:model-zoo}),
 * built here, and any TorchScript network read from a file.
 */
public enum Architecture {
    /** MobileNetV2 (Sandler et al. 2018), DJL's {@code MobileNetV2} with default widths. */
    MOBILENET_V2,
    /** ResNet-18 (He et al. 2016), DJL's {@code ResNetV1} with 18 layers. */
    RESNET_18,
    /**
     * A TorchScript module ({@code torch.jit.save}) read from the file named by
     * {@link ImageClassifierConfig#initialWeights()}, fine-tuned on DJL's PyTorch engine. It takes
     * {@code [N, 3, size, size]} RGB in [0, 1] and gives logits {@code [N, classes]} in the dataset's
     * class order; the trained network is saved as TorchScript again.
     */
    TORCHSCRIPT;

    /** Whether the network is built here ({@link #newBlock}) rather than read from a TorchScript file. */
    public boolean isBuilt() {
        return this != TORCHSCRIPT;
    }

    /**
     * A new, uninitialised block with {@code classes} outputs (logits) for 3-channel images of {@code size}².
     *
     * @throws IllegalStateException for {@link #TORCHSCRIPT}, whose network comes from its file
     *     ({@link TrainedModel#load()})
     */
    public Block newBlock(int classes, int size) {
        return switch (this) {
            case MOBILENET_V2 -> OwnedScalars.withOwnedRelu6(MobileNetV2.builder().setOutSize(classes).build());
            case RESNET_18 -> ResNetV1.builder().setImageShape(new Shape(3, size, size)).setNumLayers(18)
                    .setOutSize(classes).build();
            case TORCHSCRIPT -> throw new IllegalStateException(
                    "a TorchScript network is read from its file (TrainedModel.load), not built from its architecture");
        };
    }
}
