package org.trustml.vision.train;


/**
 * What one epoch of training measured.
 *
 * @param epoch              1-based
 * @param trainLoss          mean softmax cross-entropy over the epoch's training batches
 * @param trainAccuracy      share of training images classified right during the epoch
 * @param validationLoss     mean cross-entropy on the validation split, inference mode (NaN without one)
 * @param validationAccuracy accuracy on the validation split (NaN without one)
 */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
        double validationAccuracy) {}
