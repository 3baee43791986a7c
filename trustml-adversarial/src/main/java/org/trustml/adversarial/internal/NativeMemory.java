package org.trustml.adversarial.internal;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the native memory an attack has freed back to the operating system, with glibc's
 * {@code malloc_trim(0)} called through JNA (which DJL's API already depends on).
 *
 * <p>libtorch allocates tensors with glibc's {@code malloc}. When an attack's batch and iteration
 * scopes close, that memory is free, but glibc keeps the free pages in its arenas for reuse: after
 * the first attacks the process's resident size stays near the largest peak seen so far: it climbed
 * by 78 MB from attack 2 to attack 20 here (see BENCHMARKS.md) while the memory in use stayed flat.
 * {@code malloc_trim(0)} returns the free pages of every arena (glibc 2.8 and later release whole free
 * pages inside an arena, not only at its top), so after each attack the process shrinks back to what
 * is actually in use. The call took 12–21 ms here; the next attack faults the pages in again. It acts
 * on the whole process, so attacks call it only when their caller asks for it ({@code NativeHeap.TRIM}).
 *
 * <p>A no-op where there is no glibc (macOS, Windows, musl-based Linux) or JNA cannot load its
 * native part: the lookup fails once, is logged at debug level, and is not tried again.
 */
public final class NativeMemory {
    private static final Logger LOG = LoggerFactory.getLogger(NativeMemory.class);
    private static final Object LOCK = new Object();
    /** glibc's {@code malloc_trim}; empty where unavailable; null until first looked up. Guarded by LOCK. */
    private static Optional<Function> mallocTrim;
    /** How many times {@link #releaseFreed} has been called in this JVM, for tests and diagnostics. */
    private static final AtomicLong CALLS = new AtomicLong();

    private NativeMemory() {}

    /** How many times {@link #releaseFreed} has been called in this JVM. */
    static long calls() {
        return CALLS.get();
    }

    /**
     * Returns the process's free native heap pages to the operating system.
     *
     * @return true if glibc released memory, false if there was nothing to release or no glibc
     */
    public static boolean releaseFreed() {
        CALLS.incrementAndGet();
        Optional<Function> trim = mallocTrim();
        if (trim.isEmpty()) {
            return false;
        }
        long start = System.nanoTime();
        try {
            boolean released = trim.get().invokeInt(new Object[] {new NativeLong(0)}) == 1;
            LOG.debug("malloc_trim(0) {} in {} ms", released ? "released memory" : "had nothing to release",
                    (System.nanoTime() - start) / 1_000_000);
            return released;
        } catch (LinkageError | RuntimeException e) {
            // called from finally blocks: never replace the attack's own outcome
            LOG.debug("malloc_trim(0) failed ({}); freed native memory stays with the allocator", e.toString());
            return false;
        }
    }

    /** Whether {@link #releaseFreed} can call glibc on this platform. */
    static boolean available() {
        return mallocTrim().isPresent();
    }

    private static Optional<Function> mallocTrim() {
        synchronized (LOCK) {
            if (mallocTrim == null) {
                mallocTrim = lookUp();
            }
            return mallocTrim;
        }
    }

    private static Optional<Function> lookUp() {
        if (!Platform.isLinux()) {
            return Optional.empty();
        }
        try {
            return Optional.of(NativeLibrary.getInstance(Platform.C_LIBRARY_NAME).getFunction("malloc_trim"));
        } catch (LinkageError | RuntimeException e) {
            LOG.debug("no glibc malloc_trim here ({}); freed native memory stays with the allocator", e.toString());
            return Optional.empty();
        }
    }
}
