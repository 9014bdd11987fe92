package dev.waagent.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Meta's OpenAPI schema of the messages endpoint (fixtures/meta/openapi-v23, v23.0), as a JSON Schema 2020-12
 * validator (networknt json-schema-validator, OpenAPI 3.1 dialect).
 * <p>
 * One correction is applied, without which the schema refuses every one of Meta's own request examples: its generator
 * put {@code additionalProperties: false} inside the second {@code allOf} branch of each message type, which in JSON
 * Schema forbids the common members ({@code messaging_product}, {@code to}, …) declared in the first branch. The
 * intended rule (no members beyond those declared) is kept by moving it to {@code unevaluatedProperties: false} on
 * the composing schema, which sees both branches.
 * <p>
 * Two schemas the {@code Message} union does not reach are applied too, where Meta's limits live:
 * {@code TextMessage_1} (body ≤ 4096) to {@code text}, and {@code MediaObject_1} (caption ≤ 1024) to {@code image}.
 * Read receipts are checked against {@code MarkMessageRequestPayload}.
 */
final class MetaSendSchema {

    private static final MetaSendSchema INSTANCE = new MetaSendSchema();

    private final JsonSchema message;
    private final JsonSchema markRead;
    private final JsonSchema textObject;
    private final JsonSchema imageObject;

    private MetaSendSchema() {
        try {
            JsonNode document = new YAMLMapper().readTree(MetaFixtures.meta().resolve("openapi-v23/business-messaging-api_v23.0.yaml").toFile());
            correctClosedAllOfBranches((ObjectNode) document.at("/components/schemas"));
            Path json = Files.createTempFile("meta-openapi-v23-", ".json");
            json.toFile().deleteOnExit();
            new ObjectMapper().writeValue(json.toFile(), document);
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                    builder -> builder.metaSchema(OpenApi31.getInstance()).defaultMetaSchemaIri(OpenApi31.getInstance().getIri()));
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().build();
            message = factory.getSchema(SchemaLocation.of(json.toUri() + "#/components/schemas/Message"), config);
            markRead = factory.getSchema(SchemaLocation.of(json.toUri() + "#/components/schemas/MarkMessageRequestPayload"), config);
            textObject = factory.getSchema(SchemaLocation.of(json.toUri() + "#/components/schemas/TextMessage_1"), config);
            imageObject = factory.getSchema(SchemaLocation.of(json.toUri() + "#/components/schemas/MediaObject_1"), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MetaSendSchema get() {
        return INSTANCE;
    }

    /** What the schema refuses in a messages-endpoint request body; empty when it conforms. */
    List<String> refusals(JsonNode request) {
        List<String> out = new ArrayList<>();
        if (request.has("status")) {
            add(out, markRead.validate(request));
            return out;
        }
        add(out, message.validate(request));
        if (request.has("text")) {
            add(out, textObject.validate(request.get("text")));
        }
        if (request.has("image")) {
            add(out, imageObject.validate(request.get("image")));
        }
        return out;
    }

    private static void add(List<String> out, java.util.Set<ValidationMessage> messages) {
        messages.forEach(message -> out.add(message.getMessage()));
    }

    private static void correctClosedAllOfBranches(ObjectNode schemas) {
        Iterator<Map.Entry<String, JsonNode>> entries = schemas.fields();
        while (entries.hasNext()) {
            JsonNode schema = entries.next().getValue();
            JsonNode allOf = schema.get("allOf");
            if (allOf == null) {
                continue;
            }
            boolean closed = false;
            for (JsonNode branch : allOf) {
                JsonNode additional = branch.get("additionalProperties");
                if (additional != null && additional.isBoolean() && !additional.booleanValue()) {
                    ((ObjectNode) branch).remove("additionalProperties");
                    closed = true;
                }
            }
            if (closed) {
                ((ObjectNode) schema).put("unevaluatedProperties", false);
            }
        }
    }
}
