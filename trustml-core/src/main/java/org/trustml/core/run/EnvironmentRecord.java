package org.trustml.core.run;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.trustml.core.Versions;

/**
 * Where a run ran: library and runtime versions and the platform.
 *
 * @param trustmlVersion trustml's version
 * @param javaVersion    {@code java.version}
 * @param javaVendor     {@code java.vendor}
 * @param djlVersion     the DJL version trustml was built against
 * @param engines        DJL engines the run's stages used, as {@code name version}, sorted
 * @param osName         {@code os.name}
 * @param osArch         {@code os.arch}
 */
public record EnvironmentRecord(
        String trustmlVersion,
        String javaVersion,
        String javaVendor,
        String djlVersion,
        List<String> engines,
        String osName,
        String osArch) {

    public EnvironmentRecord {
        requireNonNull(trustmlVersion, "trustmlVersion");
        engines = List.copyOf(engines);
    }

    /** This JVM's environment, with the engines a run used. */
    public static EnvironmentRecord current(List<String> enginesUsed) {
        return new EnvironmentRecord(
                Versions.trustml(),
                System.getProperty("java.version"),
                System.getProperty("java.vendor"),
                Versions.djl(),
                enginesUsed.stream().sorted().distinct().toList(),
                System.getProperty("os.name"),
                System.getProperty("os.arch"));
    }
}
