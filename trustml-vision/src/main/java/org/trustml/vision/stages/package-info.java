/**
 * The image stages of a pipeline: {@link ImageFolder} (a labelled table of image files into a checked,
 * split image dataset), {@link TrainImageClassifier} and {@link EvaluateImageClassifier}; and their
 * pipeline-file kinds ({@link VisionStageSpecs}: {@code image-folder}, {@code train}, {@code evaluate}).
 */
package org.trustml.vision.stages;
