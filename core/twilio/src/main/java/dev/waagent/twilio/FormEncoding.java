package dev.waagent.twilio;

import dev.waagent.domain.channel.MalformedPayloadException;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code application/x-www-form-urlencoded} as Twilio sends and accepts it: {@code name=value} pairs joined by
 * {@code &}, {@code +} for a space, {@code %XX} for a UTF-8 byte.
 * <p>
 * Decoding is strict where a lenient decoder would guess: a {@code %} not followed by two hex digits, or bytes that
 * are not UTF-8 once unescaped, make the body malformed. Repeated names keep every value in arrival order (the
 * signature covers all of them). Empty segments ({@code a=1&&b=2}) are skipped and a segment without {@code =} is a
 * name with an empty value, as browsers and Twilio's SDKs read it. Error messages name byte positions only, never
 * content.
 */
public final class FormEncoding {

    private FormEncoding() {
    }

    /**
     * Decodes a form body.
     *
     * @param body the raw bytes; {@code null} or empty gives an empty map
     * @return names in first-appearance order, each with its values in arrival order (unmodifiable)
     * @throws MalformedPayloadException on a broken percent-escape or invalid UTF-8
     */
    public static Map<String, List<String>> decode(byte[] body) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (body == null || body.length == 0) {
            return Collections.unmodifiableMap(params);
        }
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '&') {
                if (i > start) {
                    int equals = indexOf(body, (byte) '=', start, i);
                    String name = component(body, start, equals < 0 ? i : equals);
                    String value = equals < 0 ? "" : component(body, equals + 1, i);
                    params.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
                }
                start = i + 1;
            }
        }
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        params.forEach((name, values) -> frozen.put(name, List.copyOf(values)));
        return Collections.unmodifiableMap(frozen);
    }

    /** Encodes parameters in map order (UTF-8, space as {@code +}); the inverse of {@link #decode(byte[])}. */
    public static String encode(Map<String, List<String>> params) {
        Objects.requireNonNull(params, "params");
        StringBuilder out = new StringBuilder();
        params.forEach((name, values) -> {
            for (String value : values) {
                if (out.length() > 0) {
                    out.append('&');
                }
                out.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8));
            }
        });
        return out.toString();
    }

    /** Single-valued parameters in map order; convenience for building requests. */
    public static String encodeSingle(Map<String, String> params) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        params.forEach((name, value) -> multi.put(name, List.of(value == null ? "" : value)));
        return encode(multi);
    }

    private static int indexOf(byte[] body, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (body[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static String component(byte[] body, int from, int to) {
        byte[] out = new byte[to - from];
        int length = 0;
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                out[length++] = ' ';
            } else if (b == '%') {
                if (i + 2 >= to) {
                    throw new MalformedPayloadException("form body has an incomplete percent-escape at byte " + i);
                }
                int high = Character.digit(body[i + 1], 16);
                int low = Character.digit(body[i + 2], 16);
                if (high < 0 || low < 0) {
                    throw new MalformedPayloadException("form body has an invalid percent-escape at byte " + i);
                }
                out[length++] = (byte) ((high << 4) | low);
                i += 2;
            } else {
                out[length++] = b;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedPayloadException("form body is not UTF-8 between bytes " + from + " and " + to, e);
        }
    }
}
