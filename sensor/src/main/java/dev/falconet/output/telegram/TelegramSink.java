package dev.falconet.output.telegram;

import dev.falconet.output.WorkerThreads;

import dev.falconet.output.Alert;
import dev.falconet.output.AlertFormats;
import dev.falconet.output.AlertJsonParser;
import dev.falconet.output.AlertSink;
import dev.falconet.output.DeliveryListener;
import dev.falconet.output.DeliveryState;
import dev.falconet.output.DeliveryStatus;
import dev.falconet.output.spool.Spool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers alerts to one Telegram chat, in order, through a durable {@link Spool}.
 *
 * <p>Pipeline: {@link #accept} (priority gate → append to the spool → {@code queued}) and one delivery
 * thread (oldest spooled alert → per-chat rate limit → render → {@code sending} → Bot API →
 * {@code sent} | {@code retrying} | {@code failed}). An alert leaves the spool only when Telegram took it or
 * refused that very message for good; while Telegram is unreachable, rate-limits, or refuses the token or
 * chat (a setting to fix), alerts wait on disk and are retried with exponential backoff and jitter, honouring
 * {@code retry_after}.
 *
 * <p>Duplicates: a repeat after Telegram answered with an error cannot duplicate (Telegram did not take the
 * message). When a request got no answer after it was sent (timeout, reset connection, a crash mid-send)
 * Telegram may or may not have posted it; the Bot API has no idempotency key, so the repeat is sent with an
 * italic first line saying it may duplicate an earlier message.
 *
 * <p>Full spool: new alerts are refused (the spool keeps the oldest, the start of an incident), each
 * refusal is a {@code failed} status, and the log says when dropping starts, every 1000 drops, and when
 * there is room again. The alerts still reach every other output.
 */
public final class TelegramSink implements AlertSink {
    /** The output name in delivery statuses. */
    public static final String OUTPUT = "telegram";
    static final String DUPLICATE_NOTICE = "Sent again after an attempt that got no answer: this may duplicate an earlier message.";
    private static final System.Logger LOG = System.getLogger(TelegramSink.class.getName());
    private static final long SYNC_EVERY_MILLIS = 200;

    private final TelegramSettings settings;
    private final Spool spool;
    private final BotApiClient client;
    private final DeliveryListener listener;
    private final Pacer pacer;
    private final Backoff backoff;
    private final Duration drainTimeout;
    private final Duration interval;
    private final Thread worker;
    private final Thread syncer;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closing;
    private volatile long drainDeadline = Long.MAX_VALUE;
    private volatile boolean full;
    private Instant nextSendAllowed = Instant.MIN;
    private String lastProblem;

    /**
     * A sink over an opened spool and client; call {@link #start()} to begin delivering.
     *
     * @param drainTimeout how long {@link #close()} waits for queued alerts to go out
     */
    public TelegramSink(TelegramSettings settings, Spool spool, BotApiClient client, DeliveryListener listener,
                        Pacer pacer, Backoff backoff, Duration drainTimeout) {
        this.settings = settings;
        this.spool = spool;
        this.client = client;
        this.listener = listener;
        this.pacer = pacer;
        this.backoff = backoff;
        this.drainTimeout = drainTimeout;
        this.interval = settings.perMinute() == 0 ? Duration.ZERO : Duration.ofMillis(60_000L / settings.perMinute());
        this.worker = Thread.ofPlatform().daemon().name("falconet-telegram").unstarted(this::deliverLoop);
        this.syncer = Thread.ofPlatform().daemon().name("falconet-telegram-sync").unstarted(this::syncLoop);
    }

    /** Starts the delivery thread (spooled alerts from an earlier run go first). */
    public TelegramSink start() {
        worker.start();
        syncer.start();
        return this;
    }

    @Override
    public void accept(Alert alert) {
        if (!alert.priority().atLeast(settings.minPriority())) return;
        long seq;
        try {
            seq = spool.append(AlertFormats.json(alert).getBytes(StandardCharsets.UTF_8),
                    s -> emit(alert.uuid(), DeliveryState.QUEUED, 0, null, null, null));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "Telegram: cannot write alert " + alert.uuid() + " to the spool " + spool.dir() + ": " + e.getMessage());
            emit(alert.uuid(), DeliveryState.FAILED, 0, null, "cannot write to the spool: " + e.getMessage(), null);
            return;
        }
        if (seq < 0) {
            long n = dropped.incrementAndGet();
            if (n == 1 || n % 1000 == 0) {
                LOG.log(System.Logger.Level.WARNING, "Telegram: the spool " + spool.dir() + " is full (" + spool.pending()
                        + " undelivered alerts); new alerts are not sent to Telegram until it drains (" + n + " dropped so far)");
            }
            full = true;
            emit(alert.uuid(), DeliveryState.FAILED, 0, null, "spool full: " + spool.pending() + " undelivered alerts wait for Telegram", null);
            return;
        }
        if (full) {
            full = false;
            LOG.log(System.Logger.Level.WARNING, "Telegram: the spool has room again; " + dropped.get() + " alert(s) were not sent to Telegram");
        }
    }

    /** Alerts waiting in the spool. */
    public long pending() {
        return spool.pending();
    }

    /** Alerts refused because the spool was full. */
    public long dropped() {
        return dropped.get();
    }

    /**
     * Waits up to the drain timeout for queued alerts to be delivered, then stops; what is left stays in
     * the spool for the next start.
     */
    @Override
    public void close() {
        closing = true;
        drainDeadline = System.nanoTime() + drainTimeout.toNanos();
        WorkerThreads.stop(worker, drainTimeout, java.time.Duration.ofMillis(5000));
        syncer.interrupt();
        long left = spool.pending();
        try {
            spool.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "Telegram: closing the spool " + spool.dir() + " failed: " + e.getMessage());
        }
        client.close();
        if (left > 0) {
            LOG.log(System.Logger.Level.WARNING, "Telegram: " + left + " alert(s) not delivered yet stay in " + spool.dir()
                    + "; they are sent first on the next start with the same --spool");
        }
    }

    @Override
    public String name() {
        return OUTPUT;
    }

    /**
     * Stops the way a killed process stops (no drain, no fsync, no checkpoint), so tests can check recovery
     * from the directory alone.
     */
    void crashForTest() throws InterruptedException, IOException {
        closing = true;
        syncer.interrupt();
        worker.interrupt();
        worker.join(5000);
        spool.abandon();
        client.close();
    }

    // ---- delivery thread

    /** Thrown inside the loop when the drain deadline passes during shutdown. */
    private static final class Stop extends Exception {
        private static final long serialVersionUID = 1L;

        Stop() {
            super(null, null, false, false);
        }
    }

    /** Forces the spool to disk every 200 ms, off the delivery thread (an fsync can take long on a busy disk). */
    private void syncLoop() {
        while (!closing) {
            try {
                Thread.sleep(SYNC_EVERY_MILLIS);
                spool.sync();
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                LOG.log(System.Logger.Level.ERROR, "Telegram: cannot force the spool " + spool.dir() + " to disk: " + e.getMessage());
            }
        }
    }

    private void deliverLoop() {
        try {
            while (true) {
                if (closing && (spool.pending() == 0 || System.nanoTime() > drainDeadline)) return;
                Spool.Entry e = spool.peek(200, TimeUnit.MILLISECONDS);
                if (e != null) deliver(e);
            }
        } catch (InterruptedException | Stop e) {
            // shutdown: the current alert stays in the spool
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Telegram: delivery stopped: " + Redactor.redact(e.toString(), settings.token())
                    + "; undelivered alerts stay in " + spool.dir());
        }
    }

    private void deliver(Spool.Entry e) throws IOException, InterruptedException, Stop {
        Alert alert;
        try {
            alert = AlertJsonParser.parseStored(new String(e.payload(), StandardCharsets.UTF_8));
        } catch (AlertJsonParser.InvalidAlertException x) {
            LOG.log(System.Logger.Level.ERROR, "Telegram: spooled record " + e.seq() + " is not an alert (" + x.getMessage() + "); skipped");
            spool.markDone(e.seq());
            return;
        }
        boolean mayDuplicate = e.maybeSent();
        TelegramFormat.Markup markup = TelegramFormat.Markup.MARKDOWN_V2;
        int attempt = 0;
        int failures = 0;
        while (true) {
            waitFor(Duration.between(pacer.now(), nextSendAllowed));
            attempt++;
            String text = TelegramFormat.render(alert, markup, mayDuplicate ? DUPLICATE_NOTICE : null).text();
            spool.markSending(e.seq());
            emit(alert.uuid(), DeliveryState.SENDING, attempt, null, null, null);
            SendOutcome outcome = client.send(text, markup == TelegramFormat.Markup.MARKDOWN_V2);
            if (Thread.interrupted()) throw new InterruptedException();
            nextSendAllowed = pacer.now().plus(interval);
            Duration delay;
            String reason;
            switch (outcome) {
                case SendOutcome.Sent s -> {
                    spool.markDone(e.seq());
                    recovered();
                    emit(alert.uuid(), DeliveryState.SENT, attempt, s.messageId(), null, null);
                    return;
                }
                case SendOutcome.Rejected r -> {
                    spool.markNotSent(e.seq());
                    if (r.parseProblem() && markup == TelegramFormat.Markup.MARKDOWN_V2) {
                        markup = TelegramFormat.Markup.PLAIN;
                        delay = Duration.ZERO;
                        reason = "Telegram could not parse the MarkdownV2 text (" + r.description() + "); sending it as plain text";
                    } else if (r.code() == 429) {
                        // Telegram says how long to wait; only a 429 without retry_after escalates the backoff
                        delay = r.retryAfter() != null ? backoff.retryAfter(r.retryAfter()) : backoff.delay(++failures);
                        reason = "rate-limited by Telegram (429)" + (r.retryAfter() != null ? ", retry after " + r.retryAfter() + " s" : "");
                    } else if (r.code() >= 500) {
                        failures++;
                        delay = backoff.delay(failures);
                        reason = "Telegram server error (" + r.code() + "): " + r.description();
                        problem("server", reason);
                    } else if (r.tokenProblem()) {
                        failures++;
                        delay = backoff.delay(failures);
                        reason = "Telegram refused the bot token (" + r.code() + " " + r.description()
                                + "): fix --telegram-token; alerts stay queued";
                        problem("token", reason);
                    } else if (r.chatProblem()) {
                        failures++;
                        delay = backoff.delay(failures);
                        reason = "Telegram cannot post to chat " + settings.chatId() + " (" + r.code() + " " + r.description()
                                + "): check --telegram-chat-id and that the bot is a member; alerts stay queued";
                        problem("chat", reason);
                    } else {
                        spool.markDone(e.seq());
                        emit(alert.uuid(), DeliveryState.FAILED, attempt, null, "Telegram refused this message (" + r.code() + " "
                                + r.description() + ")", null);
                        return;
                    }
                }
                case SendOutcome.NoAnswer n -> {
                    if (n.ambiguous()) mayDuplicate = true;
                    else spool.markNotSent(e.seq());
                    failures++;
                    delay = backoff.delay(failures);
                    reason = switch (n.kind()) {
                        case NETWORK -> "network error";
                        case TLS -> "TLS error";
                        case TIMEOUT -> "no answer in time";
                        case BAD_ANSWER -> "an answer that is not the Bot API's";
                    } + ": " + n.detail() + (n.ambiguous() ? " (Telegram may have posted it; the repeat is marked as a possible duplicate)" : "");
                    problem(n.kind().name(), reason);
                }
            }
            emit(alert.uuid(), DeliveryState.RETRYING, attempt, null, reason, pacer.now().plus(delay));
            waitFor(delay);
        }
    }

    /** Sleeps {@code d} on the pacer, or stops when shutting down and the drain deadline would pass. */
    private void waitFor(Duration d) throws InterruptedException, Stop {
        if (d.isNegative() || d.isZero()) return;
        if (closing && System.nanoTime() + d.toNanos() > drainDeadline) throw new Stop();
        pacer.sleep(d);
    }

    /** Logs a delivery problem once, until it changes or delivery works again (statuses carry every attempt). */
    private void problem(String kind, String reason) {
        if (!kind.equals(lastProblem)) {
            LOG.log(System.Logger.Level.WARNING, "Telegram: " + Redactor.redact(reason, settings.token()));
            lastProblem = kind;
        }
    }

    private void recovered() {
        if (lastProblem != null) {
            LOG.log(System.Logger.Level.INFO, "Telegram: delivering again");
            lastProblem = null;
        }
    }

    private void emit(String uuid, DeliveryState state, int attempt, Long messageId, String reason, Instant next) {
        try {
            listener.onStatus(new DeliveryStatus(uuid, OUTPUT, state, attempt, messageId,
                    reason == null ? null : Redactor.redact(reason, settings.token()), next, pacer.now()));
        } catch (RuntimeException ex) {
            LOG.log(System.Logger.Level.WARNING, "delivery listener failed: " + ex);
        }
    }
}
