/**
 * The Twilio WhatsApp channel: plain Java, no framework, wired by the function modules.
 * <ul>
 *   <li>{@link dev.waagent.twilio.TwilioSignatureVerifier}: checks {@code X-Twilio-Signature} (HMAC-SHA1 of the public
 *       URL plus the sorted parameters, with the port variants Twilio's validators accept; JSON bodies via
 *       {@code bodySHA256}).</li>
 *   <li>{@link dev.waagent.twilio.FormEncoding}: strict {@code application/x-www-form-urlencoded} decoding of the raw
 *       body (and encoding for requests).</li>
 *   <li>{@link dev.waagent.twilio.TwilioWebhookParser}: an inbound message or status callback to one normalized
 *       {@code ChannelEvent}; attribute keys in {@link dev.waagent.twilio.TwilioAttributes}; address rules in
 *       {@link dev.waagent.twilio.TwilioAddresses}.</li>
 *   <li>{@link dev.waagent.twilio.TwilioMessagingClient}: the {@code OutboundChannel} over the Messages API, configured
 *       by {@link dev.waagent.twilio.TwilioApiSettings}, authenticated with {@link dev.waagent.twilio.TwilioAccountAuth}
 *       ({@code AccountSid:AuthToken} in the secret the tenant's {@code accessTokenRef} names).</li>
 *   <li>{@link dev.waagent.twilio.TwilioMessagesApi}, {@link dev.waagent.twilio.TwilioApiError},
 *       {@link dev.waagent.twilio.TwilioErrorCodes}: the API's request, response and error shapes, shared with local
 *       stand-ins of the API.</li>
 * </ul>
 * A webhook handler typically: decodes the form, finds the tenant from
 * {@link dev.waagent.twilio.TwilioWebhookParser#businessNumberId}, verifies the signature with the tenant's auth
 * token over the configured public URL, then parses and acts on the event. Nothing here logs customer text or secrets.
 */
package dev.waagent.twilio;
