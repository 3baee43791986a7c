/**
 * Image datasets on disk: the de-facto {@code root/<split>/<label>/<file>} layout that
 * {@link org.trustml.vision.stages.ImageFolder} writes, the {@link ImageDataset} manifest that
 * describes it, folder names that are safe for any label ({@link SafeNames}), and import of a
 * Cloud Annotations export ({@link CloudAnnotations}).
 */
package org.trustml.vision.images;

