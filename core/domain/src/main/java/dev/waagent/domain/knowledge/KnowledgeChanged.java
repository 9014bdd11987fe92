package dev.waagent.domain.knowledge;

/** Published after a tenant's knowledge entries changed, so an index in the same process refreshes at once. */
public record KnowledgeChanged(String tenantId) {
}
