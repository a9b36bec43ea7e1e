package io.auditrail.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void encodesVersionVariantAndMilliseconds() {
        UUID id = new EventIds(() -> 1_763_892_930_123L).nextId();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(EventIds.timestampMillis(id)).isEqualTo(1_763_892_930_123L);
    }

    @Test
    void staysStrictlyIncreasingWithinOneMillisecondAndWhenTheClockGoesBack() {
        AtomicLong millis = new AtomicLong(1_000_000);
        EventIds ids = new EventIds(millis::get);
        List<UUID> issued = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            if (i == 5_000) {
                millis.set(999_000);
            }
            issued.add(ids.nextId());
        }

        for (int i = 1; i < issued.size(); i++) {
            assertThat(issued.get(i)).isGreaterThan(issued.get(i - 1));
            assertThat(issued.get(i).toString()).isGreaterThan(issued.get(i - 1).toString());
        }
    }

    @Test
    void laterMillisecondsSortAfterEarlierOnes() {
        AtomicLong millis = new AtomicLong(5_000);
        EventIds ids = new EventIds(millis::get);
        UUID early = ids.nextId();
        millis.set(5_001);
        UUID late = ids.nextId();

        assertThat(late).isGreaterThan(early);
        assertThat(EventIds.timestampMillis(late)).isEqualTo(5_001);
    }

    @Test
    void concurrentThreadsNeverReceiveTheSameId() throws InterruptedException {
        EventIds ids = new EventIds(System::currentTimeMillis);
        Set<UUID> all = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                Set<UUID> mine = new HashSet<>();
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 25_000; i++) {
                    mine.add(ids.nextId());
                }
                all.addAll(mine);
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(all).hasSize(100_000);
    }
}
