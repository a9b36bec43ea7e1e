package io.auditrail.core.stream;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * What an admin sends to create a stream. Checked by {@link StreamService#create}, which
 * names the field at fault in an {@link InvalidStreamException}.
 *
 * @param name a label, 1 to 100 printable characters
 * @param kind the destination kind
 * @param url the destination URL: HTTPS, and not an internal address unless the operator allowed it
 * @param format how events are written; {@link StreamFormat#AUDITRAIL_JSON} when {@code null}
 * @param secret the webhook signing secret ({@code whsec_} and base64 of 24 to 64 bytes), the
 *        Splunk HEC token or the Datadog API key; stored encrypted, never returned
 * @param startPoint where to start; {@link StartPoint#now()} when {@code null}
 */
public record NewStream(String name, DestinationKind kind, URI url, @Nullable StreamFormat format, String secret,
        @Nullable StartPoint startPoint) {

    /** Fills the defaults; the service checks the rest. */
    public NewStream {
        format = format == null ? StreamFormat.AUDITRAIL_JSON : format;
        startPoint = startPoint == null ? StartPoint.now() : startPoint;
    }
}
