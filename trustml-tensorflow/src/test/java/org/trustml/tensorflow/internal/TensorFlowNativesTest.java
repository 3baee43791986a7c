package org.trustml.tensorflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.TrustmlException;

/** Unpacking natives from a jar on the classpath: small stand-in libraries, the same code path as the real ones. */
class TensorFlowNativesTest {
    static final String DIR = "org/tensorflow/internal/c_api/linux-x86_64/";
    static final List<String> LIBS = List.of("libjnitensorflow.so", "libtensorflow_cc.so.2", "libtensorflow_framework.so.2");

    /** A jar named like TF-Java's natives jar, holding each library as a few bytes of text. */
    static Path nativesJar(Path dir) throws Exception {
        Path jar = dir.resolve("tensorflow-core-native-1.0.0-rc.1-linux-x86_64.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String lib : LIBS) {
                out.putNextEntry(new JarEntry(DIR + lib));
                out.write(("contents of " + lib).repeat(1000).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void unpacksOnceIntoADirectoryNamedAfterTheJar(@TempDir Path tmp) throws Exception {
        Path cache = tmp.resolve("cache/tensorflow");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {nativesJar(tmp).toUri().toURL()}, null)) {
            Path dir = TensorFlowNatives.unpack(loader, DIR, LIBS, cache);
            assertThat(dir).isEqualTo(cache.resolve("tensorflow-core-native-1.0.0-rc.1-linux-x86_64"));
            for (String lib : LIBS) {
                assertThat(dir.resolve(lib)).hasContent(("contents of " + lib).repeat(1000));
            }
            FileTime written = FileTime.fromMillis(1000);
            Files.setLastModifiedTime(dir.resolve(LIBS.get(1)), written);
            // second call: the complete copy is reused, nothing rewritten, no temporary directory left
            assertThat(TensorFlowNatives.unpack(loader, DIR, LIBS, cache)).isEqualTo(dir);
            assertThat(Files.getLastModifiedTime(dir.resolve(LIBS.get(1)))).isEqualTo(written);
            try (Stream<Path> entries = Files.list(cache)) {
                assertThat(entries).containsExactly(dir);
            }
        }
    }

    @Test
    void racingUnpackersAllGetOneCompleteDirectory(@TempDir Path tmp) throws Exception {
        Path cache = tmp.resolve("cache");
        int racers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {nativesJar(tmp).toUri().toURL()}, null)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Callable<Path> task = () -> {
                    start.await();
                    return TensorFlowNatives.unpack(loader, DIR, LIBS, cache);
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            Path expected = cache.resolve("tensorflow-core-native-1.0.0-rc.1-linux-x86_64");
            for (Future<Path> r : results) {
                assertThat(r.get()).isEqualTo(expected);
            }
            for (String lib : LIBS) {
                assertThat(expected.resolve(lib)).hasContent(("contents of " + lib).repeat(1000));
            }
            try (Stream<Path> entries = Files.list(cache)) { // the losers' temporary copies are gone
                assertThat(entries).containsExactly(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void replacesACopyDamagedByHand(@TempDir Path tmp) throws Exception {
        Path cache = tmp.resolve("cache");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {nativesJar(tmp).toUri().toURL()}, null)) {
            Path dir = TensorFlowNatives.unpack(loader, DIR, LIBS, cache);
            Files.delete(dir.resolve(LIBS.get(2)));
            assertThat(TensorFlowNatives.unpack(loader, DIR, LIBS, cache)).isEqualTo(dir);
            assertThat(dir.resolve(LIBS.get(2))).exists();
        }
    }

    @Test
    void missingNativesJarNamesTheArtifactToAdd(@TempDir Path tmp) throws Exception {
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertThatThrownBy(() -> TensorFlowNatives.unpack(empty, DIR, LIBS, tmp))
                    .isInstanceOf(TrustmlException.class)
                    .hasMessageContaining("TensorFlow natives not found on the classpath")
                    .hasMessageContaining("org.tensorflow:tensorflow-core-native:1.0.0-rc.1:linux-x86_64")
                    .hasMessageContaining("TENSORFLOW_LIBRARY_PATH");
        }
        try (Stream<Path> entries = Files.list(tmp)) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void incompleteJarLeavesNothingBehind(@TempDir Path tmp) throws Exception {
        Path jar = tmp.resolve("partial.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(DIR + LIBS.get(0)));
            out.write(1);
            out.closeEntry();
        }
        Path cache = tmp.resolve("cache");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> TensorFlowNatives.unpack(loader, DIR, LIBS, cache))
                    .isInstanceOf(TrustmlException.class).hasMessageContaining(DIR + LIBS.get(1) + " is missing");
        }
        try (Stream<Path> entries = Files.list(cache)) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void aDirectoryTheUserSetIsUsedAndNotOverwritten(@TempDir Path tmp) {
        // the environment variable is not set in the build (surefire does not pass one); the property is the
        // user's choice here, and install() must neither unpack nor change it
        assumeThat(System.getenv(TensorFlowNatives.LIBRARY_PATH_PROPERTY)).isNull();
        String before = System.getProperty(TensorFlowNatives.LIBRARY_PATH_PROPERTY);
        String mine = tmp.resolve("my-tensorflow-libs").toString();
        System.setProperty(TensorFlowNatives.LIBRARY_PATH_PROPERTY, mine);
        try {
            assertThat(TensorFlowNatives.install()).isEqualTo(Path.of(mine));
            assertThat(System.getProperty(TensorFlowNatives.LIBRARY_PATH_PROPERTY)).isEqualTo(mine);
            assertThat(Path.of(mine)).doesNotExist(); // nothing unpacked into it
        } finally {
            if (before == null) {
                System.clearProperty(TensorFlowNatives.LIBRARY_PATH_PROPERTY);
            } else {
                System.setProperty(TensorFlowNatives.LIBRARY_PATH_PROPERTY, before);
            }
        }
    }

    @Test
    void platformNamesFollowTheNativesJarClassifiers() {
        assertThat(TensorFlowNatives.platform("Linux", "amd64")).isEqualTo("linux-x86_64");
        assertThat(TensorFlowNatives.platform("Mac OS X", "aarch64")).isEqualTo("macosx-arm64");
        assertThat(TensorFlowNatives.platform("Windows 11", "x86_64")).isEqualTo("windows-x86_64");
    }
}
