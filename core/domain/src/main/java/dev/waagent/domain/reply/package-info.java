/**
 * Outbound replies WhatsApp never refuses: the reply model, its limits, repair, formatting, form choice, the 24-hour
 * window and per-customer pacing. Pure Java; the WhatsApp adapter turns {@link dev.waagent.domain.reply.OutboundPart}s
 * into Cloud API requests ({@code GraphApiClient.sendReply}).
 * <p>
 * How a turn uses it, in order:
 * <ol>
 *   <li>{@link dev.waagent.domain.reply.ServiceWindow#status}: from the conversation's last inbound message (and the
 *       last 131047 seen for the customer). Closed: only a {@link dev.waagent.domain.reply.TemplateMessage} may go
 *       (follow-ups, reminders); an answer to a customer's message always finds the window open.</li>
 *   <li>{@link dev.waagent.domain.reply.RichReplyPlanner#compose}: the model's text (Markdown) plus any explicit
 *       options or card item, and the tenant's {@link dev.waagent.domain.reply.RichMessagePolicy} → a
 *       {@link dev.waagent.domain.reply.RepairResult}: the parts, each valid, and what was repaired. A template goes
 *       through {@link dev.waagent.domain.reply.ReplyRepair#repair} directly.</li>
 *   <li>Record every part with its {@link dev.waagent.domain.reply.OutboundPart#key stable key} before sending.</li>
 *   <li>{@link dev.waagent.domain.reply.PairPacer#sendInOrder}: seeded with recent sends to the customer; the sender
 *       callback sends one part and marks it sent, so a retried turn resumes at the first unsent part.</li>
 *   <li>On a send error or failed status {@value dev.waagent.domain.reply.ServiceWindow#WINDOW_CLOSED_ERROR}: mark the
 *       part undelivered, remember when, and send later follow-ups through the template path.</li>
 * </ol>
 * Customer taps on buttons and rows come back as {@link dev.waagent.domain.reply.InteractiveAnswer}s.
 */
package dev.waagent.domain.reply;
