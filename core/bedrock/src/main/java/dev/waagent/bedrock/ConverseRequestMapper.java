package dev.waagent.bedrock;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.waagent.domain.llm.ChatMessage;
import dev.waagent.domain.llm.ChatRole;
import dev.waagent.domain.llm.LlmException;
import dev.waagent.domain.llm.LlmRequest;
import dev.waagent.domain.llm.ToolDefinition;
import dev.waagent.domain.llm.ToolCall;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;

/**
 * Turns an {@link LlmRequest} into a Converse request that Bedrock's validation accepts for every model family.
 *
 * <ul>
 *   <li>System messages, wherever they stand in the prompt, become {@code system} blocks in their order.</li>
 *   <li>Bedrock demands turns that alternate user/assistant and start with a user turn: consecutive messages of
 *   one role are merged into one turn (one text block each), and a conversation the business opened (a WhatsApp
 *   template the customer answered) gets a short user turn in front of it rather than losing its first message.</li>
 *   <li>An assistant message's tool calls become {@code toolUse} blocks; a tool result answering the assistant turn
 *   just before it becomes a {@code toolResult} block in the next user turn. Bedrock accepts a {@code toolResult}
 *   only right after the matching {@code toolUse} (ValidationException otherwise), so a result without one becomes
 *   user text naming its call id.</li>
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
        // toolUse ids of the assistant turn just sent: a result answering one of them becomes a toolResult block.
        Set<String> openToolUses = new HashSet<>();
        for (ChatMessage message : request.messages()) {
            if (message.role() == ChatRole.SYSTEM) {
                if (!message.content().isBlank()) {
                    system.add(SystemContentBlock.fromText(message.content()));
                }
                continue;
            }
            List<ContentBlock> blocks = blocks(message, openToolUses);
            if (blocks.isEmpty()) {
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
            currentBlocks.addAll(blocks);
            if (message.role() == ChatRole.ASSISTANT) {
                openToolUses.clear();
                message.toolCalls().forEach(call -> openToolUses.add(call.id()));
            }
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

    /**
     * The content blocks of one message: text (blank dropped), an assistant's {@code toolUse} blocks, and a tool
     * result as a {@code toolResult} block when it answers the assistant turn just before it (as text naming the
     * call otherwise, which Bedrock accepts anywhere).
     */
    private List<ContentBlock> blocks(ChatMessage message, Set<String> openToolUses) {
        List<ContentBlock> blocks = new ArrayList<>();
        if (message.role() == ChatRole.TOOL) {
            if (message.toolCallId() == null || message.toolCallId().isBlank()) {
                throw badRequest("a tool message has no tool call id");
            }
            if (openToolUses.contains(message.toolCallId())) {
                blocks.add(ContentBlock.fromToolResult(ToolResultBlock.builder()
                        .toolUseId(message.toolCallId())
                        .content(ToolResultContentBlock.fromText(message.content().isBlank() ? "{}" : message.content()))
                        .build()));
            } else {
                blocks.add(ContentBlock.fromText("Result of tool call " + message.toolCallId() + ":\n" + message.content()));
            }
            return blocks;
        }
        if (!message.content().isBlank()) {
            blocks.add(ContentBlock.fromText(message.content()));
        }
        for (ToolCall call : message.toolCalls()) {
            if (call.id() == null || call.id().isBlank() || call.name() == null || call.name().isBlank()) {
                throw badRequest("an assistant tool call has no id or name");
            }
            blocks.add(ContentBlock.fromToolUse(ToolUseBlock.builder()
                    .toolUseId(call.id())
                    .name(call.name())
                    .input(arguments(call))
                    .build()));
        }
        return blocks;
    }

    private Document arguments(ToolCall call) {
        String text = call.argumentsJson() == null || call.argumentsJson().isBlank() ? "{}" : call.argumentsJson();
        try {
            Document input = JsonDocuments.parse(text);
            return input.isMap() ? input : Document.mapBuilder().build();
        } catch (JsonProcessingException e) {
            throw badRequest("tool call " + call.name() + " has arguments that are not JSON");
        }
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
