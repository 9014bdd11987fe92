package dev.waagent.scheduler;

import dev.waagent.domain.llm.routing.LlmRouter;
import dev.waagent.domain.summary.ConversationSummarizer;
import dev.waagent.domain.summary.SummaryRouting;
import dev.waagent.llm.LocalResponder;
import dev.waagent.worker.LlmProviderConfiguration;
import dev.waagent.worker.ModelPriceConfiguration;
import dev.waagent.worker.RoutingConfiguration;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Wires the scheduler's domain pieces onto the worker's LLM chain. */
@Factory
public class SchedulerFactory {

    /**
     * Summaries go through the worker's chain (same providers, breakers, prices and metrics). The chain's last
     * resort answers customers, not summary requests, so its answers (and cached ones) are replaced by the
     * extractive summary.
     */
    @Singleton
    ConversationSummarizer conversationSummarizer(LlmRouter chain, SummaryRouting routing, SchedulerSettings settings) {
        return new ConversationSummarizer(chain, routing, Set.of(LocalResponder.NAME, "cache"),
                settings.getSummaryMaxTokens(), settings.getSummaryDeadline());
    }

    /**
     * Cheapest first: the tenant's chain (or {@code llm.default-order}) ordered by the configured price of each
     * provider's model; providers without a known price keep their place after the priced ones. The chain itself
     * still moves {@code llm.routing.simple-first} (the operator's cheap provider) to the front, since a summary
     * request is a simple turn.
     */
    @Singleton
    SummaryRouting summaryRouting(List<LlmProviderConfiguration> providers, List<ModelPriceConfiguration> prices,
                                  RoutingConfiguration routing) {
        Map<String, BigDecimal> perMillion = new HashMap<>();
        prices.forEach(p -> perMillion.put(p.getModel(), p.getPrompt().add(p.getCompletion())));
        Map<String, BigDecimal> byProvider = new HashMap<>();
        List<String> configured = new ArrayList<>();
        for (LlmProviderConfiguration provider : providers) {
            configured.add(provider.getName());
            String model = provider.isBedrock() ? provider.getModelId() : provider.getModel();
            if (model != null && perMillion.containsKey(model)) {
                byProvider.put(provider.getName(), perMillion.get(model));
            }
        }
        List<String> defaultOrder = routing.toSettings().defaultOrder();
        return tenant -> {
            List<String> order = new ArrayList<>(!tenant.providerOrder().isEmpty() ? tenant.providerOrder()
                    : !defaultOrder.isEmpty() ? defaultOrder : configured);
            order.sort(Comparator.comparing((String name) -> byProvider.getOrDefault(name, BigDecimal.valueOf(Long.MAX_VALUE))));
            return List.copyOf(order);
        };
    }
}
