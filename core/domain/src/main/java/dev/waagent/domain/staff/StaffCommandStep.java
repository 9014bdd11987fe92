package dev.waagent.domain.staff;

import dev.waagent.domain.Masking;
import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.conversation.StoredMessage;
import dev.waagent.domain.tenant.StaffContact;
import dev.waagent.domain.tenant.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The turn's staff step: messages from one of the tenant's staff numbers are commands, not customer turns. Each
 * waiting message is one command, carried out in order; the answers go back to the staff member in one reply.
 */
public final class StaffCommandStep {

    /** Replies stay well inside WhatsApp's 4,096 characters. */
    static final int MAX_REPLY = 4000;
    private static final Logger LOG = LoggerFactory.getLogger(StaffCommandStep.class);

    private final StaffCommands commands;

    public StaffCommandStep(StaffCommands commands) {
        this.commands = commands;
    }

    /**
     * @return what to tell the staff member (or a non-staff sender of slash commands: a polite refusal), or empty for a
     * customer turn
     * @throws InterruptedException while a {@code /reply} to a customer was paced
     */
    public Optional<String> handle(Tenant tenant, ConversationKey key, List<StoredMessage> messages)
            throws InterruptedException {
        Optional<StaffContact> member = tenant.staffMember(key.customerId());
        if (member.isEmpty()) {
            if (!messages.isEmpty() && messages.stream().allMatch(message -> StaffCommandParser.isSlashCommand(message.text()))) {
                // Someone who is not staff typed commands: say so politely rather than treat them as a question.
                LOG.info("staff command refused tenant={} sender={}: not a staff number", tenant.id(),
                        Masking.phone(key.customerId()));
                return Optional.of(StaffCommands.say(StaffLanguage.of(tenant),
                        "Sorry, commands like this are only for the " + tenant.name() + " team. How can I help you?",
                        "Maaf, perintah seperti ini hanya untuk tim " + tenant.name() + ". Ada yang bisa saya bantu?",
                        "Maaf kijiye, aise commands sirf " + tenant.name() + " ki team ke liye hain. Main aapki kya madad kar sakti hoon?"));
            }
            return Optional.empty();
        }
        List<String> answers = new ArrayList<>();
        for (StoredMessage message : messages) {
            StaffCommand command = StaffCommandParser.parse(message.text());
            LOG.info("staff command tenant={} staff={} command={}", tenant.id(), Masking.phone(key.customerId()),
                    command.getClass().getSimpleName());
            // Answered as they wrote: Hinglish to a staff member who wrote "/daam" or "stock dikhao", else the business's language.
            answers.add(commands.execute(tenant, member.get(), command, message.messageId(),
                    StaffLanguage.of(tenant, message.text())));
        }
        String reply = String.join("\n\n", answers);
        return Optional.of(reply.length() <= MAX_REPLY ? reply : reply.substring(0, MAX_REPLY - 1) + "…");
    }
}
