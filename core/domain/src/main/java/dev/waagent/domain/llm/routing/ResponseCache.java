package dev.waagent.domain.llm.routing;

import java.time.Duration;
import java.util.Optional;

/**
 * Answers to FAQ-like turns, per tenant, kept for a while. The key already includes the tenant's content
 * version, so a knowledge or catalog change invalidates every earlier entry at once.
 */
public interface ResponseCache {

    Optional<CachedReply> get(String tenantId, String key);

    void put(String tenantId, String key, CachedReply reply, Duration ttl);

    /** A cached answer and where it first came from. */
    record CachedReply(String text, String provider, String model) {
    }

    ResponseCache NONE = new ResponseCache() {
        @Override
        public Optional<CachedReply> get(String tenantId, String key) {
            return Optional.empty();
        }

        @Override
        public void put(String tenantId, String key, CachedReply reply, Duration ttl) {
        }
    };
}
