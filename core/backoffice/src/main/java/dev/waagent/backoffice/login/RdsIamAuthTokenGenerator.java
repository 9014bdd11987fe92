package dev.waagent.backoffice.login;

import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * An RDS IAM authentication token: a SigV4 pre-signed {@code GET https://host:port/?Action=connect&DBUser=user}
 * for the service {@code rds-db}, without its scheme, valid {@link #VALIDITY}. This is what the SDK's
 * {@code RdsUtilities.generateAuthenticationToken} produces; the {@code software.amazon.awssdk:rds} artifact does not
 * resolve at the SDK version of this build, so the request is signed here with the SDK's own SigV4 signer.
 */
public final class RdsIamAuthTokenGenerator {

    /** How long RDS accepts a token (the maximum for IAM database authentication). */
    public static final Duration VALIDITY = Duration.ofMinutes(15);
    static final String SIGNING_NAME = "rds-db";

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final String host;
    private final int port;
    private final String username;
    private final String region;

    /**
     * @param host     database or RDS Proxy endpoint
     * @param port     its port
     * @param username database user (granted {@code rds-db:connect} for this user)
     * @param region   region of the database
     */
    public RdsIamAuthTokenGenerator(String host, int port, String username, String region) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1..65535, got " + port);
        }
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("username must not be blank");
        }
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("region must not be blank");
        }
        this.host = host;
        this.port = port;
        this.username = username;
        this.region = region;
    }

    /** A token signed with {@code credentials} at {@code signedAt}; it expires {@link #VALIDITY} later. */
    public String token(AwsCredentialsIdentity credentials, Instant signedAt) {
        Objects.requireNonNull(credentials, "credentials");
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.GET)
                .protocol("https")
                .host(host)
                .port(port)
                .encodedPath("/")
                .putRawQueryParameter("Action", "connect")
                .putRawQueryParameter("DBUser", username)
                .build();
        SignedRequest signed = signer.sign(r -> r
                .identity(credentials)
                .request(request)
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, SIGNING_NAME)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, VALIDITY)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)));
        String url = signed.request().getUri().toString();
        return url.substring("https://".length());
    }

    public String username() {
        return username;
    }
}
