package dev.waagent.bedrock;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One Amazon Bedrock model behind the Converse API.
 *
 * @param name             the provider's configured name, reported in every
 *                         {@link dev.waagent.domain.llm.LlmResponse} and {@link dev.waagent.domain.llm.LlmException}
 * @param modelId          a foundation-model id ({@code anthropic.claude-3-5-haiku-20241022-v1:0}), an inference-profile
 *                         id ({@code us.anthropic.claude-3-5-haiku-20241022-v1:0}) or an ARN; sent URL-encoded in the path
 * @param region           the AWS region the runtime endpoint and the SigV4 signature are for ({@code us-east-1})
 * @param endpointOverride null in AWS (the SDK derives {@code https://bedrock-runtime.<region>.amazonaws.com}); a local
 *                         stub ({@code http://127.0.0.1:8089}) or a VPC endpoint otherwise. A local endpoint (plain
 *                         {@code http} or a loopback host) is called with static dummy credentials; any other endpoint
 *                         with the default credentials chain
 * @param maxTokens        completion limit for calls whose {@link dev.waagent.domain.llm.LlmRequest#maxTokens()} is not
 *                         positive
 * @param temperature      sampling temperature for calls whose request carries none (NaN or negative); Bedrock
 *                         accepts 0 to 1
 * @param defaultTimeout   the client's timeout for calls that carry none, and the socket read timeout: every call is
 *                         bounded by the smaller of it and its own {@link dev.waagent.domain.llm.LlmRequest#timeout()},
 *                         so set it at least as long as the longest turn deadline
 */
public record BedrockSettings(
        String name,
        String modelId,
        String region,
        URI endpointOverride,
        int maxTokens,
        double temperature,
        Duration defaultTimeout) {

    public BedrockSettings {
        requireText(name, "name");
        requireText(modelId, "modelId");
        modelId = modelId.strip();
        requireText(region, "region");
        region = region.strip().toLowerCase(Locale.ROOT);
        if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
            throw new IllegalArgumentException("region is not an AWS region name: " + region);
        }
        if (endpointOverride != null) {
            String scheme = endpointOverride.getScheme() == null ? "" : endpointOverride.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || endpointOverride.getHost() == null) {
                throw new IllegalArgumentException("endpointOverride must be an absolute http(s) URL: " + endpointOverride);
            }
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be at least 1: " + maxTokens);
        }
        if (!Double.isFinite(temperature) || temperature < 0 || temperature > 1) {
            throw new IllegalArgumentException("temperature must be between 0 and 1 (Bedrock's range): " + temperature);
        }
        Objects.requireNonNull(defaultTimeout, "defaultTimeout");
        if (defaultTimeout.isNegative() || defaultTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("defaultTimeout must be at least 1 ms: " + defaultTimeout);
        }
    }

    /**
     * True when calls go to a stand-in on this machine or a private network (plain {@code http}, or a loopback host):
     * such an endpoint gets static dummy credentials, so a test or the local runtime never looks up, signs with or
     * sends real AWS credentials. An {@code https} override on a real host (a VPC interface endpoint) is AWS itself
     * and uses the default chain.
     */
    public boolean usesLocalEndpoint() {
        if (endpointOverride == null) {
            return false;
        }
        if ("http".equalsIgnoreCase(endpointOverride.getScheme())) {
            return true;
        }
        String host = endpointOverride.getHost();
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        try {
            // Literal addresses only: a name is never resolved here (no DNS lookup while building settings).
            return looksLikeAddressLiteral(host) && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean looksLikeAddressLiteral(String host) {
        return host.startsWith("[") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
