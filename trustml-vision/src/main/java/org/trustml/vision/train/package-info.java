/**
 * Training image classifiers with DJL: the configuration ({@link ImageClassifierConfig}), the
 * result ({@link TrainedModel}: the best checkpoint, its per-epoch history, and how to load it back),
 * the architectures trustml builds ({@link Architecture}), the training loop ({@link ClassifierTraining}),
 * TorchScript reading and writing ({@link TorchScripts}) and DJL parameter files ({@link ModelParams}).
 * The stage is {@link org.trustml.vision.stages.TrainImageClassifier}.
 */
package org.trustml.vision.train;
