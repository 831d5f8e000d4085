package dev.falconet.output.http;

import dev.falconet.output.WorkerThreads;

import dev.falconet.output.Alert;
import dev.falconet.output.AlertFormats;
import dev.falconet.output.AlertSink;
import dev.falconet.output.DeliveryListener;
import dev.falconet.output.DeliveryState;
import dev.falconet.output.DeliveryStatus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * POSTs each alert as Falco's JSON to an HTTP endpoint, as Falco's {@code http_output} does, so a real
 * falcosidekick (or another {@code falconet receive}) gets our alerts. One alert per request, in order, from
 * one thread; up to {@value #ATTEMPTS} attempts with exponential backoff on network errors, 429 and 5xx.
 *
 * <p>The queue is in memory and bounded ({@code capacity}); when it is full, new alerts are refused with a
 * {@code failed} status and a log line. Unlike the Telegram output this one does not survive a restart
 * (falcosidekick, its usual receiver, has its own retries per output).
 */
public final class HttpPostSink implements AlertSink {
    /** The output name in delivery statuses. */
    public static final String OUTPUT = "http";
    static final int ATTEMPTS = 5;
    private static final System.Logger LOG = System.getLogger(HttpPostSink.class.getName());

    private final URI url;
    private final String bearerToken;
    private final DeliveryListener listener;
    private final Duration drainTimeout;
    private final Duration baseDelay;
    private final HttpClient client;
    private final LinkedBlockingQueue<Alert> queue;
    private final Thread worker;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closing;
    private volatile long drainDeadline = Long.MAX_VALUE;

    /**
     * @param url          where to POST ({@code http://falcosidekick:2801/})
     * @param bearerToken  sent as {@code Authorization: Bearer ...} when not null
     * @param capacity     alerts queued in memory at most
     * @param baseDelay    first retry delay (doubles each attempt)
     * @param drainTimeout how long {@link #close()} waits for queued alerts
     */
    public HttpPostSink(URI url, String bearerToken, DeliveryListener listener, int capacity, Duration baseDelay, Duration drainTimeout) {
        this.url = url;
        this.bearerToken = bearerToken;
        this.listener = listener;
        this.baseDelay = baseDelay;
        this.drainTimeout = drainTimeout;
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        this.worker = Thread.ofPlatform().daemon().name("falconet-http-output").unstarted(this::loop);
    }

    /** Starts the sending thread. */
    public HttpPostSink start() {
        worker.start();
        return this;
    }

    @Override
    public void accept(Alert alert) {
        // announce before the worker can see it, so listeners always get queued before sending
        emit(alert, DeliveryState.QUEUED, 0, null, null);
        if (queue.offer(alert)) return;
        long n = dropped.incrementAndGet();
        if (n == 1 || n % 1000 == 0) {
            LOG.log(System.Logger.Level.WARNING, "HTTP output " + url + ": queue full; new alerts are not posted (" + n + " so far)");
        }
        emit(alert, DeliveryState.FAILED, 0, "queue full: the receiver is too slow or down", null);
    }

    @Override
    public void close() {
        closing = true;
        drainDeadline = System.nanoTime() + drainTimeout.toNanos();
        WorkerThreads.stop(worker, drainTimeout, java.time.Duration.ofMillis(2000));
        if (!queue.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "HTTP output " + url + ": " + queue.size() + " alert(s) not posted before exit");
        }
        client.close();
    }

    @Override
    public String name() {
        return OUTPUT;
    }

    private void loop() {
        try {
            while (!(closing && (queue.isEmpty() || System.nanoTime() > drainDeadline))) {
                Alert a = queue.poll(200, TimeUnit.MILLISECONDS);
                if (a != null) post(a);
            }
        } catch (InterruptedException e) {
            // shutdown
        }
    }

    private void post(Alert alert) throws InterruptedException {
        HttpRequest.Builder rb = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("User-Agent", "falconet")
                .POST(HttpRequest.BodyPublishers.ofString(AlertFormats.json(alert)));
        if (bearerToken != null) rb.header("Authorization", "Bearer " + bearerToken);
        HttpRequest request = rb.build();
        for (int attempt = 1; ; attempt++) {
            emit(alert, DeliveryState.SENDING, attempt, null, null);
            String reason;
            try {
                HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                int code = r.statusCode();
                if (code / 100 == 2) {
                    emit(alert, DeliveryState.SENT, attempt, null, null);
                    return;
                }
                String body = r.body() == null ? "" : r.body().strip();
                reason = "HTTP " + code + (body.isEmpty() ? "" : ": " + (body.length() > 200 ? body.substring(0, 200) + "…" : body));
                if (code / 100 == 4 && code != 429 && code != 408) {
                    emit(alert, DeliveryState.FAILED, attempt, "refused: " + reason, null);
                    return;
                }
            } catch (IOException e) {
                reason = "network error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            if (attempt == ATTEMPTS) {
                emit(alert, DeliveryState.FAILED, attempt, reason + " (gave up after " + ATTEMPTS + " attempts)", null);
                LOG.log(System.Logger.Level.WARNING, "HTTP output " + url + ": gave up on alert " + alert.uuid() + ": " + reason);
                return;
            }
            Duration delay = baseDelay.multipliedBy(1L << (attempt - 1));
            if (closing && System.nanoTime() + delay.toNanos() > drainDeadline) {
                emit(alert, DeliveryState.FAILED, attempt, reason + " (exiting)", null);
                return;
            }
            emit(alert, DeliveryState.RETRYING, attempt, reason, Instant.now().plus(delay));
            Thread.sleep(delay);
        }
    }

    private void emit(Alert a, DeliveryState state, int attempt, String reason, Instant next) {
        try {
            listener.onStatus(new DeliveryStatus(a.uuid(), OUTPUT, state, attempt, null, reason, next, Instant.now()));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "delivery listener failed: " + e);
        }
    }
}
