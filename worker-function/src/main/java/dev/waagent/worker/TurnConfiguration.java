package dev.waagent.worker;

import dev.waagent.domain.turn.TurnSettings;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/** {@code wa.turn.*}: how the worker takes a turn. */
@ConfigurationProperties("wa.turn")
public interface TurnConfiguration {

    @Bindable(defaultValue = "2s")
    @NotNull
    Duration getBurstWindow();

    @Bindable(defaultValue = "12")
    @Min(0)
    int getHistoryMessages();

    @Bindable(defaultValue = "20s")
    @NotNull
    Duration getDeadline();

    @Bindable(defaultValue = "400")
    @Min(16)
    int getMaxReplyTokens();

    @Bindable(defaultValue = "0.3")
    double getTemperature();

    /** Longer than the Graph client's worst case with all retries; shorter than the queue's visibility timeout. */
    @Bindable(defaultValue = "60s")
    @NotNull
    Duration getSendLease();

    default TurnSettings toSettings() {
        return new TurnSettings(getBurstWindow(), getHistoryMessages(), getDeadline(), getMaxReplyTokens(), getTemperature(),
                getSendLease());
    }
}
