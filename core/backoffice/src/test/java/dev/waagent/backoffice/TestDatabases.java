package dev.waagent.backoffice;

import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The two databases the back office runs on: H2 in PostgreSQL mode (in memory, one per context) and the machine's
 * real PostgreSQL (127.0.0.1:5432, database {@code test}, user {@code postgres}), in a fresh schema per test run
 * so runs never collide. Without PostgreSQL, PostgreSQL tests are skipped with a reason; with
 * {@code WA_REQUIRE_POSTGRES=true} (set by .ci/run when the server is up) they fail instead.
 */
public final class TestDatabases {

    /** Overridable with {@code -Dwa.test.postgres-url=…} (another port or database). */
    public static final String POSTGRES_URL = System.getProperty("wa.test.postgres-url", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String POSTGRES_USER = "postgres";

    private TestDatabases() {
    }

    public static Map<String, Object> h2() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", "jdbc:h2:mem:bo-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        properties.put("datasources.default.driver-class-name", "org.h2.Driver");
        properties.put("datasources.default.username", "sa");
        properties.put("datasources.default.password", "");
        properties.put("flyway.datasources.default.enabled", true);
        return properties;
    }

    /** Creates a fresh schema and returns the properties pointing at it; skips (or fails, if required) without PostgreSQL. */
    public static Map<String, Object> postgres(String schema) {
        requirePostgres();
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("schema " + schema + " not created", e);
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", POSTGRES_URL + "?currentSchema=" + schema);
        properties.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        properties.put("datasources.default.username", POSTGRES_USER);
        properties.put("datasources.default.password", "");
        properties.put("datasources.default.maximum-pool-size", 4);
        properties.put("flyway.datasources.default.enabled", true);
        return properties;
    }

    public static String freshSchemaName() {
        return "bo_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    public static void dropSchema(String schema) {
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            // A leftover schema costs nothing but space; the run's result stands.
        }
    }

    /**
     * Why PostgreSQL tests cannot run here, or empty when they can. Throws when {@code WA_REQUIRE_POSTGRES=true} and
     * the server is unreachable: then a skip would hide a broken CI machine.
     */
    public static java.util.Optional<String> postgresUnavailable() {
        boolean required = "true".equalsIgnoreCase(System.getenv("WA_REQUIRE_POSTGRES"));
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "")) {
            return java.util.Optional.empty();
        } catch (SQLException e) {
            if (required) {
                throw new IllegalStateException("WA_REQUIRE_POSTGRES=true but PostgreSQL at " + POSTGRES_URL + " is unreachable", e);
            }
            return java.util.Optional.of("PostgreSQL not reachable at " + POSTGRES_URL + " (" + e.getMessage().lines().findFirst().orElse("")
                    + "); set WA_REQUIRE_POSTGRES=true to fail instead of skipping");
        }
    }

    private static void requirePostgres() {
        postgresUnavailable().ifPresent(Assumptions::abort);
    }
}
