package dev.waagent.worker;

import dev.waagent.domain.context.ContextSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;

import java.util.Map;

/** {@code wa.context.*}: how big a turn's prompt may be and how much retrieval it offers the model. */
@ConfigurationProperties("wa.context")
public interface ContextConfiguration {

    @Bindable(defaultValue = "1500")
    @Min(200)
    int getPromptBudget();

    /** Per-tenant budgets, by tenant id. */
    @Bindable(defaultValue = "")
    Map<String, Integer> getTenantBudgets();

    @Bindable(defaultValue = "3")
    @Min(0)
    int getKnowledgeHits();

    @Bindable(defaultValue = "3")
    @Min(0)
    int getCatalogMatches();

    default ContextSettings toSettings() {
        return new ContextSettings(getPromptBudget(), getTenantBudgets(), getKnowledgeHits(), getCatalogMatches());
    }
}
