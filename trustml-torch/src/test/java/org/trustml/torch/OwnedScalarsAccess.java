package org.trustml.torch;

import java.nio.ByteBuffer;
import java.util.List;

/** Lets tests in other packages provoke what {@link OwnedScalars} guards against. */
public final class OwnedScalarsAccess {
    private OwnedScalarsAccess() {}

    /** See {@code OwnedScalarsTest.collectAndReuseMemory}. */
    public static List<ByteBuffer> collectAndReuseMemory() throws InterruptedException {
        return OwnedScalarsTest.collectAndReuseMemory();
    }
}
