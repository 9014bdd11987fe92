package dev.waagent.backoffice.login;

import dev.waagent.domain.TimeSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;

import java.net.URI;
import java.time.Duration;

/**
 * How the back-office datasource logs in, from configuration (the CDK stack sets the variables):
 * <ul>
 *   <li>{@code wa.backoffice.iam-auth=true} ({@code WA_BACKOFFICE_IAM_AUTH}): an RDS IAM auth token for
 *       {@code datasources.default.username}, host and port taken from {@code datasources.default.url}, region
 *       {@code aws.region}, signed with the default credentials (the function's role);</li>
 *   <li>{@code wa.backoffice.db-secret-arn} ({@code WA_BACKOFFICE_DB_SECRET_ARN}): user name and password from that
 *       Secrets Manager secret (an existing database); {@code wa.backoffice.secrets-endpoint} overrides the
 *       endpoint (a VPC endpoint, or a local stand-in with dummy credentials).</li>
 * </ul>
 * With neither, the datasource uses its configured user and password (H2 locally, tests).
 */
@Factory
public class DatabaseLoginFactory {

    public static final String IAM_AUTH = "wa.backoffice.iam-auth";
    public static final String SECRET_ARN = "wa.backoffice.db-secret-arn";
    public static final String SECRETS_ENDPOINT = "wa.backoffice.secrets-endpoint";

    private SecretsManagerClient secretsManager;

    @Singleton
    @Requires(property = IAM_AUTH, value = "true")
    DatabaseLogin rdsIamLogin(@Value("${datasources.default.url}") String url,
                              @Value("${datasources.default.username}") String username,
                              @Value("${aws.region}") String region, TimeSource time) {
        JdbcEndpoint endpoint = JdbcEndpoint.parse(url);
        return new RdsIamDatabaseLogin(new RdsIamAuthTokenGenerator(endpoint.host(), endpoint.port(), username, region),
                DefaultCredentialsProvider.builder().build(), time);
    }

    @Singleton
    @Requires(property = SECRET_ARN)
    @Requires(property = IAM_AUTH, notEquals = "true")
    DatabaseLogin secretsManagerLogin(@Value("${" + SECRET_ARN + "}") String secretArn,
                                      @Value("${aws.region:us-east-1}") String region,
                                      @Nullable @Value("${" + SECRETS_ENDPOINT + ":}") String endpoint,
                                      JsonMapper json, TimeSource time) {
        SecretsManagerClientBuilder builder = SecretsManagerClient.builder()
                .region(Region.of(region))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(5)));
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        secretsManager = builder.build();
        return new SecretsManagerDatabaseLogin(secretsManager, secretArn, json, time);
    }

    @PreDestroy
    void close() {
        if (secretsManager != null) {
            secretsManager.close();
        }
    }
}
