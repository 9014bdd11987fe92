package dev.waagent.backoffice;

import dev.waagent.backoffice.internal.ApiKeyRepository;
import dev.waagent.backoffice.internal.ApiKeyRow;
import dev.waagent.backoffice.internal.TenantRepository;
import dev.waagent.domain.TimeSource;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Per-tenant admin API keys. A key reads {@code wak_<id>_<secret>}: the id finds the row, the secret is checked
 * against a salted SHA-256 kept in its place, compared in constant time. The secret is shown once, when issued,
 * and never stored or logged.
 */
@Singleton
public class ApiKeyService {

    public static final String PREFIX = "wak_";
    private static final int ID_LENGTH = 16;
    private static final char[] ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Checked when no key has the presented id, so an unknown id costs the same as a wrong secret. */
    private static final byte[] DUMMY_SALT = new byte[16];

    private final ApiKeyRepository keys;
    private final TenantRepository tenants;
    private final TimeSource time;

    public ApiKeyService(ApiKeyRepository keys, TenantRepository tenants, TimeSource time) {
        this.keys = keys;
        this.tenants = tenants;
        this.time = time;
    }

    /** Issues a key; the returned view's {@code key} is the only copy of the secret. */
    public ApiKeyView issue(String tenantId, String name, List<String> scopeNames) {
        if (!tenants.existsById(tenantId)) {
            throw new NotFoundException("no tenant " + tenantId);
        }
        if (name == null || name.isBlank() || name.length() > 120) {
            throw new InvalidInputException("name", "is required (at most 120 characters)");
        }
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (String scopeName : scopeNames) {
            scopes.add(ApiScope.parse(scopeName).orElseThrow(() -> new InvalidInputException("scopes",
                    "unknown scope " + scopeName + " (use " + Arrays.stream(ApiScope.values()).map(ApiScope::wireName)
                            .collect(Collectors.joining(", ")) + ")")));
        }
        String id = randomId();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        ApiKeyRow row = new ApiKeyRow(id, tenantId, name.strip(), wire(scopes), salt, hash(salt, secretText), now(), null);
        keys.save(row);
        return view(row, PREFIX + id + "_" + secretText);
    }

    public List<ApiKeyView> list(String tenantId) {
        if (!tenants.existsById(tenantId)) {
            throw new NotFoundException("no tenant " + tenantId);
        }
        return keys.findByTenantIdOrderByCreatedAt(tenantId).stream().map(row -> view(row, null)).toList();
    }

    public void revoke(String tenantId, String keyId) {
        if (keys.revoke(keyId, tenantId, now()) == 0) {
            throw new NotFoundException("no active key " + keyId);
        }
    }

    /** The key's principal when {@code presented} is a valid, unrevoked key; empty otherwise (never says why). */
    public Optional<ApiKeyPrincipal> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() < PREFIX.length() + ID_LENGTH + 2
                || presented.charAt(PREFIX.length() + ID_LENGTH) != '_') {
            return Optional.empty();
        }
        String id = presented.substring(PREFIX.length(), PREFIX.length() + ID_LENGTH);
        String secret = presented.substring(PREFIX.length() + ID_LENGTH + 1);
        Optional<ApiKeyRow> row = keys.findByIdAndRevokedAtIsNull(id);
        byte[] expected = row.map(ApiKeyRow::secretHash).orElse(new byte[32]);
        byte[] actual = hash(row.map(ApiKeyRow::salt).orElse(DUMMY_SALT), secret);
        if (!MessageDigest.isEqual(expected, actual) || row.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ApiKeyPrincipal(id, row.get().tenantId(), scopes(row.get().scopes())));
    }

    private static Set<ApiScope> scopes(String stored) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (String name : stored.split(",")) {
            ApiScope.parse(name.strip()).ifPresent(scopes::add);
        }
        return scopes;
    }

    private static String wire(Set<ApiScope> scopes) {
        return scopes.stream().map(ApiScope::wireName).collect(Collectors.joining(","));
    }

    private static ApiKeyView view(ApiKeyRow row, String key) {
        return new ApiKeyView(row.id(), row.tenantId(), row.name(),
                scopes(row.scopes()).stream().map(ApiScope::wireName).toList(), row.createdAt(), row.revokedAt(), key);
    }

    private static byte[] hash(byte[] salt, String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            return digest.digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String randomId() {
        char[] id = new char[ID_LENGTH];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)];
        }
        return new String(id);
    }

    /** Databases keep microseconds: what is returned must equal what a later read gives. */
    private Instant now() {
        return time.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
