package dev.waagent.domain.context;

import java.util.Map;

/**
 * @param promptBudget   tokens a prompt may use (tool definitions included), unless the tenant has its own
 * @param tenantBudgets  per-tenant budgets by tenant id
 * @param knowledgeHits  top-k knowledge entries offered to the model
 * @param catalogMatches catalog items offered to the model
 */
public record ContextSettings(int promptBudget, Map<String, Integer> tenantBudgets, int knowledgeHits, int catalogMatches) {

    public static final int DEFAULT_BUDGET = 1_500;

    public ContextSettings {
        tenantBudgets = tenantBudgets == null ? Map.of() : Map.copyOf(tenantBudgets);
    }

    public static ContextSettings defaults() {
        return new ContextSettings(DEFAULT_BUDGET, Map.of(), 3, 3);
    }

    public int budgetFor(String tenantId) {
        return tenantBudgets.getOrDefault(tenantId, promptBudget);
    }
}
