/**
 * The Meta WhatsApp Cloud API channel: plain Java, no framework, wired by the function modules.
 * <ul>
 *   <li>{@link dev.waagent.whatsapp.MetaSignatureVerifier}: checks {@code X-Hub-Signature-256} over the raw body.</li>
 *   <li>{@link dev.waagent.whatsapp.WhatsAppWebhookParser}: a webhook delivery to {@link dev.waagent.whatsapp.ParsedDelivery}
 *       (normalized {@code ChannelEvent}s plus the phone number ids to resolve tenants with); attribute keys in
 *       {@link dev.waagent.whatsapp.WhatsAppAttributes}.</li>
 *   <li>{@link dev.waagent.whatsapp.GraphApiClient}: the {@code OutboundChannel} (text replies, read receipts with typing
 *       indicator) and {@code sendReply} for every form of the reply model ({@code dev.waagent.domain.reply}: buttons,
 *       lists, cards, templates), configured by {@link dev.waagent.whatsapp.GraphApiSettings}.</li>
 *   <li>{@link dev.waagent.whatsapp.GraphRequestCheck}: Meta's limits applied to a request body, with the error Meta
 *       would answer; {@link dev.waagent.whatsapp.GraphErrorBodies}: Meta's real 130429 / 131047 / 131056 bodies.</li>
 *   <li>{@link dev.waagent.whatsapp.GraphApiPayloads}, {@link dev.waagent.whatsapp.GraphSendRequest},
 *       {@link dev.waagent.whatsapp.GraphApiError}: the endpoint's request, response and error bodies, shared with
 *       local stand-ins of the API.</li>
 * </ul>
 * A webhook handler typically: parses the delivery, resolves the tenant(s) from {@code phoneNumberIds()}, verifies the
 * signature with the tenant's app secret, then acts on the events. The parser never trusts or logs the body content.
 */
package dev.waagent.whatsapp;
