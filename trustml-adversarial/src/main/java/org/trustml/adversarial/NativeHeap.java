package org.trustml.adversarial;

/**
 * What an attack run does, when it ends, with the native memory its batches freed.
 *
 * <p>libtorch allocates tensors with glibc's {@code malloc}; when an attack's batch scopes close, glibc
 * keeps the free pages in its arenas for reuse, so a process that runs many attacks stays near the
 * largest peak any of them reached (BENCHMARKS.md, "Memory over 20 attacks": RSS +78 to +91 MB from
 * attack 2 to 20 without a trim, −3 MB with one, while the memory in use stayed flat).
 * {@link #TRIM} gives those pages back; it acts on the whole process, so a library call does it only
 * when asked.
 */
public enum NativeHeap {
    /** Leave freed memory with the allocator (the default): the run changes nothing outside itself. */
    KEEP,
    /**
     * Call glibc's {@code malloc_trim(0)} (through JNA) after the run, or after it fails: every arena of the
     * process returns its free pages to the operating system, including memory other code in the JVM freed.
     * It took 12–21 ms per attack here, and the next attack faults the pages in again. A no-op without
     * glibc (macOS, Windows, musl). The CLI's {@code attack} and {@code demo} commands use it.
     */
    TRIM
}
