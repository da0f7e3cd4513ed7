package kr.dat.it;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kr.dat.devstack.DevStack;
import kr.dat.devstack.DevStackSessionListener;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Looks into the test bucket through the real S3 API of the dev stack. */
final class Bucket {

    static final String NAME = "test-bucket";

    private Bucket() {
    }

    private static S3Client client() {
        return S3Client.builder()
                .region(Region.AP_NORTHEAST_2)
                .endpointOverride(URI.create(DevStackSessionListener.stack().s3Endpoint()))
                .forcePathStyle(true)
                .httpClient(ApacheHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(DevStack.S3_ACCESS_KEY, DevStack.S3_SECRET_KEY)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    static List<String> keys(String prefix) {
        try (S3Client s3 = client()) {
            return s3.listObjectsV2(r -> r.bucket(NAME).prefix(prefix)).contents().stream().map(S3Object::key)
                    .filter(k -> !k.endsWith("/")) // folder markers of the filesystem backend
                    .sorted().toList();
        }
    }

    static String text(String key) {
        try (S3Client s3 = client()) {
            return s3.getObjectAsBytes(r -> r.bucket(NAME).key(key)).asString(StandardCharsets.UTF_8);
        }
    }
}
