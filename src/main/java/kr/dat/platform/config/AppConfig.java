package kr.dat.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every setting of the server, read through MicroProfile Config. Keys are the old server's
 * environment variable names, so the same variables configure both; defaults are in
 * {@code META-INF/microprofile-config.properties}.
 */
@ApplicationScoped
public class AppConfig {

    public static final String DEFAULT_SECRET_KEY = "my-secret-key";
    public static final String DEFAULT_ADMIN_CODE = "1234";

    @Inject
    @ConfigProperty(name = "ENV")
    String env;

    @Inject
    @ConfigProperty(name = "SECRET_KEY")
    String secretKey;

    @Inject
    @ConfigProperty(name = "ADMIN_CODE")
    String adminCode;

    @Inject
    @ConfigProperty(name = "ACCESS_TOKEN_EXPIRE_MINUTES")
    int accessTokenMinutes;

    @Inject
    @ConfigProperty(name = "REFRESH_TOKEN_EXPIRE_MINUTES")
    int refreshTokenMinutes;

    @Inject
    @ConfigProperty(name = "ALLOW_MULTIPLE_SESSIONS")
    boolean allowMultipleSessions;

    @Inject
    @ConfigProperty(name = "LOGIN_MAX_FAILURES_PER_ACCOUNT")
    int loginMaxFailuresPerAccount;

    @Inject
    @ConfigProperty(name = "LOGIN_MAX_FAILURES_PER_IP")
    int loginMaxFailuresPerIp;

    @Inject
    @ConfigProperty(name = "LOGIN_FAILURE_WINDOW_SECONDS")
    int loginFailureWindowSeconds;

    @Inject
    @ConfigProperty(name = "LOGIN_LOCK_SECONDS")
    int loginLockSeconds;

    @Inject
    @ConfigProperty(name = "ADMIN_CODE_MAX_FAILURES_PER_IP", defaultValue = "5")
    int adminCodeMaxFailuresPerIp;

    @Inject
    @ConfigProperty(name = "ADMIN_CODE_MAX_FAILURES_GLOBAL", defaultValue = "30")
    int adminCodeMaxFailuresGlobal;

    @Inject
    @ConfigProperty(name = "ADMIN_CODE_FAILURE_WINDOW_SECONDS", defaultValue = "900")
    int adminCodeFailureWindowSeconds;

    @Inject
    @ConfigProperty(name = "ADMIN_CODE_LOCK_SECONDS", defaultValue = "900")
    int adminCodeLockSeconds;

    @Inject
    @ConfigProperty(name = "REFRESH_TOKEN_REUSE_DETECTION", defaultValue = "false")
    boolean refreshTokenReuseDetection;

    @Inject
    @ConfigProperty(name = "REFRESH_TOKEN_REUSE_GRACE_SECONDS", defaultValue = "30")
    int refreshTokenReuseGraceSeconds;

    @Inject
    @ConfigProperty(name = "HEADSET_PAIRING", defaultValue = "optional")
    String headsetPairing;

    @Inject
    @ConfigProperty(name = "HEADSET_PING_SECONDS", defaultValue = "20")
    int headsetPingSeconds;

    @Inject
    @ConfigProperty(name = "WS_UNKNOWN_CODE_MAX_PER_IP", defaultValue = "20")
    int wsUnknownCodeMaxPerIp;

    @Inject
    @ConfigProperty(name = "WS_CONNECTS_MAX_PER_IP", defaultValue = "120")
    int wsConnectsMaxPerIp;

    @Inject
    @ConfigProperty(name = "WS_THROTTLE_WINDOW_SECONDS", defaultValue = "60")
    int wsThrottleWindowSeconds;

    @Inject
    @ConfigProperty(name = "WS_THROTTLE_LOCK_SECONDS", defaultValue = "300")
    int wsThrottleLockSeconds;

