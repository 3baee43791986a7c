package org.trustml.publish;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.trustml.tabular.TabularModel;

/**
 * A Tribuo tabular classifier in a package: its model file ({@value ModelPackage#TRIBUO_MODEL}, Tribuo's
 * protobuf format) and its input columns with their types; no side files.
 */
record TabularPackaging(TabularModel model) implements PublishableModel {
    @Override
    public Path source() {
        return model.model();
    }

    @Override
    public String sourceHash() {
        return model.modelHash();
    }

    @Override
    public String packagedFile() {
        return ModelPackage.TRIBUO_MODEL;
    }

    @Override
    public Signature signature() {
        return Signature.of(model);
    }

    @Override
    public PackagedModel describe(String name, String version) {
        // the feature columns' types only: the label and other columns of the training table are not inputs
        PackagedColumns columns = new PackagedColumns(model.algorithm(), model.label(), model.features(),
                model.columnTypes(), model.trainRows(), model.testRows());
        return new PackagedModel(PackagedModel.SCHEMA_VERSION, name, version, ModelKind.TABULAR_CLASSIFIER,
                ModelPackage.TRIBUO_MODEL, model.modelHash(), model.classes(), Optional.empty(), 0, 0,
                Optional.of(columns.withFeatureTypesOnly()));
    }

    @Override
    public Map<String, String> sideFiles(PackagedModel packaged) {
        return Map.of();
    }
}
