package dev.mirshop.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A pod that stops must have the time to stop in order (platform.lifecycle.OrderlyShutdown): its
 * terminationGracePeriodSeconds covers a preStop hook (none: the process drains itself), the time it keeps serving
 * with readiness DOWN (quarkus.shutdown.delay), the time requests in flight get (quarkus.shutdown.timeout) and the time
 * background work gets (shop.shutdown.work-timeout), plus the JVM's own exit. Every value is read from the rendered
 * overlay (the pod's environment, as the kubelet builds it) or, where the pod sets none, from application.properties.
 */
class ShutdownBudgetTest {

    /** Closing the datasources and the JVM's exit after the background work (measured: under a second). */
    static final Duration EXIT = Duration.ofSeconds(3);
    /** The ALB and kube-proxy take a few seconds to stop sending to a terminating pod. */
    static final Duration LOAD_BALANCER_PROPAGATION = Duration.ofSeconds(5);

    record Budget(Duration preStop, Duration delay, Duration timeout, Duration workTimeout, Duration grace) {
        Duration needed() {
            return preStop.plus(delay).plus(timeout).plus(workTimeout).plus(EXIT);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void everyShopPodHasTheTimeToDrainAndFinishItsWork(String overlay) {
        List<ObjectNode> objects = DeliveryManifestsTest.overlay(overlay);
        for (String role : List.of("storefront", "discounts", "ads")) {
            Budget budget = budget(objects, role);
            String pod = overlay + "/" + role;
            assertThat(budget.delay()).as(pod + ": readiness DOWN while still serving, long enough for the load"
                    + " balancer to stop sending").isGreaterThanOrEqualTo(LOAD_BALANCER_PROPAGATION);
            assertThat(budget.timeout()).as(pod + ": requests in flight get time to finish").isPositive();
            assertThat(budget.grace()).as(pod + ": terminationGracePeriodSeconds covers " + budget)
                    .isGreaterThanOrEqualTo(budget.needed());
        }
    }

    static Budget budget(List<ObjectNode> objects, String role) {
        RenderedPod pod = RenderedPod.of(objects, role);
        Map<String, String> env = pod.environment(objects, name -> Map.of(), Map.of("status.hostIP", "127.0.0.1",
                "status.podIP", "127.0.0.1", "metadata.name", role));
        Properties app = applicationProperties();
        return new Budget(preStop(pod), setting(env, app, "quarkus.shutdown.delay"),
                setting(env, app, "quarkus.shutdown.timeout"), setting(env, app, "shop.shutdown.work-timeout"),
                Duration.ofSeconds(pod.podSpec().path("terminationGracePeriodSeconds").asLong(30)));
    }

    /** The pod's environment variable for a setting (QUARKUS_SHUTDOWN_DELAY), else application.properties, else 0. */
    static Duration setting(Map<String, String> env, Properties app, String key) {
        String variable = key.toUpperCase().replaceAll("[^A-Z0-9]", "_");
        String value = env.getOrDefault(variable, app.getProperty(key, "0S"));
        return Duration.parse("PT" + value.toUpperCase());
    }

    /** A preStop sleep delays SIGTERM by its length (kubelet's sleep action, or an exec of sleep). */
    static Duration preStop(RenderedPod pod) {
        JsonNode preStop = pod.container().path("lifecycle").path("preStop");
        if (preStop.isMissingNode()) {
            return Duration.ZERO;
        }
        if (preStop.has("sleep")) {
            return Duration.ofSeconds(preStop.path("sleep").path("seconds").asLong());
        }
        JsonNode command = preStop.path("exec").path("command");
        for (int i = 0; i < command.size(); i++) {
            if (command.get(i).asText().endsWith("sleep") && i + 1 < command.size()) {
                return Duration.ofSeconds(Long.parseLong(command.get(i + 1).asText()));
            }
        }
        throw new AssertionError(pod.role() + " has a preStop hook this test cannot time: " + preStop);
    }

    static Properties applicationProperties() {
        Properties app = new Properties();
        try {
            app.load(new StringReader(Repo.read(Repo.path("src/main/resources/application.properties"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return app;
    }
}
