package dev.waagent.backoffice;

import dev.waagent.domain.TimeSource;
import dev.waagent.domain.llm.routing.ContentVersions;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** Defaults for what the back office needs when the application (Lambda support, local runtime) provides none. */
@Factory
public class BackOfficeFactory {

    @Singleton
    @Requires(missingBeans = TimeSource.class)
    TimeSource backOfficeClock() {
        return TimeSource.system();
    }

    /** Without a response cache (no DynamoDB in this process) there is nothing to invalidate. */
    @Singleton
    @Requires(missingBeans = ContentVersions.class)
    ContentVersions noContentVersions() {
        return ContentVersions.NONE;
    }
}
