package dev.waagent.bedrock;

import dev.waagent.domain.llm.LlmException;
import dev.waagent.domain.llm.LlmRequest;
import dev.waagent.domain.llm.LlmResponse;
import dev.waagent.domain.llm.TokenUsage;
import dev.waagent.domain.llm.ToolCall;
import dev.waagent.llm.TokenCounter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

/**
 * Reads a Converse response: text blocks joined in order, {@code toolUse} blocks as {@link ToolCall}s with their
 * input as JSON text, usage as Bedrock reports it. Reasoning blocks (the thinking of reasoning models) and other
 * block types are not part of the reply and are skipped.
 */
final class ConverseResponseMapper {

    private final String providerName;
    private final String modelId;
    private final TokenCounter tokenCounter;

    ConverseResponseMapper(String providerName, String modelId, TokenCounter tokenCounter) {
        this.providerName = providerName;
        this.modelId = modelId;
        this.tokenCounter = tokenCounter;
    }

    /** @throws LlmException {@code EMPTY_RESPONSE} when the output holds neither text nor a tool call */
    LlmResponse toResponse(ConverseResponse converse, LlmRequest request, Duration latency) {
        Message message = converse.output() == null ? null : converse.output().message();
        if (message == null || !message.hasContent()) {
            throw empty("the response has no output message (stop reason " + converse.stopReasonAsString() + ")");
        }
        StringBuilder text = new StringBuilder();
        List<ToolCall> toolCalls = new ArrayList<>();
        for (ContentBlock block : message.content()) {
            if (block.text() != null) {
                if (!text.isEmpty() && !block.text().isBlank()) {
                    text.append("\n\n");
                }
                text.append(block.text());
            } else if (block.toolUse() != null) {
                toolCalls.add(toolCall(block.toolUse()));
            }
        }
        String reply = text.toString().strip();
        if (reply.isEmpty() && toolCalls.isEmpty()) {
            throw empty("the response has neither text nor tool calls (stop reason " + converse.stopReasonAsString() + ")");
        }
        return new LlmResponse(providerName, modelId, reply, toolCalls, usage(converse, request, reply, toolCalls),
                latency, false);
    }

    private static ToolCall toolCall(ToolUseBlock toolUse) {
        return new ToolCall(toolUse.toolUseId() == null ? "" : toolUse.toolUseId(), toolUse.name(),
                JsonDocuments.write(toolUse.input()));
    }

    /**
     * Bedrock's own counts. {@code inputTokens} excludes prompt-cache reads and writes; this provider sends no cache
     * points, so those are zero. Should usage ever be missing, the shared token counter estimates it.
     */
    private TokenUsage usage(ConverseResponse converse, LlmRequest request, String text, List<ToolCall> toolCalls) {
        var usage = converse.usage();
        if (usage != null && usage.inputTokens() != null && usage.outputTokens() != null) {
            return new TokenUsage(usage.inputTokens(), usage.outputTokens(), false);
        }
        int promptTokens = tokenCounter.count(request.messages()) + tokenCounter.countTools(request.tools());
        return new TokenUsage(promptTokens, tokenCounter.countCompletion(text, toolCalls), true);
    }

    private LlmException empty(String message) {
        return new LlmException(providerName, LlmException.Kind.EMPTY_RESPONSE, null, null, message, null);
    }
}
