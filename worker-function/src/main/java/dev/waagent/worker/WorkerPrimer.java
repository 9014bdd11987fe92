package dev.waagent.worker;

import dev.waagent.domain.conversation.Conversation;
import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.ConversationSnapshot;
import dev.waagent.domain.intent.IntentRouter;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.turn.PromptBuilder;
import dev.waagent.domain.turn.TurnTrigger;
import dev.waagent.lambda.Primer;
import dev.waagent.llm.TokenCounter;
import dev.waagent.sqs.TurnTriggerCodec;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Warms the worker's own hot path (the providers prime themselves when built): trigger JSON, prompt assembly,
 * token counting and the intent exemplars' vectors (a remote embedder is called here, once).
 */
@Singleton
public class WorkerPrimer implements Primer {

    private static final Tenant SAMPLE_TENANT = new Tenant("priming", "Priming", "whatsapp", "0", null, null, null,
            "Asha", "Friendly.", "Open 10-20.", ZoneId.of("Asia/Kolkata"), List.of("en"), List.of(), true);

    private final TurnTriggerCodec codec;
    private final TokenCounter tokens;
    private final PromptBuilder prompts;
    private final IntentRouter intents;

    public WorkerPrimer(TurnTriggerCodec codec, TokenCounter tokens, TurnConfiguration turn, IntentRouter intents) {
        this.codec = codec;
        this.tokens = tokens;
        this.prompts = new PromptBuilder(turn.toSettings());
        this.intents = intents;
    }

    @Override
    public String name() {
        return "worker";
    }

    @Override
    public void prime() {
        codec.read(codec.write(new TurnTrigger("priming", "0", "wamid.prime")));
        ConversationKey key = new ConversationKey("priming", "0");
        var request = prompts.build(SAMPLE_TENANT, new ConversationSnapshot(Conversation.start(key), List.of()), List.of(),
                Instant.now(), Duration.ofSeconds(20));
        tokens.count(request.messages());
        intents.prime();
    }
}
