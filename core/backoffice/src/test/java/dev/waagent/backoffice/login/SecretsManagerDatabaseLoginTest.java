package dev.waagent.backoffice.login;

import com.zaxxer.hikari.HikariDataSource;
import dev.waagent.backoffice.TenantCommand;
import dev.waagent.backoffice.TenantService;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The datasource logs in with the user and password of a Secrets Manager secret (an existing database). */
class SecretsManagerDatabaseLoginTest {

    private static final String ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:backoffice-db-AbCdEf";

    private SecretsManagerStandIn secrets;
    private ApplicationContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
        if (secrets != null) {
            secrets.close();
        }
    }

    private ApplicationContext start(String secretString) {
        secrets = new SecretsManagerStandIn(ARN, secretString);
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", "jdbc:h2:mem:login-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        properties.put("datasources.default.driver-class-name", "org.h2.Driver");
        // No background filling (Flyway needs two connections): a connection the pool opens on its own, with the old
        // password, while the test rotates it would otherwise survive the eviction and hide the re-read.
        properties.put("datasources.default.maximum-pool-size", 2);
        properties.put("datasources.default.minimum-idle", 0);
        // No user or password in configuration: both come from the secret.
        properties.put("flyway.datasources.default.enabled", true);
        properties.put("aws.region", "eu-west-1");
        properties.put(DatabaseLoginFactory.SECRET_ARN, ARN);
        properties.put(DatabaseLoginFactory.SECRETS_ENDPOINT, secrets.endpoint());
        context = ApplicationContext.builder().environments("backoffice-test").properties(properties).start();
        return context;
    }

    @Test
    void migrationsAndRepositoriesRunOnConnectionsOpenedWithTheSecretsCredentials() {
        start("{\"username\":\"owner\",\"password\":\"first-pass\",\"engine\":\"postgres\",\"port\":5432}");

        TenantService tenants = context.getBean(TenantService.class);
        tenants.create(new TenantCommand(null, "Pune Camera Rentals", "whatsapp", "1100001", null, null, null, null,
                "Asia/Kolkata", Map.of(), java.util.List.of("en"), "", dev.waagent.backoffice.TenantStatus.ACTIVE));

        assertThat(tenants.list()).extracting(t -> t.name()).containsExactly("Pune Camera Rentals");
        assertThat(secrets.requests).hasSize(1)
                .allSatisfy(r -> assertThat(r).startsWith("secretsmanager.GetSecretValue").contains(ARN));
        assertThat(context.getBean(DatabaseLogin.class)).isInstanceOf(SecretsManagerDatabaseLogin.class);
    }

    @Test
    void aRotatedPasswordIsReadAgainWhenTheDatabaseRefusesTheCachedOne() throws Exception {
        start("{\"username\":\"owner\",\"password\":\"first-pass\"}");
        // The pool itself, under Micronaut Data's transaction-aware proxy.
        DataSource dataSource = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER USER owner SET PASSWORD 'second-pass'");
        }
        secrets.rotate("{\"username\":\"owner\",\"password\":\"second-pass\"}");
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        pool.getHikariPoolMXBean().softEvictConnections();

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThat(statement.execute("SELECT 1")).isTrue();
        }
        assertThat(secrets.requests).hasSize(2);
    }

    @Test
    void aSecretWithoutUsernameAndPasswordIsRefusedWithoutShowingItsContent() {
        secrets = new SecretsManagerStandIn(ARN, "{\"user\":\"x\",\"pass\":\"do-not-print\"}");
        var client = software.amazon.awssdk.services.secretsmanager.SecretsManagerClient.builder()
                .region(software.amazon.awssdk.regions.Region.EU_WEST_1)
                .endpointOverride(java.net.URI.create(secrets.endpoint()))
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
                .build();
        var login = new SecretsManagerDatabaseLogin(client, ARN, io.micronaut.json.JsonMapper.createDefault(),
                dev.waagent.domain.TimeSource.system());

        assertThatThrownBy(login::current).hasMessageContaining("username and password")
                .hasMessageNotContaining("do-not-print");
        client.close();
    }

    @Test
    void withoutALoginConfiguredTheDatasourceUsesItsOwnUserAndPassword() throws SQLException {
        Map<String, Object> properties = new HashMap<>(dev.waagent.backoffice.TestDatabases.h2());
        context = ApplicationContext.builder().environments("backoffice-test").properties(properties).start();

        assertThat(context.containsBean(DatabaseLogin.class)).isFalse();
        try (Connection connection = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class))
                .getConnection()) {
            assertThat(connection.isValid(1)).isTrue();
        }
    }
}
