package dev.waagent.domain.context;

import dev.waagent.domain.TimeSource;
import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.ConversationSnapshot;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.intent.IntentStage;
import dev.waagent.domain.knowledge.AgentConfiguration;
import dev.waagent.domain.knowledge.AgentConfigurations;
import dev.waagent.domain.llm.ChatMessage;
import dev.waagent.domain.llm.LlmRequest;
import dev.waagent.domain.llm.LlmResponse;
import dev.waagent.domain.llm.ToolCall;
import dev.waagent.domain.memory.TurnMemory;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.tools.AgentTools;
import dev.waagent.domain.tools.PriceGuard;
import dev.waagent.domain.tools.QuotedPrice;
import dev.waagent.domain.tools.ToolResult;
import dev.waagent.domain.tools.ToolScope;
import dev.waagent.domain.turn.ReplyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The generation half of a turn: builds the prompt within budget, lets the model call tools for at most
 * {@value #MAX_TOOL_ROUNDS} rounds, checks every price of the reply against the catalog, and records what the turn
 * did (intents and the routing stage, tool calls, context truncation, price repairs). What it learned (key facts)
 * comes back with the reply, which is recorded with them.
 */
public final class ReplyComposer {

    public static final int MAX_TOOL_ROUNDS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(ReplyComposer.class);
    private static final String LOCAL_PROVIDER = "local";

    private final ContextBuilder context;
    private final ReplyGenerator generator;
    private final AgentTools tools;
    private final AgentConfigurations configurations;
    private final TurnMemory memory;
    private final TimeSource time;
    private final LastResortAnswer lastResort;

    public ReplyComposer(ContextBuilder context, ReplyGenerator generator, AgentTools tools,
                         AgentConfigurations configurations, TurnMemory memory, TimeSource time) {
        this.context = context;
        this.generator = generator;
        this.tools = tools;
        this.configurations = configurations;
        this.memory = memory;
        this.time = time;
        this.lastResort = new LastResortAnswer(tools);
    }

    public ComposedReply compose(Tenant tenant, ConversationSnapshot snapshot, List<StoredMessage> toAnswer,
                                 Instant now, Duration deadline) {
        Instant started = time.now();
        TurnContext turn = context.build(tenant, configuration(tenant), snapshot, toAnswer, now, deadline,
                tools.definitions());
        LlmRequest base = turn.request();
        List<ChatMessage> messages = new ArrayList<>(base.messages());
        List<QuotedPrice> allowed = new ArrayList<>(turn.catalogPrices());
        List<ToolResult> results = new ArrayList<>();
        ToolScope scope = new ToolScope(tenant, snapshot.conversation().key(), now);
        String handoffReason = null;
        int promptTokens = 0;
        int completionTokens = 0;
        int fallbacks = 0;
        long latency = 0;
        double cost = 0;
        int rounds = 0;
        ReplyGenerator.GeneratedReply generated;
        while (true) {
            Duration remaining = deadline.minus(Duration.between(started, time.now()));
            LlmRequest request = new LlmRequest(base.tenantId(), messages, base.tools(), base.maxTokens(),
                    base.temperature(), remaining.isNegative() ? Duration.ZERO : remaining, base.language());
            generated = generator.generate(tenant, request);
            rounds++;
            LlmResponse response = generated.response();
            promptTokens += response.usage().promptTokens();
            completionTokens += response.usage().completionTokens();
            latency += response.latency().toMillis();
            fallbacks += generated.fallbacks();
            cost += generated.route().costUsd().doubleValue();
            if (response.toolCalls().isEmpty() || rounds > MAX_TOOL_ROUNDS) {
                break;
            }
            List<ToolCall> calls = withIds(response.toolCalls(), rounds);
            messages.add(ChatMessage.assistantToolCalls(response.text(), calls));
            for (ToolCall call : calls) {
                ToolResult result = tools.execute(scope, call);
                results.add(result);
                allowed.addAll(result.prices());
                if (result.handoff() && handoffReason == null) {
                    handoffReason = result.handoffReason();
                }
                messages.add(ChatMessage.toolResult(call.id(), result.content()));
            }
        }
        if (LOCAL_PROVIDER.equals(generated.response().provider()) && results.isEmpty()) {
            // No model answered (nor called a tool this turn): do with the tools what one would have, from the
            // turn's own context.
            Optional<LastResortAnswer.Answer> acted = lastResort.answer(turn, scope);
            if (acted.isPresent()) {
                for (ToolResult result : acted.get().results()) {
                    results.add(result);
                    allowed.addAll(result.prices());
                }
                LlmResponse local = generated.response();
                generated = new ReplyGenerator.GeneratedReply(new LlmResponse(local.provider(), LastResortAnswer.MODEL,
                        acted.get().text(), List.of(), local.usage(), local.latency(), false), generated.fallbacks(),
                        generated.route(), generated.signals());
            }
        }
        String text = generated.response().text().strip();
        if (text.isEmpty()) {
            text = ComposerPhrases.checking(turn.language());
        }
        if (LOCAL_PROVIDER.equals(generated.response().provider())) {
            // No model read the prompt's memory cues: say them here.
            if (turn.forgottenQuestion().isPresent()) {
                text = ComposerPhrases.apology(turn.language()) + "\n" + text;
            }
            if (turn.returningTopic().isPresent()) {
                text = ComposerPhrases.welcomeBack(turn.language(), turn.returningTopic().get()) + "\n" + text;
            }
        }
        PriceGuard.Outcome checked = PriceGuard.check(text, allowed, turn.statedAmounts(),
                ComposerPhrases.priceToConfirm(turn.language()));
        if (checked.repaired()) {
            LOG.warn("reply for tenant {} named prices not from the catalog: {}", tenant.id(), checked.repairs());
        }
        remember(snapshot, turn, results, checked, now);
        return new ComposedReply(checked.text(), generated, promptTokens, completionTokens, latency, fallbacks, cost,
                rounds, results, handoffReason, checked.repairs(), turn);
    }

    /**
     * Saves a turn's key facts on their own: for a turn whose reply was not recorded because there was nothing to send,
     * so the facts did not travel in the reply's transaction. One write, only then.
     */
    public void keepKeyFacts(ConversationKey key, List<String> facts, Instant at) {
        try {
            memory.saveKeyFacts(key, facts, at);
        } catch (RuntimeException e) {
            LOG.warn("key facts not saved for tenant {}: {}", key.tenantId(), e.toString());
        }
    }

    private void remember(ConversationSnapshot snapshot, TurnContext turn, List<ToolResult> results,
                          PriceGuard.Outcome checked, Instant now) {
        var key = snapshot.conversation().key();
        try {
            // Key facts are not written here: they go with the reply's record ({@link ComposedReply#keyFactsToSave}).
            // A turn whose intents the rules alone decided, and that used no tool, lost no context and repaired no
            // price, is not recorded: its record would say nothing the messages do not, at one more write per turn.
            if (!results.isEmpty() || turn.report().truncated() || checked.repaired()
                    || turn.intents().stage() != IntentStage.RULES) {
                memory.recordTurn(key, UUID.randomUUID().toString(), turn.intents(),
                        results.stream().map(ToolResult::describe).toList(), turn.report().dropped(), checked.repairs(), now);
            }
            if (turn.report().droppedTurns()) {
                memory.markSummaryDue(key, now);
            }
        } catch (RuntimeException e) {
            // Memory is worth keeping, not worth losing the reply for.
            LOG.warn("turn memory not saved for tenant {}: {}", key.tenantId(), e.toString());
        }
    }

    private Optional<AgentConfiguration> configuration(Tenant tenant) {
        try {
            return configurations.forTenant(tenant.id());
        } catch (RuntimeException e) {
            LOG.warn("agent configuration unavailable for tenant {}: {}", tenant.id(), e.toString());
            return Optional.empty();
        }
    }

    /** Some compatible servers send calls without ids; the next round needs one to answer each. */
    private static List<ToolCall> withIds(List<ToolCall> calls, int round) {
        List<ToolCall> named = new ArrayList<>(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            ToolCall call = calls.get(i);
            named.add(call.id() == null || call.id().isBlank()
                    ? new ToolCall("call_r" + round + "_" + i, call.name(), call.argumentsJson()) : call);
        }
        return named;
    }
}
