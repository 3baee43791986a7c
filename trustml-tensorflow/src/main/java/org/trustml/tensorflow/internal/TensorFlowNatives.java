package org.trustml.tensorflow.internal;

import ai.djl.util.Utils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trustml.core.TrustmlException;

/**
 * Makes TensorFlow's native libraries available to DJL's TensorFlow engine without a download.
 *
 * <p>DJL 0.35.1's TensorFlow engine wants TF 2.16.1; its own native artifact is not served by Maven Central,
 * but TF-Java's {@code org.tensorflow:tensorflow-core-native:1.0.0-rc.1:linux-x86_64} carries the same
 * libraries ({@code libjnitensorflow.so}, {@code libtensorflow_cc.so.2}, {@code libtensorflow_framework.so.2}
 * under {@code org/tensorflow/internal/c_api/linux-x86_64/}). DJL loads them from the directory named by
 * the system property {@code TENSORFLOW_LIBRARY_PATH}. {@link #install()} unpacks them once per machine
 * into {@code <DJL engine cache>/tensorflow/<natives jar name>} (DJL's cache: {@code ENGINE_CACHE_DIR},
 * else {@code DJL_CACHE_DIR}, else {@code ~/.djl.ai}) and sets that property; it must run before the first
 * call that starts the TensorFlow engine. Unpacking goes to a fresh temporary directory beside the target
 * that is renamed into place in one step, so two JVMs racing never see a half-written directory: the
 * loser deletes its copy and uses the winner's.
 */
public final class TensorFlowNatives {
    /** The property (or environment variable) DJL's TensorFlow engine reads. */
    public static final String LIBRARY_PATH_PROPERTY = "TENSORFLOW_LIBRARY_PATH";
    /** The natives artifact that matches DJL 0.35.1's TensorFlow engine (TF 2.16.1). */
    public static final String NATIVES_ARTIFACT = "org.tensorflow:tensorflow-core-native:1.0.0-rc.1:linux-x86_64";

    private static final Logger LOG = LoggerFactory.getLogger(TensorFlowNatives.class);
    private static final String PLATFORM = "linux-x86_64";
    private static final String RESOURCE_DIR = "org/tensorflow/internal/c_api/" + PLATFORM + "/";
    private static final List<String> LIBRARIES =
            List.of("libjnitensorflow.so", "libtensorflow_cc.so.2", "libtensorflow_framework.so.2");
    private static final Object LOCK = new Object();

    private TensorFlowNatives() {}

    /**
     * Sets {@code TENSORFLOW_LIBRARY_PATH} to an unpacked copy of the natives on the classpath, unless the
     * property or the environment variable is set already (then the user's choice stands).
     *
     * @return the directory DJL will load the natives from
     * @throws TrustmlException if the platform is not linux-x86_64 or the natives jar is not on the classpath
     */
    public static Path install() {
        synchronized (LOCK) {
            String preset = Utils.getEnvOrSystemProperty(LIBRARY_PATH_PROPERTY);
            if (preset != null && !preset.isBlank()) {
                return Path.of(preset);
            }
            String platform = platform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
            if (!PLATFORM.equals(platform)) {
                throw new TrustmlException("TensorFlow natives: this platform is " + platform + ", but trustml unpacks "
                        + NATIVES_ARTIFACT + " (linux-x86_64 only); set " + LIBRARY_PATH_PROPERTY
                        + " to a directory holding libjnitensorflow and TensorFlow 2.16.1's libraries instead");
            }
            Path dir = unpack(TensorFlowNatives.class.getClassLoader(), RESOURCE_DIR, LIBRARIES,
                    Utils.getEngineCacheDir("tensorflow"));
            // DJL reads the natives' directory only from this variable or property: a JVM-wide effect, documented in
            // SavedModel's Javadoc and docs/core.md ("Global effects")
            System.setProperty(LIBRARY_PATH_PROPERTY, dir.toString());
            LOG.info("Set the system property {}={} for DJL's TensorFlow engine", LIBRARY_PATH_PROPERTY, dir);
            return dir;
        }
    }

    /** The natives jar's classifier for a JVM's {@code os.name} and {@code os.arch}, e.g. {@code linux-x86_64}. */
    static String platform(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        String o = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "macosx" : os.startsWith("windows") ? "windows" : os;
        String a = "amd64".equals(arch) || "x86_64".equals(arch) ? "x86_64" : "aarch64".equals(arch) ? "arm64" : arch;
        return o + "-" + a;
    }

    /**
     * Unpacks {@code libraries} from {@code resourceDir} of {@code loader} into a directory under
     * {@code cacheRoot} named after the jar holding them (so another natives version gets another directory),
     * unless a complete copy is there already.
     *
     * @return the directory holding the libraries
     * @throws TrustmlException naming {@link #NATIVES_ARTIFACT} if the first library is not on the classpath
     */
    static Path unpack(ClassLoader loader, String resourceDir, List<String> libraries, Path cacheRoot) {
        URL first = loader.getResource(resourceDir + libraries.get(0));
        if (first == null) {
            throw new TrustmlException("TensorFlow natives not found on the classpath (no " + resourceDir + libraries.get(0)
                    + "): add " + NATIVES_ARTIFACT + " (runtime scope) next to ai.djl.tensorflow:tensorflow-engine, or set "
                    + LIBRARY_PATH_PROPERTY + " to a directory holding the unpacked libraries");
        }
        Path target = cacheRoot.resolve(cacheName(first));
        if (complete(target, libraries)) {
            return target;
        }
        try {
            Files.createDirectories(cacheRoot);
            Path tmp = Files.createTempDirectory(cacheRoot, "." + target.getFileName() + "-");
            try {
                for (String lib : libraries) {
                    try (InputStream in = loader.getResourceAsStream(resourceDir + lib)) {
                        if (in == null) {
                            throw new TrustmlException("TensorFlow natives incomplete: " + resourceDir + lib
                                    + " is missing from the jar that holds " + first + " (expected " + NATIVES_ARTIFACT + ")");
                        }
                        Files.copy(in, tmp.resolve(lib));
                    }
                }
                LOG.info("Unpacked TensorFlow natives to {}", target);
                moveIntoPlace(tmp, target, libraries);
            } finally {
                Utils.deleteQuietly(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack the TensorFlow natives into " + cacheRoot + ": "
                    + e.getMessage(), e);
        }
        return target;
    }

    /** Renames {@code tmp} to {@code target} in one step; if another process won the race, keeps its copy. */
    private static void moveIntoPlace(Path tmp, Path target, List<String> libraries) throws IOException {
        if (Files.exists(target) && !complete(target, libraries)) {
            Utils.deleteQuietly(target); // a copy damaged by hand; never one of ours half-written (we rename whole)
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // rename(2) onto a directory another process has just put there fails (ENOTEMPTY, which Java reports
            // as a plain FileSystemException "Directory not empty"): its copy is complete, use it
            if (!complete(target, libraries)) {
                throw e;
            }
        }
    }

    private static boolean complete(Path dir, List<String> libraries) {
        return libraries.stream().allMatch(lib -> Files.isRegularFile(dir.resolve(lib)));
    }

    /** {@code tensorflow-core-native-1.0.0-rc.1-linux-x86_64} for a resource in that jar; else a name from its URL. */
    static String cacheName(URL resource) {
        String s = resource.toString();
        int bang = s.indexOf("!/");
        if (s.startsWith("jar:") && bang > 0) {
            String jar = s.substring(0, bang);
            String name = jar.substring(jar.lastIndexOf('/') + 1);
            return name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name;
        }
        return "natives-" + Integer.toHexString(s.hashCode());
    }
}
