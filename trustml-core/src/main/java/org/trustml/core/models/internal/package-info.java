/** Implementation detail of {@link org.trustml.core.models}: unpacking TensorFlow's native libraries for DJL. */
package org.trustml.core.models.internal;
