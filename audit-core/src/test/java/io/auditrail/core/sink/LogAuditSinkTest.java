package io.auditrail.core.sink;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.auditrail.core.TestEvents;
import io.auditrail.core.event.Actor;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogAuditSinkTest {

    private final AuditEventCodec codec = new AuditEventCodec();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(LogAuditSink.DEFAULT_LOGGER);

    @BeforeEach
    void attach() {
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(appender);
    }

    @Test
    void writesOneSingleLineJsonObjectPerEventThatReadsBackToTheEvent() {
        AuditEvent hostile = TestEvents.invoiceDeleted()
                .actor(Actor.user("eve", "Eve\n2026-11-23 INFO forged line", null))
                .metadata("note", "a\r\nb\u2028c\u001b[0m").build();
        AuditEvent plain = TestEvents.event(2);

        new LogAuditSink(codec).write(List.of(hostile, plain));

        assertThat(appender.list).hasSize(2);
        assertThat(appender.list).allSatisfy(line -> assertThat(line.getFormattedMessage())
                .doesNotContain("\n", "\r", "\u2028", "\u001b").startsWith("{").endsWith("}"));
        assertThat(codec.fromJson(appender.list.get(0).getFormattedMessage())).isEqualTo(hostile);
        assertThat(codec.fromJson(appender.list.get(1).getFormattedMessage())).isEqualTo(plain);
    }
}
