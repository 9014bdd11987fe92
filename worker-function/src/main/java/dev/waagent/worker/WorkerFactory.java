package dev.waagent.worker;

import dev.waagent.domain.TimeSource;
import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.domain.llm.LlmProvider;
import dev.waagent.domain.tenant.SecretStore;
import dev.waagent.domain.tenant.TenantDirectory;
import dev.waagent.domain.llm.routing.ContentVersions;
import dev.waagent.domain.llm.routing.LlmRouter;
import dev.waagent.domain.llm.routing.PriceTable;
import dev.waagent.domain.llm.routing.ResponseCache;
import dev.waagent.domain.llm.routing.RoutingObserver;
import dev.waagent.domain.turn.OutboundChannel;
import dev.waagent.domain.turn.TurnObserver;
import dev.waagent.domain.turn.TurnService;
import dev.waagent.llm.LocalResponder;
import dev.waagent.llm.OpenAiCompatibleProvider;
import dev.waagent.llm.OpenAiCompatibleSettings;
import dev.waagent.llm.TokenCounter;
import dev.waagent.whatsapp.GraphApiClient;
import dev.waagent.whatsapp.GraphApiSettings;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Wires the plain domain and adapter classes of the worker. */
@Factory
public class WorkerFactory {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerFactory.class);

    @Singleton
    TurnService turnService(TenantDirectory tenants, ConversationStore conversations, LlmRouter replies,
                            OutboundChannel channel, TimeSource time, TurnConfiguration turn, TurnObserver observer) {
        return new TurnService(tenants, conversations, replies, channel, time, turn.toSettings(), observer);
    }

    @Singleton
    OutboundChannel outboundChannel(GraphApiConfiguration graph, SecretStore secrets, TimeSource time) {
        GraphApiSettings settings = graph.toSettings();
        return new GraphApiClient(settings, GraphApiClient.newHttpClient(settings), secrets, time);
    }

    /** The one token counter (loading its tokenizer takes most of a second: build it once). */
    @Singleton
    TokenCounter tokenCounter() {
        return new TokenCounter();
    }

    @Singleton
    @Named("local")
    LocalResponder localResponder(TokenCounter tokens) {
        return new LocalResponder(tokens);
    }

    @Singleton
    LlmRouter llmRouter(List<LlmProviderConfiguration> configured, @Named("local") LocalResponder lastResort,
                        TokenCounter tokens, RoutingConfiguration routing, List<ModelPriceConfiguration> prices,
                        ResponseCache cache, ContentVersions versions, RoutingObserver observer, TimeSource time) {
        List<LlmProvider> providers = new ArrayList<>();
        for (LlmProviderConfiguration provider : configured) {
            if (!usable(provider)) {
                LOG.info("LLM provider {} not configured (no API key); skipped", provider.getName());
                continue;
            }
            OpenAiCompatibleProvider remote = new OpenAiCompatibleProvider(new OpenAiCompatibleSettings(
                    provider.getName(), provider.getBaseUrl(), provider.getApiKey(), provider.getModel(),
                    provider.getTimeout()), tokens);
            remote.prime();
            providers.add(remote);
            LOG.info("LLM provider {} ready: model {} at {}", provider.getName(), provider.getModel(),
                    provider.getBaseUrl().getHost());
        }
        Map<String, PriceTable.Price> priceTable = new HashMap<>();
        prices.forEach(p -> priceTable.put(p.getModel(), new PriceTable.Price(p.getPrompt(), p.getCompletion())));
        return new LlmRouter(providers, lastResort, routing.toSettings(), cache, versions, new PriceTable(priceTable),
                observer, time);
    }

    /** Keyless endpoints are accepted only on this machine (a local Ollama); everything remote needs a key. */
    private static boolean usable(LlmProviderConfiguration provider) {
        if (!provider.isEnabled()) {
            return false;
        }
        if (provider.getApiKey() != null && !provider.getApiKey().isBlank()) {
            return true;
        }
        try {
            String host = provider.getBaseUrl().getHost();
            return host != null && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
