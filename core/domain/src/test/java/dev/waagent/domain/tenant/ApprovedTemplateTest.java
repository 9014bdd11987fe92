package dev.waagent.domain.tenant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApprovedTemplateTest {

    @ParameterizedTest(name = "{0} template, name \"{1}\" -> \"{2}\"")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "en_US | null | there",
            "en | '  ' | there",
            "id | null | Kak",
            "ms | '' | Kak",
            "hi | null | ji",
            "en_US | ' Ravi ' | Ravi",
            "id | Siti | Siti"})
    void anUnknownCustomerNameIsANeutralAddressInTheTemplatesLanguage(String language, String known, String expected) {
        ApprovedTemplate template = new ApprovedTemplate(ApprovedTemplate.BOOKING_REMINDER, "booking_reminder_v1",
                language, List.of("customer_name"));

        assertThat(template.customerName(known)).isEqualTo(expected);
    }
}
