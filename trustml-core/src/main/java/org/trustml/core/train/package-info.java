/**
 * Training image classifiers with DJL: the configuration ({@link ImageClassifierConfig}), the
 * result ({@link TrainedModel}: the best checkpoint, its per-epoch history, and how to load it back)
 * and the architectures trustml builds. The stage is {@link org.trustml.core.stages.TrainImageClassifier}.
 * What every DJL training or gradient in trustml shares lives here too: {@link
 * org.trustml.core.train.SeededInitializer} (initial weights from the run's seed, not DJL's engine-wide
 * generator) and {@link org.trustml.core.train.GradientCollectors} (gradient passes from several threads
 * at once, which DJL's PyTorch engine otherwise refuses).
 */
package org.trustml.core.train;
