package dev.waagent.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.core.JsonValue;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletionAssistantMessageParam;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionMessageParam;
import com.openai.models.chat.completions.ChatCompletionSystemMessageParam;
import com.openai.models.chat.completions.ChatCompletionTool;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.chat.completions.ChatCompletionUserMessageParam;
import dev.waagent.domain.llm.ChatMessage;
import dev.waagent.domain.llm.LlmException;
import dev.waagent.domain.llm.LlmRequest;
import dev.waagent.domain.llm.ToolCall;
import dev.waagent.domain.llm.ToolDefinition;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns an {@link LlmRequest} into chat-completions parameters that every OpenAI-compatible server accepts. */
final class ChatRequestMapper {

    private static final String EMPTY_OBJECT_SCHEMA = "{\"type\":\"object\",\"properties\":{}}";

    private final String providerName;
    private final String model;
    private final boolean maxCompletionTokensField;
    private static final int REMEMBERED_TOOLS = 256;

    private final ObjectMapper json = new ObjectMapper();
    /** Tool definitions are the same few on every turn: each is mapped (its schema parsed) once. */
    private final Map<ToolDefinition, ChatCompletionTool> mappedTools = new java.util.concurrent.ConcurrentHashMap<>();

    ChatRequestMapper(String providerName, String model, URI baseUrl) {
        this.providerName = providerName;
        this.model = model;
        this.maxCompletionTokensField = usesMaxCompletionTokens(baseUrl);
    }

    /**
     * OpenAI itself deprecated {@code max_tokens} and its reasoning models (o-series, GPT-5) reject it, while
     * DeepSeek, Ollama, Together and GLM only know {@code max_tokens}: send the new field to OpenAI only.
     */
    static boolean usesMaxCompletionTokens(URI baseUrl) {
        return "api.openai.com".equals(baseUrl.getHost().toLowerCase(Locale.ROOT));
    }

    /** @throws LlmException {@code BAD_REQUEST} when the request cannot be expressed (no call is made then) */
    ChatCompletionCreateParams toParams(LlmRequest request) {
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder()
                .model(model)
                .messages(messages(request.messages()));
        if (!request.tools().isEmpty()) {
            params.tools(tools(request.tools()));
        }
        if (request.maxTokens() > 0) {
            limitTokens(params, request.maxTokens());
        }
        if (Double.isFinite(request.temperature()) && request.temperature() >= 0) {
            params.temperature(request.temperature());
        }
        return params.build();
    }

    // max_tokens is deprecated by OpenAI only; it is the one field every other compatible server understands.
    @SuppressWarnings("deprecation")
    private void limitTokens(ChatCompletionCreateParams.Builder params, int maxTokens) {
        if (maxCompletionTokensField) {
            params.maxCompletionTokens(maxTokens);
        } else {
            params.maxTokens(maxTokens);
        }
    }

    private List<ChatCompletionMessageParam> messages(List<ChatMessage> messages) {
        if (messages.isEmpty()) {
            throw badRequest("the request has no messages");
        }
        List<ChatCompletionMessageParam> mapped = new ArrayList<>(messages.size());
        for (ChatMessage message : messages) {
            mapped.add(switch (message.role()) {
                case SYSTEM -> ChatCompletionMessageParam.ofSystem(
                        ChatCompletionSystemMessageParam.builder().content(message.content()).build());
                case USER -> ChatCompletionMessageParam.ofUser(
                        ChatCompletionUserMessageParam.builder().content(message.content()).build());
                case ASSISTANT -> ChatCompletionMessageParam.ofAssistant(assistant(message));
                case TOOL -> {
                    if (message.toolCallId() == null || message.toolCallId().isBlank()) {
                        throw badRequest("a tool message has no tool call id");
                    }
                    yield ChatCompletionMessageParam.ofTool(ChatCompletionToolMessageParam.builder()
                            .content(message.content())
                            .toolCallId(message.toolCallId())
                            .build());
                }
            });
        }
        return mapped;
    }

    /** An assistant turn; one that called functions sends its {@code tool_calls} back (content may then be empty). */
    private ChatCompletionAssistantMessageParam assistant(ChatMessage message) {
        ChatCompletionAssistantMessageParam.Builder assistant = ChatCompletionAssistantMessageParam.builder();
        if (!message.hasToolCalls()) {
            return assistant.content(message.content()).build();
        }
        if (!message.content().isBlank()) {
            assistant.content(message.content());
        }
        for (ToolCall call : message.toolCalls()) {
            if (call.id() == null || call.id().isBlank() || call.name() == null || call.name().isBlank()) {
                throw badRequest("an assistant tool call has no id or name");
            }
            assistant.addToolCall(ChatCompletionMessageFunctionToolCall.builder()
                    .id(call.id())
                    .function(ChatCompletionMessageFunctionToolCall.Function.builder()
                            .name(call.name())
                            .arguments(call.argumentsJson() == null || call.argumentsJson().isBlank() ? "{}" : call.argumentsJson())
                            .build())
                    .build());
        }
        return assistant.build();
    }

    /**
     * Function tools built by hand from each definition's schema, with no {@code strict} flag: strict mode would
     * make the SDK demand (and some OpenAI-compatible servers reject) a closed, all-required schema.
     */
    private List<ChatCompletionTool> tools(List<ToolDefinition> tools) {
        List<ChatCompletionTool> mapped = new ArrayList<>(tools.size());
        for (ToolDefinition tool : tools) {
            ChatCompletionTool known = mappedTools.get(tool);
            if (known == null) {
                known = tool(tool);
                if (mappedTools.size() >= REMEMBERED_TOOLS) {
                    mappedTools.clear(); // never expected (tools are defined in code): bounded all the same
                }
                mappedTools.put(tool, known);
            }
            mapped.add(known);
        }
        return mapped;
    }

    private ChatCompletionTool tool(ToolDefinition tool) {
        if (tool.name() == null || tool.name().isBlank()) {
            throw badRequest("a tool has no name");
        }
        FunctionDefinition.Builder function = FunctionDefinition.builder()
                .name(tool.name())
                .parameters(parameters(tool));
        if (tool.description() != null && !tool.description().isBlank()) {
            function.description(tool.description());
        }
        return ChatCompletionTool.ofFunction(ChatCompletionFunctionTool.builder().function(function.build()).build());
    }

    private FunctionParameters parameters(ToolDefinition tool) {
        String schemaText = tool.parametersJsonSchema() == null || tool.parametersJsonSchema().isBlank()
                ? EMPTY_OBJECT_SCHEMA
                : tool.parametersJsonSchema();
        JsonNode schema;
        try {
            schema = json.readTree(schemaText);
        } catch (JsonProcessingException e) {
            throw badRequest("tool " + tool.name() + " has a parameters schema that is not JSON");
        }
        if (schema == null || !schema.isObject()) {
            throw badRequest("tool " + tool.name() + " has a parameters schema that is not a JSON object");
        }
        FunctionParameters.Builder parameters = FunctionParameters.builder();
        for (Map.Entry<String, JsonNode> field : schema.properties()) {
            parameters.putAdditionalProperty(field.getKey(), JsonValue.fromJsonNode(field.getValue()));
        }
        return parameters.build();
    }

    private LlmException badRequest(String message) {
        return new LlmException(providerName, LlmException.Kind.BAD_REQUEST, null, null, message, null);
    }
}
