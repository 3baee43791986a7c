package org.trustml.core.pipeline;

import java.nio.charset.StandardCharsets;

/**
 * Per-stage seeds derived from the run seed, so that adding a stage never changes another
 * stage's random choices and the same run seed always gives the same stage seeds:
 * {@code seed(stage) = mix(mix(runSeed + (index+1)·γ) ^ fnv1a(name))}, where {@code mix} is the
 * SplitMix64 finaliser (Steele, Lea and Flood 2014) and γ = 0x9E3779B97F4A7C15.
 */
public final class Seeds {
    private static final long GAMMA = 0x9E3779B97F4A7C15L;

    private Seeds() {}

    /** The seed of stage {@code index} named {@code name} in a run seeded {@code runSeed}. */
    public static long derive(long runSeed, int index, String name) {
        return mix(mix(runSeed + (index + 1L) * GAMMA) ^ fnv1a(name));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long fnv1a(String s) {
        long h = 0xCBF29CE484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001B3L;
        }
        return h;
    }
}
