package dev.waagent.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waagent.whatsapp.MetaSignatureVerifier;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookPayloadsTest {

    private static final Tenant PUNE = new Tenant("pune-cameras", "Pune Camera Rentals", "whatsapp", "111000111",
            "+91 20 0000 0000");
    private final WebhookPayloads payloads = new WebhookPayloads("s3cret", "12345");

    @Test
    void theSignedBodyVerifiesWithTheProjectsVerifierAndNotWithAnotherSecret() {
        SignedWebhook webhook = payloads.message(PUNE, 7, 2, 1_700_000_000L);

        MetaSignatureVerifier verifier = new MetaSignatureVerifier();
        assertThat(verifier.verify(webhook.body(), webhook.signature(), "s3cret")).isTrue();
        assertThat(verifier.verify(webhook.body(), webhook.signature(), "other")).isFalse();
        assertThat(webhook.signature()).startsWith("sha256=").hasSize(7 + 64);
    }

    @Test
    void theBodyIsAMetaCloudApiTextMessageDeliveryForTheTenantsNumber() throws Exception {
        SignedWebhook webhook = payloads.message(PUNE, 7, 2, 1_700_000_000L);

        JsonNode root = new ObjectMapper().readTree(webhook.body());
        assertThat(root.path("object").asText()).isEqualTo("whatsapp_business_account");
        JsonNode change = root.path("entry").path(0).path("changes").path(0);
        assertThat(change.path("field").asText()).isEqualTo("messages");
        JsonNode value = change.path("value");
        assertThat(value.path("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(value.path("metadata").path("phone_number_id").asText()).isEqualTo("111000111");
        assertThat(value.path("contacts").path(0).path("wa_id").asText()).isEqualTo(webhook.customerId());
        JsonNode message = value.path("messages").path(0);
        assertThat(message.path("from").asText()).isEqualTo(webhook.customerId()).matches("\\d{13}");
        assertThat(message.path("id").asText()).isEqualTo(webhook.wamid()).startsWith("wamid.");
        assertThat(message.path("timestamp").asText()).isEqualTo("1700000000");
        assertThat(message.path("type").asText()).isEqualTo("text");
        assertThat(message.path("text").path("body").asText()).isNotBlank();
        assertThat(webhook.phoneNumberId()).isEqualTo("111000111");
    }

    @Test
    void everyCustomerAndMessageGetsItsOwnWamidAndCustomersTheirOwnNumber() {
        Set<String> wamids = new HashSet<>();
        Set<String> customers = new HashSet<>();
        for (int c = 0; c < 50; c++) {
            for (int m = 0; m < 20; m++) {
                wamids.add(payloads.message(PUNE, c, m, 1L).wamid());
            }
            customers.add(payloads.customerId(c));
        }
        assertThat(wamids).hasSize(1_000);
        assertThat(customers).hasSize(50);
        assertThat(new WebhookPayloads("s3cret", "54321").wamid(0, 0)).isNotEqualTo(payloads.wamid(0, 0));
    }

    @Test
    void theRunTagMustBeFiveDigits() {
        assertThatThrownBy(() -> new WebhookPayloads("s", "12ab5")).isInstanceOf(IllegalArgumentException.class);
    }
}
