package dev.mirshop.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mirshop.platform.persistence.PackagedShop;
import dev.mirshop.testing.Tools;

/**
 * An ad service pod stopped the two ways pods stop: by the kubelet (SIGTERM: a rollout, a scale-down, a node drain)
 * and by a crash (SIGKILL: out of memory, a node lost). The packaged jar runs with the environment of the rendered
 * prod overlay's ads pod ({@link RenderedPod}: QUARKUS_SHUTDOWN_DELAY and the rest, as the kubelet builds it) against
 * a Debian PostgreSQL set up like RDS ({@link HostPostgres}), which outlives the process, so the impressions are read
 * from the database after it is gone. The demo campaigns are on: the Everyday campaign is live on any date.
 */
class PodStopIT {

    private static final int WORKERS = 250;
    private static final String IMPRESSIONS = "SELECT coalesce(sum(impressions), 0) FROM ads.ads";

    @Test
    void aStoppingAdPodAnswersEveryRequestItAcceptedAndWritesEveryImpression() throws Exception {
        List<ObjectNode> prod = DeliveryManifestsTest.overlay("prod");
        RenderedPod pod = RenderedPod.of(prod, "ads");
        ShutdownBudgetTest.Budget budget = ShutdownBudgetTest.budget(prod, "ads");
        try (HostPostgres pg = HostPostgres.start(ProductionImageTest.databaseName(prod), "shop_master");
             PackagedShop shop = PackagedShop.start("pod-stop", environment(prod, pod, pg, Map.of()))) {
            awaitReady(shop, pod);
            long before = Long.parseLong(pg.query(IMPRESSIONS));

            AdLoad load = AdLoad.start(shop.port, WORKERS);
            await().atMost(Duration.ofSeconds(60)).until(() -> load.answered() >= 2_000);
            ReadinessWatch readiness = ReadinessWatch.start(shop);
            int inFlightAtSignal = load.inFlight();
            long signalled = System.nanoTime();
            shop.terminate();
            // a load balancer stops sending within the delay; this one stops 2 s before it ends, and the requests
            // then in flight are the drain's to finish
            Duration sending = budget.delay().minusSeconds(2);
            await().atMost(budget.delay()).until(() -> System.nanoTime() - signalled >= sending.toNanos());
            List<AdLoad.Outcome> outcomes = load.stop();
            assertThat(shop.process.waitFor(budget.grace().toSeconds(), java.util.concurrent.TimeUnit.SECONDS))
                    .as("the process ends within terminationGracePeriodSeconds (%s)", budget.grace()).isTrue();
            long ended = System.nanoTime();
            long down = readiness.stop();

            String log = shop.output();
            assertThat(down).as("readiness turned DOWN").isPositive();
            assertThat(Duration.ofNanos(down - signalled)).as("readiness DOWN first, at the signal")
                    .isLessThan(Duration.ofSeconds(2));
            assertThat(inFlightAtSignal).as("requests in flight when SIGTERM arrived").isGreaterThanOrEqualTo(WORKERS / 2);
            List<AdLoad.Outcome> beforeDown = outcomes.stream().filter(o -> o.startedNanos() < down).toList();
            List<AdLoad.Outcome> whileDraining = outcomes.stream().filter(o -> o.startedNanos() >= down).toList();
            assertThat(beforeDown).as("requests sent before readiness went down").hasSizeGreaterThan(2_000);
            assertThat(beforeDown.stream().filter(o -> !o.ok()).toList())
                    .as("failed requests among those sent before readiness went down").isEmpty();
            assertThat(whileDraining).as("requests sent while readiness was DOWN, during the delay").isNotEmpty();
            assertThat(whileDraining.stream().filter(o -> !o.ok()).toList())
                    .as("failed requests among those sent during the delay (the drain finishes them)").isEmpty();

            long shown = outcomes.stream().mapToLong(AdLoad.Outcome::impressions).sum();
            assertThat(shown).isPositive();
            assertThat(Long.parseLong(pg.query(IMPRESSIONS)) - before)
                    .as("impressions in the database after the process ended, against the ads its answers showed")
                    .isEqualTo(shown);
            assertThat(log).as("the stopping order in the log")
                    .containsSubsequence("Stopping: readiness is DOWN", "Stopping: HTTP requests drained",
                            "Stopping: wrote the last", "stopped in");
            assertThat(log).doesNotContain("could not finish").doesNotContain("Timed out waiting for graceful shutdown");
            System.out.printf("PodStopIT: %d requests (%d in flight at SIGTERM, %d sent while readiness was DOWN),"
                    + " %d impressions, stopped %d ms after SIGTERM%n", outcomes.size(), inFlightAtSignal,
                    whileDraining.size(), shown, (ended - signalled) / 1_000_000);
        }
    }

