package io.auditrail.core.sink;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.sink.contract.AbstractAuditSinkContractTest;
import io.auditrail.core.spi.AuditSink;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.slf4j.LoggerFactory;

/** The log sink, read back from the lines its logger received. A log keeps every copy it is given. */
class LogAuditSinkContractTest extends AbstractAuditSinkContractTest {

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

    @Override
    protected AuditSink sink() {
        return new LogAuditSink(codec);
    }

    @Override
    protected List<AuditEvent> storedEvents(int expected) {
        return appender.list.stream().map(line -> codec.fromJson(line.getFormattedMessage())).toList();
    }

    @Override
    protected boolean deduplicatesById() {
        return false;
    }
}
