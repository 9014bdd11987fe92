package dev.waagent.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waagent.domain.channel.ChannelError;
import dev.waagent.domain.channel.ChannelEvent;
import dev.waagent.domain.channel.ChannelNotice;
import dev.waagent.domain.channel.DeliveryState;
import dev.waagent.domain.channel.DeliveryStatusUpdate;
import dev.waagent.domain.channel.InboundMessage;
import dev.waagent.domain.channel.MalformedPayloadException;
import dev.waagent.domain.channel.MessageType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.waagent.whatsapp.WhatsAppAttributes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WhatsAppWebhookParserTest {

    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private static final Map<String, String> EXPECTED = loadExpectations();

    private final WhatsAppWebhookParser parser = new WhatsAppWebhookParser(new RecordingTime(NOW));

    // ------------------------------------------------------------------------------------------- every fixture

    static Stream<String> deliveryFixtures() {
        return MetaFixtures.filesWithRole(MetaFixtures.Role.DELIVERY).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deliveryFixtures")
    void everyWebhookDeliveryFixtureParsesIntoTheExpectedEvents(String fixture) {
        ParsedDelivery delivery = parser.parseDelivery(MetaFixtures.read(fixture));

        assertThat(summary(delivery.events())).as("events of %s", fixture).isEqualTo(EXPECTED.get(fixture));
        for (ChannelEvent event : delivery.events()) {
            assertThat(event.channel()).isEqualTo("whatsapp");
            assertThat(event.businessNumberId()).isNotBlank();
            if (event instanceof InboundMessage message) {
                assertThat(message.messageId()).isNotBlank();
                assertThat(message.customerId()).isNotBlank();
                assertThat(message.rawType()).isNotBlank();
                assertThat(message.attributes()).doesNotContainKey(TIMESTAMP_MISSING);
                assertThat(delivery.phoneNumberIds()).contains(message.businessNumberId());
            }
            if (event instanceof DeliveryStatusUpdate status) {
                assertThat(status.messageId()).isNotBlank();
                assertThat(status.rawStatus()).isNotBlank();
                assertThat(status.state()).isNotEqualTo(DeliveryState.UNKNOWN);
            }
        }
    }

    @Test
    void theExpectationTableNamesExactlyTheDeliveryFixtures() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrderElementsOf(deliveryFixtures().toList());
    }

    @Test
    void everyNamedExampleOfThePywaCollectionsParsesLikeItsExtractedCopy() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        int examples = 0;
        for (String collection : MetaFixtures.filesWithRole(MetaFixtures.Role.DELIVERY_COLLECTION)) {
            String base = collection.substring(collection.lastIndexOf('/') + 1).replace(".json", "");
            JsonNode named = mapper.readTree(MetaFixtures.read(collection));
            for (Iterator<Map.Entry<String, JsonNode>> it = named.fields(); it.hasNext(); examples++) {
                Map.Entry<String, JsonNode> example = it.next();
                List<ChannelEvent> fromCollection = parser.parse(mapper.writeValueAsBytes(example.getValue()));
                List<ChannelEvent> fromExtracted = parser.parse(MetaFixtures.read("pywa/" + base + "__" + example.getKey() + ".json"));
                assertThat(fromCollection).as("%s / %s", collection, example.getKey()).isEqualTo(fromExtracted).isNotEmpty();
            }
        }
        assertThat(examples).as("named examples in pywa/original").isEqualTo(37);
    }

    @Test
    void theDeliberatelyInvalidFixtureIsRejectedAsMalformed() {
        assertThat(MetaFixtures.filesWithRole(MetaFixtures.Role.INVALID_DELIVERY))
                .containsExactly("bindambc-java/webhook/textMessageStatusRead.json");
        assertThatThrownBy(() -> parser.parse(MetaFixtures.read("bindambc-java/webhook/textMessageStatusRead.json")))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("not valid JSON");
    }

    // ------------------------------------------------------------------------------------------- messages

    @Nested
    class Messages {

        @Test
        void aTextMessageGivesOneInboundMessageWithIdsNameTextAndTime() {
            ParsedDelivery delivery = parser.parseDelivery(MetaFixtures.read("docs-meta/text_message.json"));

            assertThat(delivery.events()).hasSize(1);
            InboundMessage message = delivery.messages().get(0);
            assertThat(message.channel()).isEqualTo("whatsapp");
            assertThat(message.businessNumberId()).isEqualTo("106540352242922");
            assertThat(message.messageId()).isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=");
            assertThat(message.customerId()).isEqualTo("16505551234");
            assertThat(message.customerName()).isEqualTo("Sheena Nelson");
            assertThat(message.type()).isEqualTo(MessageType.TEXT);
            assertThat(message.rawType()).isEqualTo("text");
            assertThat(message.text()).isEqualTo("Does it come in another color?");
            assertThat(message.sentAt()).isEqualTo(Instant.ofEpochSecond(1749416383L));
            assertThat(message.replyToMessageId()).isNull();
            assertThat(message.attributes()).isEmpty();
            assertThat(message.expectsReply()).isTrue();
            assertThat(delivery.phoneNumberIds()).containsExactly("106540352242922");
            assertThat(delivery.accountIds()).containsExactly("102290129340398");
        }

        @Test
        void numericTimestampsAreReadLikeStringOnes() {
            InboundMessage message = parser.parseDelivery(MetaFixtures.read("netflie-php/can_build_a_button_notification.json"))
                    .messages().get(0);
            assertThat(message.sentAt()).isEqualTo(Instant.ofEpochSecond(1669233778L));
        }

        @Test
        void twoChangesInOneEntryGiveBothMessagesInOrder() {
            List<InboundMessage> messages = parser.parseDelivery(
                    MetaFixtures.read("netflie-php/can_build_multiple_text_notification.json")).messages();

            assertThat(messages).extracting(InboundMessage::text).containsExactly("MESSAGE_BODY", "MESSAGE_BODY2");
            assertThat(messages).extracting(InboundMessage::sentAt)
                    .containsExactly(Instant.ofEpochSecond(1669233778L), Instant.ofEpochSecond(1669233779L));
        }

        @Test
        void aChangeWithAMessageAndFourStatusesPlusASecondChangeGivesAllSix() {
            ParsedDelivery delivery = parser.parseDelivery(MetaFixtures.read("typebot/multi_change_multi_status_partial.json"));

            assertThat(delivery.messages()).singleElement().satisfies(message -> {
                assertThat(message.customerId()).isEqualTo("33612345678");
                assertThat(message.text()).isEqualTo("Hello");
            });
            assertThat(delivery.statuses()).extracting(DeliveryStatusUpdate::messageId).containsExactly(
                    "failed-status", "errored-status", "marketing-status", "utility-status", "marketing-lite-status");
            assertThat(delivery.statuses()).extracting(DeliveryStatusUpdate::state).containsExactly(
                    DeliveryState.FAILED, DeliveryState.SENT, DeliveryState.DELIVERED, DeliveryState.DELIVERED, DeliveryState.READ);
            assertThat(delivery.statuses().get(1).errors()).extracting(ChannelError::code).containsExactly("131047");
            assertThat(delivery.businessNumberIds()).containsExactly("phone-number-id");
            assertThat(delivery.accountIds()).isEmpty();
        }

        @Test
        void unsupportedMessagesKeepTheirRawTypeAndErrorCode() {
            InboundMessage edit = parser.parseDelivery(MetaFixtures.read("docs-meta/unsupported_131051.json")).messages().get(0);
            assertThat(edit.type()).isEqualTo(MessageType.UNSUPPORTED);
            assertThat(edit.rawType()).isEqualTo("unsupported");
            assertThat(edit.text()).isNull();
            assertThat(edit.attributes()).containsEntry(UNSUPPORTED_TYPE, "edit").containsEntry(ERROR_CODE, "131051")
                    .containsEntry(ERROR_TITLE, "Message type unknown")
                    .containsEntry(ERROR_DETAILS, "Message type is currently not supported.");

            InboundMessage deleted = parser.parseDelivery(MetaFixtures.read("bindambc-java/webhook/messageDeleted.json")).messages().get(0);
            assertThat(deleted.type()).isEqualTo(MessageType.UNSUPPORTED);
            assertThat(deleted.attributes()).containsEntry(ERROR_CODE, "131051").doesNotContainKey(UNSUPPORTED_TYPE);
        }

        @Test
        void unknownMessageTypesAreKeptAsUnknownWithTheirRawType() {
            InboundMessage unknown = parser.parseDelivery(MetaFixtures.read("netflie-php/can_build_an_unknown_notification.json"))
                    .messages().get(0);
            assertThat(unknown.type()).isEqualTo(MessageType.UNKNOWN);
            assertThat(unknown.rawType()).isEqualTo("unknown");
            // This fixture puts "details" next to the code instead of under error_data.
            assertThat(unknown.attributes()).containsEntry(ERROR_CODE, "131051")
                    .containsEntry(ERROR_DETAILS, "Message type is not currently supported");

            InboundMessage future = parser.parseDelivery(delivery(message("\"type\":\"request_welcome\"", "\"request_welcome\":{}")))
                    .messages().get(0);
            assertThat(future.type()).isEqualTo(MessageType.UNKNOWN);
            assertThat(future.rawType()).isEqualTo("request_welcome");
            assertThat(future.expectsReply()).isTrue();
        }

        @Test
        void anInteractiveMessageWithoutItsObjectIsUnknownAndTheValueLevelErrorBecomesANotice() {
            ParsedDelivery delivery = parser.parseDelivery(MetaFixtures.read("pywa/message__interactive_message_with_err.json"));

            assertThat(delivery.messages()).singleElement().satisfies(message -> {
                assertThat(message.type()).isEqualTo(MessageType.UNKNOWN);
                assertThat(message.rawType()).isEqualTo("interactive");
                assertThat(message.replyToMessageId()).isEqualTo("wamid.gvwegfretge==");
            });
            assertThat(delivery.notices()).singleElement().satisfies(notice -> {
                assertThat(notice.field()).isEqualTo("messages");
                assertThat(notice.errors()).containsExactly(new ChannelError("131000", "Something went wrong", "Unsupported webhook payload"));
            });
        }

        @Test
        void aDeletedMessageTypeMapsToDeleted() {
            InboundMessage deleted = parser.parseDelivery(delivery(message("\"type\":\"deleted\""))).messages().get(0);
            assertThat(deleted.type()).isEqualTo(MessageType.DELETED);
            assertThat(deleted.rawType()).isEqualTo("deleted");
            assertThat(deleted.expectsReply()).isFalse();
        }

        @Test
        void reactionsCarryTheEmojiAndTheMessageReactedTo() {
            InboundMessage reaction = parser.parseDelivery(MetaFixtures.read("openapi-v23/webhook-examples/reaction_message.json"))
                    .messages().get(0);
            assertThat(reaction.type()).isEqualTo(MessageType.REACTION);
            assertThat(reaction.text()).isEqualTo("👍");
            assertThat(reaction.expectsReply()).isFalse();
            assertThat(reaction.attributes())
                    .containsEntry(REACTION_MESSAGE_ID, "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0RTJEOTc2ODVERUY5RDlGNkYA")
                    .containsEntry(REACTION_EMOJI, "👍")
                    .containsEntry(REACTION_REMOVED, "false");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"pywa/message__unreaction_empty.json", "pywa/message__unreaction_no_emoji.json",
                "netflie-php/can_build_a_removed_reaction_notification.json"})
        void aReactionWithoutEmojiIsAnUnReaction(String fixture) {
            InboundMessage unreaction = parser.parseDelivery(MetaFixtures.read(fixture)).messages().get(0);
            assertThat(unreaction.type()).isEqualTo(MessageType.REACTION);
            assertThat(unreaction.text()).isNull();
            assertThat(unreaction.attributes()).containsEntry(REACTION_REMOVED, "true").doesNotContainKey(REACTION_EMOJI)
                    .containsKey(REACTION_MESSAGE_ID);
        }

        @Test
        void mediaMessagesCarryIdMimeTypeUrlAndCaption() {
            InboundMessage image = parser.parseDelivery(MetaFixtures.read("pywa/message__media_with_url.json")).messages().get(0);
            assertThat(image.type()).isEqualTo(MessageType.IMAGE);
            assertThat(image.attributes()).containsEntry(MEDIA_ID, "65463453").containsEntry(MIME_TYPE, "image/jpeg")
                    .containsEntry(MEDIA_URL, "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=65463453&source=webhook&ext=487r9re&hash=heiwchueowbcew-dnedcw");

            InboundMessage captioned = parser.parseDelivery(MetaFixtures.read("openapi-v23/webhook-examples/image_message.json")).messages().get(0);
            assertThat(captioned.text()).isEqualTo("Taj Mahal");

            InboundMessage document = parser.parseDelivery(MetaFixtures.read("pywa/message__document.json")).messages().get(0);
            assertThat(document.type()).isEqualTo(MessageType.DOCUMENT);
            assertThat(document.attributes()).containsEntry(FILENAME, "filename.pdf").containsEntry(FORWARDED, "true");
        }

        @Test
        void voiceNotesAndAudioFilesAreBothAudio() {
            InboundMessage voice = parser.parseDelivery(MetaFixtures.read("pywa/message__voice.json")).messages().get(0);
            InboundMessage audio = parser.parseDelivery(MetaFixtures.read("pywa/message__audio.json")).messages().get(0);
            assertThat(voice.type()).isEqualTo(MessageType.AUDIO);
            assertThat(voice.attributes()).containsEntry(VOICE, "true").containsEntry(MIME_TYPE, "audio/ogg; codecs=opus");
            assertThat(audio.attributes()).containsEntry(VOICE, "false");
        }

        @Test
        void stickersAreNotAnswered() {
            InboundMessage sticker = parser.parseDelivery(MetaFixtures.read("pywa/message__animated_sticker.json")).messages().get(0);
            assertThat(sticker.type()).isEqualTo(MessageType.STICKER);
            assertThat(sticker.expectsReply()).isFalse();
            assertThat(sticker.attributes()).containsEntry(ANIMATED, "true");
        }

        @Test
        void locationsGiveNameAndAddressAsTextAndExactCoordinates() {
            InboundMessage place = parser.parseDelivery(MetaFixtures.read("openapi-v23/webhook-examples/location_message.json"))
                    .messages().get(0);
            assertThat(place.type()).isEqualTo(MessageType.LOCATION);
            assertThat(place.text()).isEqualTo("Philz Coffee, 101 Forest Ave, Palo Alto, CA 94301");
            assertThat(place.attributes()).containsEntry(LATITUDE, "37.44221496582").containsEntry(LONGITUDE, "-122.16165924072")
                    .containsEntry(LOCATION_URL, "https://philzcoffee.com/");

            InboundMessage pin = parser.parseDelivery(MetaFixtures.read("pywa/message__current_location.json")).messages().get(0);
            assertThat(pin.text()).isNull();
            assertThat(pin.attributes()).containsEntry(LATITUDE, "12.25089").containsEntry(LONGITUDE, "43.90539");
        }

        @Test
        void sharedContactsGiveTheirNamesAsText() {
            InboundMessage contacts = parser.parseDelivery(MetaFixtures.read("pywa/message__contacts.json")).messages().get(0);
            assertThat(contacts.type()).isEqualTo(MessageType.CONTACTS);
            assertThat(contacts.text()).isEqualTo("Chandler Bing, Monica, Rachel Green");
            assertThat(contacts.attributes()).containsEntry(CONTACTS_COUNT, "3").containsEntry("contact_2_phone", "+1 777-777-7777");

            InboundMessage accented = parser.parseDelivery(MetaFixtures.read("openapi-v23/webhook-examples/contact_sharing_message.json"))
                    .messages().get(0);
            assertThat(accented.text()).isEqualTo("Lucía Gómez");
        }

        @Test
        void interactiveRepliesGiveTheTitleAsTextAndTheIdAsAttribute() {
            InboundMessage button = parser.parseDelivery(MetaFixtures.read("docs-meta/interactive_button_reply.json")).messages().get(0);
            assertThat(button.type()).isEqualTo(MessageType.BUTTON_REPLY);
            assertThat(button.rawType()).isEqualTo("interactive");
            assertThat(button.text()).isEqualTo("Cancel");
            assertThat(button.replyToMessageId()).isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MEM2RUJFNkI0RENGQTVDRjUA");
            assertThat(button.attributes()).containsEntry(BUTTON_ID, "cancel-button").containsEntry(INTERACTIVE_TYPE, "button_reply");

            InboundMessage row = parser.parseDelivery(MetaFixtures.read("docs-meta/interactive_list_reply.json")).messages().get(0);
            assertThat(row.type()).isEqualTo(MessageType.LIST_REPLY);
            assertThat(row.text()).isEqualTo("Priority Mail Express");
            assertThat(row.attributes()).containsEntry(LIST_ROW_ID, "priority_express")
                    .containsEntry(LIST_ROW_DESCRIPTION, "Next Day to 2 Days");

            InboundMessage flow = parser.parseDelivery(MetaFixtures.read("netflie-php/can_build_a_flow_notification.json")).messages().get(0);
            assertThat(flow.type()).isEqualTo(MessageType.FLOW_REPLY);
            assertThat(flow.text()).isEqualTo("Sent");
            assertThat(flow.attributes()).containsEntry(FLOW_NAME, "flow")
                    .containsEntry(FLOW_RESPONSE_JSON, "{\"screen_0_name_0\":\"Email\",\"screen_0_orderNumber_1\":\"ID\",\"flow_token\":\"unused\"}");
        }

        @Test
        void templateQuickRepliesGiveTheButtonTextAndPayload() {
            InboundMessage quickReply = parser.parseDelivery(MetaFixtures.read("openapi-v23/webhook-examples/button_message.json"))
                    .messages().get(0);
            assertThat(quickReply.type()).isEqualTo(MessageType.BUTTON);
            assertThat(quickReply.text()).isEqualTo("Unsubscribe");
            assertThat(quickReply.attributes()).containsEntry(BUTTON_PAYLOAD, "Unsubscribe");
        }

        @Test
        void ordersKeepTheirItems() {
            InboundMessage order = parser.parseDelivery(MetaFixtures.read("openapi-v23/webhook-examples/order_message.json")).messages().get(0);
            assertThat(order.type()).isEqualTo(MessageType.ORDER);
            assertThat(order.text()).isNull();
            assertThat(order.attributes()).containsEntry(ORDER_CATALOG_ID, "194836987003835").containsEntry(ORDER_ITEMS_COUNT, "2")
                    .containsEntry("order_item_0_product_retailer_id", "di9ozbzfi4").containsEntry("order_item_0_quantity", "2")
                    .containsEntry("order_item_1_item_price", "25").containsEntry("order_item_1_currency", "USD");
        }

        @Test
        void systemMessagesCarryTheNewNumberAndAreNotAnswered() {
            InboundMessage changed = parser.parseDelivery(MetaFixtures.read("docs-meta/system_user_changed_number.json")).messages().get(0);
            assertThat(changed.type()).isEqualTo(MessageType.SYSTEM);
            assertThat(changed.customerId()).isEqualTo("16505551234");
            assertThat(changed.customerName()).isNull();
            assertThat(changed.expectsReply()).isFalse();
            assertThat(changed.attributes()).containsEntry(SYSTEM_TYPE, "user_changed_number").containsEntry(SYSTEM_NEW_WA_ID, "12195555358");

            InboundMessage identity = parser.parseDelivery(MetaFixtures.read("pywa/system__identity_change.json")).messages().get(0);
            assertThat(identity.attributes()).containsEntry(SYSTEM_TYPE, "customer_identity_changed")
                    .containsEntry(IDENTITY_ACKNOWLEDGED, "true").containsEntry(IDENTITY_HASH, "xyzxyz");
        }

        @Test
        void clickToWhatsAppAdReferralsAreKept() {
            InboundMessage message = parser.parseDelivery(MetaFixtures.read("docs-meta/text_message_click_to_whatsapp_ad_referral.json"))
                    .messages().get(0);
            assertThat(message.attributes()).containsEntry(REFERRAL_SOURCE_URL, "https://fb.me/3cr4Wqqkv")
                    .containsEntry(REFERRAL_SOURCE_TYPE, "ad").containsEntry(REFERRAL_SOURCE_ID, "120226305854810726")
                    .containsEntry(REFERRAL_CTWA_CLID, "Aff-n8ZTODiE79d22KtAwQKj9e_mIEOOj27vDVwFjN80dp4_0NiNhEgpGo0AHemvuSoifXaytfTzcchptiErTKCqTrJ5nW1h7IHYeYymGb5K5J5iTROpBhWAGaIAeUzHL50")
                    .containsEntry(REFERRAL_WELCOME_MESSAGE, "Hi there! Let us know how we can help!");
        }

        @Test
        void repliesForwardsAndProductQuestionsKeepTheirContext() {
            InboundMessage product = parser.parseDelivery(MetaFixtures.read("docs-meta/text_message_business_button_referred_product.json"))
                    .messages().get(0);
            assertThat(product.replyToMessageId()).isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGA9wcm9kdWN0X2lucXVpcnkA");
            assertThat(product.attributes()).containsEntry(CONTEXT_FROM, "15550783881")
                    .containsEntry(REFERRED_PRODUCT_CATALOG_ID, "194836987003835")
                    .containsEntry(REFERRED_PRODUCT_RETAILER_ID, "di9ozbzfi4");

            InboundMessage forwarded = parser.parseDelivery(MetaFixtures.read("pywa/message__forwarded_many_times.json")).messages().get(0);
            assertThat(forwarded.replyToMessageId()).isNull();
            assertThat(forwarded.attributes()).containsEntry(FREQUENTLY_FORWARDED, "true");
        }
    }

    // ------------------------------------------------------------------------------------------- senders

    @Nested
    class Senders {

        @Test
        void aSenderKnownOnlyByBusinessScopedIdIsIdentifiedByIt() {
            InboundMessage message = parser.parseDelivery(
                    MetaFixtures.read("netflie-php/can_build_a_notification_with_bsuid_only_and_no_from.json")).messages().get(0);

            assertThat(message.customerId()).isEqualTo("BSUID_123");
            assertThat(message.customerName()).isEqualTo("NAME");
            assertThat(message.text()).isEqualTo("MESSAGE_BODY");
            assertThat(message.attributes()).containsEntry(USER_ID, "BSUID_123");
        }

        @Test
        void thePhoneBasedIdWinsWhenAUserIdIsAlsoPresent() {
            InboundMessage message = parser.parseDelivery(
                    MetaFixtures.read("netflie-php/can_keep_wa_id_priority_when_user_id_is_present.json")).messages().get(0);

            assertThat(message.customerId()).isEqualTo("PHONE_NUMBER");
            assertThat(message.customerName()).isEqualTo("NAME");
            assertThat(message.attributes()).containsEntry(USER_ID, "BSUID_123").containsEntry(WA_ID, "WHATSAPP_ID");
        }

        @Test
        void fromUserIdAndParentIdsAreKeptBesideThePhoneNumber() {
            InboundMessage message = parser.parseDelivery(
                    MetaFixtures.read("pywa/callback_button__quick_reply_without_context.json")).messages().get(0);

            assertThat(message.customerId()).isEqualTo("972987654321");
            assertThat(message.attributes()).containsEntry(USER_ID, "US.13491208655302741918")
                    .containsEntry(PARENT_USER_ID, "US.ENT.11815799212886844830").doesNotContainKey(WA_ID);
        }

        @Test
        void aSenderWithOnlyFromUserIdIsIdentifiedByItAndMatchedToItsProfile() {
            byte[] body = delivery("\"contacts\":[{\"profile\":{\"name\":\"Ana\",\"username\":\"@ana\"},\"user_id\":\"BR.1502576394655843\"},"
                    + "{\"profile\":{\"name\":\"Other\"},\"wa_id\":\"5511999999999\"}],"
                    + "\"messages\":[{\"from_user_id\":\"BR.1502576394655843\",\"id\":\"wamid.B\",\"timestamp\":\"1750000000\","
                    + "\"type\":\"text\",\"text\":{\"body\":\"oi\"}}]");
            InboundMessage message = parser.parseDelivery(body).messages().get(0);

            assertThat(message.customerId()).isEqualTo("BR.1502576394655843");
            assertThat(message.customerName()).isEqualTo("Ana");
            assertThat(message.attributes()).containsEntry(USERNAME, "@ana");
        }

        @Test
        void withoutAContactsArrayThereIsNoName() {
            InboundMessage message = parser.parseDelivery(MetaFixtures.read("pywa/system__phone_number_change.json")).messages().get(0);
            assertThat(message.customerName()).isNull();

            InboundMessage noProfile = parser.parseDelivery(
                    MetaFixtures.read("netflie-php/without_contact_profile_can_build_a_notification.json")).messages().get(0);
            assertThat(noProfile.customerName()).isNull();
            assertThat(noProfile.customerId()).isEqualTo("PHONE_NUMBER");
        }
    }

    // ------------------------------------------------------------------------------------------- statuses

    @Nested
    class Statuses {

        @Test
        void aFailedStatusCarriesMetasErrorCode() {
            DeliveryStatusUpdate failed = parser.parseDelivery(MetaFixtures.read("docs-meta/status_failed_131049.json")).statuses().get(0);

            assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
            assertThat(failed.rawStatus()).isEqualTo("failed");
            assertThat(failed.messageId()).isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0QUQ2MjA4NEYyRkExNjMyREUA");
            assertThat(failed.recipientId()).isEqualTo("16505551234");
            assertThat(failed.at()).isEqualTo(Instant.ofEpochSecond(1751142888L));
            assertThat(failed.errors()).containsExactly(new ChannelError("131049",
                    "This message was not delivered to maintain healthy ecosystem engagement.",
                    "In order to maintain a healthy ecosystem engagement, the message failed to be delivered."));
        }

        @Test
        void theReEngagementErrorIsReportedAsFailed131047() {
            DeliveryStatusUpdate failed = parser.parseDelivery(MetaFixtures.read("bindambc-java/webhook/reEngagementMessageError.json"))
                    .statuses().get(0);

            assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
            assertThat(failed.businessNumberId()).isEqualTo("109999999999999");
            assertThat(failed.recipientId()).isEqualTo("5511111111111");
            assertThat(failed.errors()).singleElement().satisfies(error -> {
                assertThat(error.code()).isEqualTo("131047");
                assertThat(error.title()).isEqualTo("Re-engagement message");
                assertThat(error.detail()).startsWith("Message failed to send because more than 24 hours");
            });
        }

        @Test
        void escapedSlashesInErrorDetailsAreUnescaped() {
            DeliveryStatusUpdate failed = parser.parseDelivery(MetaFixtures.read("bindambc-java/webhook/mediaUploadError.json"))
                    .statuses().get(0);
            assertThat(failed.errors().get(0).detail()).contains("text/html");
        }

        @Test
        void everyStatusNameMapsToItsState() {
            assertThat(stateOf("pywa/message_status__sent.json")).isEqualTo(DeliveryState.SENT);
            assertThat(stateOf("pywa/message_status__delivered.json")).isEqualTo(DeliveryState.DELIVERED);
            assertThat(stateOf("pywa/message_status__read.json")).isEqualTo(DeliveryState.READ);
            assertThat(stateOf("pywa/message_status__played.json")).isEqualTo(DeliveryState.PLAYED);
            assertThat(stateOf("pywa/message_status__failed.json")).isEqualTo(DeliveryState.FAILED);
        }

        @Test
        void aV24StatusWithoutConversationOrPricingParses() {
            DeliveryStatusUpdate sent = parser.parseDelivery(MetaFixtures.read("docs-meta/status_v24_no_conversation_no_pricing.json"))
                    .statuses().get(0);
            assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
            assertThat(sent.errors()).isEmpty();
        }

        @Test
        void aStatusForABusinessScopedRecipientUsesRecipientUserId() {
            byte[] body = delivery("\"statuses\":[{\"id\":\"wamid.S\",\"status\":\"delivered\",\"timestamp\":\"1750000000\","
                    + "\"recipient_user_id\":\"US.13491208655302741918\"}]");
            assertThat(parser.parseDelivery(body).statuses().get(0).recipientId()).isEqualTo("US.13491208655302741918");
        }

        @Test
        void anUnknownStatusNameIsKeptAsUnknown() {
            byte[] body = delivery("\"statuses\":[{\"id\":\"wamid.S\",\"status\":\"warning\",\"timestamp\":\"1750000000\",\"recipient_id\":\"1\"}]");
            DeliveryStatusUpdate status = parser.parseDelivery(body).statuses().get(0);
            assertThat(status.state()).isEqualTo(DeliveryState.UNKNOWN);
            assertThat(status.rawStatus()).isEqualTo("warning");
        }

        private DeliveryState stateOf(String fixture) {
            return parser.parseDelivery(MetaFixtures.read(fixture)).statuses().get(0).state();
        }
    }

    // ------------------------------------------------------------------------------------------- other fields

    @Nested
    class Notices {

        @Test
        void accountLevelChangesBecomeNoticesOnTheAccountId() {
            ChannelNotice banned = parser.parseDelivery(MetaFixtures.read("bindambc-java/webhook/accountBanned.json")).notices().get(0);
            assertThat(banned.businessNumberId()).isEqualTo("whatsapp-business-account-id");
            assertThat(banned.field()).isEqualTo("account_update");
            assertThat(banned.summary()).contains("event=DISABLED_UPDATE").contains("waba_ban_state=SCHEDULE_FOR_DISABLE");

            ChannelNotice template = parser.parseDelivery(MetaFixtures.read("bindambc-java/webhook/rejectedTemplate.json")).notices().get(0);
            assertThat(template.field()).isEqualTo("message_template_status_update");
            assertThat(template.summary()).contains("event=REJECTED").contains("message_template_name=schedule_confirmation4")
                    .contains("reason=SCAM");

            ChannelNotice quality = parser.parseDelivery(MetaFixtures.read("bindambc-java/webhook/qualityUpdate.json")).notices().get(0);
            assertThat(quality.field()).isEqualTo("phone_number_quality_update");
            assertThat(quality.summary()).contains("event=FLAGGED").contains("current_limit=TIER_10K");
        }

        @Test
        void noticeSummariesNeverQuoteContactDetails() {
            ChannelNotice restricted = parser.parseDelivery(MetaFixtures.read("bindambc-java/webhook/accountRestricted.json")).notices().get(0);
            assertThat(restricted.summary()).doesNotContain("<PHONE_NUMBER>").contains("RESTRICTED_BIZ_INITIATED_MESSAGING");

            ChannelNotice group = parser.parseDelivery(MetaFixtures.read("openapi-v23/webhook-examples/group_create_message.json"))
                    .notices().get(0);
            assertThat(group.summary()).doesNotContain("16505551234").doesNotContain("your-group-subject").contains("group_create");
        }

        @Test
        void groupEventsAreNoticesOnTheirPhoneNumber() {
            ParsedDelivery delivery = parser.parseDelivery(MetaFixtures.read("openapi-v23/webhook-examples/group_settings_update.json"));
            assertThat(delivery.notices()).singleElement().satisfies(notice -> {
                assertThat(notice.businessNumberId()).isEqualTo("106540352242922");
                assertThat(notice.field()).isEqualTo("group_settings_update");
            });
            assertThat(delivery.messages()).isEmpty();
        }

        @Test
        void valueLevelErrorsBecomeANoticeWithTheErrors() {
            ChannelNotice notice = parser.parseDelivery(MetaFixtures.read("docs-meta/errors_value_level_130429.json")).notices().get(0);
            assertThat(notice.businessNumberId()).isEqualTo("106540352242922");
            assertThat(notice.field()).isEqualTo("messages");
            assertThat(notice.errors()).extracting(ChannelError::code).containsExactly("130429");
            assertThat(notice.summary()).contains("130429");
        }

        @Test
        void aFieldWeDoNotKnowIsANoticeListingOnlyItsKeys() {
            String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"WABA\",\"changes\":[{\"field\":\"user_preferences\","
                    + "\"value\":{\"wa_id\":\"16505551234\",\"preference\":\"stop\"}}]}]}";
            ChannelNotice notice = parser.parseDelivery(body.getBytes(StandardCharsets.UTF_8)).notices().get(0);
            assertThat(notice.businessNumberId()).isEqualTo("WABA");
            assertThat(notice.field()).isEqualTo("user_preferences");
            assertThat(notice.summary()).contains("keys: preference,wa_id").doesNotContain("16505551234");
        }
    }

    // ------------------------------------------------------------------------------------------- the delivery

    @Nested
    class Deliveries {

        @Test
        void aDeliveryForSeveralNumbersListsThemAllForTenantResolution() {
            String body = "{\"object\":\"whatsapp_business_account\",\"entry\":["
                    + "{\"id\":\"WABA1\",\"changes\":[{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\","
                    + "\"metadata\":{\"phone_number_id\":\"111\"},\"messages\":[{\"from\":\"9\",\"id\":\"wamid.1\",\"timestamp\":\"1\",\"type\":\"text\",\"text\":{\"body\":\"a\"}}]}}]},"
                    + "{\"id\":\"WABA2\",\"changes\":[{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\","
                    + "\"metadata\":{\"phone_number_id\":\"222\"},\"statuses\":[{\"id\":\"wamid.2\",\"status\":\"read\",\"timestamp\":\"2\",\"recipient_id\":\"9\"}]}},"
                    + "{\"field\":\"account_update\",\"value\":{\"event\":\"VERIFIED_ACCOUNT\"}}]}]}";
            ParsedDelivery delivery = parser.parseDelivery(body.getBytes(StandardCharsets.UTF_8));

            assertThat(delivery.phoneNumberIds()).containsExactly("111", "222");
            assertThat(delivery.accountIds()).containsExactly("WABA1", "WABA2");
            assertThat(delivery.businessNumberIds()).containsExactly("111", "222", "WABA2");
            assertThat(delivery.eventsFor("222")).singleElement().isInstanceOf(DeliveryStatusUpdate.class);
            assertThat(parser.parse(body.getBytes(StandardCharsets.UTF_8))).isEqualTo(delivery.events());
        }

        @Test
        void aDeliveryWithNoEntriesIsValidAndEmpty() {
            ParsedDelivery delivery = parser.parseDelivery("{\"object\":\"whatsapp_business_account\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8));
            assertThat(delivery.isEmpty()).isTrue();
            assertThat(delivery.phoneNumberIds()).isEmpty();
        }

        @Test
        void anUnusableMessageBecomesANoticeAndTheRestOfTheBatchStillParses() {
            byte[] body = delivery("\"messages\":["
                    + "{\"from\":\"1\",\"timestamp\":\"1750000000\",\"type\":\"text\",\"text\":{\"body\":\"no id\"}},"
                    + "{\"id\":\"wamid.nosender\",\"timestamp\":\"1750000000\",\"type\":\"text\",\"text\":{\"body\":\"x\"}},"
                    + "\"not an object\","
                    + "{\"from\":\"1\",\"id\":\"wamid.ok\",\"timestamp\":\"1750000000\",\"type\":\"text\",\"text\":{\"body\":\"fine\"}}],"
                    + "\"statuses\":[{\"status\":\"read\",\"timestamp\":\"1\"}]");
            ParsedDelivery delivery = parser.parseDelivery(body);

            assertThat(delivery.messages()).extracting(InboundMessage::messageId).containsExactly("wamid.ok");
            assertThat(delivery.notices()).hasSize(4).allSatisfy(notice -> assertThat(notice.summary()).startsWith("skipped"));
            assertThat(delivery.notices()).noneSatisfy(notice -> assertThat(notice.summary()).contains("no id"));
        }

        @Test
        void aMessageWithoutTimestampIsStampedWithTheReceiveTime() {
            InboundMessage message = parser.parseDelivery(delivery(
                    "\"messages\":[{\"from\":\"1\",\"id\":\"wamid.t\",\"type\":\"text\",\"text\":{\"body\":\"x\"}}]")).messages().get(0);
            assertThat(message.sentAt()).isEqualTo(NOW);
            assertThat(message.attributes()).containsEntry(TIMESTAMP_MISSING, "true");
        }
    }

    // ------------------------------------------------------------------------------------------- malformed

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "",
            "   ",
            "not json",
            "[]",
            "[{\"object\":\"whatsapp_business_account\",\"entry\":[]}]",
            "\"whatsapp_business_account\"",
            "42",
            "null",
            "{}",
            "{\"object\":\"page\",\"entry\":[]}",
            "{\"object\":\"instagram\",\"entry\":[]}",
            "{\"object\":\"whatsapp_business_account\"}",
            "{\"object\":\"whatsapp_business_account\",\"entry\":{}}",
            "{\"object\":\"whatsapp_business_account\",\"entry\":[42]}",
            "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\"}]}",
            "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[\"x\"]}]}",
            "{\"object\":\"whatsapp_business_account\",\"entry\":[]} {",
            "{\"object\":\"whatsapp_business_account\",\"entry\":[",
    })
    void whatIsNotAWhatsAppDeliveryIsRejectedAsMalformed(String body) {
        assertThatThrownBy(() -> parser.parse(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageNotContaining("Exception");
    }

    @Test
    void aNullBodyIsMalformed() {
        assertThatThrownBy(() -> parser.parse(null)).isInstanceOf(MalformedPayloadException.class).hasMessage("webhook body is empty");
    }

    @Test
    void malformedMessagesNameTheProblemWithoutQuotingTheBody() {
        assertThatThrownBy(() -> parser.parse("{\"object\":\"page\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("webhook object is \"page\", expected \"whatsapp_business_account\"");
        assertThatThrownBy(() -> parser.parse("[1]".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("webhook body is a JSON array, expected an object");
        String secret = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"value\":{\"text\":\"my home address is 1 Main St";
        assertThatThrownBy(() -> parser.parse(secret.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageStartingWith("webhook body is not valid JSON")
                .hasMessageNotContaining("Main St")
                .satisfies(e -> assertThat(String.valueOf(e.getCause())).doesNotContain("Main St"));
    }

    // ------------------------------------------------------------------------------------------- helpers

    /** A one-change delivery for phone number id 106540352242922 whose value holds {@code valueFields}. */
    private static byte[] delivery(String valueFields) {
        return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"field\":\"messages\","
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\","
                + "\"phone_number_id\":\"106540352242922\"}," + valueFields + "}}]}]}").getBytes(StandardCharsets.UTF_8);
    }

    /** A {@code messages} array with one message from 16505551234 holding {@code fields}. */
    private static String message(String... fields) {
        return "\"messages\":[{\"from\":\"16505551234\",\"id\":\"wamid.X\",\"timestamp\":\"1750000000\"," + String.join(",", fields) + "}]";
    }

    static String summary(List<ChannelEvent> events) {
        return events.stream().map(WhatsAppWebhookParserTest::summary).collect(Collectors.joining(" | "));
    }

    private static String summary(ChannelEvent event) {
        if (event instanceof InboundMessage m) {
            return "IN:" + m.type() + (m.rawType() != null && !m.rawType().equals(m.type().wireName()) ? "(" + m.rawType() + ")" : "");
        }
        if (event instanceof DeliveryStatusUpdate s) {
            return "ST:" + s.state() + codes(s.errors());
        }
        ChannelNotice n = (ChannelNotice) event;
        return "NOTICE:" + n.field() + codes(n.errors());
    }

    private static String codes(List<ChannelError> errors) {
        return errors.isEmpty() ? "" : "!" + errors.stream().map(ChannelError::code).collect(Collectors.joining(","));
    }

    private static Map<String, String> loadExpectations() {
        try (InputStream in = WhatsAppWebhookParserTest.class.getResourceAsStream("/webhook-fixture-events.txt")) {
            Map<String, String> expected = new LinkedHashMap<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .forEach(line -> {
                        String[] parts = line.split(" => ", 2);
                        if (expected.put(parts[0].strip(), parts[1].strip()) != null) {
                            throw new IllegalStateException("duplicate expectation for " + parts[0]);
                        }
                    });
            return expected;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