    /**
     * SIGKILL runs nothing: what the process held is lost. The flush interval is set far out (an hour), so only the
     * count bound writes: no more than ads.impression-max-pending (1,000, the documented default) can be held.
     */
    @Test
    void aKilledAdPodLosesNoMoreThanTheImpressionsOfOneBatch() throws Exception {
        List<ObjectNode> prod = DeliveryManifestsTest.overlay("prod");
        RenderedPod pod = RenderedPod.of(prod, "ads");
        long bound = 1_000;
        try (HostPostgres pg = HostPostgres.start(ProductionImageTest.databaseName(prod), "shop_master");
             PackagedShop shop = PackagedShop.start("pod-kill", environment(prod, pod, pg,
                     Map.of("ADS_IMPRESSION_FLUSH", "1h")))) {
            awaitReady(shop, pod);
            long before = Long.parseLong(pg.query(IMPRESSIONS));
            AdLoad load = AdLoad.start(shop.port, 4);
            await().atMost(Duration.ofSeconds(120)).until(() -> load.shown() >= 2 * bound + bound / 2);
            long shown = load.stop().stream().mapToLong(AdLoad.Outcome::impressions).sum();
            assertThat(shown).as("impressions shown").isGreaterThan(2 * bound);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(shown
                    - (Long.parseLong(pg.query(IMPRESSIONS)) - before)).as("impressions held in memory")
                    .isLessThan(bound));
            long written = Long.parseLong(pg.query(IMPRESSIONS)) - before;
            shop.kill();
            assertThat(shop.output()).doesNotContain("Stopping:");

            long lost = shown - (Long.parseLong(pg.query(IMPRESSIONS)) - before);
            assertThat(lost).as("impressions lost by SIGKILL: what was held, less than ads.impression-max-pending")
                    .isLessThan(bound).isEqualTo(shown - written);
            System.out.printf("PodStopIT: %d impressions shown, %d written before SIGKILL, %d lost%n", shown, written, lost);
        }
    }

    /**
     * The rendered pod's environment with this machine's database and a free port; the demo campaigns on (so an ad
     * is live whatever the date), no trace export (nothing receives it here).
     */
    private static Map<String, String> environment(List<ObjectNode> prod, RenderedPod pod, HostPostgres pg,
            Map<String, String> overrides) {
        String token = UUID.randomUUID().toString();
        Map<String, String> env = new LinkedHashMap<>(pod.environment(prod,
                name -> ProductionImageTest.secret(prod, name, pg, token),
                Map.of("status.hostIP", "127.0.0.1", "status.podIP", "127.0.0.1", "metadata.name", "ads")));
        assertThat(env).containsEntry("SHOP_ROLE", "ads").containsKey("QUARKUS_SHUTDOWN_DELAY");
        env.remove("QUARKUS_HTTP_PORT");
        env.put("SHOP_DEMO_DATA", "true");
        env.put("QUARKUS_OTEL_TRACES_SAMPLER_ARG", "0.0");
        env.putAll(overrides);
        return env;
    }

    private static void awaitReady(PackagedShop shop, RenderedPod pod) {
        Tools.postgresqlBin();
        await().atMost(Duration.ofSeconds(pod.startupSeconds())).pollInterval(Duration.ofSeconds(1))
                .until(() -> !shop.process.isAlive() || shop.status("/q/health/ready") == 200);
        assertThat(shop.process.isAlive()).as(shop.output()).isTrue();
    }

    /** Polls readiness every 50 ms and remembers when it first answered anything but 200. */
    static final class ReadinessWatch {
        private final Thread thread;
        private volatile long downAt;
        private volatile boolean watching = true;

        private ReadinessWatch(PackagedShop shop) {
            thread = new Thread(() -> {
                while (watching && downAt == 0) {
                    long now = System.nanoTime();
                    if (shop.status("/q/health/ready") != 200) {
                        downAt = now;
                    }
                    java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
                }
            }, "readiness-watch");
            thread.setDaemon(true);
        }

        static ReadinessWatch start(PackagedShop shop) {
            ReadinessWatch watch = new ReadinessWatch(shop);
            watch.thread.start();
            return watch;
        }

        /** When readiness was first seen DOWN (System.nanoTime), 0 if never. */
        long stop() throws InterruptedException {
            watching = false;
            thread.join(10_000);
            return downAt;
        }
    }
}
