package dev.waagent.twilio;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Twilio account's REST credentials, as one secret value {@code AccountSid:AuthToken}
 * (e.g. {@code ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx:your_auth_token}), the same shape as HTTP basic credentials.
 * <p>
 * A Twilio tenant's {@code accessTokenRef} names a secret holding this value: the account SID goes into the Messages
 * API path and the basic-auth user, the auth token is the password and also the key Twilio signs webhooks with. The
 * webhook side also accepts a bare auth token ({@link #authTokenOf}) for a tenant whose {@code appSecretRef} names a
 * secret holding only the token. {@link #toString()} never shows the token.
 */
public record TwilioAccountAuth(String accountSid, String authToken) {

    /** {@code AC} + 32 alphanumerics (hex in practice; documentation placeholders use {@code x}). */
    private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9A-Za-z]{32}");

    public TwilioAccountAuth {
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(authToken, "authToken");
        if (!ACCOUNT_SID.matcher(accountSid).matches()) {
            throw new IllegalArgumentException("account SID must be AC followed by 32 characters");
        }
        if (authToken.isBlank() || authToken.indexOf(':') >= 0) {
            throw new IllegalArgumentException("auth token must be non-blank and contain no ':'");
        }
    }

    /**
     * Reads {@code AccountSid:AuthToken} (surrounding whitespace ignored).
     *
     * @return empty when the value is not of that shape (the reason is not given: it could echo the secret)
     */
    public static Optional<TwilioAccountAuth> parse(String secretValue) {
        if (secretValue == null) {
            return Optional.empty();
        }
        String value = secretValue.strip();
        int colon = value.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TwilioAccountAuth(value.substring(0, colon), value.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The auth token held by a secret: the token part of {@code AccountSid:AuthToken}, or the whole (stripped) value
     * when it is a bare token; empty when blank.
     */
    public static Optional<String> authTokenOf(String secretValue) {
        if (secretValue == null || secretValue.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(parse(secretValue).map(TwilioAccountAuth::authToken).orElse(secretValue.strip()));
    }

    /** {@code AccountSid:AuthToken}, as stored. */
    public String secretValue() {
        return accountSid + ":" + authToken;
    }

    @Override
    public String toString() {
        return "TwilioAccountAuth[accountSid=" + accountSid + ", authToken=****]";
    }
}
