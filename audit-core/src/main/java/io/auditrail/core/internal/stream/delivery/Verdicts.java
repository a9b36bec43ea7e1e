package io.auditrail.core.internal.stream.delivery;

import io.auditrail.core.http.RetryAfter;
import io.auditrail.core.internal.stream.net.HttpAnswer;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Clock;

/**
 * Reads a receiver's answer: 2xx delivered; 401/403 pause; 408, 425, 429 and 5xx retry (with
 * {@code Retry-After} honoured, read by {@link RetryAfter}); 3xx retry (redirects are never followed, the admin must fix
 * the URL); every other 4xx refuses the batch for good.
 */
public final class Verdicts {

    private static final int MAX_DETAIL = 300;

    private Verdicts() {
    }

    /**
     * Reads an answer.
     *
     * @param answer the answer
     * @param clock reads HTTP-date {@code Retry-After} values
     * @return the verdict
     */
    public static Verdict of(HttpAnswer answer, Clock clock) {
        int status = answer.status();
        if (status >= 200 && status < 300) {
            return new Verdict(Verdict.Kind.DELIVERED, status, null, null);
        }
        String detail = "HTTP " + status + " from receiver" + excerpt(answer.body());
        if (status == 401 || status == 403) {
            return new Verdict(Verdict.Kind.PAUSE, status, detail + " (stream paused: check the secret, then resume)", null);
        }
        if (status >= 300 && status < 400) {
            String location = answer.header("location");
            return new Verdict(Verdict.Kind.RETRY, status, "HTTP " + status + " redirect"
                    + (location == null ? "" : " to " + printable(location)) + " not followed; update the stream's URL", null);
        }
        if (status == 408 || status == 425 || status == 429 || status >= 500) {
            return new Verdict(Verdict.Kind.RETRY, status, detail, RetryAfter.parse(answer.header("retry-after"), clock));
        }
        return new Verdict(Verdict.Kind.REFUSED, status, detail, null);
    }

    /**
     * Reads a failure to get an answer: always retried.
     *
     * @param error the failure
     * @return the verdict
     */
    public static Verdict of(IOException error) {
        String what = error instanceof SocketTimeoutException ? "timed out" : error.getClass().getSimpleName();
        String message = error.getMessage() == null ? "" : ": " + printable(error.getMessage());
        return new Verdict(Verdict.Kind.RETRY, 0, "no answer from receiver (" + what + message + ")", null);
    }

    private static String excerpt(String body) {
        String text = printable(body).strip();
        return text.isEmpty() ? "" : ": " + text;
    }

    /**
     * A receiver's text made safe for health and logs: one line, printable, bounded.
     *
     * @param text the text
     * @return at most 300 printable characters
     */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_DETAIL));
        for (int i = 0; i < text.length() && out.length() < MAX_DETAIL; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? ' ' : c);
        }
        return out.toString();
    }
}
