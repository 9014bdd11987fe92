package dev.waagent.whatsapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The shared Meta fixtures ({@code fixtures/meta}), each file given the role it plays, so that every file is tested by
 * the component it belongs to and a new file without a role fails the build.
 */
final class MetaFixtures {

    enum Role {
        /** A webhook POST body Meta sends (complete or, for typebot, partial). */
        DELIVERY,
        /** A delivery that is broken on purpose (invalid JSON as published). */
        INVALID_DELIVERY,
        /** pywa's original files: a JSON object of named deliveries. */
        DELIVERY_COLLECTION,
        /** A webhook {@code errors[]} item or a bare Graph error object. */
        ERROR_OBJECT,
        /** A Graph API error response body {@code {"error":{…}}}. */
        GRAPH_ERROR_RESPONSE,
        /** A messages-endpoint request body. */
        SEND_REQUEST,
        /** A request to another endpoint (two-step verification PIN): must not pass as a messages body. */
        OTHER_ENDPOINT_REQUEST,
        /** A messages-endpoint success response. */
        SEND_RESPONSE,
        /** A media-endpoint response (upload, URL lookup): not a messages call. */
        MEDIA_RESPONSE,
        /** Signature vector files (bodies and vector.txt). */
        SIGNATURE_VECTOR,
        /** Prose and specs: SOURCES.md, EXCERPTS.md, the OpenAPI YAML, the verification samples. */
        REFERENCE,
        UNCLASSIFIED
    }

    private static final Path ROOT = resolveRoot();

    private MetaFixtures() {
    }

    /** {@code fixtures/} as set by surefire ({@code wa.fixtures.dir}), else relative to the module directory. */
    static Path root() {
        return ROOT;
    }

    static Path meta() {
        return ROOT.resolve("meta");
    }

    private static Path resolveRoot() {
        String configured = System.getProperty("wa.fixtures.dir");
        Path path = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("../../../shared/fixtures");
        path = path.toAbsolutePath().normalize();
        if (!Files.isDirectory(path.resolve("meta"))) {
            throw new IllegalStateException("fixtures not found at " + path + " (set -Dwa.fixtures.dir)");
        }
        return path;
    }

    /** Every file under {@code meta/}, as a path relative to {@code meta/} with {@code /} separators, sorted. */
    static List<String> allFiles() {
        try (Stream<Path> files = Files.walk(meta())) {
            return files.filter(Files::isRegularFile)
                    .map(file -> meta().relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> filesWithRole(Role role) {
        return allFiles().stream().filter(file -> roleOf(file) == role).toList();
    }

    static byte[] read(String relative) {
        try {
            return Files.readAllBytes(meta().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String readString(String relative) {
        return new String(read(relative), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Role by location and name, following fixtures/README.md and meta/SOURCES.md. */
    static Role roleOf(String file) {
        String dir = file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : "";
        String name = file.substring(file.lastIndexOf('/') + 1);
        if (dir.startsWith("signature/")) {
            return Role.SIGNATURE_VECTOR;
        }
        if (name.endsWith(".md") || name.endsWith(".yaml") || dir.equals("verification")) {
            return Role.REFERENCE;
        }
        if (!name.endsWith(".json")) {
            return Role.UNCLASSIFIED;
        }
        return switch (dir) {
            case "bindambc-java/webhook" -> name.equals("textMessageStatusRead.json") ? Role.INVALID_DELIVERY : Role.DELIVERY;
            case "docs-meta", "netflie-php", "openapi-v23/webhook-examples", "typebot" -> Role.DELIVERY;
            case "pywa" -> {
                if (name.startsWith("message__") || name.startsWith("message_status__") || name.startsWith("callback_")
                        || name.startsWith("system__")) {
                    yield Role.DELIVERY;
                }
                yield name.startsWith("error_object__") ? Role.ERROR_OBJECT : Role.UNCLASSIFIED;
            }
            case "pywa/original" -> Role.DELIVERY_COLLECTION;
            case "docs-meta/send" -> {
                if (name.endsWith("_request.json")) {
                    yield Role.SEND_REQUEST;
                }
                if (name.startsWith("error_response")) {
                    yield Role.GRAPH_ERROR_RESPONSE;
                }
                yield name.endsWith("_response.json") ? Role.SEND_RESPONSE : Role.UNCLASSIFIED;
            }
            case "openapi-v23/send-request-examples" -> Role.SEND_REQUEST;
            // expectedMessage18 is the two-step verification body {"pin": …}, posted to /{phone-number-id}.
            case "bindambc-java/send-request" -> name.equals("expectedMessage18.json") ? Role.OTHER_ENDPOINT_REQUEST : Role.SEND_REQUEST;
            case "openapi-v23/send-response-examples" -> Role.SEND_RESPONSE;
            case "bindambc-java/send-response" -> switch (name) {
                case "message.json", "reponse.json" -> Role.SEND_RESPONSE;
                case "media.json", "uploadResponse.json" -> Role.MEDIA_RESPONSE;
                default -> Role.UNCLASSIFIED;
            };
            case "bindambc-java/send-error" -> Role.GRAPH_ERROR_RESPONSE;
            default -> Role.UNCLASSIFIED;
        };
    }

    /** "directory role" → count, for the census test. */
    static Map<String, Integer> census() {
        Map<String, Integer> counts = new TreeMap<>();
        for (String file : allFiles()) {
            String dir = file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : ".";
            counts.merge(dir + " " + roleOf(file), 1, Integer::sum);
        }
        return counts;
    }
}
