package dev.waagent.llm;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.waagent.domain.llm.ChatMessage;
import dev.waagent.domain.llm.ChatRole;
import dev.waagent.domain.llm.TokenEstimator;
import dev.waagent.domain.llm.ToolCall;
import dev.waagent.domain.llm.ToolDefinition;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The project's one token counter: prompt budgets, usage estimates when a provider reports none, and the local
 * responder's accounting all count with it, so their numbers agree.
 *
 * <p>Encoding: {@code o200k_base}, the tokenizer of the current OpenAI models (GPT-4o, 4.1, 5, o-series). Our
 * customers write Hindi (Devanagari and romanized), Bahasa Indonesia and English; {@code cl100k_base} splits
 * Devanagari into about three times as many tokens as {@code o200k_base} (a ten-word Hindi question: 53 vs 17),
 * so it would overstate prompts and burn budget; for English and Hinglish the two agree. For other models (Llama on Groq, Gemini, GLM) any OpenAI tokenizer is an estimate; o200k is the closer
 * one for non-English text.
 *
 * <p>Loading the encoding costs a few hundred milliseconds: build one instance at start-up and share it (it is
 * immutable and thread-safe).
 */
public final class TokenCounter implements TokenEstimator {

    /**
     * Per-message framing ({@code <|start|>role ... <|end|>}) and the reply priming ({@code <|start|>assistant}),
     * as OpenAI documents for counting chat tokens ("How to count tokens with tiktoken").
     */
    static final int TOKENS_PER_MESSAGE = 3;
    static final int TOKENS_REPLY_PRIMING = 3;

    /** Texts shorter than this are counted again rather than remembered (counting them costs less than a lookup). */
    static final int REMEMBERED_MIN_CHARS = 256;
    private static final int REMEMBERED_TEXTS = 32;
    private static final int REMEMBERED_TOOLS = 256;

    private final Encoding encoding;
    private final Map<ChatRole, Integer> roleTokens = new EnumMap<>(ChatRole.class);
    /**
     * Counts of the last few long prompt texts, by identity: a turn's prompt is counted when it is built (the budget)
     * and again, the same String objects, when a provider reports no usage. Identity, so only the very texts counted
     * are reused, never a text that merely reads the same.
     */
    private final Map<IdentityKey, Integer> rememberedTexts = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<IdentityKey, Integer> eldest) {
            return size() > REMEMBERED_TEXTS;
        }
    };
    /** Tool definitions are the same few on every turn: each is counted once. */
    private final Map<ToolDefinition, Integer> toolTokens = new ConcurrentHashMap<>();

    public TokenCounter() {
        // The lazy registry loads only the encoding asked for, not all five.
        this.encoding = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
        for (ChatRole role : ChatRole.values()) {
            roleTokens.put(role, count(role.name().toLowerCase(Locale.ROOT)));
        }
    }

    /** A text by identity (see {@link #rememberedTexts}). */
    private record IdentityKey(String text) {
        @Override
        public boolean equals(Object other) {
            return other instanceof IdentityKey key && key.text == text;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(text);
        }
    }

    /** Tokens of plain text. Special-token markers such as {@code <|endoftext|>} count as ordinary text. */
    @Override
    public int count(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        // "Ordinary": encode() refuses text that contains special tokens, and customers can type anything.
        return encoding.countTokensOrdinary(text);
    }

    /**
     * Tokens of a chat prompt: each message's role and content plus {@value #TOKENS_PER_MESSAGE} framing tokens,
     * a tool result's call id, an assistant's tool calls, and {@value #TOKENS_REPLY_PRIMING} tokens that prime the reply.
     */
    @Override
    public int count(List<ChatMessage> messages) {
        if (messages == null || messages.isEmpty()) {
            return 0;
        }
        int total = TOKENS_REPLY_PRIMING;
        for (ChatMessage message : messages) {
            total += TOKENS_PER_MESSAGE;
            total += roleTokens.get(message.role());
            total += countPromptText(message.content());
            if (message.role() == ChatRole.TOOL) {
                total += count(message.toolCallId());
            }
            for (ToolCall call : message.toolCalls()) {
                // An assistant's earlier tool round: the call id, function name and arguments are sent back.
                total += count(call.id()) + count(call.name()) + count(call.argumentsJson());
            }
        }
        return total;
    }

    /**
     * An approximation of what function definitions add to a prompt: how providers render them into the model's
     * input is not documented, so this counts their name, description and schema text.
     */
    @Override
    public int countTools(List<ToolDefinition> tools) {
        if (tools == null) {
            return 0;
        }
        int total = 0;
        for (ToolDefinition tool : tools) {
            Integer known = toolTokens.get(tool);
            if (known == null) {
                known = count(tool.name()) + count(tool.description()) + count(tool.parametersJsonSchema());
                if (toolTokens.size() >= REMEMBERED_TOOLS) {
                    toolTokens.clear(); // never expected (tools are defined in code): bounded all the same
                }
                toolTokens.put(tool, known);
            }
            total += known;
        }
        return total;
    }

    /** {@link #count(String)}, remembering the counts of long texts by identity ({@link #rememberedTexts}). */
    private int countPromptText(String text) {
        if (text == null || text.length() < REMEMBERED_MIN_CHARS) {
            return count(text);
        }
        IdentityKey key = new IdentityKey(text);
        synchronized (rememberedTexts) {
            Integer known = rememberedTexts.get(key);
            if (known != null) {
                return known;
            }
        }
        int counted = count(text);
        synchronized (rememberedTexts) {
            rememberedTexts.put(key, counted);
        }
        return counted;
    }

    /** Tokens of a completion: its text and the name and arguments of every tool call. */
    public int countCompletion(String text, List<ToolCall> toolCalls) {
        int total = count(text);
        if (toolCalls != null) {
            for (ToolCall call : toolCalls) {
                total += count(call.name()) + count(call.argumentsJson());
            }
        }
        return total;
    }
}
