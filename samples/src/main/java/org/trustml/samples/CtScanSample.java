package org.trustml.samples;

import java.nio.file.Path;
import org.trustml.cli.demo.CtScanDemo;
import org.trustml.core.InvalidInputException;
import org.trustml.core.pipeline.Progress;

/**
 * Sample (1): a CT-scan-like binary classifier with age/sex metadata and a planted bias, trained,
 * evaluated (per slice, fairness, LIME, PGD robustness, drift), blessed or refused by gates, with a
 * model card and an HTML report — what {@code ./trustml demo} runs. The generator is
 * {@link org.trustml.cli.demo.CtScanData} (seeded; faint opacities in women), the pipeline is
 * {@link CtScanDemo#pipeline}; read them there, they are the code this sample runs.
 *
 * <pre>
 * mvn -q -pl samples -am package -DskipTests
 * java -Djava.awt.headless=true -Dai.djl.offline=true \
 *      -cp "samples/target/classes:trustml-cli/target/trustml-cli.jar:trustml-cli/target/lib/*" \
 *      org.trustml.samples.CtScanSample ct-sample [PATIENTS [EPOCHS]]
 * </pre>
 *
 * <p>{@code OUT} must be new or empty ({@link CtScanDemo#run} refuses a finished run's folder before writing);
 * {@code trustml demo} gives each run its own folder instead.
 */
public final class CtScanSample {
    private CtScanSample() {}

    /** The options for {@code OUT [PATIENTS [EPOCHS]]}; the rest are {@link CtScanDemo.Options#defaults}. */
    public static CtScanDemo.Options options(String... args) {
        if (args.length < 1 || args.length > 3) {
            throw InvalidInputException.problem("has " + args.length + " arguments").column("arguments")
                    .expected("OUT [PATIENTS [EPOCHS]]").build();
        }
        CtScanDemo.Options d = CtScanDemo.Options.defaults(Path.of(args[0]));
        int patients = args.length > 1 ? integer(args[1], "PATIENTS") : d.patients();
        int epochs = args.length > 2 ? integer(args[2], "EPOCHS") : d.epochs();
        return new CtScanDemo.Options(d.out(), d.seed(), patients, epochs, d.limeImages(), d.limeSamples());
    }

    private static int integer(String s, String what) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw InvalidInputException.problem("is not an integer").column(what).value(s).expected("a whole number")
                    .build(e);
        }
    }

    public static void main(String[] args) {
        CtScanDemo.Options options;
        try {
            options = options(args);
        } catch (InvalidInputException e) {
            System.err.println("usage: CtScanSample OUT [PATIENTS [EPOCHS]]: " + e.getMessage());
            System.exit(2);
            return;
        }
        CtScanDemo.Result r = CtScanDemo.run(options, Progress.NONE);
        System.out.println(r.run().output().verdict().summary());
        System.out.println("report:     " + r.report());
        System.out.println("model card: " + r.cardHtml());
        System.out.println("run record: " + r.run().recordFile());
    }
}
