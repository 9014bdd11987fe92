package dev.waagent.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The shared Twilio fixtures ({@code fixtures/twilio}): where they are, what kind each file is, and how to read it,
 * so every file is exercised by the component it belongs to and a new file without a kind fails the build.
 */
final class TwilioFixtures {

    enum Kind {
        /** A raw {@code application/x-www-form-urlencoded} webhook body, byte-exact. */
        FORM_BODY,
        /** The same parameters as a JSON object (chatwoot's specs, transcribed). */
        PARAMS_JSON,
        /** An ngrep-style dump of a whole webhook request (every header line ends with "."). */
        HTTP_DUMP,
        /** X-Twilio-Signature test vectors. */
        SIGNATURE_VECTORS,
        /** Prose: SOURCES.md. */
        REFERENCE,
        UNCLASSIFIED
    }

    /** A parsed HTTP dump: request line, headers, body bytes. */
    record HttpDump(String requestLine, Map<String, String> headers, byte[] body) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path ROOT = resolveRoot();

    private TwilioFixtures() {
    }

    static Path twilio() {
        return ROOT.resolve("twilio");
    }

    private static Path resolveRoot() {
        String configured = System.getProperty("wa.fixtures.dir");
        Path path = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("../../../shared/fixtures");
        path = path.toAbsolutePath().normalize();
        if (!Files.isDirectory(path.resolve("twilio"))) {
            // The parent's default is relative to the directory Maven was started in; fall back to the repository layout.
            Path fallback = Path.of("../../../shared/fixtures").toAbsolutePath().normalize();
            if (Files.isDirectory(fallback.resolve("twilio"))) {
                return fallback;
            }
            throw new IllegalStateException("fixtures not found at " + path + " (set -Dwa.fixtures.dir)");
        }
        return path;
    }

    /** Every file under {@code twilio/}, relative with {@code /} separators, sorted. */
    static List<String> allFiles() {
        try (Stream<Path> files = Files.walk(twilio())) {
            return files.filter(Files::isRegularFile)
                    .map(file -> twilio().relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every webhook request under {@code twilio/inbound/}, whatever its form. */
    static List<String> inboundFiles() {
        return allFiles().stream().filter(file -> file.startsWith("inbound/")).toList();
    }

    static Kind kindOf(String file) {
        if (file.equals("SOURCES.md")) {
            return Kind.REFERENCE;
        }
        if (file.equals("signature/vectors.json")) {
            return Kind.SIGNATURE_VECTORS;
        }
        if (file.startsWith("inbound/")) {
            if (file.endsWith(".form")) {
                return Kind.FORM_BODY;
            }
            if (file.endsWith(".http.txt")) {
                return Kind.HTTP_DUMP;
            }
            if (file.endsWith(".json")) {
                return Kind.PARAMS_JSON;
            }
        }
        return Kind.UNCLASSIFIED;
    }

    static byte[] read(String relative) {
        try {
            return Files.readAllBytes(twilio().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String relative) {
        try {
            return MAPPER.readTree(read(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON object of parameters as the multi-valued map the parser takes (scalars as text). */
    static Map<String, List<String>> paramsFromJson(String relative) {
        JsonNode root = json(relative);
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            params.put(field.getKey(), List.of(field.getValue().asText()));
        }
        return params;
    }

    /** Reads an ngrep-style dump: header lines end with "." (a line of just "." ends the headers); the body is as is. */
    static HttpDump httpDump(String relative) {
        String text = new String(read(relative), StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        String requestLine = dotless(lines[0]);
        Map<String, String> headers = new LinkedHashMap<>();
        int i = 1;
        for (; i < lines.length && !lines[i].equals("."); i++) {
            String line = dotless(lines[i]);
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        List<String> bodyLines = new ArrayList<>();
        for (i++; i < lines.length; i++) {
            bodyLines.add(lines[i]);
        }
        String body = String.join("\n", bodyLines);
        while (body.endsWith("\n")) {
            body = body.substring(0, body.length() - 1);
        }
        return new HttpDump(requestLine, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The raw form body a fixture holds ({@code .form} as is, the body of an {@code .http.txt}). */
    static byte[] formBody(String relative) {
        return switch (kindOf(relative)) {
            case FORM_BODY -> read(relative);
            case HTTP_DUMP -> httpDump(relative).body();
            default -> throw new IllegalArgumentException(relative + " holds no form body");
        };
    }

    /** The decoded parameters of any inbound fixture. */
    static Map<String, List<String>> params(String relative) {
        return kindOf(relative) == Kind.PARAMS_JSON ? paramsFromJson(relative) : FormEncoding.decode(formBody(relative));
    }

    private static String dotless(String line) {
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
