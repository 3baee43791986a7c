/** Image decoding, resizing, augmentation and the training loop; tables to Tribuo examples; not API. */
package org.trustml.core.train.internal;
