package dev.waagent.whatsapp;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Checks Meta's {@code X-Hub-Signature-256} header: {@code sha256=} followed by the lowercase hex HMAC-SHA256 of the
 * raw request body, keyed with the app secret.
 * <p>
 * Always hashes the bytes as received, never a re-serialised body (Meta escapes {@code /} as {@code \/}, and any
 * re-encoding changes the bytes). Meta documents that it signs "an escaped unicode version of the payload, with
 * lowercase hex digits": when the bytes we hold contain non-ASCII characters (a proxy or framework decoded the
 * escapes, or Meta sent them raw), the signature of the {@code \}{@code uXXXX}-escaped form is accepted as well.
 * Comparison is constant-time. Stateless and thread-safe.
 */
public final class MetaSignatureVerifier {

    public static final String HEADER = "X-Hub-Signature-256";

    private static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int DIGEST_HEX_LENGTH = 64;
    private static final HexFormat HEX = HexFormat.of();

    /** Why a signature was accepted or refused; the HTTP layer may count these, never log the header or secret. */
    public enum Outcome {
        VALID,
        /** No header, or an empty one. */
        MISSING,
        /** Not {@code sha256=} + 64 hex digits. */
        MALFORMED,
        /** Well-formed, but not the signature of this body with this secret. */
        MISMATCH
    }

    /**
     * @param rawBody     the request body exactly as received
     * @param headerValue the {@code X-Hub-Signature-256} value, or {@code null} when absent
     * @param appSecret   the Meta app secret
     * @throws IllegalArgumentException when the app secret is missing: a configuration error, not a bad request
     */
    public Outcome check(byte[] rawBody, String headerValue, String appSecret) {
        if (appSecret == null || appSecret.isEmpty()) {
            throw new IllegalArgumentException("app secret is missing");
        }
        if (headerValue == null || headerValue.isBlank()) {
            return Outcome.MISSING;
        }
        byte[] expected = decodeHeader(headerValue);
        if (expected == null) {
            return Outcome.MALFORMED;
        }
        byte[] body = rawBody == null ? new byte[0] : rawBody;
        boolean matches = MessageDigest.isEqual(expected, hmac(appSecret, body));
        byte[] escaped = hasNonAscii(body) ? escapeNonAscii(body) : null;
        if (escaped != null) {
            // Non-short-circuit OR: both digests are always computed for such bodies.
            matches |= MessageDigest.isEqual(expected, hmac(appSecret, escaped));
        }
        return matches ? Outcome.VALID : Outcome.MISMATCH;
    }

    /** {@code true} only for {@link Outcome#VALID}. */
    public boolean verify(byte[] rawBody, String headerValue, String appSecret) {
        return check(rawBody, headerValue, appSecret) == Outcome.VALID;
    }

    /**
     * The header value Meta would send for these bytes ({@code sha256=} + lowercase hex). For local stand-ins and
     * tests that play Meta.
     */
    public static String sign(byte[] rawBody, String appSecret) {
        if (appSecret == null || appSecret.isEmpty()) {
            throw new IllegalArgumentException("app secret is missing");
        }
        return PREFIX + HEX.formatHex(hmac(appSecret, rawBody == null ? new byte[0] : rawBody));
    }

    /** The 32 digest bytes of a well-formed header (prefix case-insensitive, whitespace tolerated), else {@code null}. */
    private static byte[] decodeHeader(String headerValue) {
        String value = headerValue.strip();
        if (value.length() < PREFIX.length() || !value.substring(0, PREFIX.length()).toLowerCase(Locale.ROOT).equals(PREFIX)) {
            return null;
        }
        String hex = value.substring(PREFIX.length()).strip();
        if (hex.length() != DIGEST_HEX_LENGTH) {
            return null;
        }
        try {
            return HEX.parseHex(hex);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static boolean hasNonAscii(byte[] body) {
        for (byte b : body) {
            if ((b & 0xFF) > 0x7E) {
                return true;
            }
        }
        return false;
    }

    /**
     * The body with every character above {@code 0x7E} written as {@code \}{@code u} + 4 lowercase hex digits of its
     * UTF-16 code unit(s). {@code null} when the body is not valid UTF-8 (then only the raw signature can match).
     */
    private static byte[] escapeNonAscii(byte[] body) {
        CharBuffer chars;
        try {
            chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            return null;
        }
        StringBuilder out = new StringBuilder(body.length + 64);
        while (chars.hasRemaining()) {
            char c = chars.get();
            if (c <= 0x7E) {
                out.append(c);
            } else {
                out.append("\\u").append(HEX.toHexDigits(c));
            }
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
