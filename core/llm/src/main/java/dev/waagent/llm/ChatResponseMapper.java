package dev.waagent.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.core.JsonField;
import com.openai.core.JsonValue;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.completions.CompletionUsage;
import dev.waagent.domain.llm.LlmException;
import dev.waagent.domain.llm.LlmRequest;
import dev.waagent.domain.llm.LlmResponse;
import dev.waagent.domain.llm.TokenUsage;
import dev.waagent.domain.llm.ToolCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a chat completion leniently: OpenAI-compatible servers differ in small ways (no usage, no
 * {@code "type"} on tool calls, arguments as an object instead of a string) and those must not cost an answer.
 */
final class ChatResponseMapper {

    private final String providerName;
    private final String configuredModel;
    private final TokenCounter tokenCounter;
    private final ObjectMapper json = new ObjectMapper();

    ChatResponseMapper(String providerName, String configuredModel, TokenCounter tokenCounter) {
        this.providerName = providerName;
        this.configuredModel = configuredModel;
        this.tokenCounter = tokenCounter;
    }

    /** @throws LlmException {@code EMPTY_RESPONSE} when there is no choice, or neither text nor a tool call */
    LlmResponse toResponse(ChatCompletion completion, LlmRequest request, Duration latency) {
        List<ChatCompletion.Choice> choices = completion._choices().asKnown().orElse(List.of());
        if (choices.isEmpty()) {
            throw empty("the response has no choices");
        }
        ChatCompletionMessage message = choices.get(0).message();
        // A refusal is the model's answer too (a short apology), and better than a blind fallback.
        String text = message.content().or(message::refusal).orElse("");
        List<ToolCall> toolCalls = toolCalls(message);
        if (text.isBlank() && toolCalls.isEmpty()) {
            throw empty("the response has neither text nor tool calls");
        }
        String model = completion._model().asKnown().filter(m -> !m.isBlank()).orElse(configuredModel);
        return new LlmResponse(providerName, model, text, toolCalls, usage(completion, request, text, toolCalls),
                latency, false);
    }

    private List<ToolCall> toolCalls(ChatCompletionMessage message) {
        List<ChatCompletionMessageToolCall> calls = message.toolCalls().orElse(List.of());
        List<ToolCall> mapped = new ArrayList<>(calls.size());
        for (ChatCompletionMessageToolCall call : calls) {
            if (call.isFunction()) {
                var function = call.asFunction();
                mapped.add(new ToolCall(function.id(), function.function().name(),
                        jsonText(function.function()._arguments())));
            } else if (call.isCustom()) {
                var custom = call.asCustom();
                mapped.add(new ToolCall(custom.id(), custom.custom().name(), custom.custom().input()));
            } else {
                untypedToolCall(call).ifPresent(mapped::add);
            }
        }
        return mapped;
    }

    /** Some compatible servers omit {@code "type":"function"}, which leaves the SDK's union unresolved. */
    private Optional<ToolCall> untypedToolCall(ChatCompletionMessageToolCall call) {
        Object value = call._json().map(v -> v.convert(Object.class)).orElse(null);
        if (!(value instanceof Map<?, ?> fields) || !(fields.get("function") instanceof Map<?, ?> function)
                || !(function.get("name") instanceof String name) || name.isBlank()) {
            return Optional.empty();
        }
        Object id = fields.get("id");
        Object arguments = function.get("arguments");
        return Optional.of(new ToolCall(id == null ? "" : id.toString(), name,
                arguments instanceof String text ? text : write(arguments)));
    }

    /** Arguments are a JSON string per the API; a few servers send the object itself. */
    private String jsonText(JsonField<String> arguments) {
        Optional<String> text = arguments.asKnown();
        if (text.isPresent()) {
            return text.get();
        }
        return write(arguments.asUnknown().map(v -> v.convert(Object.class)).orElse(null));
    }

    private String write(Object value) {
        if (value == null) {
            return "{}";
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return "{}";
        }
    }

    private TokenUsage usage(ChatCompletion completion, LlmRequest request, String text, List<ToolCall> toolCalls) {
        Optional<CompletionUsage> reported = completion.usage();
        if (reported.isPresent()) {
            Optional<Long> prompt = reported.get()._promptTokens().asKnown();
            Optional<Long> generated = reported.get()._completionTokens().asKnown();
            if (prompt.isPresent() && generated.isPresent()) {
                return new TokenUsage(saturated(prompt.get()), saturated(generated.get()), false);
            }
        }
        // Some compatible servers (older Ollama, some proxies) report no usage: our own count keeps budgets honest.
        int promptTokens = tokenCounter.count(request.messages()) + tokenCounter.countTools(request.tools());
        return new TokenUsage(promptTokens, tokenCounter.countCompletion(text, toolCalls), true);
    }

    private static int saturated(long tokens) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, tokens));
    }

    private LlmException empty(String message) {
        return new LlmException(providerName, LlmException.Kind.EMPTY_RESPONSE, null, null, message, null);
    }
}
