package dev.waagent.domain.staff;

import dev.waagent.domain.conversation.Conversation;
import dev.waagent.domain.conversation.ConversationKey;
import dev.waagent.domain.tenant.StaffContact;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StaffNoticeTest {

    private static final StaffContact NIKHIL = new StaffContact("919822000009", "Nikhil", StaffContact.Role.STAFF);

    @Test
    void aNoticeAboutACustomerFillsTheStaffAlertParameters() {
        Conversation customer = new Conversation(new ConversationKey("pune", "919812345678"), "Meera", null, null, null, false, null);
        StaffNotifier.Notice notice = StaffNotifier.Notice.about("Handoff at Pune…\nWrote: …\nAnswer with /reply 5678",
                customer, "customer asked for a person", "can I speak\nto the owner?");

        assertThat(notice.values(NIKHIL)).containsEntry("customer", "Meera +919812345678").containsEntry("customer_name", "Meera")
                .containsEntry("reason", "customer asked for a person").containsEntry("summary", "can I speak to the owner?")
                .containsEntry("staff_name", "Nikhil");
    }

    @Test
    void aCustomerWithoutAProfileNameIsNamedByNumberAndLongTextsAreClipped() {
        Conversation customer = new Conversation(new ConversationKey("pune", "919812345678"), null, null, null, null, false, null);
        StaffNotifier.Notice notice = StaffNotifier.Notice.about("text", customer, "r".repeat(500), "s".repeat(1_000));

        assertThat(notice.values(NIKHIL).get("customer")).isEqualTo("+919812345678");
        assertThat(notice.values(NIKHIL).get("customer_name")).isNull();
        assertThat(notice.values(NIKHIL).get("reason")).hasSize(StaffNotifier.MAX_REASON).endsWith("…");
        assertThat(notice.values(NIKHIL).get("summary")).hasSize(StaffNotifier.MAX_SUMMARY).endsWith("…");
    }

    @Test
    void aTextOnlyNoticeTakesItsFirstLineAsTheReasonAndTheRestAsTheSummary() {
        StaffNotifier.Notice briefing = StaffNotifier.Notice.of("Good morning! Yesterday at Pune Camera Rentals:\n31 messages in\n2 handoffs");

        assertThat(briefing.values(NIKHIL)).containsEntry("reason", "Good morning! Yesterday at Pune Camera Rentals:")
                .containsEntry("summary", "31 messages in 2 handoffs").containsEntry("customer", null);
    }
}
