package dev.waagent.llm;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.waagent.domain.llm.ChatMessage;
import dev.waagent.domain.llm.ChatRole;
import dev.waagent.domain.llm.TokenEstimator;
import dev.waagent.domain.llm.ToolCall;
import dev.waagent.domain.llm.ToolDefinition;
import java.util.List;
import java.util.Locale;

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

    private final Encoding encoding;

    public TokenCounter() {
        // The lazy registry loads only the encoding asked for, not all five.
        this.encoding = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
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
            total += count(message.role().name().toLowerCase(Locale.ROOT));
            total += count(message.content());
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
            total += count(tool.name()) + count(tool.description()) + count(tool.parametersJsonSchema());
        }
        return total;
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
