package dev.waagent.domain.staff;

import dev.waagent.domain.reply.WhatsAppFormatter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StaffReplyFormattingTest {

    @Test
    void aStaffMembersWhatsAppBoldStaysBoldWhileMarkdownIsConverted() {
        assertThat(WhatsAppFormatter.fromMarkdown(StaffCommands.asMarkdown("*Rs 3,000* a day, **deposit** _refundable_")))
                .isEqualTo("*Rs 3,000* a day, *deposit* _refundable_");
        assertThat(WhatsAppFormatter.fromMarkdown(StaffCommands.asMarkdown("Free on:\n- Saturday\n- Sunday\n[terms](https://x.example/t)")))
                .isEqualTo("Free on:\n• Saturday\n• Sunday\nterms (https://x.example/t)");
    }

    @Test
    void starsThatAreNotEmphasisAreLeftAlone() {
        assertThat(StaffCommands.asMarkdown("2*3*4 = 24, * not bold *, ***both***")).isEqualTo("2*3*4 = 24, * not bold *, ***both***");
    }
}
