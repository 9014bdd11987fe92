package dev.waagent.ingest;

import dev.waagent.domain.TimeSource;
import dev.waagent.whatsapp.MetaSignatureVerifier;
import dev.waagent.whatsapp.WhatsAppWebhookParser;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The channel's plain classes as beans. */
@Factory
public class IngestFactory {

    @Singleton
    WhatsAppWebhookParser whatsAppWebhookParser(TimeSource time) {
        return new WhatsAppWebhookParser(time);
    }

    @Singleton
    MetaSignatureVerifier metaSignatureVerifier() {
        return new MetaSignatureVerifier();
    }
}
