package dev.waagent.domain.llm;

/** A call the model asked for; {@code argumentsJson} is the raw JSON arguments. */
public record ToolCall(String id, String name, String argumentsJson) {
}
