package org.trustml.tensorflow;

import static java.util.Objects.requireNonNull;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.trustml.core.InvalidInputException;
import org.trustml.core.TrustmlException;
import org.trustml.tensorflow.internal.TensorFlowNatives;

/**
 * A TensorFlow SavedModel directory ({@code saved_model.pb}, optionally {@code variables/}) loaded on DJL's
 * TensorFlow engine with its {@code serving_default} signature, {@code NDList} in and out. Inference only:
 * that engine has no gradients. Close it to free the native model.
 *
 * <p>The application needs {@code ai.djl.tensorflow:tensorflow-engine} and the natives artifact
 * {@value TensorFlowNatives#NATIVES_ARTIFACT} on its runtime classpath; {@link #load} unpacks the natives
 * once into DJL's cache directory and points the engine at them (unless {@code TENSORFLOW_LIBRARY_PATH} is set).
 * Load SavedModels through this class (or call {@link #installNatives()}) before anything else starts the
 * TensorFlow engine, e.g. before {@code NDManager.newBaseManager()} in a JVM whose only engine is TensorFlow.
 *
 * <p><b>Global effect.</b> DJL's TensorFlow engine finds its native libraries only through the
 * {@code TENSORFLOW_LIBRARY_PATH} environment variable or system property, read once when the engine starts,
 * so {@link #load} and {@link #installNatives()} set that JVM-wide system property to the unpacked copy (and
 * log it), and leave it set: a TensorFlow engine started later in the JVM reads it too. If the variable or
 * the property is set already, trustml neither unpacks nor changes anything: your directory is used. Set it
 * yourself to keep trustml from writing the property. It is the only system property the library sets.
 */
public final class SavedModel implements AutoCloseable {
    /** DJL's name of the TensorFlow engine. */
    public static final String ENGINE = "TensorFlow";
    private static final String EXPECTED = "a TensorFlow SavedModel directory holding saved_model.pb (and variables/),"
            + " as tf.saved_model.save or TF-Java's SavedModelBundle.exporter writes it";

    private final Path directory;
    private final ZooModel<NDList, NDList> model;

    private SavedModel(Path directory, ZooModel<NDList, NDList> model) {
        this.directory = directory;
        this.model = model;
    }

    /** Whether {@code path} is a directory holding {@code saved_model.pb}. */
    public static boolean isSavedModel(Path path) {
        requireNonNull(path, "path");
        return Files.isDirectory(path) && Files.isRegularFile(path.resolve("saved_model.pb"));
    }

    /**
     * Points DJL's TensorFlow engine at the natives on the classpath (unpacked once per machine); {@link #load}
     * does this itself.
     *
     * @return the directory the engine loads its native libraries from
     * @throws TrustmlException if the natives artifact is not on the classpath
     */
    public static Path installNatives() {
        return TensorFlowNatives.install();
    }

    /**
     * Loads the SavedModel in {@code directory}.
     *
     * @throws InvalidInputException if the directory does not exist, holds no {@code saved_model.pb}, or
     *     TensorFlow cannot load it
     * @throws TrustmlException if DJL's TensorFlow engine or its natives are not on the classpath
     */
    public static SavedModel load(Path directory) {
        requireNonNull(directory, "directory");
        if (!Files.exists(directory)) {
            throw InvalidInputException.problem("does not exist").file(directory).expected(EXPECTED).build();
        }
        if (!isSavedModel(directory)) {
            throw InvalidInputException.problem(Files.isDirectory(directory)
                    ? "is not a TensorFlow SavedModel (no saved_model.pb in it)" : "is a file, not a SavedModel directory")
                    .file(directory).expected(EXPECTED).build();
        }
        if (!Engine.hasEngine(ENGINE)) {
            throw new TrustmlException("cannot load " + directory + ": DJL's TensorFlow engine is not on the classpath (add "
                    + "ai.djl.tensorflow:tensorflow-engine and " + TensorFlowNatives.NATIVES_ARTIFACT + ", runtime scope)");
        }
        installNatives();
        Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
                .optModelPath(directory).optEngine(ENGINE).optTranslator(new NoopTranslator()).build();
        try {
            return new SavedModel(directory, criteria.loadModel());
        } catch (MalformedModelException | ModelNotFoundException | IOException e) {
            throw notLoadable(directory, e);
        } catch (TrustmlException e) {
            throw e;
        } catch (RuntimeException e) { // EngineException, or TF-Java's TensorFlowException for an unparsable graph
            throw notLoadable(directory, e);
        }
    }

    /** The directory the model was loaded from. */
    public Path directory() {
        return directory;
    }

    /** The directory's name, for reports and messages. */
    public String name() {
        Path file = directory.toAbsolutePath().normalize().getFileName();
        return file == null ? directory.toString() : file.toString();
    }

    /** The DJL model (TensorFlow engine); owned by this object. */
    public ZooModel<NDList, NDList> zooModel() {
        return model;
    }

    /**
     * The signature's output for {@code batch} (float32, on any engine), as an array on {@code batch}'s
     * manager (see {@link CrossEngine}).
     *
     * @throws ai.djl.engine.EngineException if TensorFlow rejects the batch (e.g. its shape does not fit the graph)
     */
    public NDArray predict(NDArray batch) {
        return CrossEngine.forward(model.getBlock(), model.getNDManager(), batch);
    }

    @Override
    public void close() {
        model.close();
    }

    private static InvalidInputException notLoadable(Path directory, Exception e) {
        String m = e.getMessage();
        String reason = m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
        return InvalidInputException.problem("cannot be loaded as a TensorFlow SavedModel: " + reason).file(directory)
                .expected(EXPECTED).build(e);
    }
}
