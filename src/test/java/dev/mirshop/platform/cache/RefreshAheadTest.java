package dev.mirshop.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RefreshAheadTest {

    /** Holds the refreshes until the test runs them, so that what readers see meanwhile is known. */
    private final List<Runnable> pendingRefreshes = new ArrayList<>();
    private final ExecutorService readers = Executors.newFixedThreadPool(16);

    @AfterEach
    void stopReaders() {
        readers.shutdownNow();
    }

    private <T> RefreshAhead<T> refreshAhead(Supplier<T> load) {
        return new RefreshAhead<>("The test value", Duration.ofMinutes(10), load, pendingRefreshes::add);
    }

    @Test
    void readersThatComeWhileTheFirstLoadRunsWaitForItInsteadOfLoadingAgain() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RefreshAhead<String> value = refreshAhead(() -> {
            loads.incrementAndGet();
            loading.countDown();
            awaitLatch(release);
            return "loaded";
        });

        List<Future<String>> reads = new ArrayList<>();
        reads.add(readers.submit(value::get));
        assertThat(loading.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 15; i++) {
            reads.add(readers.submit(value::get));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> RefreshAheadThreads.waitingForTheLoad() == 15);
        release.countDown();

        for (Future<String> read : reads) {
            assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo("loaded");
        }
        assertThat(loads).hasValue(1);
    }

    @Test
    void anAgedValueIsServedWhileOneRefreshReadsTheNextAndThenTheNextIsServed() {
        AtomicInteger loads = new AtomicInteger();
        RefreshAhead<Integer> value = refreshAhead(loads::incrementAndGet);
        assertThat(value.get()).isEqualTo(1);
        assertThat(value.fresh()).isTrue();

        value.age();
        assertThat(value.fresh()).isFalse();
        for (int i = 0; i < 10; i++) {
            assertThat(value.get()).isEqualTo(1);
        }
        assertThat(pendingRefreshes).hasSize(1);
        assertThat(loads).hasValue(1);

        pendingRefreshes.remove(0).run();
        assertThat(value.get()).isEqualTo(2);
        assertThat(value.fresh()).isTrue();
        assertThat(pendingRefreshes).isEmpty();
    }

    @Test
    void aRefreshUnderWayWhenTheValueIsForgottenDoesNotPutBackWhatItRead() {
        AtomicInteger loads = new AtomicInteger();
        RefreshAhead<Integer> value = refreshAhead(loads::incrementAndGet);
        value.get();
        value.age();
        value.get();
        assertThat(pendingRefreshes).hasSize(1);

        value.forget();
        assertThat(value.get()).isEqualTo(2); // loaded at once for the reader after forget
        pendingRefreshes.remove(0).run(); // read 3, from before the forget
        assertThat(value.get()).isEqualTo(2);
    }

    @Test
    void aFailedRefreshKeepsTheLastValueAndTheNextReaderTriesAgain() {
        AtomicInteger loads = new AtomicInteger();
        RefreshAhead<Integer> value = refreshAhead(() -> {
            if (loads.incrementAndGet() == 2) {
                throw new IllegalStateException("the database is away");
            }
            return loads.get();
        });
        value.get();
        value.age();
        value.get();
        pendingRefreshes.remove(0).run();
        assertThat(value.get()).isEqualTo(1);
        assertThat(pendingRefreshes).hasSize(1);

        pendingRefreshes.remove(0).run();
        assertThat(value.get()).isEqualTo(3);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
