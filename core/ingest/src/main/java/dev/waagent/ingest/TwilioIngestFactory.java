package dev.waagent.ingest;

import dev.waagent.domain.TimeSource;
import dev.waagent.twilio.TwilioSignatureVerifier;
import dev.waagent.twilio.TwilioWebhookParser;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The Twilio channel's plain classes as beans. */
@Factory
public class TwilioIngestFactory {

    @Singleton
    TwilioWebhookParser twilioWebhookParser(TimeSource time) {
        return new TwilioWebhookParser(time);
    }

    @Singleton
    TwilioSignatureVerifier twilioSignatureVerifier() {
        return new TwilioSignatureVerifier();
    }
}
