package dev.waagent.local;

import dev.waagent.domain.channel.MalformedPayloadException;
import dev.waagent.twilio.TwilioMessagesApi;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Stands in for Twilio's {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json} for tenants on the Twilio
 * channel: checks basic auth against the local credentials, answers with Twilio's message resource or error JSON,
 * and records every request in the same {@link LocalOutbox} as the Graph API stand-in.
 */
@Controller("/twilio/2010-04-01/Accounts/{accountSid}")
public class TwilioApiStandIn {

    static final String LOCAL_ACCOUNT_SID = "AC00000000000000000000000000000000";
    static final String LOCAL_AUTH_TOKEN = "local-twilio-token";

    private final LocalOutbox outbox;

    public TwilioApiStandIn(LocalOutbox outbox) {
        this.outbox = outbox;
    }

    @Post(value = "/Messages.json", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> messages(@PathVariable String accountSid, @Header("Authorization") @Nullable String authorization,
                                         @Body @Nullable String form) {
        String body = form == null ? "" : form;
        HttpResponse<String> response = answer(accountSid, authorization, body);
        outbox.add(new LocalOutbox.Entry("/2010-04-01/Accounts/" + accountSid + "/Messages.json", body, Instant.now(),
                response.code(), response.body()));
        return response;
    }

    private static HttpResponse<String> answer(String accountSid, String authorization, String body) {
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (LOCAL_ACCOUNT_SID + ":" + LOCAL_AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
        if (!LOCAL_ACCOUNT_SID.equals(accountSid) || !expected.equals(authorization)) {
            return error(HttpStatus.UNAUTHORIZED, 20003, "Authenticate");
        }
        TwilioMessagesApi.CreateRequest request;
        try {
            request = TwilioMessagesApi.parseCreateRequest(body.getBytes(StandardCharsets.UTF_8));
        } catch (MalformedPayloadException e) {
            return error(HttpStatus.BAD_REQUEST, 21602, e.getMessage());
        }
        if (request.body() != null && request.body().length() > TwilioMessagesApi.MAX_BODY_LENGTH) {
            return error(HttpStatus.BAD_REQUEST, 21617, "The concatenated message body exceeds the 1600 character limit.");
        }
        byte[] resource = TwilioMessagesApi.messageResource(accountSid, TwilioMessagesApi.newMessageSid(), request, Instant.now());
        return HttpResponse.<String>status(HttpStatus.CREATED).body(new String(resource, StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> error(HttpStatus status, int code, String message) {
        return HttpResponse.<String>status(status).body(new String(TwilioMessagesApi.error(code, message, status.getCode()),
                StandardCharsets.UTF_8));
    }
}
