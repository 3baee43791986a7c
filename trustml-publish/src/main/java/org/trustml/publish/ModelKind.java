package org.trustml.publish;

/** What kind of model a package holds, and so which runtime loads it ({@code kind} in {@code model.json}). */
public enum ModelKind {
    /** An image classifier: DJL parameters or TorchScript, run on a DJL engine ({@code trustml-vision}). */
    IMAGE_CLASSIFIER,
    /** A tabular classifier: a Tribuo model file of named, typed input columns ({@code trustml-tabular}). */
    TABULAR_CLASSIFIER
}
