package io.ieum.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;

/** The shipped logback.xml picks its encoder from IEUM_LOG_FORMAT. */
class LogConfigTest {

    @ParameterizedTest
    @CsvSource({"json, json, JsonEncoder", ", text, PatternLayoutEncoder"})
    void formatShouldFollowIeumLogFormat(String format, String appender, String encoder) throws Exception {
        LoggerContext context = new LoggerContext();
        if (format != null) {
            context.putProperty("IEUM_LOG_FORMAT", format);
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        URL shipped = getClass().getClassLoader().getResource("logback.xml");
        configurator.doConfigure(shipped);
        var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ConsoleAppender<?> console = (ConsoleAppender<?>) root.getAppender(appender);
        assertThat(console).isNotNull();
        Encoder<?> used = console.getEncoder();
        assertThat(used.getClass().getSimpleName()).isEqualTo(encoder);
        context.stop();
    }
}
