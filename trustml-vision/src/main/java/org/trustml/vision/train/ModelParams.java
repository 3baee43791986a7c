package org.trustml.vision.train;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.trustml.core.InvalidInputException;

/** Loads a DJL parameter file into a model's block, refusing files that are not one. */
public final class ModelParams {
    private static final byte[] MAGIC = "DJL@".getBytes(StandardCharsets.US_ASCII);

    private ModelParams() {}

    /**
     * Reads {@code params} into {@code model}'s block. DJL itself skips a file without its magic
     * number silently (leaving the block as it was); this checks it first.
     */
    public static void load(Model model, Path params) {
        byte[] head = new byte[MAGIC.length];
        try (InputStream in = Files.newInputStream(params)) {
            if (in.readNBytes(head, 0, head.length) < head.length || !java.util.Arrays.equals(head, MAGIC)) {
                throw InvalidInputException.problem("is not a DJL parameter file (no DJL@ header)").file(params)
                        .expected("a .params file saved by DJL or trustml").build();
            }
        } catch (NoSuchFileException e) {
            throw InvalidInputException.problem("does not exist").file(params).expected("a .params file").build(e);
        } catch (IOException e) {
            throw InvalidInputException.problem("cannot be read: " + e.getMessage()).file(params)
                    .expected("a readable .params file").build(e);
        }
        try (InputStream in = Files.newInputStream(params)) {
            model.load(in);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw InvalidInputException.problem("does not fit the network: " + e.getMessage()).file(params)
                    .expected("parameters of the same architecture and number of classes").build(e);
        }
    }
}
