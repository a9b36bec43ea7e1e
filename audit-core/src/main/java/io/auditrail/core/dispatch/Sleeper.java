package io.auditrail.core.dispatch;

import java.time.Duration;

/**
 * Waits between retries. Tests inject one that records the wait and advances a fake
 * clock instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits, possibly less when the dispatcher is closing.
     *
     * @param duration how long
     * @throws InterruptedException when the thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;
}
