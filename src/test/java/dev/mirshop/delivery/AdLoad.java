package dev.mirshop.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Page views asking the ad service for ads, from many shoppers at once: each worker sends one request after the
 * other on its own connection, so as many requests are in flight as there are workers. Every request's start, end,
 * status (or the error the client saw) and the impressions it was answered with are kept.
 */
final class AdLoad implements AutoCloseable {

    record Outcome(long startedNanos, long endedNanos, int status, int impressions, String error) {
        boolean ok() {
            return status == 200 && error == null;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI uri;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong shown = new java.util.concurrent.atomic.AtomicLong();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean sending = true;

    private AdLoad(URI uri) {
        this.uri = uri;
    }

    static AdLoad start(int port, int workers) {
        AdLoad load = new AdLoad(URI.create("http://127.0.0.1:" + port + "/api/ads/select?count=2"));
        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(load::work, "ad-load-" + i);
            t.setDaemon(true);
            load.workers.add(t);
            t.start();
        }
        return load;
    }

    private void work() {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build();
        while (sending) {
            long start = System.nanoTime();
            inFlight.incrementAndGet();
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                int impressions = response.statusCode() == 200 ? impressions(response.body()) : 0;
                shown.addAndGet(impressions);
                outcomes.add(new Outcome(start, System.nanoTime(), response.statusCode(), impressions, null));
            } catch (IOException e) {
                outcomes.add(new Outcome(start, System.nanoTime(), -1, 0, e.toString()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }

    private static int impressions(String body) throws IOException {
        JsonNode ads = JSON.readTree(body);
        return ads.isArray() ? ads.size() : 0;
    }

    int inFlight() {
        return inFlight.get();
    }

    int answered() {
        return outcomes.size();
    }

    /** Ads shown so far (each one an impression the ad service counted). */
    long shown() {
        return shown.get();
    }

    /** No new requests; waits for the ones in flight to end (answered or failed). */
    List<Outcome> stop() throws InterruptedException {
        sending = false;
        for (Thread t : workers) {
            t.join(Duration.ofSeconds(90).toMillis());
        }
        return List.copyOf(outcomes);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
