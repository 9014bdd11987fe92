package dev.waagent.domain.turn;

import dev.waagent.domain.TimeSource;
import dev.waagent.domain.conversation.ConversationStore;
import dev.waagent.domain.reply.OutboundPart;
import dev.waagent.domain.reply.RepairKind;
import dev.waagent.domain.reply.RepairResult;
import dev.waagent.domain.reply.Reply;
import dev.waagent.domain.reply.ReplyOption;
import dev.waagent.domain.reply.TemplateMessage;
import dev.waagent.domain.tenant.ApprovedTemplate;
import dev.waagent.domain.tenant.OpeningHours;
import dev.waagent.domain.tenant.Tenant;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the sending half makes of a turn's text before anything is recorded or sent. */
class ReplyCompositionTest {

    private static final String CHOICE = "We have three cameras free tomorrow.\n\nWhich one would you like?\n\n"
            + "1. Sony FX3\n2. Canon R5\n3. Sony A7S III";
    private static final Tenant PLAIN = new Tenant("pune", "Pune Camera Rentals", "whatsapp", "1098765", "+91", "s", "t",
            "Asha", "", "", ZoneId.of("Asia/Kolkata"), List.of("en"), List.of(), true);
    /** Composition never touches storage: any call fails the test. */
    private static final ConversationStore NO_STORAGE = (ConversationStore) Proxy.newProxyInstance(
            ConversationStore.class.getClassLoader(), new Class<?>[]{ConversationStore.class}, (proxy, method, args) -> {
                throw new AssertionError("composition must not use storage: " + method.getName());
            });

    private static ReplyDelivery deliveryOn(ChannelCapabilities capabilities) {
        OutboundChannel channel = new OutboundChannel() {
            @Override
            public String sendText(Tenant tenant, String customerId, String text, String replyToMessageId) {
                throw new AssertionError("composition sends nothing");
            }

            @Override
            public void markRead(Tenant tenant, String messageId, boolean showTyping) {
            }

            @Override
            public ChannelCapabilities capabilities(Tenant tenant) {
                return capabilities;
            }
        };
        return new ReplyDelivery(NO_STORAGE, channel, TimeSource.system(), Duration.ofSeconds(60));
    }

    @Test
    void aChoiceBecomesButtonsOnlyWhenTheTenantAllowsRichMessagesAndTheChannelCanSendThem() {
        assertThat(deliveryOn(ChannelCapabilities.WHATSAPP_CLOUD).compose(PLAIN.withRichMessages(true), CHOICE).parts())
                .extracting(OutboundPart::form).containsExactly("buttons");
        assertThat(deliveryOn(ChannelCapabilities.WHATSAPP_CLOUD).compose(PLAIN.withRichMessages(false), CHOICE).parts())
                .extracting(OutboundPart::form).containsExactly("text");
        assertThat(deliveryOn(ChannelCapabilities.TEXT_ONLY).compose(PLAIN.withRichMessages(true), CHOICE).parts())
                .extracting(OutboundPart::form).containsExactly("text");
    }

    @Test
    void explicitOptionsFromAToolBecomeAListWhenTheyDoNotFitButtons() {
        List<ReplyOption> lenses = List.of(ReplyOption.of("a", "FE 24-70 GM"), ReplyOption.of("b", "FE 85 1.4"),
                ReplyOption.of("c", "FE 16-35 GM"), ReplyOption.of("d", "RF 50 1.2"));
        RepairResult composed = deliveryOn(ChannelCapabilities.WHATSAPP_CLOUD)
                .compose(PLAIN.withRichMessages(true), "Which lens would you like?", lenses, null);

        assertThat(composed.parts()).singleElement().satisfies(part -> {
            assertThat(part.form()).isEqualTo("list");
            assertThat(((Reply.ListMenu) part.content()).rows()).extracting(row -> row.id()).containsExactly("a", "b", "c", "d");
        });
    }

    @Test
    void textLongerThanTheChannelTakesIsSplitForIt() {
        String long2000 = "Rentals run per day of 24 hours and the deposit is refunded on return. ".repeat(30);
        RepairResult twilio = deliveryOn(ChannelCapabilities.TEXT_ONLY).compose(PLAIN, long2000);
        RepairResult whatsapp = deliveryOn(ChannelCapabilities.WHATSAPP_CLOUD).compose(PLAIN, long2000);

        assertThat(twilio.parts()).hasSize(2).allSatisfy(part -> assertThat(part.asText().length()).isLessThanOrEqualTo(1600));
        assertThat(twilio.parts()).extracting(OutboundPart::index).containsExactly(0, 1);
        assertThat(twilio.repairs()).contains(RepairKind.TEXT_SPLIT);
        assertThat(whatsapp.parts()).hasSize(1);
        assertThat(whatsapp.repaired()).isFalse();
    }

    @Test
    void theApprovedTemplateIsFilledByParameterNameAndNeverWithAnEmptyValue() {
        Tenant tenant = new Tenant("pune", "Pune Camera Rentals", "whatsapp", "1098765", "+91", "s", "t", "Asha", "", "",
                ZoneId.of("Asia/Kolkata"), List.of("en"), List.of(), true, List.of(), OpeningHours.UNKNOWN,
                List.of(new ApprovedTemplate(ApprovedTemplate.FOLLOW_UP, "follow_up_question", "en_US",
                        List.of("customer_name", "business_name", "topic"))), true);

        assertThat(ReplyDelivery.template(tenant, ApprovedTemplate.FOLLOW_UP, Map.of("customer_name", "Ravi")))
                .contains(new TemplateMessage("follow_up_question", "en_US", List.of("Ravi", "Pune Camera Rentals", "-")));
        assertThat(ReplyDelivery.template(tenant, ApprovedTemplate.BOOKING_REMINDER, Map.of())).isEmpty();
    }
}
