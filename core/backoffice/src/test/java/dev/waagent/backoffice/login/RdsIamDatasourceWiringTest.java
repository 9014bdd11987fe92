package dev.waagent.backoffice.login;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code WA_BACKOFFICE_IAM_AUTH=true}, as the CDK stack sets it, makes the datasource log in with IAM tokens. */
class RdsIamDatasourceWiringTest {

    @Test
    void iamAuthSignsTokensForTheUrlsHostAndPortAndTheConfiguredUser() {
        // The default credentials chain reads these system properties first (a Lambda uses its role instead).
        String previousKey = System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        String previousSecret = System.setProperty("aws.secretAccessKey", "example-secret");
        try (ApplicationContext context = ApplicationContext.builder()
                .environments("backoffice-test")
                .properties(Map.of(
                        "datasources.default.url", "jdbc:postgresql://proxy.example.com:5432/waagent?sslmode=require",
                        "datasources.default.driver-class-name", "org.postgresql.Driver",
                        "datasources.default.username", "waagent",
                        "flyway.datasources.default.enabled", false,
                        // Nothing listens there: the pool must not connect at start.
                        "datasources.default.initialization-fail-timeout", -1,
                        "aws.region", "ap-south-1",
                        "wa.backoffice.iam-auth", "true"))
                .start()) {
            DatabaseLogin login = context.getBean(DatabaseLogin.class);
            DatabaseUserLogin credentials = login.current();

            assertThat(login).isInstanceOf(RdsIamDatabaseLogin.class);
            assertThat(credentials.username()).isEqualTo("waagent");
            assertThat(credentials.password()).startsWith("proxy.example.com:5432/?")
                    .contains("DBUser=waagent", "%2Fap-south-1%2Frds-db%2Faws4_request");
            assertThat(context.containsBean(DatabaseLoginListener.class)).isTrue();
        } finally {
            restore("aws.accessKeyId", previousKey);
            restore("aws.secretAccessKey", previousSecret);
        }
    }

    private static void restore(String name, String previous) {
        if (previous == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, previous);
        }
    }
}
