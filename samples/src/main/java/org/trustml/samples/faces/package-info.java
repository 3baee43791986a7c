/**
 * Sample (2): a face-attribute (gender) classifier in the spirit of FairFace, on generated faces
 * with a race and age imbalance, evaluated per race, per age group and per race × age group.
 */
package org.trustml.samples.faces;
