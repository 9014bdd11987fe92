package dev.waagent.domain.llm;

import java.util.List;
import java.util.Objects;

/**
 * One message of a prompt. {@code toolCallId} is set only for {@link ChatRole#TOOL} results; {@code toolCalls}
 * only on an {@link ChatRole#ASSISTANT} message that asked for functions (a tool round), so the next round can send
 * the model's calls back before their results (OpenAI {@code tool_calls}, Bedrock {@code toolUse}).
 */
public record ChatMessage(ChatRole role, String content, String toolCallId, List<ToolCall> toolCalls) {

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        content = content == null ? "" : content;
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
        if (!toolCalls.isEmpty() && role != ChatRole.ASSISTANT) {
            throw new IllegalArgumentException("only an assistant message carries tool calls");
        }
    }

    public ChatMessage(ChatRole role, String content, String toolCallId) {
        this(role, content, toolCallId, List.of());
    }

    public static ChatMessage system(String content) {
        return new ChatMessage(ChatRole.SYSTEM, content, null);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage(ChatRole.USER, content, null);
    }

    public static ChatMessage assistant(String content) {
        return new ChatMessage(ChatRole.ASSISTANT, content, null);
    }

    /** The model's turn that asked for functions (its text may be empty). */
    public static ChatMessage assistantToolCalls(String content, List<ToolCall> calls) {
        return new ChatMessage(ChatRole.ASSISTANT, content, null, calls);
    }

    /** The result of one tool call, answered to the call's id. */
    public static ChatMessage toolResult(String toolCallId, String content) {
        return new ChatMessage(ChatRole.TOOL, content, Objects.requireNonNull(toolCallId, "toolCallId"));
    }

    public boolean hasToolCalls() {
        return !toolCalls.isEmpty();
    }
}
