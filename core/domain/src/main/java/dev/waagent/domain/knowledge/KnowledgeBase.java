package dev.waagent.domain.knowledge;

import java.util.List;

/**
 * Hybrid search over one tenant's knowledge entries: vector similarity and keyword (BM25) matching, blended.
 * Implementations keep a per-tenant index in memory, so a search never scans the database.
 */
public interface KnowledgeBase {

    /** At most {@code k} hits of {@code tenantId}'s active entries, best first; never another tenant's. */
    List<KnowledgeHit> search(String tenantId, String query, int k);
}
