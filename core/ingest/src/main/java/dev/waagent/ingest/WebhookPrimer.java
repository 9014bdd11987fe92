package dev.waagent.ingest;

import dev.waagent.lambda.Primer;
import dev.waagent.whatsapp.MetaSignatureVerifier;
import dev.waagent.whatsapp.WhatsAppWebhookParser;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;

/** Warms the webhook's hot path: signature check, delivery parsing and the JSON of its answers. No network. */
@Singleton
public class WebhookPrimer implements Primer {

    private static final byte[] SAMPLE = ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"0\",\"changes\":[{\"value\":"
            + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"0\",\"phone_number_id\":\"0\"},"
            + "\"contacts\":[{\"profile\":{\"name\":\"P\"},\"wa_id\":\"0\"}],\"messages\":[{\"from\":\"0\",\"id\":\"wamid.prime\","
            + "\"timestamp\":\"0\",\"type\":\"text\",\"text\":{\"body\":\"priming\"}}],\"statuses\":[{\"id\":\"wamid.out\","
            + "\"status\":\"delivered\",\"timestamp\":\"0\",\"recipient_id\":\"0\"}]},\"field\":\"messages\"}]}]}")
            .getBytes(StandardCharsets.UTF_8);

    private final WhatsAppWebhookParser parser;
    private final MetaSignatureVerifier verifier;
    private final JsonMapper json;

    public WebhookPrimer(WhatsAppWebhookParser parser, MetaSignatureVerifier verifier, JsonMapper json) {
        this.parser = parser;
        this.verifier = verifier;
        this.json = json;
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public void prime() throws Exception {
        String signature = MetaSignatureVerifier.sign(SAMPLE, "priming-secret");
        if (!verifier.verify(SAMPLE, signature, "priming-secret")) {
            throw new IllegalStateException("signature check failed while priming");
        }
        parser.parseDelivery(SAMPLE);
        json.writeValueAsString(new IngestResult(200, null, null, 1, 0, 1, 0, 0));
        json.writeValueAsString(new ErrorBody("invalid_signature", "priming"));
    }
}
