package org.trustml.cli;

import java.io.PrintWriter;
import org.trustml.core.InvalidInputException;
import org.trustml.core.Versions;
import org.trustml.core.evaluation.NotBlessedException;
import org.trustml.core.pipeline.PipelineException;
import org.trustml.core.tracking.MlflowServerException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code trustml} command. */
@Command(
        name = "trustml",
        mixinStandardHelpOptions = true,
        versionProvider = TrustmlCommand.VersionProvider.class,
        description = "Trusted machine learning on the JVM: tables, pipelines, fairness, explanations, "
                + "robustness, drift, model cards and serving.",
        subcommands = {TableCommand.class, DemoCommand.class, RunCommand.class, CardCommand.class, FairnessCommand.class, AdversarialCommand.class, DriftCommand.class, ExplainCommand.class, ServeCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 2 bad input (one line on stderr), 3 model not blessed (one line per "
                + "failed gate), 1 internal error."})
public final class TrustmlCommand implements Runnable {
    /** Exit code for input the user can fix. */
    public static final int BAD_INPUT = 2;
    /** Exit code for a failure inside trustml. */
    public static final int INTERNAL_ERROR = 1;
    /** Exit code for a pipeline whose bless stage refused the model. */
    public static final int NOT_BLESSED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        // charts, LIME overlays and adversarial sheets are drawn with java.awt: never ask for a display
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command with these streams and returns the exit code (used by tests). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new TrustmlCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            Throwable cause = ex instanceof PipelineException && ex.getCause() != null ? ex.getCause() : ex;
            if (cause instanceof NotBlessedException nb) {
                cmd.getErr().println("trustml: " + nb.getMessage());
                return NOT_BLESSED;
            }
            // a tracking server that refuses or cannot be reached is for the user to fix (URI, credentials, server)
            if (cause instanceof InvalidInputException || cause instanceof MlflowServerException) {
                cmd.getErr().println("trustml: " + oneLine(cause.getMessage()));
                return BAD_INPUT;
            }
            cmd.getErr().println("trustml: internal error: " + oneLine(cause.getClass().getName() + ": " + cause.getMessage()));
            return INTERNAL_ERROR;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace("\r", "\\r").replace("\n", "\\n");
    }

    /** {@code trustml --version}: trustml's version and what it was built against. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "trustml " + Versions.trustml(),
                "DJL " + Versions.djl() + ", Java " + System.getProperty("java.version") + " ("
                        + System.getProperty("java.vendor") + "), " + System.getProperty("os.name") + " "
                        + System.getProperty("os.arch")
            };
        }
    }
}
