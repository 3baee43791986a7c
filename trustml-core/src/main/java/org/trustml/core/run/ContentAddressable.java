package org.trustml.core.run;


/**
 * A value that can name its own content: equal content gives an equal hash. Stage outputs that
 * implement it are recorded by this hash in the {@link RunRecord}.
 */
public interface ContentAddressable {
    /** {@code sha256:<64 hex digits>} of the value's content. */
    String contentHash();
}
