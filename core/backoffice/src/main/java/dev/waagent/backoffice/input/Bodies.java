package dev.waagent.backoffice.input;

import dev.waagent.backoffice.InvalidInputException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads request and import bodies strictly: JSON (a tree, or an array of objects) and UTF-8 text. Malformed input is an {@link InvalidInputException}. */
@Singleton
public class Bodies {

    private final JsonMapper json;

    public Bodies(JsonMapper json) {
        this.json = json;
    }

    public List<JsonNode> jsonArray(byte[] body) {
        JsonNode root = jsonTree(body);
        if (!root.isArray()) {
            throw new InvalidInputException("", "the JSON file must be an array of objects");
        }
        List<JsonNode> rows = new ArrayList<>();
        root.values().forEach(rows::add);
        return rows;
    }

    public JsonNode jsonTree(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("", "the body is empty");
        }
        try {
            return json.readValue(body, JsonNode.class);
        } catch (IOException e) {
            throw new InvalidInputException("", "malformed JSON: " + firstLine(e.getMessage()));
        }
    }

    public String utf8(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("", "the body is empty");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("", "the file is not UTF-8 text");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
