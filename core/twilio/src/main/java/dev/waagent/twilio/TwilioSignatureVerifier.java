package dev.waagent.twilio;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks Twilio's {@code X-Twilio-Signature} header: the base64 of HMAC-SHA1, keyed with the account's auth token,
 * over the URL Twilio called (scheme, host, path and query exactly as configured in Twilio) followed by every POST
 * parameter sorted by name (then by value for a repeated name), each written as name then value with no separator.
 * <ul>
 *   <li><b>URL.</b> Twilio signs the public URL it called. Behind a proxy or API Gateway the scheme, host and path the
 *       application sees differ, so callers pass the configured public URL, never one rebuilt from request headers.</li>
 *   <li><b>Ports.</b> Twilio has been inconsistent about the port in the signed URL, and its own validators accept
 *       either: the URL as given and the URL without its port when it has one, or with the scheme's standard port
 *       (443/80) added when it has none. This verifier accepts the same variants, and no others.</li>
 *   <li><b>Repeated names.</b> Sorted by value within the name. Twilio's Python validator also drops exact duplicate
 *       pairs; when a body has some, both readings are accepted.</li>
 *   <li><b>JSON bodies</b> ({@link #checkJsonBody}): Twilio adds {@code bodySHA256=<hex sha256 of the body>} to the
 *       URL and signs the URL alone; the hash must match the raw bytes.</li>
 * </ul>
 * Every candidate digest is computed and compared in constant time. Stateless and thread-safe. Never logs.
 */
public final class TwilioSignatureVerifier {

    public static final String HEADER = "X-Twilio-Signature";
    /** Query parameter carrying the hex SHA-256 of a JSON body. */
    public static final String BODY_HASH_PARAM = "bodySHA256";

    private static final String ALGORITHM = "HmacSHA1";
    private static final int DIGEST_LENGTH = 20;
    private static final HexFormat HEX = HexFormat.of();

    /** Why a signature was accepted or refused; callers may count these, never log the header or token. */
    public enum Outcome {
        VALID,
        /** No header, or an empty one. */
        MISSING,
        /** Not the base64 of a 20-byte digest. */
        MALFORMED,
        /** Well-formed, but not the signature of this URL and these parameters with this token. */
        MISMATCH
    }

    /**
     * Checks a form-encoded request.
     *
     * @param url         the public URL Twilio called, query string included
     * @param params      the decoded POST parameters, every value of every name (see {@link FormEncoding#decode})
     * @param headerValue the {@code X-Twilio-Signature} value, or {@code null}
     * @param authToken   the account's auth token
     * @throws IllegalArgumentException when the auth token or URL is missing: a configuration error, not a bad request
     */
    public Outcome check(String url, Map<String, List<String>> params, String headerValue, String authToken) {
        requireConfig(url, authToken);
        if (headerValue == null || headerValue.isBlank()) {
            return Outcome.MISSING;
        }
        byte[] expected = decodeHeader(headerValue);
        if (expected == null) {
            return Outcome.MALFORMED;
        }
        Map<String, List<String>> safeParams = params == null ? Map.of() : params;
        boolean matches = false;
        for (String candidateUrl : urlVariants(url)) {
            for (String parameters : parameterStrings(safeParams)) {
                // Non-short-circuit: every candidate is computed and compared.
                matches |= MessageDigest.isEqual(expected, hmac(authToken, candidateUrl + parameters));
            }
        }
        return matches ? Outcome.VALID : Outcome.MISMATCH;
    }

    /** {@code true} only for {@link Outcome#VALID}. */
    public boolean verify(String url, Map<String, List<String>> params, String headerValue, String authToken) {
        return check(url, params, headerValue, authToken) == Outcome.VALID;
    }

    /**
     * Checks a request with a JSON (non-form) body: the URL's {@code bodySHA256} must be the hex SHA-256 of the raw
     * bytes, and the signature must cover the URL with no parameters.
     *
     * @return {@link Outcome#MISMATCH} as well when the URL carries no or a wrong {@code bodySHA256}
     */
    public Outcome checkJsonBody(String url, byte[] rawBody, String headerValue, String authToken) {
        requireConfig(url, authToken);
        Outcome signature = check(url, Map.of(), headerValue, authToken);
        if (signature != Outcome.VALID) {
            return signature;
        }
        int query = url.indexOf('?');
        int fragment = url.indexOf('#');
        if (query < 0) {
            return Outcome.MISMATCH;
        }
        String rawQuery = url.substring(query + 1, fragment > query ? fragment : url.length());
        List<String> hashes;
        try {
            hashes = FormEncoding.decode(rawQuery.getBytes(StandardCharsets.UTF_8)).getOrDefault(BODY_HASH_PARAM, List.of());
        } catch (RuntimeException e) {
            return Outcome.MISMATCH;
        }
        if (hashes.size() != 1) {
            return Outcome.MISMATCH;
        }
        byte[] actual = HEX.formatHex(sha256(rawBody == null ? new byte[0] : rawBody)).getBytes(StandardCharsets.US_ASCII);
        byte[] claimed = hashes.get(0).strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(actual, claimed) ? Outcome.VALID : Outcome.MISMATCH;
    }

    /**
     * The header value Twilio would send for this URL and these parameters (no port rewriting). For tests and local
     * stand-ins that play Twilio.
     */
    public static String sign(String url, Map<String, List<String>> params, String authToken) {
        requireConfig(url, authToken);
        return Base64.getEncoder().encodeToString(hmac(authToken, stringToSign(url, params == null ? Map.of() : params)));
    }

    /** The string Twilio signs: the URL, then each parameter sorted by name then value, as name+value. */
    static String stringToSign(String url, Map<String, List<String>> params) {
        return url + parameterString(params, false);
    }

    /** The URL as given plus the port variants Twilio's validators accept, without duplicates. */
    static List<String> urlVariants(String url) {
        Set<String> variants = new LinkedHashSet<>();
        variants.add(url);
        int schemeEnd = url.indexOf("://");
        if (schemeEnd > 0) {
            String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
            int authorityStart = schemeEnd + 3;
            int authorityEnd = authorityStart;
            while (authorityEnd < url.length() && "/?#".indexOf(url.charAt(authorityEnd)) < 0) {
                authorityEnd++;
            }
            String authority = url.substring(authorityStart, authorityEnd);
            int hostStart = authority.lastIndexOf('@') + 1;
            int portColon = portColon(authority, hostStart);
            String prefix = url.substring(0, authorityStart);
            String suffix = url.substring(authorityEnd);
            if (portColon >= 0) {
                variants.add(prefix + authority.substring(0, portColon) + suffix);
            } else if (scheme.equals("https") || scheme.equals("http")) {
                variants.add(prefix + authority + (scheme.equals("https") ? ":443" : ":80") + suffix);
            }
        }
        return new ArrayList<>(variants);
    }

    /** Index of the colon before the port in an authority, or -1 (IPv6 literals are bracketed). */
    private static int portColon(String authority, int hostStart) {
        int colon = authority.lastIndexOf(':');
        int bracket = authority.lastIndexOf(']');
        if (colon < hostStart || colon < bracket) {
            return -1;
        }
        return colon;
    }

    /** The sorted parameter string, and its duplicate-free reading when the body repeats a pair exactly. */
    private static List<String> parameterStrings(Map<String, List<String>> params) {
        String all = parameterString(params, false);
        String distinct = parameterString(params, true);
        return all.equals(distinct) ? List.of(all) : List.of(all, distinct);
    }

    private static String parameterString(Map<String, List<String>> params, boolean distinctPairs) {
        List<String> names = new ArrayList<>(params.keySet());
        names.sort(null);
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            List<String> values = new ArrayList<>(params.getOrDefault(name, List.of()));
            values.replaceAll(value -> value == null ? "" : value);
            values.sort(null);
            String previous = null;
            for (String value : values) {
                if (distinctPairs && value.equals(previous)) {
                    continue;
                }
                out.append(name).append(value);
                previous = value;
            }
        }
        return out.toString();
    }

    private static byte[] decodeHeader(String headerValue) {
        try {
            byte[] digest = Base64.getDecoder().decode(headerValue.strip());
            return digest.length == DIGEST_LENGTH ? digest : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void requireConfig(String url, String authToken) {
        if (authToken == null || authToken.isEmpty()) {
            throw new IllegalArgumentException("auth token is missing");
        }
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("signed URL is missing");
        }
    }

    private static byte[] hmac(String key, String data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is unavailable", e);
        }
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
