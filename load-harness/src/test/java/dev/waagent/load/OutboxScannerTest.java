package dev.waagent.load;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxScannerTest {

    private static final String READ = """
            {"path":"/v23.0/111/messages","body":"{\\"messaging_product\\":\\"whatsapp\\",\\"status\\":\\"read\\",\\"message_id\\":\\"wamid.A\\",\\"typing_indicator\\":{\\"type\\":\\"text\\"}}","time":"2026-01-01T00:00:01.5Z","status":200,"response":"{}"}""";
    private static final String REPLY = """
            {"path":"/v23.0/111/messages","body":"{\\"messaging_product\\":\\"whatsapp\\",\\"recipient_type\\":\\"individual\\",\\"to\\":\\"+9912345000001\\",\\"context\\":{\\"message_id\\":\\"wamid.A\\"},\\"type\\":\\"text\\",\\"text\\":{\\"preview_url\\":false,\\"body\\":\\"hi\\"}}","time":"2026-01-01T00:00:02Z","status":200,"response":"{}"}""";
    private static final String FAILED = """
            {"path":"/v23.0/111/messages","body":"{\\"messaging_product\\":\\"whatsapp\\",\\"to\\":\\"9912345000001\\",\\"type\\":\\"text\\",\\"text\\":{\\"body\\":\\"hi\\"}}","time":1767225603.25,"status":500,"response":"{}"}""";

    @Test
    void readReceiptsAreNotRepliesAndOnlyAcceptedSendsAreDelivered() throws Exception {
        List<OutboxScanner.Request> requests = new OutboxScanner().scan(array(READ, REPLY, FAILED));

        assertThat(requests).extracting(OutboxScanner.Request::kind).containsExactly(
                OutboxScanner.Kind.READ_RECEIPT, OutboxScanner.Kind.MESSAGE, OutboxScanner.Kind.MESSAGE);
        assertThat(requests).extracting(OutboxScanner.Request::deliveredMessage).containsExactly(false, true, false);
        OutboxScanner.Request reply = requests.get(1);
        assertThat(reply.phoneNumberId()).isEqualTo("111");
        assertThat(reply.recipient()).isEqualTo("9912345000001");
        assertThat(reply.contextMessageId()).isEqualTo("wamid.A");
        assertThat(reply.time()).isEqualTo(Instant.parse("2026-01-01T00:00:02Z"));
        assertThat(requests.get(2).time()).isEqualTo(Instant.parse("2026-01-01T00:00:03.250Z"));
    }

    @Test
    void eachPollReturnsOnlyTheEntriesAddedSinceTheLastOne() throws Exception {
        OutboxScanner scanner = new OutboxScanner();
        assertThat(scanner.skipExisting(new RuntimeClient.OutboxPage(array(READ), null))).isEqualTo(1);

        assertThat(scanner.scan(array(READ, REPLY))).hasSize(1);
        assertThat(scanner.scan(array(READ, REPLY))).isEmpty();
        assertThat(scanner.scan(array(READ, REPLY, FAILED))).singleElement()
                .extracting(OutboxScanner.Request::status).isEqualTo(500);
        assertThat(scanner.consumed()).isEqualTo(3);
    }

    @Test
    void aPageFromAnOffsetHoldsOnlyNewEntries() throws Exception {
        OutboxScanner scanner = new OutboxScanner();
        scanner.scan(array(READ, REPLY));

        List<OutboxScanner.Request> fresh = scanner.scan(new RuntimeClient.OutboxPage(array(FAILED), 2));

        assertThat(fresh).singleElement().extracting(OutboxScanner.Request::status).isEqualTo(500);
        assertThat(scanner.consumed()).isEqualTo(3);
        assertThatThrownBy(() -> scanner.scan(new RuntimeClient.OutboxPage(array(READ), 5)))
                .hasMessageContaining("starts at entry 5");
    }

    @Test
    void anOutboxThatShrankIsAnError() throws Exception {
        OutboxScanner scanner = new OutboxScanner();
        scanner.scan(array(READ, REPLY));

        assertThatThrownBy(() -> scanner.scan(array(READ))).hasMessageContaining("shrank");
    }

    @Test
    void numericTimesAreEpochSecondsOrMillis() {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(OutboxScanner.time(json.getNodeFactory().numberNode(1_767_225_600L)))
                .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(OutboxScanner.time(json.getNodeFactory().numberNode(1_767_225_600_123L)))
                .isEqualTo(Instant.parse("2026-01-01T00:00:00.123Z"));
    }

    @Test
    void thePhoneNumberIdComesFromTheMessagesPath() {
        assertThat(OutboxScanner.phoneNumberId("/v23.0/106540352242922/messages")).isEqualTo("106540352242922");
        assertThat(OutboxScanner.phoneNumberId("/v23.0/106540352242922/media")).isNull();
        assertThat(OutboxScanner.phoneNumberId(null)).isNull();
    }

    private static byte[] array(String... entries) {
        return ("[" + String.join(",", entries) + "]").getBytes(StandardCharsets.UTF_8);
    }
}
