package org.trustml.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Structure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.trustml.adversarial.Attack;
import org.trustml.adversarial.Fgsm;
import org.trustml.adversarial.GradientClassifier;
import org.trustml.adversarial.Pgd;
import org.trustml.adversarial.NativeHeap;
import org.trustml.adversarial.Robustness;

/**
 * Memory flatness: attacks back to back over 10,000 samples of the 28×28 CNN (alternating FGSM and
 * PGD-5, batch 128). After each attack, three full GCs, then:
 * <ul>
 *   <li>heap: Java heap used (and committed);</li>
 *   <li>RSS: {@code VmRSS} of {@code /proc/self/status}, and {@code Anonymous} of
 *       {@code /proc/self/smaps_rollup};</li>
 *   <li>malloc: glibc's {@code mallinfo2()} summed over all arenas: bytes in use (what libtorch, DJL
 *       and the JVM hold: a leak grows this) and bytes free but kept by the allocator;</li>
 *   <li>arrays: the NDArrays of every DJL manager in the process (the engine's system manager, counted
 *       recursively).</li>
 * </ul>
 * Then the growth from attack 1 and from attack 2 (the first PGD, when both kinds have run once) to
 * the last. Run with a fixed, pre-touched Java heap so that RSS changes are native memory only:
 * {@code java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -Dai.djl.pytorch.num_threads=1 -cp trustml-bench/target/benchmarks.jar
 * org.trustml.bench.AdversarialMemory 10000 20 [report]} (one libtorch thread: on a shared 2-core machine
 * more threads oversubscribe the cores; {@code report} runs the attacks with their robustness report).
 */
public final class AdversarialMemory {
    /**
     * {@code -DtrimAfterGc=true}: one more {@code malloc_trim(0)} after the measurement's own full GCs, so
     * RSS counts what the process holds rather than what glibc keeps of native memory freed after the
     * attack's own trim (by those GCs or by anything else between the attack and the measurement).
     */
    private static final boolean TRIM_AFTER_GC = Boolean.getBoolean("trimAfterGc");
    /**
     * {@code -DnativeHeap=KEEP|TRIM} (default TRIM, the CLI's choice, as in the "after" rows of BENCHMARKS.md):
     * what each attack does with its freed native memory; KEEP, the library's default, is the "before" rows.
     */
    private static final NativeHeap HEAP = NativeHeap.valueOf(System.getProperty("nativeHeap", "TRIM"));

    private AdversarialMemory() {}

    /** glibc's allocator statistics (glibc 2.33+). */
    public interface GlibcMalloc extends Library {
        MallInfo2.ByValue mallinfo2();

        int malloc_trim(long pad);
    }

    /** {@code struct mallinfo2}: ten {@code size_t} fields. */
    @Structure.FieldOrder({"arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
            "fordblks", "keepcost"})
    public static class MallInfo2 extends Structure {
        /** Returned by value. */
        public static class ByValue extends MallInfo2 implements Structure.ByValue {}

        public long arena;
        public long ordblks;
        public long smblks;
        public long hblks;
        public long hblkhd;
        public long usmblks;
        public long fsmblks;
        public long uordblks;
        public long fordblks;
        public long keepcost;
    }

    /** One measurement; -1 where unavailable. */
    private record Sample(long heapUsed, long heapCommitted, long rss, long anonymous, long mallocInUse,
            long mallocFree, int arrays) {}

    public static void main(String[] args) throws IOException, InterruptedException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int attacks = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        boolean report = args.length > 2 && args[2].equals("report");
        GlibcMalloc glibc = glibc();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDManager system = manager.getParentManager();
            SequentialBlock block = AdversarialBench.cnn(manager);
            GradientClassifier model = AdversarialBench.classifier(block);
            NDArray x = manager.create(AdversarialBench.inputs(n, 1), new Shape(n, 1, 28, 28));
            long[] y = AdversarialBench.labels(n, 2);
            Attack fgsm = Fgsm.builder().eps(0.1f).batchSize(128).clip(0, 1).build();
            Attack pgd = Pgd.builder().eps(0.1f).epsStep(0.02f).maxIter(5).batchSize(128).clip(0, 1).build();
            Sample[] seen = new Sample[attacks];
            print("before", measure(glibc, system), Double.NaN);
            long start = System.nanoTime();
            for (int i = 0; i < attacks; i++) {
                Robustness.AttackRun run = Robustness.of(model).attack(i % 2 == 0 ? fgsm : pgd).on(x, y).nativeHeap(HEAP);
                int values = (report ? run.run() : run.generate()).adversarialValues().length;
                seen[i] = measure(glibc, system);
                print(String.format("attack %2d (%d values)", i + 1, values), seen[i], (System.nanoTime() - start) / 1e9);
            }
            for (int from = 0; from < Math.min(2, attacks); from++) {
                growth(seen, from);
            }
        }
    }

    private static void print(String what, Sample s, double seconds) {
        System.out.printf("%s: heap %.1f MB (committed %.1f), RSS %.1f MB, anonymous %.1f MB, malloc in use %.1f MB,"
                + " malloc free %.1f MB, arrays %d, %.1f s%n", what, s.heapUsed() / 1e6, s.heapCommitted() / 1e6,
                s.rss() / 1e6, s.anonymous() / 1e6, s.mallocInUse() / 1e6, s.mallocFree() / 1e6, s.arrays(), seconds);
    }

    private static void growth(Sample[] seen, int from) {
        Sample first = seen[from];
        Sample last = seen[seen.length - 1];
        long maxRss = 0;
        long minRss = Long.MAX_VALUE;
        for (int i = from; i < seen.length; i++) {
            maxRss = Math.max(maxRss, seen[i].rss());
            minRss = Math.min(minRss, seen[i].rss());
        }
        System.out.printf("attack %d -> %d: heap %+.1f MB, RSS %+.1f MB (range %.1f MB), anonymous %+.1f MB,"
                + " malloc in use %+.1f MB, arrays %+d%n", from + 1, seen.length,
                (last.heapUsed() - first.heapUsed()) / 1e6, (last.rss() - first.rss()) / 1e6, (maxRss - minRss) / 1e6,
                (last.anonymous() - first.anonymous()) / 1e6, (last.mallocInUse() - first.mallocInUse()) / 1e6,
                last.arrays() - first.arrays());
    }

    private static Sample measure(GlibcMalloc glibc, NDManager system) throws IOException, InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        if (TRIM_AFTER_GC && glibc != null) {
            glibc.malloc_trim(0);
        }
        Runtime rt = Runtime.getRuntime();
        long inUse = -1;
        long free = -1;
        if (glibc != null) {
            MallInfo2 m = glibc.mallinfo2();
            inUse = m.uordblks + m.hblkhd;
            free = m.fordblks;
        }
        return new Sample(rt.totalMemory() - rt.freeMemory(), rt.totalMemory(), kilobytes("/proc/self/status", "VmRSS:"),
                kilobytes("/proc/self/smaps_rollup", "Anonymous:"), inUse, free, system.getManagedArrays().size());
    }

    private static long kilobytes(String file, String key) throws IOException {
        for (String line : Files.readAllLines(Path.of(file))) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }

    private static GlibcMalloc glibc() {
        if (!Platform.isLinux()) {
            return null;
        }
        try {
            GlibcMalloc lib = Native.load(Platform.C_LIBRARY_NAME, GlibcMalloc.class);
            lib.mallinfo2();
            return lib;
        } catch (LinkageError e) {
            return null;
        }
    }
}
