package dev.waagent.domain.turn;

import dev.waagent.domain.TimeSource;
import dev.waagent.domain.llm.LlmException;
import dev.waagent.domain.llm.LlmProvider;
import dev.waagent.domain.llm.LlmRequest;
import dev.waagent.domain.llm.LlmResponse;
import dev.waagent.domain.tenant.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tries the tenant's providers in order (or the default order), each with what is left of the turn's
 * deadline, and falls back to the local last resort, which always answers.
 */
public final class FallbackReplyGenerator implements ReplyGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(FallbackReplyGenerator.class);
    /** Below this, a remote call cannot finish: go straight to the last resort. */
    private static final Duration MIN_CALL_BUDGET = Duration.ofMillis(250);

    private final Map<String, LlmProvider> providers;
    private final List<String> defaultOrder;
    private final LlmProvider lastResort;
    private final TimeSource time;

    public FallbackReplyGenerator(List<LlmProvider> providers, List<String> defaultOrder, LlmProvider lastResort,
                                  TimeSource time) {
        this.providers = new LinkedHashMap<>();
        providers.forEach(p -> this.providers.put(p.name(), p));
        this.defaultOrder = List.copyOf(defaultOrder);
        this.lastResort = lastResort;
        this.time = time;
    }

    @Override
    public GeneratedReply generate(Tenant tenant, LlmRequest request) {
        Instant deadline = time.now().plus(request.timeout());
        int failures = 0;
        for (LlmProvider provider : chainFor(tenant)) {
            Duration remaining = Duration.between(time.now(), deadline);
            if (remaining.compareTo(MIN_CALL_BUDGET) < 0) {
                break;
            }
            try {
                LlmResponse response = provider.complete(request.withTimeout(remaining));
                if (!response.text().isBlank() || !response.toolCalls().isEmpty()) {
                    return new GeneratedReply(response, failures);
                }
                LOG.warn("provider {} returned an empty reply", provider.name());
            } catch (LlmException e) {
                LOG.warn("provider {} failed: {} ({})", provider.name(), e.kind(), e.getMessage());
            }
            failures++;
        }
        return new GeneratedReply(lastResort.complete(request), failures);
    }

    /** The providers to try for this tenant, in order, skipping names that are not configured. */
    List<LlmProvider> chainFor(Tenant tenant) {
        List<String> order = tenant.providerOrder().isEmpty() ? defaultOrder : tenant.providerOrder();
        List<LlmProvider> chain = new ArrayList<>();
        for (String name : order.isEmpty() ? List.copyOf(providers.keySet()) : order) {
            LlmProvider provider = providers.get(name);
            if (provider != null && provider != lastResort && !chain.contains(provider)) {
                chain.add(provider);
            }
        }
        return chain;
    }
}
