package dev.waagent.whatsapp;

import dev.waagent.whatsapp.internal.Backoff;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GraphApiSettingsTest {

    private static GraphApiSettings at(String baseUrl) {
        return GraphApiSettings.defaults().withBaseUrl(URI.create(baseUrl));
    }

    @Test
    void theMessagesUrlIsBaseVersionPhoneNumberIdMessages() {
        assertThat(GraphApiSettings.defaults().messagesUri("106540352242922"))
                .isEqualTo(URI.create("https://graph.facebook.com/v23.0/106540352242922/messages"));
        assertThat(at("http://127.0.0.1:8089/graph/").messagesUri("1"))
                .isEqualTo(URI.create("http://127.0.0.1:8089/graph/v23.0/1/messages"));
    }

    @Test
    void aPhoneNumberIdCannotChangeThePath() {
        assertThat(GraphApiSettings.defaults().messagesUri("1/../me").getRawPath()).isEqualTo("/v23.0/1%2F..%2Fme/messages");
        assertThatThrownBy(() -> GraphApiSettings.defaults().messagesUri("..")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GraphApiSettings.defaults().messagesUri(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidSettingsAreRejectedAtConstruction() {
        URI base = GraphApiSettings.META_GRAPH_URL;
        Duration second = Duration.ofSeconds(1);
        assertThatThrownBy(() -> new GraphApiSettings(base, "23.0", second, 3, second, second)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GraphApiSettings(base, "v23.0", Duration.ZERO, 3, second, second)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GraphApiSettings(base, "v23.0", second, 0, second, second)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GraphApiSettings(base, "v23.0", second, 3, Duration.ofSeconds(2), second)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> at("ftp://example.com")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> at("/relative")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> at("https://graph.facebook.com?x=1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void backoffDoublesFromTheInitialDelayUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(3), () -> 0.0);
        assertThat(backoff.delay(1, false, null)).contains(Duration.ofMillis(500));
        assertThat(backoff.delay(2, false, null)).contains(Duration.ofSeconds(1));
        assertThat(backoff.delay(3, false, null)).contains(Duration.ofSeconds(2));
        assertThat(backoff.delay(4, false, null)).contains(Duration.ofSeconds(3));
        assertThat(backoff.delay(40, false, null)).contains(Duration.ofSeconds(3));
    }

    @Test
    void jitterAddsUpToHalfTheDelayAndNeverExceedsTheCap() {
        Backoff high = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(3), () -> 0.999999);
        assertThat(high.delay(1, false, null).orElseThrow()).isBetween(Duration.ofMillis(749), Duration.ofMillis(750));
        assertThat(high.delay(3, false, null).orElseThrow()).isBetween(Duration.ofMillis(2999), Duration.ofSeconds(3));
        assertThat(high.delay(4, false, null)).contains(Duration.ofSeconds(3));
    }

    @Test
    void thePairRateLimitWaitsFourToThePowerOfTheRetrySeconds() {
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30), () -> 0.0);
        assertThat(backoff.delay(1, true, null)).contains(Duration.ofSeconds(1));
        assertThat(backoff.delay(2, true, null)).contains(Duration.ofSeconds(4));
        assertThat(backoff.delay(3, true, null)).contains(Duration.ofSeconds(16));
        assertThat(backoff.delay(4, true, null)).contains(Duration.ofSeconds(30));
    }

    @Test
    void retryAfterWinsUnlessItExceedsTheCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10), () -> 0.9);
        assertThat(backoff.delay(1, false, Duration.ofSeconds(7))).contains(Duration.ofSeconds(7));
        assertThat(backoff.delay(1, true, Duration.ZERO)).contains(Duration.ZERO);
        assertThat(backoff.delay(1, false, Duration.ofSeconds(11))).isEmpty();
    }
}
