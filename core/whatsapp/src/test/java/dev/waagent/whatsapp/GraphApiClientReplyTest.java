package dev.waagent.whatsapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.waagent.domain.reply.ListRow;
import dev.waagent.domain.reply.ListSection;
import dev.waagent.domain.reply.MediaRef;
import dev.waagent.domain.reply.OutboundPart;
import dev.waagent.domain.reply.PairPacer;
import dev.waagent.domain.reply.Reply;
import dev.waagent.domain.reply.ReplyButton;
import dev.waagent.domain.reply.ServiceWindow;
import dev.waagent.domain.reply.TemplateMessage;
import dev.waagent.domain.tenant.SecretStore;
import dev.waagent.domain.tenant.Tenant;
import dev.waagent.domain.turn.ChannelSendException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@link GraphApiClient#sendReply} against a local HTTP server answering Meta's real bodies. */
class GraphApiClientReplyTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CUSTOMER = "16505551234";
    private static final String WAMID = "wamid.HBgLMTY0NjcwNDM1OTUVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA";
    private static final Tenant TENANT = new Tenant("tenant-1", "Lucky Shrub", "whatsapp", "106540352242922", "+1 555 078 3881",
            "ref/app-secret", "ref/access-token", "Ava", "friendly", "open 9-5", null, null, null, true);
    private static final SecretStore SECRETS = reference -> Optional.of("EAAJB-test-token");
    private static final OutboundPart BUTTONS = new OutboundPart(0, new Reply.Buttons(null, "Shall I book the Avanza?", null,
            List.of(new ReplyButton("yes", "Yes, book it"), new ReplyButton("no", "Not now"))));

    private GraphApiStub stub;
    private RecordingTime time;
    private GraphApiClient client;

    @BeforeEach
    void start() throws IOException {
        stub = new GraphApiStub();
        time = new RecordingTime(Instant.parse("2026-01-15T10:00:00Z"));
        GraphApiSettings settings = new GraphApiSettings(stub.baseUrl(), "v23.0", Duration.ofSeconds(5), 4,
                Duration.ofMillis(200), Duration.ofSeconds(30));
        client = new GraphApiClient(settings, GraphApiClient.newHttpClient(settings), SECRETS, time, () -> 0.0);
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void everyFormIsPostedAsBuiltAndReturnsTheWamid() throws IOException {
        List<OutboundPart> parts = List.of(BUTTONS,
                new OutboundPart(1, new Reply.Text("See you tomorrow!")),
                new OutboundPart(2, new Reply.ListMenu(null, "Which car?", null, "Cars",
                        List.of(new ListSection(null, List.of(new ListRow("a", "Avanza", "Rp 350.000/day")))))),
                new OutboundPart(3, new Reply.Card(MediaRef.link("https://img.example.com/avanza.jpg"), "Avanza 2022", null, List.of())),
                new OutboundPart(4, new TemplateMessage("booking_reminder", "en_US", List.of("Budi"))));
        for (OutboundPart part : parts) {
            stub.reply(GraphApiStub.Reply.json(200, MetaFixtures.read("docs-meta/send/text_response.json")));
            assertThat(client.sendReply(TENANT, CUSTOMER, part, null)).isEqualTo(WAMID);
        }

        assertThat(stub.requests()).hasSize(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            GraphApiStub.Recorded request = stub.requests().get(i);
            assertThat(request.path()).isEqualTo("/v23.0/106540352242922/messages");
            assertThat(MAPPER.readTree(request.body())).isEqualTo(GraphApiPayloads.replyMessage(CUSTOMER, parts.get(i).content(), null));
        }
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void aClosedWindowIsANonRetryable131047WithMetasRealBody() {
        stub.reply(GraphApiStub.Reply.json(400, GraphErrorBodies.RE_ENGAGEMENT_131047), GraphApiStub.Reply.json(200, "{}"));

        ChannelSendException failure = catchThrowableOfType(() -> client.sendReply(TENANT, CUSTOMER, BUTTONS, null), ChannelSendException.class);

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.errorCode()).isEqualTo("131047");
        assertThat(ServiceWindow.closedByPlatform(failure.errorCode())).isTrue();
        assertThat(failure.getCause()).isInstanceOfSatisfying(GraphApiException.class, cause -> {
            assertThat(cause.error().title()).isEqualTo("Re-engagement message");
            assertThat(cause.error().details()).contains("more than 24 hours");
        });
        assertThat(stub.requests()).hasSize(1);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void theTextPathKeepsTreating131047AsNonRetryable() {
        stub.reply(GraphApiStub.Reply.json(400, GraphErrorBodies.RE_ENGAGEMENT_131047));

        ChannelSendException failure = catchThrowableOfType(() -> client.sendText(TENANT, CUSTOMER, "hello", null), ChannelSendException.class);

        assertThat(failure.retryable()).isFalse();
        assertThat(failure.errorCode()).isEqualTo("131047");
    }

    @Test
    void thePairRateLimitIsRetriedAfterOneThenFourSecondsWithTheSameBody() {
        stub.reply(GraphApiStub.Reply.json(400, GraphErrorBodies.PAIR_RATE_131056), GraphApiStub.Reply.json(400, GraphErrorBodies.PAIR_RATE_131056),
                GraphApiStub.Reply.json(200, MetaFixtures.read("docs-meta/send/text_response.json")));

        assertThat(client.sendReply(TENANT, CUSTOMER, BUTTONS, null)).isEqualTo(WAMID);

        assertThat(time.sleeps()).containsExactly(PairPacer.backoffAfter(1), PairPacer.backoffAfter(2));
        assertThat(stub.requests()).hasSize(3);
        assertThat(stub.requests()).extracting(GraphApiStub.Recorded::bodyText).containsOnly(stub.requests().get(0).bodyText());
    }

    @Test
    void aPersistentPairRateLimitEndsRetryableSoTheQueueRedeliversLater() {
        for (int i = 0; i < 4; i++) {
            stub.reply(GraphApiStub.Reply.json(400, GraphErrorBodies.PAIR_RATE_131056));
        }

        ChannelSendException failure = catchThrowableOfType(() -> client.sendReply(TENANT, CUSTOMER, BUTTONS, null), ChannelSendException.class);

        assertThat(failure.retryable()).isTrue();
        assertThat(failure.errorCode()).isEqualTo("131056");
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(16));
    }

    @Test
    void theThroughputLimitFromTheFixturesIsRetried() {
        stub.reply(GraphApiStub.Reply.json(400, MetaFixtures.read("docs-meta/send/error_response_130429.json")),
                GraphApiStub.Reply.json(200, MetaFixtures.read("docs-meta/send/text_response.json")));

        assertThat(client.sendReply(TENANT, CUSTOMER, BUTTONS, null)).isEqualTo(WAMID);
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void pacedPartsGoInOrderWithTheirSpacingAndAFailedPartStopsTheRest() throws InterruptedException {
        List<OutboundPart> parts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            parts.add(new OutboundPart(i, new Reply.Text("Part " + (i + 1))));
        }
        for (int i = 0; i < 3; i++) {
            stub.reply(GraphApiStub.Reply.json(200, MetaFixtures.read("docs-meta/send/text_response.json")));
        }
        stub.reply(GraphApiStub.Reply.json(400, GraphErrorBodies.RE_ENGAGEMENT_131047));
        List<String> sent = new ArrayList<>();

        ChannelSendException failure = catchThrowableOfType(() -> PairPacer.metaDefaults().sendInOrder(parts, List.of(), time,
                part -> sent.add(part.key("out.t1") + "=" + client.sendReply(TENANT, CUSTOMER, part, null))), ChannelSendException.class);

        assertThat(failure.errorCode()).isEqualTo("131047");
        assertThat(sent).containsExactly("out.t1#0=" + WAMID, "out.t1#1=" + WAMID, "out.t1#2=" + WAMID);
        assertThat(stub.requests()).extracting(r -> {
            try {
                return MAPPER.readTree(r.body()).at("/text/body").asText();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).containsExactly("Part 1", "Part 2", "Part 3", "Part 4");
        // Burst of three one second apart, then the fourth waits for the pair rate.
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(4));
    }

    @Test
    void aRequestMetaWouldRefuseIsNeverSent() {
        // A business-scoped id in "recipient" is fine; an empty one is refused locally before any call.
        ChannelSendException failure = catchThrowableOfType(() -> client.sendReply(TENANT, " ", BUTTONS, null), ChannelSendException.class);
        assertThat(failure.errorCode()).isEqualTo("invalid_recipient");
        assertThat(stub.requests()).isEmpty();
    }
}
