package dev.waagent.domain.knowledge;

import java.util.List;

/** Where the search index reads a tenant's entries from (the back office), and writes re-made embeddings back. */
public interface KnowledgeSource {

    /** Changes whenever any of the tenant's entries is created, updated or deleted: the index's refresh key. */
    long knowledgeRevision(String tenantId);

    /** The tenant's active, not deleted entries, with their stored embeddings. */
    List<KnowledgeEntry> activeEntries(String tenantId);

    /**
     * Stores vectors made by the current model for an entry whose stored ones were missing or from another model.
     * Ignored when the entry changed since ({@code version} no longer current).
     */
    void storeEmbedding(String tenantId, String entryId, long version, EntryEmbedding embedding);
}
