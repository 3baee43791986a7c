package org.trustml.bench;

import java.lang.management.ManagementFactory;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * CPU time the whole JVM process (every thread: the benchmark's worker threads, libtorch's
 * threads, GC and JIT) spent inside the measured calls, next to JMH's wall time. On a shared,
 * loaded machine wall time grows with the other processes' load while CPU time stays roughly
 * what an idle machine would spend, so {@code cpuMs / calls / cores} estimates the idle wall
 * time. JMH reports both counters as totals per iteration ({@link AuxCounters.Type#EVENTS}):
 * divide {@code cpuMs} by {@code calls}.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class ProcessCpu {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** Process CPU milliseconds inside the measured calls of this iteration. */
    public double cpuMs;
    /** Measured calls in this iteration. */
    public long calls;
    private long start;

    @Setup(Level.Iteration)
    public void reset() {
        cpuMs = 0;
        calls = 0;
    }

    /** Call just before the measured work. */
    public void begin() {
        start = OS.getProcessCpuTime();
    }

    /** Call just after the measured work. */
    public void end() {
        cpuMs += (OS.getProcessCpuTime() - start) / 1e6;
        calls++;
    }
}
