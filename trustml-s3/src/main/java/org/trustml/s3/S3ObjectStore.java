package org.trustml.s3;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.trustml.core.io.ContentHash;
import org.trustml.publish.ObjectStore;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * An {@link ObjectStore} on an S3-compatible bucket (AWS S3, MinIO, Ceph, S3Proxy …) through the AWS
 * SDK for Java v2. Keys are {@code <prefix>/<key>}; each object carries its SHA-256 as user metadata
 * {@code x-amz-meta-sha256}. Thread-safe, as {@link S3Client} is.
 */
public final class S3ObjectStore implements ObjectStore, AutoCloseable {
    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final boolean ownsClient;

    private S3ObjectStore(S3Client s3, String bucket, String prefix, boolean ownsClient) {
        this.s3 = requireNonNull(s3, "s3");
        this.bucket = requireNonNull(bucket, "bucket");
        this.prefix = trim(requireNonNull(prefix, "prefix"));
        this.ownsClient = ownsClient;
    }

    /** A store on a client the caller configured (and closes). */
    public static S3ObjectStore of(S3Client client, String bucket, String prefix) {
        return new S3ObjectStore(client, bucket, prefix, false);
    }

    /**
     * A store with its own client: {@code endpoint} for S3-compatible servers (path-style addressing),
     * empty for AWS itself. Checksums are sent only where the operation requires them, which every
     * S3-compatible server accepts.
     */
    public static S3ObjectStore connect(Optional<URI> endpoint, Region region, AwsCredentialsProvider credentials,
            String bucket, String prefix) {
        var b = S3Client.builder().region(region).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        endpoint.ifPresent(e -> b.endpointOverride(e).forcePathStyle(true));
        return new S3ObjectStore(b.build(), bucket, prefix, true);
    }

    private static String trim(String p) {
        String t = p;
        while (t.startsWith("/")) {
            t = t.substring(1);
        }
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    private String key(String key) {
        String k = trim(key);
        return prefix.isEmpty() ? k : k.isEmpty() ? prefix : prefix + "/" + k;
    }

    @Override
    public String uri(String key) {
        return "s3://" + bucket + "/" + key(key);
    }

    @Override
    public boolean exists(String key) {
        try {
            s3.headObject(HeadObjectRequest.builder().bucket(bucket).key(key(key)).build());
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void put(String key, Path file, String sha256) {
        String hex = sha256.startsWith(ContentHash.PREFIX) ? sha256.substring(ContentHash.PREFIX.length()) : sha256;
        s3.putObject(PutObjectRequest.builder().bucket(bucket).key(key(key)).metadata(Map.of("sha256", hex)).build(),
                RequestBody.fromFile(file));
    }

    /** Closes the client if this store made it. */
    @Override
    public void close() {
        if (ownsClient) {
            s3.close();
        }
    }
}
