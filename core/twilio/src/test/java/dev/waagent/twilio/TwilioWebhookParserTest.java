package dev.waagent.twilio;

import dev.waagent.domain.channel.ChannelError;
import dev.waagent.domain.channel.ChannelEvent;
import dev.waagent.domain.channel.DeliveryState;
import dev.waagent.domain.channel.DeliveryStatusUpdate;
import dev.waagent.domain.channel.InboundMessage;
import dev.waagent.domain.channel.MalformedPayloadException;
import dev.waagent.domain.channel.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.waagent.twilio.TwilioAttributes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class TwilioWebhookParserTest {

    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private static final String COURIER_SID = "SMe287d7109a5a925f182f0e07fe5b223b";
    private static final String CHATWOOT_SERVICE = "<whatsapp_twilio_channel.messaging_service_sid (Ruby expression in spec)>";
    private static final String CHATWOOT_SMS_SERVICE = "<twilio_channel.messaging_service_sid (Ruby expression in spec)>";

    private final TwilioWebhookParser parser = new TwilioWebhookParser(new RecordingTime(NOW));

    /** What every inbound fixture must become: kind, type or state, business number, customer or recipient, id. */
    private record Expected(Class<? extends ChannelEvent> kind, String typeOrState, String businessNumberId,
                            String customerId, String messageId) {
    }

    private static final Map<String, Expected> EXPECTED = Map.ofEntries(
            Map.entry("inbound/captured/chatsaude_sandbox_text_utf8.form",
                    inbound(MessageType.TEXT, "+14155238886", "558282136275", "SM01cd3925943ee3504f8a5c42d88efdf6")),
            Map.entry("inbound/captured/twilio_docs_call_permission_reply_body.form",
                    inbound(MessageType.BUTTON_REPLY, "+554123456789", "5524987654321", "SMxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")),
            Map.entry("inbound/captured/twilio_docs_call_permission_reply_request.http.txt",
                    inbound(MessageType.BUTTON_REPLY, "+554123456789", "5524987654321", "SMxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")),
            Map.entry("inbound/chatwoot/bsuid_only_params.json",
                    inbound(MessageType.TEXT, CHATWOOT_SERVICE, "IN.2081978709342942", "SMxx")),
            Map.entry("inbound/chatwoot/ctwa_referral_params.json",
                    inbound(MessageType.TEXT, CHATWOOT_SERVICE, "491741763110", "SMxx")),
            Map.entry("inbound/chatwoot/location_params.json",
                    inbound(MessageType.LOCATION, CHATWOOT_SMS_SERVICE, "12345", "SMxx")),
            Map.entry("inbound/chatwoot/media_two_attachments_params.json",
                    inbound(MessageType.IMAGE, CHATWOOT_SMS_SERVICE, "12345", "SMxx")),
            Map.entry("inbound/chatwoot/profile_name_utf8_params.json",
                    inbound(MessageType.TEXT, CHATWOOT_SERVICE, "5541988887777", "SMxx")),
            Map.entry("inbound/courier/receiveMedia.form", inbound(MessageType.IMAGE, "+12028831111", "14133881111", COURIER_SID)),
            Map.entry("inbound/courier/receiveMediaWithMsg.form",
                    inbound(MessageType.IMAGE, "+12028831111", "14133881111", COURIER_SID)),
            Map.entry("inbound/courier/statusRateLimit.form", status(DeliveryState.FAILED, "unknown", null)),
            Map.entry("inbound/courier/statusRead.form", status(DeliveryState.READ, "unknown", null)),
            Map.entry("inbound/courier/statusStop.form", status(DeliveryState.FAILED, "unknown", "12028831111")),
            Map.entry("inbound/courier/statusValid.form", status(DeliveryState.DELIVERED, "unknown", null)),
            Map.entry("inbound/courier/waReceiveBSUIDValid.form", inbound(MessageType.TEXT, "+12028831111", "14133881111", COURIER_SID)),
            Map.entry("inbound/courier/waReceiveButtonValid.form", inbound(MessageType.BUTTON, "+12028831111", "14133881111", COURIER_SID)),
            Map.entry("inbound/courier/waReceiveFromBSUID.form", inbound(MessageType.TEXT, "+12028831111", "US.1234", COURIER_SID)),
            Map.entry("inbound/courier/waReceiveValid.form", inbound(MessageType.TEXT, "+12028831111", "14133881111", COURIER_SID)));

    private static Expected inbound(MessageType type, String business, String customer, String id) {
        return new Expected(InboundMessage.class, type.name(), business, customer, id);
    }

    private static Expected status(DeliveryState state, String business, String recipient) {
        return new Expected(DeliveryStatusUpdate.class, state.name(), business, recipient, COURIER_SID);
    }

    static List<String> inboundFixtures() {
        return TwilioFixtures.inboundFiles();
    }

    // ------------------------------------------------------------------------------- every fixture

    @Test
    void everyFileUnderTheTwilioFixturesHasAKindAndEveryInboundFileAnExpectation() {
        assertThat(TwilioFixtures.allFiles()).allSatisfy(file ->
                assertThat(TwilioFixtures.kindOf(file)).as(file).isNotEqualTo(TwilioFixtures.Kind.UNCLASSIFIED));
        assertThat(inboundFixtures()).hasSize(18).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inboundFixtures")
    void everyInboundFixtureBecomesExactlyTheExpectedEvent(String file) {
        Expected expected = EXPECTED.get(file);
        List<ChannelEvent> events = parse(file);

        assertThat(events).singleElement().isInstanceOf(expected.kind());
        ChannelEvent event = events.get(0);
        assertThat(event.channel()).isEqualTo("twilio");
        assertThat(event.businessNumberId()).isEqualTo(expected.businessNumberId());
        if (event instanceof InboundMessage message) {
            assertThat(message.type().name()).isEqualTo(expected.typeOrState());
            assertThat(message.customerId()).isEqualTo(expected.customerId());
            assertThat(message.messageId()).isEqualTo(expected.messageId());
            assertThat(message.sentAt()).isEqualTo(NOW);
            assertThat(message.rawType()).isNotBlank();
        } else if (event instanceof DeliveryStatusUpdate status) {
            assertThat(status.state().name()).isEqualTo(expected.typeOrState());
            assertThat(status.recipientId()).isEqualTo(expected.customerId());
            assertThat(status.messageId()).isEqualTo(expected.messageId());
            assertThat(status.at()).isEqualTo(NOW);
        }
        // The tenant lookup before verification names the same business number as the event.
        assertThat(TwilioWebhookParser.businessNumberId(TwilioFixtures.params(file))).isEqualTo(expected.businessNumberId());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inboundFixtures")
    void theRawBodyAndItsDecodedParametersGiveTheSameEvent(String file) {
        Map<String, List<String>> params = TwilioFixtures.params(file);
        assertThat(parser.parse(params)).isEqualTo(parse(file));
        if (TwilioFixtures.kindOf(file) == TwilioFixtures.Kind.PARAMS_JSON) {
            // The JSON dumps survive a round trip through the wire form as well.
            byte[] form = FormEncoding.encode(params).getBytes(StandardCharsets.UTF_8);
            assertThat(parser.parse(form)).isEqualTo(parser.parse(params));
        }
    }

    // ------------------------------------------------------------------------------- inbound details

    @Test
    void aSandboxCaptureIsAUtf8TextFromAWhatsAppCustomerWithProfileName() {
        InboundMessage message = inbound("inbound/captured/chatsaude_sandbox_text_utf8.form");

        assertThat(message.text()).isEqualTo("Olá");
        assertThat(message.customerName()).isEqualTo("Jhonata");
        assertThat(message.rawType()).isEqualTo("text");
        assertThat(message.replyToMessageId()).isNull();
        assertThat(message.attributes()).contains(entry(CHANNEL_PREFIX, "whatsapp"),
                entry(ACCOUNT_SID, "ACccec30b8f64bfa44a6dc60d2a447f5c5"));
        assertThat(message.expectsReply()).isTrue();
    }

    @Test
    void theDocsCallPermissionReplyIsAnInteractiveButtonReplyWithItsPayload() {
        InboundMessage message = inbound("inbound/captured/twilio_docs_call_permission_reply_body.form");

        assertThat(message.type()).isEqualTo(MessageType.BUTTON_REPLY);
        assertThat(message.rawType()).isEqualTo("interactive");
        assertThat(message.text()).isEqualTo("VOICE_CALL_REQUEST");
        assertThat(message.customerName()).isEqualTo("XXXX Caller BR-2");
        assertThat(message.attributes()).contains(entry(BUTTON_PAYLOAD, "REJECTED"), entry(BUTTON_ID, "REJECTED"),
                entry(BUTTON_TEXT, "VOICE_CALL_REQUEST"));
    }

    @Test
    void theDocsHttpDumpCarriesExactlyTheBodyFixtureAndATwilioSignatureHeader() {
        TwilioFixtures.HttpDump dump = TwilioFixtures.httpDump("inbound/captured/twilio_docs_call_permission_reply_request.http.txt");

        assertThat(dump.requestLine()).isEqualTo("POST /www/twiml/whatsapp-text.xml HTTP/1.1");
        assertThat(dump.headers()).containsEntry("Content-Type", "application/x-www-form-urlencoded")
                .containsEntry("User-Agent", "TwilioProxy/1.1")
                .containsKey("I-Twilio-Idempotency-Token");
        // URL and token are unknown, so the header is only checked to be a well-formed HMAC-SHA1 in base64.
        assertThat(java.util.Base64.getDecoder().decode(dump.headers().get("X-Twilio-Signature"))).hasSize(20);
        assertThat(dump.body()).isEqualTo(TwilioFixtures.read("inbound/captured/twilio_docs_call_permission_reply_body.form"));
    }

    @Test
    void aTemplateQuickReplyWithoutMessageTypeIsAButton() {
        InboundMessage message = inbound("inbound/courier/waReceiveButtonValid.form");

        assertThat(message.type()).isEqualTo(MessageType.BUTTON);
        assertThat(message.rawType()).isEqualTo("button");
        assertThat(message.text()).isEqualTo("Confirm");
        assertThat(message.attributes()).containsEntry(BUTTON_TEXT, "Confirm").doesNotContainKey(BUTTON_PAYLOAD);
    }

    @Test
    void aBsuidOnlySenderIsKnownByTheBusinessScopedIdWithItsParentAndUsername() {
        InboundMessage message = inbound("inbound/chatwoot/bsuid_only_params.json");

        assertThat(message.customerId()).isEqualTo("IN.2081978709342942");
        assertThat(message.customerName()).isEqualTo("Muhsin");
        assertThat(message.text()).isEqualTo("testing bsuid");
        assertThat(message.attributes()).contains(entry(USER_ID, "IN.2081978709342942"),
                entry(PARENT_USER_ID, "IN.ENT.9081726354"), entry(USERNAME, "muhsin"), entry(CHANNEL_PREFIX, "whatsapp"));
    }

    @Test
    void aPhoneSenderWithAnExternalUserIdKeepsThePhoneAsCustomerAndTheBsuidAsAttribute() {
        InboundMessage withPhone = inbound("inbound/courier/waReceiveBSUIDValid.form");
        InboundMessage bsuidOnly = inbound("inbound/courier/waReceiveFromBSUID.form");

        assertThat(withPhone.customerId()).isEqualTo("14133881111");
        assertThat(withPhone.attributes()).containsEntry(USER_ID, "US.1234");
        assertThat(bsuidOnly.customerId()).isEqualTo("US.1234");
        assertThat(bsuidOnly.attributes()).containsEntry(USER_ID, "US.1234");
    }

    @Test
    void aClickToWhatsAppAdReferralLandsInAttributesUnderTheMetaChannelsKeys() {
        InboundMessage message = inbound("inbound/chatwoot/ctwa_referral_params.json");

        assertThat(message.type()).isEqualTo(MessageType.TEXT);
        assertThat(message.text()).isEqualTo("Hallo! Kann ich hierzu mehr Informationen erhalten?");
        assertThat(message.attributes()).contains(
                entry(REFERRAL_CTWA_CLID, "AfjyUDlaIoiweZDnlzmDTEaG"),
                entry(REFERRAL_SOURCE_ID, "120237244350960485"),
                entry(REFERRAL_SOURCE_URL, "https://fb.me/4tBfhWhjr"),
                entry(REFERRAL_SOURCE_TYPE, "ad"),
                entry(REFERRAL_HEADLINE, "German citizenship lawyer"),
                entry(REFERRAL_BODY, "Fast-track your German citizenship"))
                // Blank id and a zero count say nothing.
                .doesNotContainKeys(REFERRAL_MEDIA_ID, REFERRAL_NUM_MEDIA);
    }

    @Test
    void aSharedLocationCarriesItsCoordinates() {
        InboundMessage message = inbound("inbound/chatwoot/location_params.json");

        assertThat(message.type()).isEqualTo(MessageType.LOCATION);
        assertThat(message.rawType()).isEqualTo("location");
        assertThat(message.text()).isNull();
        assertThat(message.attributes()).contains(entry(LATITUDE, "12.160894393921"), entry(LONGITUDE, "75.265205383301"),
                entry(CHANNEL_PREFIX, "sms"));
    }

    @Test
    void aLocationWithLabelAndAddressIsNamedByItsLabel() {
        InboundMessage message = inbound(form("MessageSid", "SM1", "From", "whatsapp:+919876543210", "To", "whatsapp:+14155238886",
                "Latitude", "18.52", "Longitude", "73.85", "Label", "Camera Hub", "Address", "FC Road, Pune"));

        assertThat(message.type()).isEqualTo(MessageType.LOCATION);
        assertThat(message.text()).isEqualTo("Camera Hub");
        assertThat(message.attributes()).contains(entry(LOCATION_NAME, "Camera Hub"), entry(LOCATION_ADDRESS, "FC Road, Pune"));
    }

    @Test
    void twoAttachmentsAreOneImageMessageListingBoth() {
        InboundMessage message = inbound("inbound/chatwoot/media_two_attachments_params.json");

        assertThat(message.type()).isEqualTo(MessageType.IMAGE);
        assertThat(message.text()).isEqualTo("testing multiple media");
        assertThat(message.attributes()).contains(
                entry(MEDIA_COUNT, "2"),
                entry(MEDIA_URL, "https://chatwoot-assets.local/sample.png"), entry(MIME_TYPE, "image/png"),
                entry("media_0_url", "https://chatwoot-assets.local/sample.png"), entry("media_0_mime_type", "image/png"),
                entry("media_1_url", "https://chatwoot-assets.local/sample.jpg"), entry("media_1_mime_type", "image/jpeg"));
    }

    @Test
    void mediaWithoutContentTypeIsTypedByItsFileNameAndHasNoCaptionUnlessABodyCame() {
        InboundMessage bare = inbound("inbound/courier/receiveMedia.form");
        InboundMessage captioned = inbound("inbound/courier/receiveMediaWithMsg.form");

        assertThat(bare.type()).isEqualTo(MessageType.IMAGE);
        assertThat(bare.text()).isNull();
        assertThat(bare.attributes()).contains(entry(MEDIA_COUNT, "2"), entry(MEDIA_URL, "cat.jpg"), entry("media_1_url", "dog.jpg"),
                entry(CHANNEL_PREFIX, "sms")).doesNotContainKey(MIME_TYPE);
        assertThat(captioned.text()).isEqualTo("Msg");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"audio/ogg=AUDIO", "video/mp4=VIDEO", "application/pdf=DOCUMENT", "image/jpeg=IMAGE",
            "text/vcard=CONTACTS"})
    void mediaIsTypedByItsContentType(String contentTypeAndType) {
        String[] parts = contentTypeAndType.split("=");
        InboundMessage message = inbound(form("MessageSid", "SM2", "From", "whatsapp:+919876543210", "To", "whatsapp:+14155238886",
                "NumMedia", "1", "MediaUrl0", "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1",
                "MediaContentType0", parts[0]));

        assertThat(message.type()).isEqualTo(MessageType.valueOf(parts[1]));
        assertThat(message.attributes()).containsEntry(MIME_TYPE, parts[0]);
    }

    @Test
    void aStickerIsAStickerAndIsNotAnswered() {
        InboundMessage message = inbound(form("MessageSid", "SM3", "From", "whatsapp:+919876543210", "To", "whatsapp:+14155238886",
                "MessageType", "sticker", "NumMedia", "1", "MediaUrl0", "https://example.test/s", "MediaContentType0", "image/webp"));

        assertThat(message.type()).isEqualTo(MessageType.STICKER);
        assertThat(message.expectsReply()).isFalse();
    }

    @Test
    void aListPickerReplyIsAListReplyWithTheRowId() {
        InboundMessage message = inbound(form("MessageSid", "SM4", "From", "whatsapp:+919876543210", "To", "whatsapp:+14155238886",
                "MessageType", "interactive", "Body", "Sony FX3", "ListId", "cam-fx3", "ListTitle", "Sony FX3",
                "ListDescription", "Full-frame cinema camera"));

        assertThat(message.type()).isEqualTo(MessageType.LIST_REPLY);
        assertThat(message.text()).isEqualTo("Sony FX3");
        assertThat(message.attributes()).contains(entry(LIST_ROW_ID, "cam-fx3"),
                entry(LIST_ROW_DESCRIPTION, "Full-frame cinema camera"));
    }

    @Test
    void aReplyToAnEarlierMessageNamesItAndForwardFlagsAreKept() {
        InboundMessage message = inbound(form("MessageSid", "SM5", "From", "whatsapp:+919876543210", "To", "whatsapp:+14155238886",
                "Body", "this one", "OriginalRepliedMessageSid", "SM0000", "OriginalRepliedMessageSender", "whatsapp:+14155238886",
                "Forwarded", "true", "FrequentlyForwarded", "false"));

        assertThat(message.replyToMessageId()).isEqualTo("SM0000");
        assertThat(message.attributes()).contains(entry(CONTEXT_FROM, "14155238886"), entry(FORWARDED, "true"),
                entry(FREQUENTLY_FORWARDED, "false"));
    }

    @Test
    void anUnknownMessageTypeIsKeptRawAndAnEmptyMessageIsUnknown() {
        InboundMessage odd = inbound(form("MessageSid", "SM6", "From", "whatsapp:+919876543210", "To", "whatsapp:+14155238886",
                "MessageType", "poll"));
        InboundMessage empty = inbound(form("MessageSid", "SM7", "From", "whatsapp:+919876543210", "To", "whatsapp:+14155238886",
                "Body", ""));

        assertThat(odd.type()).isEqualTo(MessageType.UNKNOWN);
        assertThat(odd.rawType()).isEqualTo("poll");
        assertThat(empty.type()).isEqualTo(MessageType.UNKNOWN);
        assertThat(empty.rawType()).isEqualTo("empty");
    }

    @Test
    void waIdWinsOverFromSoTheSameCustomerHasOneId() {
        InboundMessage withWaId = inbound("inbound/captured/chatsaude_sandbox_text_utf8.form");
        InboundMessage withoutWaId = inbound(form("MessageSid", "SM8", "From", "whatsapp:+558282136275",
                "To", "whatsapp:+14155238886", "Body", "oi"));

        assertThat(withoutWaId.customerId()).isEqualTo(withWaId.customerId()).isEqualTo("558282136275");
    }

    @Test
    void aProfileNameInUtf8IsKeptExactly() {
        assertThat(inbound("inbound/chatwoot/profile_name_utf8_params.json").customerName()).isEqualTo("João Silva");
        byte[] form = "MessageSid=SM9&From=whatsapp%3A%2B5541988887777&To=whatsapp%3A%2B14155238886&Body=Ol%C3%A1+%F0%9F%99%8F&ProfileName=Jo%C3%A3o+Silva"
                .getBytes(StandardCharsets.US_ASCII);
        InboundMessage message = (InboundMessage) parser.parse(form).get(0);
        assertThat(message.customerName()).isEqualTo("João Silva");
        assertThat(message.text()).isEqualTo("Olá 🙏");
    }

    // ------------------------------------------------------------------------------- status callbacks

    @Test
    void aRateLimitedFailureCarriesTwilioError63018() {
        DeliveryStatusUpdate status = status("inbound/courier/statusRateLimit.form");

        assertThat(status.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(status.rawStatus()).isEqualTo("failed");
        assertThat(status.errors()).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo("63018");
            assertThat(error.title()).isEqualTo("Rate limit exceeded for the channel");
            assertThat(error.detail()).isEqualTo("https://www.twilio.com/docs/errors/63018");
        });
    }

    @Test
    void anOptedOutRecipientFailsWith21610AndNamesTheRecipient() {
        DeliveryStatusUpdate status = status("inbound/courier/statusStop.form");

        assertThat(status.recipientId()).isEqualTo("12028831111");
        assertThat(status.errors()).extracting(ChannelError::code).containsExactly("21610");
    }

    @Test
    void aWhatsAppStatusCallbackBelongsToTheBusinessThatSentIt() {
        List<ChannelEvent> events = parser.parse(form("MessageSid", "SM10", "MessageStatus", "undelivered", "ErrorCode", "63016",
                "From", "whatsapp:+14155238886", "To", "whatsapp:+919876543210", "ChannelPrefix", "whatsapp",
                "SmsStatus", "undelivered", "AccountSid", "AC00000000000000000000000000000000"));

        DeliveryStatusUpdate status = (DeliveryStatusUpdate) events.get(0);
        assertThat(status.businessNumberId()).isEqualTo("+14155238886");
        assertThat(status.recipientId()).isEqualTo("919876543210");
        assertThat(status.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(status.errors()).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo("63016");
            assertThat(error.title()).contains("24 h");
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"queued=SENT", "sent=SENT", "delivered=DELIVERED", "read=READ", "failed=FAILED",
            "undelivered=FAILED", "canceled=FAILED", "scheduled=PENDING", "partially_delivered=UNKNOWN"})
    void everyTwilioStatusMapsToADeliveryState(String statusAndState) {
        String[] parts = statusAndState.split("=");
        DeliveryStatusUpdate status = (DeliveryStatusUpdate) parser.parse(form("MessageSid", "SM11", "MessageStatus", parts[0],
                "From", "whatsapp:+14155238886", "To", "whatsapp:+919876543210")).get(0);

        assertThat(status.state()).isEqualTo(DeliveryState.valueOf(parts[1]));
        assertThat(status.errors()).isEmpty();
    }

    @Test
    void aReceivedMessageStatusIsAnInboundMessageNotAStatus() {
        List<ChannelEvent> events = parser.parse(form("MessageSid", "SM12", "MessageStatus", "received", "SmsStatus", "received",
                "From", "whatsapp:+919876543210", "To", "whatsapp:+14155238886", "Body", "hi"));

        assertThat(events).singleElement().isInstanceOf(InboundMessage.class);
    }

    // ------------------------------------------------------------------------------- malformed

    @Test
    void anEmptyBodyIsMalformed() {
        assertThatThrownBy(() -> parser.parse(new byte[0])).isInstanceOf(MalformedPayloadException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> parser.parse(Map.of())).isInstanceOf(MalformedPayloadException.class);
    }

    @Test
    void aBrokenPercentEscapeOrInvalidUtf8IsMalformed() {
        assertThatThrownBy(() -> parser.parse("MessageSid=SM1&Body=100%".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("percent-escape");
        assertThatThrownBy(() -> parser.parse("MessageSid=SM1&Body=%zz".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("percent-escape");
        assertThatThrownBy(() -> parser.parse("MessageSid=SM1&Body=%C3%28".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void aJsonBodyOrParametersWithoutMessageSidAreMalformed() {
        assertThatThrownBy(() -> parser.parse("{\"object\":\"whatsapp_business_account\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("MessageSid");
        assertThatThrownBy(() -> parser.parse(form("From", "whatsapp:+919876543210", "Body", "hi")))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("MessageSid");
    }

    @Test
    void anInboundMessageWithoutSenderOrWithABadMediaCountIsMalformed() {
        assertThatThrownBy(() -> parser.parse(form("MessageSid", "SM1", "To", "whatsapp:+14155238886", "Body", "hi")))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("sender");
        assertThatThrownBy(() -> parser.parse(form("MessageSid", "SM1", "From", "whatsapp:+1415", "NumMedia", "two")))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("NumMedia");
    }

    @Test
    void theMalformedMessageNeverQuotesTheBody() {
        assertThatThrownBy(() -> parser.parse("Body=my+secret+plan%G1".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(MalformedPayloadException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
    }

    // ------------------------------------------------------------------------------- helpers

    private List<ChannelEvent> parse(String file) {
        return TwilioFixtures.kindOf(file) == TwilioFixtures.Kind.PARAMS_JSON
                ? parser.parse(TwilioFixtures.paramsFromJson(file))
                : parser.parse(TwilioFixtures.formBody(file));
    }

    private InboundMessage inbound(String file) {
        return (InboundMessage) parse(file).get(0);
    }

    private InboundMessage inbound(Map<String, List<String>> params) {
        return (InboundMessage) parser.parse(params).get(0);
    }

    private DeliveryStatusUpdate status(String file) {
        return (DeliveryStatusUpdate) parse(file).get(0);
    }

    static Map<String, List<String>> form(String... namesAndValues) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return params;
    }
}
