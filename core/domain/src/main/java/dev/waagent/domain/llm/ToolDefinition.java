package dev.waagent.domain.llm;

/**
 * A function the model may call.
 *
 * @param parametersJsonSchema the JSON schema of the arguments, as JSON text
 */
public record ToolDefinition(String name, String description, String parametersJsonSchema) {
}
