package dev.waagent.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.document.Document;

class JsonDocumentsTest {

    @Test
    void jsonSurvivesTheRoundTripExactly() throws JsonProcessingException {
        String schema = """
                {"type":"object","properties":{"seats":{"type":"integer","minimum":1,"maximum":12345678901234567890},\
                "fare":{"type":"number","multipleOf":0.01,"default":2499.5},"city":{"type":"string","enum":["पुणे","Jakarta"]},\
                "ac":{"type":"boolean","default":true},"note":{"type":["string","null"],"default":null}},\
                "required":["seats"],"additionalProperties":false}""";

        assertThat(JsonDocuments.write(JsonDocuments.parse(schema))).isEqualTo(schema);
    }

    @Test
    void objectMemberOrderIsKept() throws JsonProcessingException {
        Document document = JsonDocuments.parse("{\"z\":1,\"a\":2,\"m\":3}");

        assertThat(document.asMap().keySet()).containsExactly("z", "a", "m");
    }

    @Test
    void numbersFromTheSdkAreWrittenWithoutDoubleRounding() {
        Document document = Document.mapBuilder()
                .putNumber("count", 7)
                .putNumber("price", new BigDecimal("0.1"))
                .putNumber("big", new BigDecimal("12345678901234567890.123456789"))
                .build();

        assertThat(JsonDocuments.write(document))
                .isEqualTo("{\"count\":7,\"price\":0.1,\"big\":12345678901234567890.123456789}");
    }

    @Test
    void missingDocumentIsAnEmptyObject() {
        assertThat(JsonDocuments.write(null)).isEqualTo("{}");
    }

    @Test
    void textThatIsNotJsonIsRefused() {
        assertThatThrownBy(() -> JsonDocuments.parse("{type: object")).isInstanceOf(JsonProcessingException.class);
    }
}
