package kr.dat.storage;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import kr.dat.platform.config.AppConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.TlsTrustManagersProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The bucket that keeps original and processed result files. {@code S3_ENDPOINT} points it at any
 * S3-compatible store (path-style addressing); without it, AWS S3 in {@code AWS_REGION}. Credentials
 * are {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY} when set, else the default chain.
 */
@ApplicationScoped
public class ObjectStore {

    private static final Logger LOG = Logger.getLogger(ObjectStore.class.getName());
    static final Duration HEALTH_TIMEOUT = Duration.ofMillis(2500);
    private static final String TEXT_CSV = "text/csv; charset=utf-8";

    @Inject
    AppConfig config;

    private String bucket;
    private boolean createBucket;
    private S3Client s3;
    private volatile boolean bucketChecked;

    @PostConstruct
    void init() {
        init(config.storage());
    }

    void init(AppConfig.Storage settings) {
        init(settings, null);
    }

    /** {@code trust}: whom HTTPS trusts, or null for the JVM's default trust store (tests pass their own). */
    void init(AppConfig.Storage settings, TlsTrustManagersProvider trust) {
        ApacheHttpClient.Builder http = ApacheHttpClient.builder() // streams a body as it reads it (PutGate needs that)
                .connectionTimeout(Duration.ofSeconds(3))
                .socketTimeout(Duration.ofSeconds(10));
        if (trust != null) {
            http.tlsTrustManagersProvider(trust);
        }
        bucket = settings.bucket();
        createBucket = settings.createBucket();
        S3ClientBuilder b = S3Client.builder()
                .region(Region.of(settings.region()))
                .httpClient(http.build())
                .credentialsProvider(credentials(settings))
                // S3-compatible stores (s3proxy, MinIO) reject the SDK's default trailing checksums
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                // over plain HTTP (a store on the ward's network) the payload is signed as one SHA-256,
                // not as aws-chunked 128 KiB chunks each signed again (a buffer and an HMAC per chunk,
                // on both sides); over HTTPS the SDK does not sign payloads either way
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                // a bucket that accepts connections and never answers fails a call after 20 s
                .overrideConfiguration(c -> c.apiCallAttemptTimeout(Duration.ofSeconds(15)).apiCallTimeout(Duration.ofSeconds(20)));
        settings.endpoint().ifPresent(e -> b.endpointOverride(URI.create(e)).forcePathStyle(true));
        s3 = b.build();
        LOG.info(() -> "Object store: bucket " + bucket + " at " + settings.endpoint().orElse("AWS S3 " + settings.region()));
    }

    @PreDestroy
    void close() {
        if (s3 != null) {
            s3.close();
        }
    }

    private static AwsCredentialsProvider credentials(AppConfig.Storage settings) {
        if (settings.accessKeyId().isPresent() && settings.secretAccessKey().isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKeyId().get(),
                    settings.secretAccessKey().get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    public String bucket() {
        return bucket;
    }

    /** Stores {@code text} as UTF-8; the object appears only once {@code gate} opens (see {@link PutGate}). */
    public void putText(String key, String text, PutGate gate) throws StorageException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        putText(key, () -> new ByteArrayInputStream(utf8), utf8.length, gate);
    }

    /**
     * Stores {@code length} bytes of UTF-8 text read from a fresh stream per attempt (no copy into one
     * array); the object appears only once {@code gate} opens.
     */
    public void putText(String key, Supplier<InputStream> utf8, long length, PutGate gate) throws StorageException {
        ensureBucket();
        try {
            s3.putObject(r -> r.bucket(bucket).key(key).contentType(TEXT_CSV).contentLength(length),
                    RequestBody.fromContentProvider(() -> gate.hold(utf8.get(), length), length, TEXT_CSV));
        } catch (SdkException | java.io.UncheckedIOException e) { // the latter: the body failed while the SDK signed it
            throw new StorageException("could not store " + key, e);
        }
    }

    /** The object as UTF-8 text, or empty when there is no such object. */
    public Optional<String> getText(String key) throws StorageException {
        try {
            ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key));
            return Optional.of(bytes.asString(StandardCharsets.UTF_8));
        } catch (NoSuchKeyException | NoSuchBucketException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new StorageException("could not read " + key, e);
        } catch (SdkException e) {
            throw new StorageException("could not read " + key, e);
        }
    }

    /** Whether the bucket answers (the readiness check). */
    public boolean reachable() {
        try {
            // the readiness check answers within ~3 s even when the bucket hangs
            s3.headBucket(r -> r.bucket(bucket).overrideConfiguration(c -> c.apiCallTimeout(HEALTH_TIMEOUT)));
            return true;
        } catch (SdkException e) {
            return false;
        }
    }

    private void ensureBucket() throws StorageException {
        if (bucketChecked || !createBucket) {
            return;
        }
        try {
            s3.headBucket(r -> r.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw new StorageException("could not check bucket " + bucket, e);
            }
            try {
                s3.createBucket(r -> r.bucket(bucket));
                LOG.info(() -> "Created bucket " + bucket);
            } catch (SdkException ce) {
                throw new StorageException("could not create bucket " + bucket, ce);
            }
        } catch (SdkException e) {
            throw new StorageException("could not check bucket " + bucket, e);
        }
        bucketChecked = true;
    }
}
