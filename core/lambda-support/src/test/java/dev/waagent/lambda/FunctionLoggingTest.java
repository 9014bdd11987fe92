package dev.waagent.lambda;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class FunctionLoggingTest {

    @Test
    void withoutALogbackFileTheFunctionsConsoleSetupIsBuiltInCode() {
        LoggerContext context = new LoggerContext();
        FunctionLogging logging = new FunctionLogging();
        logging.setContext(context);

        assertThat(logging.configure(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.INFO);
        var appender = (ConsoleAppender<?>) root.getAppender("STDOUT");
        assertThat(appender.isStarted()).isTrue();
        assertThat(((PatternLayoutEncoder) appender.getEncoder()).getPattern()).isEqualTo(FunctionLogging.PATTERN);
        assertThat(context.getLogger("com.amazonaws.services.dynamodbv2").getLevel()).isEqualTo(Level.ERROR);
        context.stop();
    }

    @Test
    void logbackFindsItThroughItsServiceLoaderWhenTheProcessStarts() {
        // This module ships no logback file, so the process's own logging was set up by FunctionLogging.
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        var appender = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDOUT");

        assertThat(appender).isInstanceOf(ConsoleAppender.class);
        assertThat(((PatternLayoutEncoder) ((ConsoleAppender<?>) appender).getEncoder()).getPattern())
                .isEqualTo(FunctionLogging.PATTERN);
    }
}
