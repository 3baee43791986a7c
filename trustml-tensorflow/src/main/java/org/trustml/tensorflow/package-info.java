/**
 * Models on other DJL engines than the default one: {@link org.trustml.tensorflow.SavedModel} loads a
 * TensorFlow SavedModel directory on DJL's TensorFlow engine (inference only, no gradients), and
 * {@link org.trustml.tensorflow.CrossEngine} runs a model whose engine differs from its inputs'.
 */
package org.trustml.tensorflow;

