package org.trustml.core.stages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.InvalidInputException;
import org.trustml.core.pipeline.PipelineRun;
import org.trustml.core.pipeline.spec.PipelineSpec;
import org.trustml.core.run.StageRecord;
import org.trustml.core.table.Table;

class ImageTreeTest {
    @TempDir
    Path dir;

    private Path tree() throws IOException {
        Path root = Files.createDirectories(dir.resolve("photos"));
        Files.createDirectories(root.resolve("dog"));
        Files.createDirectories(root.resolve("cat"));
        Files.write(root.resolve("dog/b.PNG"), new byte[] {1});
        Files.write(root.resolve("dog/a.jpg"), new byte[] {2});
        Files.write(root.resolve("cat/c.jpeg"), new byte[] {3});
        Files.writeString(root.resolve("cat/notes.txt"), "not an image");
        Files.writeString(root.resolve("cat/.DS_Store"), "hidden");
        Files.writeString(root.resolve("README"), "a file beside the class folders");
        return root;
    }

    @Test
    void listsClassFoldersAndImagesInNameOrder() throws IOException {
        ImageTree.Listing l = ImageTree.read(tree());
        Table t = l.images();
        assertThat(t.rowCount()).isEqualTo(3);
        assertThat(t.column("file").format(0)).isEqualTo("cat/c.jpeg");
        assertThat(t.column("file").format(1)).isEqualTo("dog/a.jpg");
        assertThat(t.column("file").format(2)).isEqualTo("dog/b.PNG");
        assertThat(t.column("label").format(0)).isEqualTo("cat");
        assertThat(t.column("label").format(2)).isEqualTo("dog");
        assertThat(l.skipped()).containsExactly("README", "cat/notes.txt");
    }

    @Test
    void theHashFollowsTheImagesBytes() throws IOException {
        Path root = tree();
        String before = ImageTree.read(root).contentHash();
        assertThat(ImageTree.read(root).contentHash()).isEqualTo(before);
        Files.write(root.resolve("dog/a.jpg"), new byte[] {9});
        assertThat(ImageTree.read(root).contentHash()).isNotEqualTo(before);
    }

    @Test
    void aFolderWithoutImagesIsRefused() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty/cls"));
        assertThatThrownBy(() -> ImageTree.read(empty.getParent())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("holds no images in class folders");
        assertThatThrownBy(() -> ImageTree.read(dir.resolve("missing"))).hasMessageContaining("is not a folder");
    }

    @Test
    void aPipelineFileIngestsATree() throws IOException {
        tree();
        Path file = Files.writeString(dir.resolve("p.yaml"), """
                seed: 1
                stages:
                  - ingest: {image-tree: photos}
                """);
        PipelineRun<?> run = PipelineSpec.read(file).run(dir);
        assertThat(((Table) run.output()).rowCount()).isEqualTo(3);
        StageRecord ingest = run.record().stages().get(0);
        assertThat(ingest.metrics()).containsEntry("rows", 3.0).containsEntry("skipped_files", 2.0);
        assertThat(ingest.inputHash()).contains(ImageTree.read(dir.resolve("photos")).contentHash());
    }
}
