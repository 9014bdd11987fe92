package dev.waagent.backoffice;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The back office on H2 (PostgreSQL mode), as the local runtime runs it. */
class H2BackOfficeTest extends BackOfficeContract {

    private static ApplicationContext context;

    @BeforeAll
    static void start() {
        context = ApplicationContext.builder().environments("backoffice-test").properties(TestDatabases.h2()).start();
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Override
    protected ApplicationContext context() {
        return context;
    }
}
