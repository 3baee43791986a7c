/** Implementation detail of {@link org.trustml.tensorflow}: unpacking TensorFlow's native libraries for DJL. */
package org.trustml.tensorflow.internal;

