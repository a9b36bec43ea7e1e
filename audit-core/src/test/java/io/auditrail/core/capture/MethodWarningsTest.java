package io.auditrail.core.capture;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class MethodWarningsTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(MethodWarningsTest.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final AtomicLong now = new AtomicLong(1_000);
    private final MethodWarnings warnings = new MethodWarnings(logger, 60, now::get);

    @BeforeEach
    void attach() {
        logger.setLevel(Level.DEBUG);
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(appender);
        logger.setLevel(null);
    }

    @Test
    void warnsOncePerIntervalForEachMethodAndLogsTheRestAtDebug() {
        warnings.warn("A.save", "first", null);
        warnings.warn("A.save", "second", null);
        warnings.warn("B.delete", "other method", null);
        now.addAndGet(60);
        warnings.warn("A.save", "after the interval", null);

        assertThat(appender.list).extracting(ILoggingEvent::getLevel)
                .containsExactly(Level.WARN, Level.DEBUG, Level.WARN, Level.WARN);
        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "first (more of this method's audit problems are logged at DEBUG for 0 s)", "second",
                "other method (more of this method's audit problems are logged at DEBUG for 0 s)",
                "after the interval (more of this method's audit problems are logged at DEBUG for 0 s)");
    }
}
