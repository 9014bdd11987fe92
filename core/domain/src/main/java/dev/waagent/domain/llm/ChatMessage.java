package dev.waagent.domain.llm;

import java.util.Objects;

/** One message of a prompt. {@code toolCallId} is set only for {@link ChatRole#TOOL} results. */
public record ChatMessage(ChatRole role, String content, String toolCallId) {

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        content = content == null ? "" : content;
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
}
