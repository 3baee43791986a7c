package org.trustml.torch.internal;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The two process-level switches that choose libtorch's convolution kernels, reached through JNA (which DJL's
 * API already depends on): libc's {@code setenv} for {@code ONEDNN_MAX_CPU_ISA}, read by oneDNN the first time
 * it picks kernels, and libtorch's {@code at::Context::setUserEnabledMkldnn(bool)}, read on every
 * convolution. Linux only (libtorch is found in {@code /proc/self/maps}); elsewhere both report that they
 * cannot act.
 */
public final class NativeSwitches {
    private static final String LIBTORCH = "libtorch_cpu.so";
    /** {@code at::globalContext()}. */
    private static final String GLOBAL_CONTEXT = "_ZN2at13globalContextEv";
    /** {@code at::Context::setUserEnabledMkldnn(bool)}. */
    private static final String SET_MKLDNN = "_ZN2at7Context20setUserEnabledMkldnnEb";
    /** {@code at::Context::userEnabledMkldnn() const}. */
    private static final String GET_MKLDNN = "_ZNK2at7Context17userEnabledMkldnnEv";

    private NativeSwitches() {}

    /** The loaded libtorch CPU library, if this process has loaded one. */
    public static Optional<Path> loadedLibtorch() {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(maps)) {
            return lines.filter(l -> l.endsWith("/" + LIBTORCH)).map(l -> Path.of(l.substring(l.indexOf('/'))))
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Sets an environment variable of this process with libc's {@code setenv(name, value, 0)}: a value already
     * there is kept.
     *
     * @return whether the call succeeded
     */
    public static boolean setenvIfAbsent(String name, String value) {
        try {
            Function setenv = NativeLibrary.getInstance("c").getFunction("setenv");
            return setenv.invokeInt(new Object[] {name, value, 0}) == 0;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false;
        }
    }

    /** This process's value of an environment variable as libc sees it now (Java's view is a start-up copy). */
    public static Optional<String> getenv(String name) {
        try {
            Function getenv = NativeLibrary.getInstance("c").getFunction("getenv");
            return Optional.ofNullable(getenv.invokeString(new Object[] {name}, false));
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return Optional.ofNullable(System.getenv(name));
        }
    }

    /**
     * Switches oneDNN (MKL-DNN) on or off in the loaded libtorch, as {@code torch.backends.mkldnn.enabled} does.
     *
     * @return whether libtorch now reports the requested state
     */
    public static boolean setOneDnnEnabled(boolean enabled) {
        Optional<Path> lib = loadedLibtorch();
        if (lib.isEmpty()) {
            return false;
        }
        try {
            NativeLibrary torch = NativeLibrary.getInstance(lib.get().toString());
            Pointer context = torch.getFunction(GLOBAL_CONTEXT).invokePointer(new Object[0]);
            torch.getFunction(SET_MKLDNN).invokeVoid(new Object[] {context, enabled ? (byte) 1 : (byte) 0});
            boolean now = (torch.getFunction(GET_MKLDNN).invokeInt(new Object[] {context}) & 0xff) != 0;
            return now == enabled;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false;
        }
    }
}
