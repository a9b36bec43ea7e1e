package io.auditrail.jdbc.stream;

import io.auditrail.core.event.AuditEvent;
import io.auditrail.core.json.AuditEventCodec;
import io.auditrail.core.stream.StreamDefinition;
import io.auditrail.core.internal.stream.delivery.Verdict;
import io.auditrail.core.internal.stream.delivery.Verdicts;
import io.auditrail.core.internal.stream.format.DestinationRequests;
import io.auditrail.core.internal.stream.format.EventFormatter;
import io.auditrail.core.internal.stream.format.OutgoingRequest;
import io.auditrail.core.internal.stream.net.HttpAnswer;
import io.auditrail.core.internal.stream.net.PinnedHttpClient;
import io.auditrail.core.internal.stream.secret.SecretBox;
import java.io.IOException;
import java.time.Clock;
import java.util.List;

/** Formats, signs and sends one batch of a stream, and reads the answer into a verdict. */
final class Sender {

    private final PinnedHttpClient http;
    private final SecretBox secrets;
    private final AuditEventCodec codec = new AuditEventCodec();
    private final Clock clock;

    Sender(PinnedHttpClient http, SecretBox secrets, Clock clock) {
        this.http = http;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** The answer together with its verdict, for the test endpoint, which shows both. */
    record Exchange(Verdict verdict, HttpAnswer answer) {
    }

    Exchange send(StreamDefinition stream, String sealedSecret, String messageId, String type, List<AuditEvent> events)
            throws IOException {
        String secret = secrets.open(stream.id(), sealedSecret);
        OutgoingRequest request = DestinationRequests.build(stream.kind(), secret,
                EventFormatter.of(stream.format(), codec), messageId, type, events, clock.instant());
        HttpAnswer answer = http.post(stream.url(), request.headers(), request.body());
        return new Exchange(Verdicts.of(answer, clock), answer);
    }

    Verdict deliver(StreamDefinition stream, String sealedSecret, String messageId, List<AuditEvent> events) {
        try {
            return send(stream, sealedSecret, messageId, "audit.events", events).verdict();
        } catch (IOException e) {
            return Verdicts.of(e);
        } catch (io.auditrail.core.stream.InvalidStreamException e) {
            return new Verdict(Verdict.Kind.RETRY, 0, e.getMessage(), null);
        }
    }
}
