package dev.waagent.bedrock;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.waagent.domain.llm.ChatMessage;
import dev.waagent.domain.llm.ChatRole;
import dev.waagent.domain.llm.LlmException;
import dev.waagent.domain.llm.LlmRequest;
import dev.waagent.domain.llm.ToolDefinition;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;

/**
 * Turns an {@link LlmRequest} into a Converse request that Bedrock's validation accepts for every model family.
 *
 * <ul>
 *   <li>System messages, wherever they stand in the prompt, become {@code system} blocks in their order.</li>
 *   <li>Bedrock demands turns that alternate user/assistant and start with a user turn: consecutive messages of
 *   one role are merged into one turn (one text block each), and a conversation the business opened (a WhatsApp
 *   template the customer answered) gets a short user turn in front of it rather than losing its first message.</li>
 *   <li>A tool result becomes user text naming its call id. Bedrock accepts a {@code toolResult} block only right
 *   after an assistant turn holding the matching {@code toolUse} block, and {@link ChatMessage} does not carry the
 *   assistant's tool calls, so a structured block would be refused with a ValidationException.</li>
 *   <li>Blank text is dropped: Bedrock refuses blank text blocks.</li>
 *   <li>The request's maxTokens and temperature win; the settings fill in what the request leaves open
 *   (maxTokens &le; 0, temperature NaN or negative). Temperature is capped at 1, the top of Bedrock's range, since
 *   the chain passes one temperature to every provider and OpenAI accepts up to 2.</li>
 * </ul>
 */
final class ConverseRequestMapper {

    /** Opens a conversation whose first message is the business's, since Bedrock wants a user turn first. */
    static final String BUSINESS_OPENED_MARKER = "[The business started this conversation.]";

    private static final String EMPTY_OBJECT_SCHEMA = "{\"type\":\"object\",\"properties\":{}}";

    private final BedrockSettings settings;

    ConverseRequestMapper(BedrockSettings settings) {
        this.settings = settings;
    }

    /**
     * The request without per-call configuration (timeout, headers), which the provider adds.
     *
     * @throws LlmException {@code BAD_REQUEST} when the request cannot be expressed (no call is made then)
     */
    ConverseRequest toRequest(LlmRequest request) {
        List<SystemContentBlock> system = new ArrayList<>();
        List<Message> turns = new ArrayList<>();
        ConversationRole currentRole = null;
        List<ContentBlock> currentBlocks = new ArrayList<>();
        for (ChatMessage message : request.messages()) {
            if (message.role() == ChatRole.SYSTEM) {
                if (!message.content().isBlank()) {
                    system.add(SystemContentBlock.fromText(message.content()));
                }
                continue;
            }
            String text = text(message);
            if (text.isBlank()) {
                continue;
            }
            ConversationRole role = message.role() == ChatRole.ASSISTANT ? ConversationRole.ASSISTANT : ConversationRole.USER;
            if (currentRole == null && role == ConversationRole.ASSISTANT) {
                currentRole = ConversationRole.USER;
                currentBlocks.add(ContentBlock.fromText(BUSINESS_OPENED_MARKER));
            }
            if (role != currentRole && currentRole != null) {
                turns.add(turn(currentRole, currentBlocks));
                currentBlocks = new ArrayList<>();
            }
            currentRole = role;
            currentBlocks.add(ContentBlock.fromText(text));
        }
        if (currentRole != null) {
            turns.add(turn(currentRole, currentBlocks));
        }
        if (turns.isEmpty()) {
            throw badRequest("the request has no user or assistant message with text");
        }

        ConverseRequest.Builder converse = ConverseRequest.builder()
                .modelId(settings.modelId())
                .messages(turns)
                .inferenceConfig(inferenceConfig(request));
        if (!system.isEmpty()) {
            converse.system(system);
        }
        if (!request.tools().isEmpty()) {
            converse.toolConfig(ToolConfiguration.builder().tools(tools(request.tools())).build());
        }
        return converse.build();
    }

    private String text(ChatMessage message) {
        if (message.role() != ChatRole.TOOL) {
            return message.content();
        }
        if (message.toolCallId() == null || message.toolCallId().isBlank()) {
            throw badRequest("a tool message has no tool call id");
        }
        return "Result of tool call " + message.toolCallId() + ":\n" + message.content();
    }

    private static Message turn(ConversationRole role, List<ContentBlock> blocks) {
        return Message.builder().role(role).content(List.copyOf(blocks)).build();
    }

    private InferenceConfiguration inferenceConfig(LlmRequest request) {
        int maxTokens = request.maxTokens() > 0 ? request.maxTokens() : settings.maxTokens();
        double temperature = Double.isFinite(request.temperature()) && request.temperature() >= 0
                ? Math.min(1.0, request.temperature())
                : settings.temperature();
        return InferenceConfiguration.builder()
                .maxTokens(maxTokens)
                .temperature((float) temperature)
                .build();
    }

    private List<Tool> tools(List<ToolDefinition> tools) {
        List<Tool> mapped = new ArrayList<>(tools.size());
        for (ToolDefinition tool : tools) {
            if (tool.name() == null || tool.name().isBlank()) {
                throw badRequest("a tool has no name");
            }
            ToolSpecification.Builder spec = ToolSpecification.builder()
                    .name(tool.name())
                    .inputSchema(ToolInputSchema.fromJson(schema(tool)));
            if (tool.description() != null && !tool.description().isBlank()) {
                spec.description(tool.description());
            }
            mapped.add(Tool.fromToolSpec(spec.build()));
        }
        return mapped;
    }

    private Document schema(ToolDefinition tool) {
        String schemaText = tool.parametersJsonSchema() == null || tool.parametersJsonSchema().isBlank()
                ? EMPTY_OBJECT_SCHEMA
                : tool.parametersJsonSchema();
        Document schema;
        try {
            schema = JsonDocuments.parse(schemaText);
        } catch (JsonProcessingException e) {
            throw badRequest("tool " + tool.name() + " has a parameters schema that is not JSON");
        }
        if (!schema.isMap()) {
            throw badRequest("tool " + tool.name() + " has a parameters schema that is not a JSON object");
        }
        return schema;
    }

    private LlmException badRequest(String message) {
        return new LlmException(settings.name(), LlmException.Kind.BAD_REQUEST, null, null, message, null);
    }
}