    @Inject
    @ConfigProperty(name = "AUDIT_RETENTION_DAYS", defaultValue = "1825")
    int auditRetentionDays;

    @Inject
    @ConfigProperty(name = "WS_MESSAGE_BUDGET_MB", defaultValue = "0")
    int wsMessageBudgetMegabytes;

    @Inject
    @ConfigProperty(name = "API_TIME_ZONE")
    String apiTimeZone;

    @Inject
    @ConfigProperty(name = "TRUST_PROXY_HEADERS", defaultValue = "false")
    boolean trustProxyHeaders;

    @Inject
    @ConfigProperty(name = "DIAGNOSIS_SESSION_SECONDS", defaultValue = "1800")
    long diagnosisSessionSeconds;

    @Inject
    @ConfigProperty(name = "MOCK_VR_ENABLED")
    Optional<Boolean> mockVrEnabled;

    @Inject
    @ConfigProperty(name = "VR_CLIENT_UA_CHECK", defaultValue = "false")
    boolean vrClientUaCheck;

    @Inject
    @ConfigProperty(name = "VR_CLIENT_USER_AGENTS")
    Optional<String> vrClientUserAgents;

    @Inject
    @ConfigProperty(name = "VR_CLIENT_USER_AGENTS_BLOCKED")
    Optional<String> vrClientUserAgentsBlocked;

    @Inject
    @ConfigProperty(name = "S3_BUCKET_NAME", defaultValue = "test-bucket")
    String s3Bucket;

    @Inject
    @ConfigProperty(name = "AWS_REGION", defaultValue = "ap-northeast-2")
    String awsRegion;

    @Inject
    @ConfigProperty(name = "S3_ENDPOINT")
    Optional<String> s3Endpoint;

    /** The old server's S3 stand-in in ENV=local. */
    @Inject
    @ConfigProperty(name = "LOCALSTACK_ENDPOINT", defaultValue = "http://localstack:4566")
    String localstackEndpoint;

    @Inject
    @ConfigProperty(name = "AWS_ACCESS_KEY_ID")
    Optional<String> awsAccessKeyId;

    @Inject
    @ConfigProperty(name = "AWS_SECRET_ACCESS_KEY")
    Optional<String> awsSecretAccessKey;

    @Inject
    @ConfigProperty(name = "S3_CREATE_BUCKET", defaultValue = "false")
    boolean s3CreateBucket;

    /** {@code dev} and {@code local} relax the start-up safety checks; anything else is production. */
    public boolean devMode() {
        return "dev".equalsIgnoreCase(env) || "local".equalsIgnoreCase(env);
    }

    public String env() {
        return env;
    }

    public String secretKey() {
        return secretKey;
    }

    public String adminCode() {
        return adminCode;
    }

    public int accessTokenMinutes() {
        return accessTokenMinutes;
    }

    public int refreshTokenMinutes() {
        return refreshTokenMinutes;
    }

    public boolean allowMultipleSessions() {
        return allowMultipleSessions;
    }

    public int loginMaxFailuresPerAccount() {
        return loginMaxFailuresPerAccount;
    }

    public int loginMaxFailuresPerIp() {
        return loginMaxFailuresPerIp;
    }

    public int loginFailureWindowSeconds() {
        return loginFailureWindowSeconds;
    }

    public int loginLockSeconds() {
        return loginLockSeconds;
    }

    public int adminCodeMaxFailuresPerIp() {
        return adminCodeMaxFailuresPerIp;
    }

    public int adminCodeMaxFailuresGlobal() {
        return adminCodeMaxFailuresGlobal;
    }

    public int adminCodeFailureWindowSeconds() {
        return adminCodeFailureWindowSeconds;
    }

    public int adminCodeLockSeconds() {
        return adminCodeLockSeconds;
    }

    /**
     * Off (the default, like the old server): a refresh token stays usable until it expires or the
     * user logs out, even after it was rotated, so two browser tabs stay logged in. On: presenting a
     * rotated token again after the grace period revokes the whole login.
     */
    public boolean refreshTokenReuseDetection() {
        return refreshTokenReuseDetection;
    }

