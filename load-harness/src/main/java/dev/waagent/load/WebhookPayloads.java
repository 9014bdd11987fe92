package dev.waagent.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.waagent.whatsapp.MetaSignatureVerifier;

import java.util.List;

/**
 * Builds Meta Cloud API deliveries ({@code object: whatsapp_business_account}, one entry, one {@code messages} change,
 * one text message) and signs them with {@link MetaSignatureVerifier#sign}. Ids are deterministic from the run tag,
 * the customer number and the message number, so every simulated message has its own wamid.
 */
public final class WebhookPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Plain customer questions; the content does not matter to the 0 ms responder, but reads like real traffic. */
    private static final List<String> TEXTS = List.of(
            "Hi, is this available this weekend?",
            "What are your opening hours?",
            "How much for three days?",
            "Do you deliver?",
            "Can I pay by UPI or bank transfer?",
            "Is the price negotiable?",
            "Thanks! One more question please",
            "Where exactly is your shop?");

    private final String appSecret;
    private final String runTag;

    /**
     * @param appSecret the Meta app secret the runtime verifies with
     * @param runTag    five digits that make this run's customer numbers and wamids unique on a shared runtime
     */
    public WebhookPayloads(String appSecret, String runTag) {
        if (runTag == null || !runTag.matches("\\d{5}")) {
            throw new IllegalArgumentException("runTag must be five digits");
        }
        this.appSecret = appSecret;
        this.runTag = runTag;
    }

    /** The {@code wa_id} of simulated customer {@code index}: 13 digits, {@code 99} + run tag + index. */
    public String customerId(int index) {
        if (index < 0 || index > 99_999) {
            throw new IllegalArgumentException("customer index out of range: " + index);
        }
        return "99" + runTag + String.format("%06d", index);
    }

    public String wamid(int customerIndex, int sequence) {
        return "wamid.LOAD" + runTag + "C" + customerIndex + "M" + sequence;
    }

    /**
     * @param tenant        the tenant whose number the customer writes to
     * @param customerIndex the simulated customer
     * @param sequence      the customer's message number, from 0
     * @param epochSeconds  the message timestamp
     */
    public SignedWebhook message(Tenant tenant, int customerIndex, int sequence, long epochSeconds) {
        String customerId = customerId(customerIndex);
        String wamid = wamid(customerIndex, sequence);

        ObjectNode root = JSON.createObjectNode();
        root.put("object", "whatsapp_business_account");
        ObjectNode entry = root.putArray("entry").addObject();
        entry.put("id", "waba-" + tenant.id());
        ObjectNode change = entry.putArray("changes").addObject();
        ObjectNode value = change.putObject("value");
        value.put("messaging_product", "whatsapp");
        ObjectNode metadata = value.putObject("metadata");
        metadata.put("display_phone_number", tenant.displayPhoneNumber() == null ? "" : tenant.displayPhoneNumber());
        metadata.put("phone_number_id", tenant.phoneNumberId());
        ObjectNode contact = value.putArray("contacts").addObject();
        contact.putObject("profile").put("name", "Load Customer " + customerIndex);
        contact.put("wa_id", customerId);
        ObjectNode message = value.putArray("messages").addObject();
        message.put("from", customerId);
        message.put("id", wamid);
        message.put("timestamp", Long.toString(epochSeconds));
        message.put("type", "text");
        message.putObject("text").put("body", TEXTS.get((customerIndex + sequence) % TEXTS.size()));
        change.put("field", "messages");

        byte[] body;
        try {
            body = JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a webhook payload", e);
        }
        return new SignedWebhook(wamid, customerId, tenant.phoneNumberId(), body, MetaSignatureVerifier.sign(body, appSecret));
    }
}
