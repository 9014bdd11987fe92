package dev.waagent.worker;

import dev.waagent.domain.Masking;
import dev.waagent.domain.MetricNames;
import dev.waagent.domain.booking.BookingReminders;
import dev.waagent.domain.reply.ReplyRepair;
import dev.waagent.domain.reply.RichReplyPlanner;
import dev.waagent.domain.reply.ServiceWindow;
import dev.waagent.domain.turn.NumberThroughput;
import dev.waagent.domain.turn.ThrottledChannel;
import dev.waagent.lambda.MetricsPublisher;
import dev.waagent.domain.TimeSource;
import dev.waagent.domain.catalog.CatalogLookup;
import dev.waagent.domain.context.ContextBuilder;
import dev.waagent.domain.context.GroundedAnswers;
import dev.waagent.domain.context.ReplyComposer;
import dev.waagent.domain.intent.EmbeddingIntentStage;
import dev.waagent.domain.intent.IntentExemplars;
import dev.waagent.domain.intent.IntentObserver;
import dev.waagent.domain.intent.IntentRouter;
import dev.waagent.domain.intent.IntentSettings;
import dev.waagent.domain.intent.LexicalIntentStage;
import dev.waagent.domain.intent.LlmIntentStage;
import dev.waagent.domain.knowledge.Embedder;
import dev.waagent.domain.knowledge.AgentConfigurations;
import dev.waagent.domain.knowledge.KnowledgeBase;
import dev.waagent.domain.schedule.StaffNotices;
import dev.waagent.domain.tools.AgentTools;
import dev.waagent.dynamodb.DynamoDbTurnMemory;
import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.domain.llm.LlmProvider;
import dev.waagent.domain.tenant.SecretStore;
import dev.waagent.domain.tenant.TenantDirectory;
import dev.waagent.domain.llm.routing.ContentVersions;
import dev.waagent.domain.llm.routing.LlmRouter;
import dev.waagent.domain.llm.routing.PriceTable;
import dev.waagent.domain.llm.routing.ResponseCache;
import dev.waagent.domain.llm.routing.RoutingObserver;
import dev.waagent.domain.analytics.RollupStore;
import dev.waagent.domain.catalog.CatalogLookup;
import dev.waagent.domain.catalog.CatalogSource;
import dev.waagent.domain.handoff.HandoffDecision;
import dev.waagent.domain.handoff.Handoffs;
import dev.waagent.domain.knowledge.AgentConfigurations;
import dev.waagent.domain.schedule.ActivityTimeline;
import dev.waagent.domain.staff.CatalogEditor;
import dev.waagent.domain.staff.CustomerFinder;
import dev.waagent.domain.staff.StaffCommandStep;
import dev.waagent.domain.staff.StaffCommands;
import dev.waagent.domain.staff.StaffNotifier;
import dev.waagent.domain.turn.OutboundChannel;
import dev.waagent.domain.turn.TurnObserver;
import dev.waagent.domain.turn.ReplyDelivery;
import dev.waagent.domain.turn.TurnService;
import dev.waagent.domain.turn.TypingPresence;
import dev.waagent.domain.turn.TurnSideCalls;
import dev.waagent.bedrock.BedrockConverseProvider;
import dev.waagent.bedrock.BedrockSettings;
import dev.waagent.llm.LocalResponder;
import dev.waagent.llm.OpenAiCompatibleProvider;
import dev.waagent.llm.OpenAiCompatibleSettings;
import dev.waagent.llm.TokenCounter;
import dev.waagent.whatsapp.GraphApiClient;
import dev.waagent.whatsapp.GraphApiSettings;
import dev.waagent.twilio.TwilioApiSettings;
import dev.waagent.twilio.TwilioMessagingClient;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
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
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/** Wires the plain domain and adapter classes of the worker. */
@Factory
public class WorkerFactory {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerFactory.class);

    /**
     * The one pool for a turn's side calls (first read receipt, context lookup, the second of two DynamoDB calls made
     * at once): bounded ({@code wa.delivery.side-call-threads}), daemon threads, shut down with the context.
     */
    @Singleton
    @Named(TurnSideCalls.NAME)
    @Bean(preDestroy = "shutdown")
    ExecutorService turnSideCalls(DeliveryConfiguration delivery) {
        return TurnSideCalls.newExecutor(delivery.getSideCallThreads());
    }

    @Singleton
    TurnService turnService(TenantDirectory tenants, ConversationStore conversations, LlmRouter replies,
                            OutboundChannel channel, TimeSource time, TurnConfiguration turn, TurnObserver observer,
                            Optional<ReplyComposer> composer, StaffCommandStep staff, Handoffs handoffs,
                            ReplyDelivery replyDelivery, DeliveryConfiguration delivery,
                            @Named(TurnSideCalls.NAME) ExecutorService sideCalls) {
        return new TurnService(tenants, conversations, replies, time, turn.toSettings(), observer, replyDelivery,
                new TypingPresence(channel, delivery.getTypingRefresh(), delivery.getTypingMaxRefreshes(),
                        TypingPresence.DEFAULT_FIRST_SHOW_WAIT, sideCalls),
                composer.orElse(null), staff, handoffs);
    }

    /** One sender of recorded reply parts for customer turns and staff {@code /reply}, paced by {@code wa.delivery.*}. */
    @Singleton
    ReplyDelivery replyDelivery(ConversationStore conversations, OutboundChannel channel, TimeSource time,
                                TurnConfiguration turn, DeliveryConfiguration delivery) {
        return new ReplyDelivery(conversations, channel, time, turn.toSettings().sendLease(), delivery.pairPacer(),
                new ServiceWindow(time), new RichReplyPlanner(), new ReplyRepair());
    }

    /**
     * The generation half of a turn: context within budget, tool rounds, price check, memory. Needs the knowledge
     * base and the back office (a function without them, like the scheduler, keeps the plain prompt path).
     */
    @Singleton
    @Requires(beans = {KnowledgeBase.class, CatalogLookup.class, AgentConfigurations.class})
    ReplyComposer replyComposer(TokenCounter tokens, KnowledgeBase knowledge, CatalogLookup catalog,
                                DynamoDbTurnMemory memory, AgentConfigurations configurations, LlmRouter replies,
                                Optional<StaffNotices> staff, ContextConfiguration context, TurnConfiguration turn,
                                TimeSource time, BookingReminders reminders, IntentRouter intents,
                                @Named(TurnSideCalls.NAME) ExecutorService sideCalls) {
        StaffNotices notices = staff.orElse((tenant, conversation, notice) -> LOG.info(
                "staff notice tenant={} customer={}: {}", tenant.id(), Masking.phone(conversation.customerId()), notice));
        return new ReplyComposer(new ContextBuilder(tokens, knowledge, catalog, memory, context.toSettings(), turn.toSettings(),
                intents, sideCalls), replies, new AgentTools(catalog, memory, notices, reminders), configurations, memory, time);
    }

    /**
     * Similarity of a turn to the shipped exemplar messages, with the process's one embedder. Off with
     * {@code wa.intents.embeddings-enabled=false}. Its exemplars are embedded by {@link WorkerPrimer} or on first use.
     */
    @Singleton
    @Requires(beans = Embedder.class)
    @Requires(property = "wa.intents.embeddings-enabled", notEquals = "false")
    EmbeddingIntentStage intentEmbeddings(Embedder embedder, IntentConfiguration configuration, TimeSource time) {
        return new EmbeddingIntentStage(embedder, IntentExemplars.shipped(), configuration.toSettings(), time);
    }

    /** Character n-gram similarity to the same exemplars: no model, any language, built once here. */
    @Singleton
    LexicalIntentStage intentLexical(IntentConfiguration configuration) {
        return new LexicalIntentStage(IntentExemplars.shipped(), configuration.toSettings());
    }

    /**
     * The one intent router of a turn: rules, then the similarity stages (embeddings when there is an embedder, and
     * character n-grams), then the LLM through the reply chain for ambiguous turns ({@code wa.intents.llm-enabled}).
     * Which stage decided each turn is published as a metric.
     */
    @Singleton
    IntentRouter intentRouter(@Nullable EmbeddingIntentStage embeddings, LexicalIntentStage lexical, LlmRouter replies,
                              IntentConfiguration configuration, IntentObserver observer) {
        IntentSettings settings = configuration.toSettings();
        LlmIntentStage model = settings.llmEnabled() ? new LlmIntentStage(replies, settings) : null;
        LOG.info("intent routing: rules{} + lexical{}", embeddings == null ? "" : " + embeddings",
                model == null ? "" : " + LLM for ambiguous turns");
        return new IntentRouter(embeddings, lexical, model, observer);
    }

    /** Handoff notices, conversations given back to the bot and the owner's briefing go to staff through this. */
    @Singleton
    StaffNotifier staffNotifier(OutboundChannel channel, ConversationStore conversations, TimeSource time,
                                StaffNotifier.Observer observer) {
        return new StaffNotifier(channel, conversations, time, observer);
    }

    /**
     * The handoff rules come from the tenant's agent configuration where the function reads the back office;
     * without it (no {@code AgentConfigurations} bean) the default rules apply.
     */
    @Singleton
    Handoffs handoffs(ConversationStore conversations, StaffNotifier staff, TimeSource time,
                      @Nullable AgentConfigurations configurations) {
        return new Handoffs(new HandoffDecision(), configurations, conversations, staff, time);
    }

    /**
     * Staff commands. {@code /inventory} reads the back office's {@link CatalogSource}; {@code /status} and
     * {@code /price} need its {@link CatalogEditor} ({@code BackOfficeCatalogEditor}), which exists only with
     * {@code wa.staff.catalog-edits=true} (WA_STAFF_CATALOG_EDITS) and a back-office login that may write (the local
     * runtime sets both; the worker's datasource is read-only by default). Without them those commands tell the
     * staff member to use the admin API; {@code /pause}, {@code /resume}, {@code /reply}, {@code /stats} and
     * {@code /help} only need DynamoDB.
     */
    @Singleton
    StaffCommandStep staffCommandStep(ConversationStore conversations, ActivityTimeline timeline,
                                      @Nullable CatalogSource items, @Nullable CatalogEditor catalog,
                                      @Nullable CatalogLookup lookup, RollupStore rollups, ReplyDelivery replyDelivery,
                                      TimeSource time) {
        if (catalog == null) {
            LOG.info("staff commands /status and /price unavailable: no writable back-office catalog (wa.staff.catalog-edits)");
        }
        return new StaffCommandStep(new StaffCommands(conversations, new CustomerFinder(conversations, timeline), items,
                catalog, lookup, rollups, replyDelivery, time));
    }

    /**
     * Every send waits for its business number's throughput share first ({@code wa.delivery.throughput-per-number} /
     * {@code wa.delivery.sending-instances}), so a burst across many customers of one number queues here instead of
     * meeting Meta's 130429.
     */
    @Singleton
    OutboundChannel outboundChannel(GraphApiConfiguration graph, TwilioApiConfiguration twilio, SecretStore secrets,
                                    TimeSource time, DeliveryConfiguration delivery, MetricsPublisher metrics) {
        GraphApiSettings meta = graph.toSettings();
        TwilioApiSettings twilioSettings = twilio.toSettings();
        ChannelRouter channels = new ChannelRouter(Map.of(
                "whatsapp", new GraphApiClient(meta, GraphApiClient.newHttpClient(meta), secrets, time),
                "twilio", new TwilioMessagingClient(twilioSettings, TwilioMessagingClient.newHttpClient(twilioSettings), secrets, time)));
        NumberThroughput throughput = delivery.numberThroughput(time);
        LOG.info("sends paced at {} message(s)/s per business number in this instance ({} / {} sending instances)",
                String.format(java.util.Locale.ROOT, "%.2f", throughput.perSecond()), delivery.getThroughputPerNumber(),
                delivery.getSendingInstances());
        return new ThrottledChannel(channels, throughput, (tenantId, waited) -> metrics.publish(
                Map.of(MetricNames.DIM_TENANT, tenantId), Map.of(
                        MetricNames.THROUGHPUT_WAITS, MetricsPublisher.Metric.count(1),
                        MetricNames.THROUGHPUT_WAIT_TIME, MetricsPublisher.Metric.millis(waited.toMillis()))));
    }

    /** The one token counter (loading its tokenizer takes most of a second: build it once). */
    @Singleton
    TokenCounter tokenCounter() {
        return new TokenCounter();
    }

    /** The last resort answers from the catalog (prices) and a confident knowledge entry before it holds. */
    @Singleton
    @Named("local")
    LocalResponder localResponder(TokenCounter tokens, Optional<KnowledgeBase> knowledge, Optional<CatalogLookup> catalog,
                                  Optional<AgentConfigurations> configurations,
                                  @Nullable EmbeddingIntentStage intentEmbeddings, LexicalIntentStage intentLexical) {
        if (knowledge.isEmpty() || catalog.isEmpty() || configurations.isEmpty()) {
            return new LocalResponder(tokens);
        }
        // Rules and embeddings only: the last resort answers because the models did not, so it never asks one.
        // (Its own router: the turn's router asks the reply chain, and the chain ends with this responder.)
        IntentRouter withoutModel = new IntentRouter(intentEmbeddings, intentLexical, null, IntentObserver.NONE);
        GroundedAnswers grounded = new GroundedAnswers(knowledge.get(), catalog.get(), configurations.get(), withoutModel);
        return new LocalResponder(tokens, request -> grounded.answer(request.tenantId(), request.lastUserText(),
                request.language()));
    }

    @Singleton
    LlmRouter llmRouter(List<LlmProviderConfiguration> configured, @Named("local") LocalResponder lastResort,
                        TokenCounter tokens, RoutingConfiguration routing, List<ModelPriceConfiguration> prices,
                        ResponseCache cache, ContentVersions versions, RoutingObserver observer, TimeSource time,
                        SecretStore secrets, @Value("${aws.region:us-east-1}") String awsRegion,
                        @Named(TurnSideCalls.NAME) ExecutorService sideCalls) {
        List<LlmProvider> providers = new ArrayList<>();
        for (LlmProviderConfiguration provider : configured) {
            if (provider.isEnabled() && provider.isBedrock()) {
                // Bedrock authenticates with the function's IAM role: no key to check.
                BedrockConverseProvider bedrock = new BedrockConverseProvider(new BedrockSettings(provider.getName(),
                        provider.getModelId(), provider.getRegion() == null ? awsRegion : provider.getRegion(),
                        provider.getEndpointOverride(), provider.getMaxTokens(), provider.getTemperature(),
                        provider.getTimeout()), tokens);
                bedrock.prime();
                providers.add(bedrock);
                LOG.info("LLM provider {} ready: Bedrock model {}", provider.getName(), provider.getModelId());
                continue;
            }
            String apiKey = provider.getApiKeyRef() == null ? provider.getApiKey()
                    : secrets.secret(provider.getApiKeyRef()).orElse(null);
            if (!usable(provider, apiKey)) {
                LOG.info("LLM provider {} not configured (no API key); skipped", provider.getName());
                continue;
            }
            OpenAiCompatibleProvider remote = new OpenAiCompatibleProvider(new OpenAiCompatibleSettings(
                    provider.getName(), provider.getBaseUrl(), apiKey, provider.getModel(),
                    provider.getTimeout()), tokens);
            remote.prime();
            providers.add(remote);
            LOG.info("LLM provider {} ready: model {} at {}", provider.getName(), provider.getModel(),
                    provider.getBaseUrl().getHost());
        }
        Map<String, PriceTable.Price> priceTable = new HashMap<>();
        prices.forEach(p -> priceTable.put(p.getModel(), new PriceTable.Price(p.getPrompt(), p.getCompletion())));
        // The answer's cache write goes on the side-call pool: the turn goes on to record and send it meanwhile.
        return new LlmRouter(providers, lastResort, routing.toSettings(), cache, versions, new PriceTable(priceTable),
                observer, time, sideCalls);
    }

    /** Keyless endpoints are accepted only on this machine (a local Ollama); everything remote needs a key. */
    private static boolean usable(LlmProviderConfiguration provider, String apiKey) {
        if (!provider.isEnabled()) {
            return false;
        }
        if (apiKey != null && !apiKey.isBlank()) {
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
