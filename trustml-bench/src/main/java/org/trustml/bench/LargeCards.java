package org.trustml.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.trustml.modelcard.ModelCards;
import org.trustml.modelcard.ValidationReport;

/**
 * Time and memory to validate one large model card (issue 17, part 6), one case per JVM so that the
 * peak RSS is the case's own:
 * <ul>
 *   <li>{@code string-yaml} / {@code string-json}: {@code model_details.name} is a 10,000,000-character
 *       string without spaces (like a base64 PNG);</li>
 *   <li>{@code list-yaml} / {@code list-json}: {@code considerations.limitations} has 120,000 entries.</li>
 * </ul>
 * A second argument changes the size: characters of the string, or entries of the list.
 * A small card is validated first (class loading, schema), then the large one once, with
 * {@link ModelCards#validate}. Prints wall time, process CPU time and the peak RSS ({@code VmHWM}).
 * Not JMH: one large call per JVM is the point, and the old code took minutes.
 *
 * <pre>{@code
 * java -cp trustml-bench/target/benchmarks.jar org.trustml.bench.LargeCards string-yaml
 * java -cp trustml-bench/target/benchmarks.jar org.trustml.bench.LargeCards list-yaml 240000
 * }</pre>
 */
public final class LargeCards {
    private LargeCards() {}

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "string-yaml";
        boolean yaml = which.endsWith("-yaml");
        boolean string = which.startsWith("string-");
        int size = args.length > 1 ? Integer.parseInt(args[1]) : string ? 10_000_000 : 120_000;
        Path dir = Files.createTempDirectory("large-cards");
        Path small = Files.writeString(dir.resolve(yaml ? "small.yaml" : "small.json"),
                yaml ? "model_details:\n  name: m\n" : "{\"model_details\": {\"name\": \"m\"}}");
        ModelCards.validate(small);

        StringBuilder text = new StringBuilder();
        if (string) {
            String name = "x".repeat(size);
            text.append(yaml ? "schema_version: \"0.0.2\"\nmodel_details:\n  name: \"" + name + "\"\n"
                    : "{\"schema_version\": \"0.0.2\", \"model_details\": {\"name\": \"" + name + "\"}}\n");
        } else if (which.startsWith("list-")) {
            text.append(yaml ? "schema_version: \"0.0.2\"\nconsiderations:\n  limitations:\n"
                    : "{\"schema_version\": \"0.0.2\", \"considerations\": {\"limitations\": [");
            for (int i = 0; i < size; i++) {
                text.append(yaml ? "    - description: \"limitation " + i + "\"\n"
                        : (i == 0 ? "" : ",") + "{\"description\": \"limitation " + i + "\"}");
            }
            text.append(yaml ? "" : "]}}\n");
        } else {
            throw new IllegalArgumentException("case: string-yaml, string-json, list-yaml or list-json, not " + which);
        }
        Path card = Files.writeString(dir.resolve(yaml ? "card.yaml" : "card.json"), text);

        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        ValidationReport report = ModelCards.validate(card);
        double wall = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %,d bytes, valid=%s, %.2f s wall, %.2f s CPU, peak RSS %s%n", which,
                Files.size(card), report.isValid(), wall, cpuSeconds, peakRss());
        Files.delete(card);
        Files.delete(small);
        Files.delete(dir);
    }

    private static String peakRss() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                return String.format(Locale.ROOT, "%.0f MB", kb / 1024.0);
            }
        }
        return "unknown";
    }
}
