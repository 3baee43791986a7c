package org.trustml.torch;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The default path users get: no {@code ONEDNN_MAX_CPU_ISA} in the environment (the build removes it from
 * every test JVM), the library makes libtorch's convolution gradients right by itself. The exact reference
 * is {@code ReferenceConvolution}, itself checked against central finite differences.
 */
class ConvolutionGradientsTest {

    @Test
    void testJvmRunsTheDefaultPath() {
        assertThat(System.getenv(ConvolutionGradients.ISA_VARIABLE))
                .as("surefire must not pass ONEDNN_MAX_CPU_ISA: these tests cover what a library user gets")
                .isNull();
    }

    @Test
    void ensureCorrectLeavesRightGradients() {
        GradientCheck check = ConvolutionGradients.ensureCorrect();
        assertThat(check.policy()).isEqualTo(GradientPolicy.AUTO);
        assertThat(check.remedy()).isNotEqualTo(GradientRemedy.NOT_CHECKED);
        assertThat(check.maxAbsError()).isLessThan(ConvolutionGradients.ABS_TOLERANCE);
        assertThat(ConvolutionGradients.ensureCorrect()).isSameAs(check);
        // and again now, several times: the kernels in use stay right
        assertThat(ConvolutionGradients.measure(Engine.getEngine("PyTorch")).right()).isTrue();
    }

    /** trustml's check is the first libtorch use in the process: oneDNN is capped at SSE4.1 before it starts. */
    @Test
    void freshProcessCapsOneDnn() throws Exception {
        Map<String, String> r = runScenario("fresh");
        assertThat(r).containsEntry("remedy", "ISA_CAPPED").containsEntry("afterRight", "true")
                .containsEntry("isa", "SSE41");
        assertThat(Double.parseDouble(r.get("error"))).isLessThan(1e-3);
    }

    /**
     * libtorch was loaded before trustml's first check: whether oneDNN already picked its kernels cannot be
     * observed, and a passing check proves nothing (the faulty kernels are wrong in runs of calls), so oneDNN is
     * switched off in libtorch, whether an element-wise op or a convolution ran first.
     */
    @ParameterizedTest
    @ValueSource(strings = {"loaded", "conv-first"})
    void libtorchUsedBeforeTheFirstCheckGetsLibtorchsOwnConvolutions(String scenario) throws Exception {
        Map<String, String> r = runScenario(scenario);
        assertThat(r).containsEntry("remedy", "NATIVE_CONVOLUTIONS").containsEntry("afterRight", "true")
                .doesNotContainKey("refused");
        assertThat(Double.parseDouble(r.get("error"))).isLessThan(1e-3);
        // trustml still sets the variable (too late for this process's oneDNN, right for child processes)
        assertThat(r).containsEntry("isa", "SSE41");
    }

    /**
     * Policy {@code check} changes nothing: wrong gradients are refused with a message that names the fix. The
     * faulty kernels are wrong in runs of calls, so the check can also pass; then it reports right numbers.
     */
    @Test
    void checkPolicyRefusesWrongKernelsAndNamesTheFix() throws Exception {
        Map<String, String> r = runScenario("conv-first", "-D" + GradientPolicy.PROPERTY + "=check");
        assertThat(r).containsEntry("isa", "");
        if (r.containsKey("refused")) {
            assertThat(r.get("refused")).contains("wrong convolution gradients")
                    .contains("ONEDNN_MAX_CPU_ISA=SSE41").contains(GradientPolicy.PROPERTY);
        } else {
            assertThat(r).containsEntry("remedy", "NONE_NEEDED");
            assertThat(Double.parseDouble(r.get("error"))).isLessThan(1e-3);
        }
    }

    private static Map<String, String> runScenario(String scenario, String... jvmOptions)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + "/bin/java");
        command.add("-Dai.djl.offline=true");
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), GradientScenario.class.getName(),
                scenario));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove(ConvolutionGradients.ISA_VARIABLE);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(output).isZero();
        String line = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new AssertionError("no RESULT line in:\n" + output));
        Map<String, String> result = new HashMap<>();
        for (String part : line.substring("RESULT ".length()).split(";")) {
            int eq = part.indexOf('=');
            result.put(part.substring(0, eq), part.substring(eq + 1));
        }
        return result;
    }
}
