package dev.waagent.backoffice;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.util.Optional;

/**
 * The back office on the machine's real PostgreSQL, in a schema of its own that is dropped afterwards. Without a
 * server every test is skipped with the reason (printed once); with {@code WA_REQUIRE_POSTGRES=true} they fail.
 */
class PostgresBackOfficeTest extends BackOfficeContract {

    private static final String SCHEMA = TestDatabases.freshSchemaName();
    private static ApplicationContext context;
    private static Optional<String> unavailable;

    @BeforeAll
    static void start() {
        unavailable = TestDatabases.postgresUnavailable();
        if (unavailable.isPresent()) {
            System.err.println("SKIPPING PostgreSQL back-office tests: " + unavailable.get());
            return;
        }
        context = ApplicationContext.builder().environments("backoffice-test").properties(TestDatabases.postgres(SCHEMA)).start();
    }

    @BeforeEach
    void requirePostgres() {
        Assumptions.assumeTrue(unavailable.isEmpty(), unavailable::get);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
            TestDatabases.dropSchema(SCHEMA);
        }
    }

    @Override
    protected ApplicationContext context() {
        return context;
    }
}