    /** With reuse detection on: how long a rotated token may still be presented (concurrent refreshes). */
    public int refreshTokenReuseGraceSeconds() {
        return refreshTokenReuseGraceSeconds;
    }

    /** How headsets prove who they are. */
    public enum Pairing { OFF, OPTIONAL, REQUIRED }

    /** {@code off}: tokens ignored; {@code optional}: a paired patient needs its token; {@code required}: every headset does. */
    public Pairing headsetPairing() {
        return Pairing.valueOf(headsetPairing.strip().toUpperCase(java.util.Locale.ROOT));
    }

    /** Ping interval of headset sockets; a socket silent for 2.5 intervals may be taken over. */
    public int headsetPingSeconds() {
        return headsetPingSeconds;
    }

    /** Handshakes for unknown codes (or with a wrong token) from one address within the window that lock it. */
    public int wsUnknownCodeMaxPerIp() {
        return wsUnknownCodeMaxPerIp;
    }

    /** Headset connections (known codes) from one address within the window that lock it. */
    public int wsConnectsMaxPerIp() {
        return wsConnectsMaxPerIp;
    }

    public int wsThrottleWindowSeconds() {
        return wsThrottleWindowSeconds;
    }

    public int wsThrottleLockSeconds() {
        return wsThrottleLockSeconds;
    }

    /** How long audit events are kept (Korean hospitals keep access records for years). */
    public int auditRetentionDays() {
        return auditRetentionDays;
    }

    /** Memory all headset messages of a node may hold together, MiB; 0: a quarter of the heap. */
    public int wsMessageBudgetMegabytes() {
        return wsMessageBudgetMegabytes;
    }

    /** Take the client address from X-Forwarded-For (only behind a proxy that sets it). */
    public boolean trustProxyHeaders() {
        return trustProxyHeaders;
    }

    public ZoneId apiZone() {
        return ZoneId.of(apiTimeZone);
    }

    /** How long a started session may wait for its headset's result. */
    public Duration diagnosisSession() {
        return Duration.ofSeconds(diagnosisSessionSeconds);
    }

    /** The mock VR headset page: on in dev mode unless {@code MOCK_VR_ENABLED} says otherwise. */
    public boolean mockVrEnabled() {
        return mockVrEnabled.orElse(devMode());
    }

    /**
     * The optional User-Agent check of headset handshakes ({@code VR_CLIENT_UA_CHECK}, off by
     * default: the mock VR page runs in an ordinary browser); comma-separated substrings.
     */
    public record HeadsetUserAgents(boolean check, List<String> allowed, List<String> blocked) {
    }

    public HeadsetUserAgents headsetUserAgents() {
        return new HeadsetUserAgents(vrClientUaCheck, commaList(vrClientUserAgents), commaList(vrClientUserAgentsBlocked));
    }

    /**
     * The bucket. {@code endpoint}: {@code S3_ENDPOINT} when set, the old server's localstack in
     * {@code ENV=local}, else empty (AWS S3 in the region). Keys: both set, or the SDK's default chain.
     */
    public record Storage(String bucket, String region, Optional<String> endpoint, Optional<String> accessKeyId,
                          Optional<String> secretAccessKey, boolean createBucket) {
    }

    public Storage storage() {
        Optional<String> endpoint = s3Endpoint.filter(e -> !e.isBlank())
                .or(() -> "local".equalsIgnoreCase(env) ? Optional.of(localstackEndpoint) : Optional.empty());
        return new Storage(s3Bucket, awsRegion, endpoint, awsAccessKeyId, awsSecretAccessKey, s3CreateBucket);
    }

    /** {@code "a, b,,c"} → a, b, c. */
    public static List<String> commaList(Optional<String> value) {
        return Arrays.stream(value.orElse("").split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
