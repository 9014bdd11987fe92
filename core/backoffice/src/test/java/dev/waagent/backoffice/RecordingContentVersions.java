package dev.waagent.backoffice;

import dev.waagent.domain.llm.routing.ContentVersions;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The response cache's content versions, in memory: counts the bumps per tenant. */
@Singleton
@Requires(env = "backoffice-test")
public class RecordingContentVersions implements ContentVersions {

    final Map<String, Long> versions = new ConcurrentHashMap<>();

    @Override
    public long current(String tenantId) {
        return versions.getOrDefault(tenantId, 0L);
    }

    @Override
    public void bump(String tenantId) {
        versions.merge(tenantId, 1L, Long::sum);
    }
}
