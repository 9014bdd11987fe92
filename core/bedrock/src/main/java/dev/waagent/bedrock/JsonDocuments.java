package dev.waagent.bedrock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.document.DocumentVisitor;

/**
 * Converts between JSON text and the SDK's {@link Document}, the type Converse uses for tool input schemas and
 * tool-use inputs. Numbers keep their exact value (integers stay integers, decimals are not rounded through
 * {@code double}); object member order is kept.
 */
final class JsonDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private JsonDocuments() {
    }

    /** @throws JsonProcessingException when the text is not JSON */
    static Document parse(String json) throws JsonProcessingException {
        return toDocument(JSON.readTree(json));
    }

    /** Compact JSON text of a document; {@code {}} for a missing one. */
    static String write(Document document) {
        if (document == null) {
            return "{}";
        }
        try {
            return JSON.writeValueAsString(document.accept(new ToJsonNode()));
        } catch (JsonProcessingException e) {
            // A tree of plain nodes always serializes; this would be a Jackson bug.
            throw new IllegalStateException("a document could not be written as JSON", e);
        }
    }

    private static Document toDocument(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Document.fromNull();
        }
        if (node.isObject()) {
            Map<String, Document> members = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                members.put(member.getKey(), toDocument(member.getValue()));
            }
            return Document.fromMap(members);
        }
        if (node.isArray()) {
            List<Document> items = new ArrayList<>(node.size());
            node.forEach(item -> items.add(toDocument(item)));
            return Document.fromList(items);
        }
        if (node.isBoolean()) {
            return Document.fromBoolean(node.booleanValue());
        }
        if (node.isIntegralNumber()) {
            return Document.fromNumber(node.bigIntegerValue());
        }
        if (node.isNumber()) {
            return Document.fromNumber(node.decimalValue());
        }
        return Document.fromString(node.asText());
    }

    private static final class ToJsonNode implements DocumentVisitor<JsonNode> {

        @Override
        public JsonNode visitNull() {
            return NODES.nullNode();
        }

        @Override
        public JsonNode visitBoolean(Boolean value) {
            return NODES.booleanNode(value);
        }

        @Override
        public JsonNode visitString(String value) {
            return NODES.textNode(value);
        }

        @Override
        public JsonNode visitNumber(SdkNumber value) {
            String text = value.stringValue();
            try {
                if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
                    return NODES.numberNode(new BigInteger(text));
                }
                return NODES.numberNode(new BigDecimal(text));
            } catch (NumberFormatException notFinite) {
                // NaN or Infinity from a double: JSON has no such numbers.
                return NODES.nullNode();
            }
        }

        @Override
        public JsonNode visitMap(Map<String, Document> members) {
            ObjectNode object = NODES.objectNode();
            members.forEach((name, value) -> object.set(name, value == null ? NODES.nullNode() : value.accept(this)));
            return object;
        }

        @Override
        public JsonNode visitList(List<Document> items) {
            ArrayNode array = NODES.arrayNode(items.size());
            items.forEach(item -> array.add(item == null ? NODES.nullNode() : item.accept(this)));
            return array;
        }
    }
}
