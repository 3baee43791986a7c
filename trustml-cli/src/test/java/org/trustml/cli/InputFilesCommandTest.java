package org.trustml.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input files that cannot be read, or are not what they claim: exit 2 with one line on stderr that
 * names the file (and, for bad content, the line), never exit 1 ("internal error").
 */
class InputFilesCommandTest {
    private static final Path FIXTURES = Path.of("..", "trustml-adversarial", "src", "test", "resources", "fixtures");

    @TempDir
    Path dir;

    private static void assertBadInput(Cli.Result r, Path file, String problem) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("trustml: " + file).contains(problem).endsWith("\n");
        assertThat(r.err().lines()).hasSize(1);
    }

    /** Every command with a file option, given {@code file} there. */
    private List<String[]> readers(Path file) throws IOException {
        Path csv = Files.writeString(dir.resolve("ok.csv"), "a,b\n1,2\n3,4\n");
        String model = FIXTURES.resolve("tiny_cnn.pt").toString();
        String x = FIXTURES.resolve("x.npy").toString();
        String f = file.toString();
        List<String[]> commands = new ArrayList<>();
        commands.add(new String[] {"table", "describe", f});
        commands.add(new String[] {"fairness", "--data", f, "--label", "y", "--privileged", "sex=1"});
        commands.add(new String[] {"drift", "--reference", f, "--current", csv.toString()});
        commands.add(new String[] {"drift", "--reference", csv.toString(), "--current", f});
        commands.add(new String[] {"attack", "--model", model, "--input", f, "--eps", "0.1", "--out",
                dir.resolve("adv.npy").toString()});
        commands.add(new String[] {"attack", "--model", model, "--input", x, "--labels", f, "--eps", "0.1", "--out",
                dir.resolve("adv.npy").toString()});
        commands.add(new String[] {"attack", "--model", f, "--input", x, "--eps", "0.1", "--out",
                dir.resolve("adv.npy").toString()});
        commands.add(new String[] {"card", "validate", f});
        commands.add(new String[] {"run", "--check", f});
        return commands;
    }

    @Test
    void aMissingFileOrADirectoryIsExitTwoNamingIt() throws IOException {
        // before: fairness exited 1 for both, attack --input and --labels for a directory, run named no reason
        Path missing = dir.resolve("missing.yaml"); // .yaml, for card validate; the others take any name
        Path folder = Files.createDirectory(dir.resolve("folder.yaml"));
        for (String[] command : readers(missing)) {
            assertBadInput(Cli.run(command), missing, ": does not exist");
        }
        for (String[] command : readers(folder)) {
            Cli.Result r = Cli.run(command);
            if (command[0].equals("attack") && command[2].equals(folder.toString())) {
                assertBadInput(r, folder, ": is not a TorchScript file"); // a DJL model folder would be tried
            } else {
                assertBadInput(r, folder, ": is a directory");
            }
        }
    }

    @Test
    void aFileWhoseReadFailsIsExitTwoNamingIt() throws IOException {
        // /proc/self/mem opens but its first read fails (EIO), even for root
        Path mem = Path.of("/proc/self/mem");
        assumeTrue(Files.exists(mem), "Linux only");
        for (String[] command : readers(mem)) {
            if (!command[0].equals("card")) { // card validate wants a .json or .yaml name first
                assertBadInput(Cli.run(command), mem, ": could not be read: Input/output error");
            }
        }
    }

    @Test
    void aFileWithoutReadPermissionIsExitTwoNamingIt() throws IOException {
        Path locked = Files.writeString(dir.resolve("locked.csv"), "sex,y\n1,1\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeTrue(!Files.isReadable(locked), "root reads any file: no permission to take away");
        assertBadInput(Cli.run("fairness", "--data", locked.toString(), "--label", "y", "--privileged", "sex=1"), locked,
                ": is not readable (permission denied)");
    }

    @Test
    void fairnessNamesTheLineOfBadContent() throws IOException {
        // before: exit 1 for some; a non-UTF-8 byte became the unfavorable label, a second 'y' column was ignored,
        // the rest were "Exception when reading record ..." without a reason
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("latin1.csv", new byte[] {'s', 'e', 'x', ',', 'y', '\n', '1', ',', '1', '\n', '0', ',', (byte) 0xE9, '\n'});
        bad.put("dup.csv", "sex,y,y\n1,1,0\n0,0,1\n".getBytes(StandardCharsets.UTF_8));
        bad.put("ragged.csv", "sex,y\n1,1\n0,0,3\n1,0\n".getBytes(StandardCharsets.UTF_8));
        bad.put("nul.csv", "sex,y\n1,1\n0,\0\n".getBytes(StandardCharsets.UTF_8));
        byte[] garbage = new byte[3000];
        new Random(17).nextBytes(garbage);
        bad.put("garbage.csv", garbage);
        Map<String, String> expected = Map.of(
                "latin1.csv", ", line 3: value '0xE9' at character 3 (byte offset 12) is not valid UTF-8",
                "dup.csv", ", line 1, column 'y': is a duplicate column name",
                "ragged.csv", ", line 3: has 3 fields (expected 2 fields like the header (sex,y))",
                "nul.csv", ", line 3: value '0x00' at character 3 (byte offset 12) is a NUL character",
                "garbage.csv", ", line 1: value '0x");
        for (Map.Entry<String, byte[]> e : bad.entrySet()) {
            Path f = Files.write(dir.resolve(e.getKey()), e.getValue());
            Cli.Result r = Cli.run("fairness", "--data", f.toString(), "--label", "y", "--privileged", "sex=1");
            assertBadInput(r, f, expected.get(e.getKey()));
        }
    }

    @Test
    void fairnessRefusesAFieldLongerThanTheLimit() throws IOException {
        // CsvOptions.DEFAULT_MAX_FIELD_CHARS is 16 Mi characters; before: "Exception when reading record ..."
        byte[] head = "sex,y\n1,1\n0,".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[head.length + 17_000_000 + 1];
        System.arraycopy(head, 0, bytes, 0, head.length);
        java.util.Arrays.fill(bytes, head.length, bytes.length - 1, (byte) 'x');
        bytes[bytes.length - 1] = '\n';
        Path f = Files.write(dir.resolve("long.csv"), bytes);
        Cli.Result r = Cli.run("fairness", "--data", f.toString(), "--label", "y", "--privileged", "sex=1");
        assertBadInput(r, f, ", line 3, column 'y': has a field of more than 16777216 characters, longer than the "
                + "limit of 16777216");
    }
}
