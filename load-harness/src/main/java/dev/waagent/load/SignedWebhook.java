package dev.waagent.load;

/**
 * One Meta delivery ready to post: the exact bytes and their {@code X-Hub-Signature-256} value. Replays post the same
 * object again, as Meta does when it retries.
 *
 * @param wamid         the message id inside the body, unique per simulated message
 * @param customerId    the customer's {@code wa_id} ({@code from})
 * @param phoneNumberId the tenant's {@code metadata.phone_number_id}
 * @param body          the raw JSON bytes that were signed
 * @param signature     {@code sha256=…} over {@code body}
 */
public record SignedWebhook(String wamid, String customerId, String phoneNumberId, byte[] body, String signature) {
}
