package org.trustml.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustml.core.InvalidInputException;
import org.trustml.core.evaluation.Blessing;
import org.trustml.core.io.ContentHash;
import org.trustml.publish.ModelPackage;
import org.trustml.publish.ModelRegistry;
import org.trustml.publish.ObjectStore;
import org.trustml.publish.PackageFile;
import org.trustml.publish.Publication;
import org.trustml.publish.PublishOptions;
import org.trustml.tabular.TabularEvaluation;
import org.trustml.tabular.TabularFixtures;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Publishing to a real S3-compatible server (S3Proxy on a transient jclouds blob store, in process, loopback). */
class S3ObjectStoreTest {
    @TempDir
    static Path dir;

    static S3Proxy proxy;
    static BlobStoreContext blobs;
    static S3ObjectStore store;
    static S3Client client;
    static Blessing<TabularEvaluation> model;

    @BeforeAll
    static void start() throws Exception {
        blobs = ContextBuilder.newBuilder("transient").credentials("identity", "credential").build(BlobStoreContext.class);
        proxy = S3Proxy.builder().blobStore(blobs.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "access", "secret").build();
        proxy.start();
        for (int i = 0; i < 600 && !AbstractLifeCycle.STARTED.equals(proxy.getState()); i++) {
            Thread.sleep(50);
        }
        URI endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        StaticCredentialsProvider creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("access", "secret"));
        client = S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.US_EAST_1)
                .credentialsProvider(creds)
                // S3Proxy answers 501 to the checksum headers the SDK adds by default
                .requestChecksumCalculation(software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(software.amazon.awssdk.core.checksums.ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder()).build();
        client.createBucket(b -> b.bucket("models"));
        store = S3ObjectStore.connect(Optional.of(endpoint), Region.US_EAST_1, creds, "models", "trustml/");
        model = TabularFixtures.run(TabularFixtures.pipeline(dir.resolve("train"), 200, 3), dir.resolve("train"), 3)
                .output();
    }

    @AfterAll
    static void stop() throws Exception {
        store.close();
        client.close();
        proxy.stop();
        blobs.close();
    }

    /** The blessed tabular model published as {@code name} into {@code registry}, uploaded to {@code store}. */
    static Publication publish(Path registry, String name, Optional<ObjectStore> store) {
        ModelRegistry r = store.map(ModelRegistry.at(registry)::withObjectStore).orElse(ModelRegistry.at(registry));
        return r.publish(model.evaluation().model(), model.evaluation(), model.verdict(), Optional.empty(),
                PublishOptions.named(name));
    }

    @Test
    void aPublishedPackageIsUploadedWithEveryFileAndItsHash() throws Exception {
        Publication p = publish(dir.resolve("registry-a"), "applicants", Optional.of(store));
        assertThat(p.objectStoreUri()).contains("s3://models/trustml/applicants/1");
        assertThat(p.storageUri()).isEqualTo("s3://models/trustml/applicants/1");
        List<String> keys = client.listObjectsV2Paginator(b -> b.bucket("models").prefix("trustml/applicants/1/")).contents()
                .stream().map(S3Object::key).sorted().toList();
        List<String> expected = new java.util.ArrayList<>(p.files().stream().map(f -> "trustml/applicants/1/" + f.path()).toList());
        expected.add("trustml/applicants/1/SHA256SUMS");
        assertThat(keys).containsExactlyInAnyOrderElementsOf(expected);
        for (PackageFile f : p.files()) {
            ResponseBytes<GetObjectResponse> obj = client.getObjectAsBytes(b -> b.bucket("models")
                    .key("trustml/applicants/1/" + f.path()));
            assertThat(ContentHash.of(obj.asByteArray())).as(f.path()).isEqualTo(f.sha256());
            assertThat(obj.response().metadata()).containsEntry("sha256", f.sha256().substring(7));
        }
        assertThat(client.getObjectAsBytes(b -> b.bucket("models").key("trustml/applicants/1/SHA256SUMS")).asByteArray())
                .isEqualTo(Files.readAllBytes(p.directory().resolve("SHA256SUMS")));
        // the KServe manifest points at the object store
        assertThat(Files.readString(p.directory().resolve("deploy/kserve.yaml")))
                .contains("storageUri: \"s3://models/trustml/applicants/1\"");
    }

    @Test
    void aVersionInTheStoreIsNeverOverwritten() throws Exception {
        publish(dir.resolve("registry-b"), "other", Optional.of(store));
        byte[] before = client.getObjectAsBytes(b -> b.bucket("models").key("trustml/other/1/SHA256SUMS")).asByteArray();
        // a second registry folder (another machine) with the same store: version 1 is taken there
        assertThatThrownBy(() -> publish(dir.resolve("registry-c"), "other", Optional.of(store)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("s3://models/trustml/other/1")
                .hasMessageContaining("already exists in the object store");
        assertThat(dir.resolve("registry-c/other/1")).doesNotExist();
        assertThat(client.getObjectAsBytes(b -> b.bucket("models").key("trustml/other/1/SHA256SUMS")).asByteArray())
                .isEqualTo(before);
        assertThat(store.exists("other/1/" + ModelPackage.TRIBUO_MODEL)).isTrue();
        assertThat(store.exists("other/2/" + ModelPackage.TRIBUO_MODEL)).isFalse();
    }
}
