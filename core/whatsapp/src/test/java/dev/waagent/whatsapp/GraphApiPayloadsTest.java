package dev.waagent.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waagent.domain.channel.ChannelError;
import dev.waagent.domain.channel.MalformedPayloadException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The request, response and error bodies of the messages endpoint, checked against every such fixture. */
class GraphApiPayloadsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Stream<String> sendRequests() {
        return MetaFixtures.filesWithRole(MetaFixtures.Role.SEND_REQUEST).stream();
    }

    static Stream<String> sendResponses() {
        return MetaFixtures.filesWithRole(MetaFixtures.Role.SEND_RESPONSE).stream();
    }

    // ------------------------------------------------------------------------------------------- requests

    @ParameterizedTest(name = "{0}")
    @MethodSource("sendRequests")
    void everySendRequestFixtureIsReadAsAMessageOrAReadReceipt(String fixture) {
        GraphSendRequest request = GraphApiPayloads.parseSendRequest(MetaFixtures.read(fixture));

        if (request.kind() == GraphSendRequest.Kind.READ_RECEIPT) {
            assertThat(request.readMessageId()).isNotBlank();
        } else {
            assertThat(request.effectiveRecipient()).isNotBlank();
            assertThat(request.type()).isNotBlank();
            assertThat(request.raw().get(request.type()).isContainerNode()).isTrue();
            if (request.type().equals("text")) {
                assertThat(request.textBody()).isNotBlank();
            }
        }
    }

    @Test
    void theSendRequestFixturesHoldFourReadReceiptsAndTheRestMessages() {
        List<GraphSendRequest> requests = sendRequests().map(f -> GraphApiPayloads.parseSendRequest(MetaFixtures.read(f))).toList();

        assertThat(requests).hasSize(75);
        assertThat(requests).filteredOn(r -> r.kind() == GraphSendRequest.Kind.READ_RECEIPT).hasSize(4);
        assertThat(requests).filteredOn(r -> r.kind() == GraphSendRequest.Kind.READ_RECEIPT && r.showsTyping()).hasSize(2);
    }

    @Test
    void aTextRequestWithoutTypeDefaultsToText() {
        GraphSendRequest request = GraphApiPayloads.parseSendRequest(
                MetaFixtures.read("openapi-v23/send-request-examples/send_text_message_with_preview_url.json"));
        assertThat(request.type()).isEqualTo("text");
        assertThat(request.previewUrl()).isTrue();
        assertThat(request.textBody()).isEqualTo("Please visit https://youtu.be/hpltvTEiRrY.");
        assertThat(request.recipientType()).isEqualTo("individual");
    }

    @Test
    void aRequestWithoutTypeTakesItFromItsContent() {
        GraphSendRequest list = GraphApiPayloads.parseSendRequest(
                MetaFixtures.read("openapi-v23/send-request-examples/send_reply_to_list_message.json"));
        assertThat(list.type()).isEqualTo("interactive");
        assertThat(list.textBody()).isNull();
        assertThat(list.replyToMessageId()).isEqualTo("<MSGID_OF_PREV_MSG>");

        GraphSendRequest contacts = GraphApiPayloads.parseSendRequest(
                MetaFixtures.read("openapi-v23/send-request-examples/send_contact_message.json"));
        assertThat(contacts.type()).isEqualTo("contacts");
    }

    @Test
    void theTwoStepVerificationBodyIsNotAMessagesRequest() {
        assertThat(MetaFixtures.filesWithRole(MetaFixtures.Role.OTHER_ENDPOINT_REQUEST))
                .containsExactly("bindambc-java/send-request/expectedMessage18.json");
        assertThatThrownBy(() -> GraphApiPayloads.parseSendRequest(MetaFixtures.read("bindambc-java/send-request/expectedMessage18.json")))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("messaging_product");
    }

    @Test
    void aReplyRequestCarriesTheQuotedMessageId() {
        GraphSendRequest request = GraphApiPayloads.parseSendRequest(
                MetaFixtures.read("openapi-v23/send-request-examples/send_reply_to_text_message.json"));
        assertThat(request.replyToMessageId()).isEqualTo("<MSGID_OF_PREV_MSG>");
        assertThat(request.to()).isEqualTo("{{Recipient-Phone-Number}}");
    }

    @Test
    void theTextMessageWeBuildIsExactlyMetasDocumentedShape() throws IOException {
        assertThat(GraphApiPayloads.textMessage("121212121212", "*Hello world!*\nSome code here: \n```hello world code here```", null))
                .isEqualTo(fixture("bindambc-java/send-request/expectedMessage1.json"));
        assertThat(GraphApiPayloads.textMessage("{{Recipient-Phone-Number}}", "text-message-content", null))
                .isEqualTo(fixture("openapi-v23/send-request-examples/send_text_message.json"));
        assertThat(GraphApiPayloads.textMessage("{{Recipient-Phone-Number}}", "<TEXT_MSG_CONTENT>", "<MSGID_OF_PREV_MSG>"))
                .isEqualTo(fixture("openapi-v23/send-request-examples/send_reply_to_text_message.json"));

        JsonNode docs = fixture("docs-meta/send/text_request.json");
        JsonNode ours = GraphApiPayloads.textMessage("+16505551234", docs.at("/text/body").asText(), null);
        assertThat(ours.fieldNames()).toIterable().containsExactlyElementsOf(() -> docs.fieldNames());
        assertThat(ours.get("text").fieldNames()).toIterable().containsExactlyElementsOf(() -> docs.get("text").fieldNames());
        assertThat(ours.at("/text/preview_url").asBoolean()).as("agent replies never unfurl links").isFalse();
    }

    @Test
    void theReadReceiptsWeBuildAreExactlyMetasDocumentedShapes() throws IOException {
        String id = "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA";
        assertThat(GraphApiPayloads.readReceipt(id, false)).isEqualTo(fixture("docs-meta/send/mark_as_read_request.json"));
        assertThat(GraphApiPayloads.readReceipt(id, true)).isEqualTo(fixture("docs-meta/send/typing_indicator_and_read_request.json"));
        assertThat(GraphApiPayloads.readReceipt("123456", false)).isEqualTo(fixture("bindambc-java/send-request/expectedMessage17.json"));
        assertThat(GraphApiPayloads.readReceipt("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUYzMjEzNDM2RTZGQ0MzMDJBRgA=", true))
                .isEqualTo(fixture("openapi-v23/send-request-examples/send_typing_indicator_and_read_receipt.json"));
    }

    @Test
    void aCustomerKnownOnlyByBusinessScopedIdIsAddressedWithRecipient() {
        JsonNode message = GraphApiPayloads.textMessage("US.13491208655302741918", "hi", null);
        assertThat(message.has("to")).isFalse();
        assertThat(message.get("recipient").asText()).isEqualTo("US.13491208655302741918");
        assertThat(GraphApiPayloads.parseSendRequest(GraphApiPayloads.toBytes(message)).effectiveRecipient())
                .isEqualTo("US.13491208655302741918");

        assertThat(GraphApiPayloads.isBusinessScopedUserId("US.ENT.11815799212886844830")).isTrue();
        assertThat(GraphApiPayloads.isBusinessScopedUserId("16505551234")).isFalse();
        assertThat(GraphApiPayloads.isBusinessScopedUserId("+16505551234")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not json",
            "[]",
            "{\"to\":\"1\",\"type\":\"text\",\"text\":{\"body\":\"x\"}}",
            "{\"messaging_product\":\"sms\",\"to\":\"1\",\"type\":\"text\",\"text\":{\"body\":\"x\"}}",
            "{\"messaging_product\":\"whatsapp\",\"type\":\"text\",\"text\":{\"body\":\"x\"}}",
            "{\"messaging_product\":\"whatsapp\",\"to\":\"1\",\"type\":\"image\",\"text\":{\"body\":\"x\"}}",
            "{\"messaging_product\":\"whatsapp\",\"to\":\"1\",\"type\":\"text\",\"text\":{}}",
            "{\"messaging_product\":\"whatsapp\",\"status\":\"read\"}",
            "{\"messaging_product\":\"whatsapp\",\"status\":\"delivered\",\"message_id\":\"wamid.1\"}",
    })
    void requestsMetaWouldRefuseAreRejected(String body) {
        assertThatThrownBy(() -> GraphApiPayloads.parseSendRequest(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedPayloadException.class);
    }

    // ------------------------------------------------------------------------------------------- responses

    @ParameterizedTest(name = "{0}")
    @MethodSource("sendResponses")
    void everySendResponseFixtureGivesAMessageIdOrSuccess(String fixture) throws IOException {
        JsonNode response = fixture(fixture);
        boolean success = GraphApiPayloads.isSuccess(response);
        assertThat(GraphApiPayloads.sentMessageId(response).isPresent() ^ success).isTrue();
        GraphApiPayloads.sentMessageId(response).ifPresent(id -> assertThat(id).startsWith("wamid."));
        assertThat(GraphApiError.fromJson(response)).isEmpty();
    }

    @Test
    void theSendResponseFixturesHoldThreeSuccessAnswers() {
        assertThat(sendResponses().map(f -> GraphApiPayloads.isSuccess(tree(f))).filter(Boolean::booleanValue)).hasSize(3);
        assertThat(sendResponses()).hasSize(48);
    }

    @Test
    void theDocumentedSendResponseGivesItsWamid() throws IOException {
        assertThat(GraphApiPayloads.sentMessageId(fixture("docs-meta/send/text_response.json")))
                .contains("wamid.HBgLMTY0NjcwNDM1OTUVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA");
    }

    @Test
    void mediaEndpointResponsesAreNeitherASendNorASuccess() {
        List<String> media = MetaFixtures.filesWithRole(MetaFixtures.Role.MEDIA_RESPONSE);
        assertThat(media).containsExactly("bindambc-java/send-response/media.json", "bindambc-java/send-response/uploadResponse.json");
        for (String fixture : media) {
            JsonNode response = tree(fixture);
            assertThat(GraphApiPayloads.sentMessageId(response)).as(fixture).isEmpty();
            assertThat(GraphApiPayloads.isSuccess(response)).as(fixture).isFalse();
            assertThat(GraphApiError.fromJson(response)).as(fixture).isEmpty();
        }
    }

    @Test
    void theAcceptedAnswerWeBuildHasMetasShape() throws IOException {
        assertThat(GraphApiPayloads.messageAccepted("+16505551234", "wamid.HBgLMTY0NjcwNDM1OTUVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA"))
                .isEqualTo(fixture("docs-meta/send/text_response.json"));
        assertThat(GraphApiPayloads.messageAccepted("US.13491208655302741918", "wamid.X").at("/contacts/0/user_id").asText())
                .isEqualTo("US.13491208655302741918");
        assertThat(GraphApiPayloads.success()).isEqualTo(fixture("docs-meta/send/success_response.json"));
    }

    // ------------------------------------------------------------------------------------------- errors

    @Test
    void everyGraphErrorResponseFixtureParsesAsThrottling130429() {
        List<String> files = MetaFixtures.filesWithRole(MetaFixtures.Role.GRAPH_ERROR_RESPONSE);
        assertThat(files).containsExactly("bindambc-java/send-error/error_130429_rate_limit_hit.json", "docs-meta/send/error_response_130429.json");
        for (String file : files) {
            GraphApiError error = GraphApiError.parse(MetaFixtures.read(file)).orElseThrow();
            assertThat(error.code()).isEqualTo(130429);
            assertThat(error.errorSubcode()).isEqualTo(2494055);
            assertThat(error.type()).isEqualTo("OAuthException");
            assertThat(error.message()).isEqualTo("(#130429) Rate limit hit");
            assertThat(error.fbtraceId()).isEqualTo("Az8or2yhqkZfEZ-_4Qn_Bam");
            assertThat(error.details()).isNotBlank();
            assertThat(error.isThrottling()).isTrue();
            assertThat(error.isPairRateLimit()).isFalse();
        }
        assertThat(GraphApiError.parse(MetaFixtures.read("docs-meta/send/error_response_130429.json")).orElseThrow().details())
                .isEqualTo("Cloud API message throughput has been reached.");
    }

    @Test
    void everyErrorObjectFixtureParses() {
        assertThat(MetaFixtures.filesWithRole(MetaFixtures.Role.ERROR_OBJECT)).hasSize(3);

        GraphApiError token = GraphApiError.parse(MetaFixtures.read("pywa/error_object__ExpiredAccessToken.json")).orElseThrow();
        assertThat(token.code()).isEqualTo(GraphApiError.ACCESS_TOKEN);
        assertThat(token.errorSubcode()).isEqualTo(463);
        assertThat(token.type()).isEqualTo("OAuthException");
        assertThat(token.fbtraceId()).isEqualTo("ACEyrTehk6IAd0lm05Ixogh");
        assertThat(token.isThrottling()).isFalse();

        GraphApiError media = GraphApiError.parse(MetaFixtures.read("pywa/error_object__MediaUploadError.json")).orElseThrow();
        assertThat(media.toChannelError()).isEqualTo(new ChannelError("131053", "Media upload error",
                "Downloading media from weblink failed with http code 429, status message Too Many Requests"));

        GraphApiError window = GraphApiError.parse(MetaFixtures.read("pywa/error_object__ReEngagementMessage.json")).orElseThrow();
        assertThat(window.code()).isEqualTo(GraphApiError.RE_ENGAGEMENT);
        assertThat(window.href()).isEqualTo("https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/");
        assertThat(window.toChannelError().title()).isEqualTo("Re-engagement message");
        assertThat(window.isThrottling()).isFalse();
    }

    @Test
    void onlyMetasThrottlingCodesCountAsThrottling() {
        for (int code : List.of(4, 80007, 130429, 131056, 133016)) {
            assertThat(GraphApiError.of(code, "OAuthException", "x", null).isThrottling()).as("code %d", code).isTrue();
        }
        for (int code : List.of(100, 190, 131026, 131047, 131049, 131051, 368)) {
            assertThat(GraphApiError.of(code, "OAuthException", "x", null).isThrottling()).as("code %d", code).isFalse();
        }
        assertThat(GraphApiError.of(131056, null, null, null).isPairRateLimit()).isTrue();
    }

    @Test
    void anErrorEnvelopeWeWriteReadsBackTheSame() {
        GraphApiError error = new GraphApiError(131047, 2494010, "OAuthException", "(#131047) Re-engagement message",
                null, "Message failed to send because more than 24 hours have passed", "Atrace", null);
        assertThat(GraphApiError.parse(error.toEnvelopeBytes())).contains(error);
        assertThat(error.summary()).isEqualTo("code=131047 subcode=2494010 type=OAuthException "
                + "title=\"(#131047) Re-engagement message\" fbtrace_id=Atrace");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "<html>Bad gateway</html>", "{\"success\":false}", "[]", "{\"error\":\"string\"}"})
    void bodiesWithoutAnErrorObjectGiveNone(String body) {
        assertThat(GraphApiError.parse(body.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    private static JsonNode fixture(String file) throws IOException {
        return MAPPER.readTree(MetaFixtures.read(file));
    }

    private static JsonNode tree(String file) {
        try {
            return fixture(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
