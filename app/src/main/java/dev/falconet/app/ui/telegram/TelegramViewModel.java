package dev.falconet.app.ui.telegram;

import dev.falconet.app.i18n.Msg;
import dev.falconet.app.ui.UiThreads;
import dev.falconet.app.ui.shell.Notice;
import dev.falconet.app.ui.shell.SessionViewModel;
import dev.falconet.output.Alert;
import dev.falconet.output.DeliveryStatus;
import dev.falconet.output.spool.Spool;
import dev.falconet.output.telegram.Backoff;
import dev.falconet.output.telegram.BotApiClient;
import dev.falconet.output.telegram.Pacer;
import dev.falconet.output.telegram.TelegramSettings;
import dev.falconet.output.telegram.TelegramSink;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Telegram delivery of the session's alerts, watched: every alert of the feed goes to the configured chat
 * through the sensor's own {@link TelegramSink} (spool on disk, rate limit, retries), and each step it reports
 * (queued, sending, sent, retrying, failed) is kept here for the delivery timelines the pages show.
 */
public final class TelegramViewModel implements AutoCloseable {
    /** Delivery steps kept. */
    static final int LIMIT = 20_000;
    /** Undelivered alerts the spool keeps. */
    static final long SPOOL_MAX = 10_000;

    private final UiThreads threads;
    private final SessionViewModel session;
    private final Path spoolRoot;
    private final ObservableList<DeliveryStatus> deliveries = FXCollections.observableArrayList();
    private final ObjectProperty<Msg> state = new SimpleObjectProperty<>(Msg.of("telegram.state.off"));
    // accept() writes to the spool: one thread keeps the feed's order and the FX thread free
    private final ExecutorService feeder = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().name("falconet-telegram-feed").unstarted(r));
    private volatile TelegramSink sink;

    /**
     * @param spoolRoot where each chat's spool directory goes
     */
    public TelegramViewModel(UiThreads threads, SessionViewModel session, Path spoolRoot) {
        this.threads = threads;
        this.session = session;
        this.spoolRoot = spoolRoot;
        session.alerts().addListener((ListChangeListener<Alert>) c -> {
            while (c.next()) {
                if (!c.wasAdded()) continue;
                List<Alert> added = List.copyOf(c.getAddedSubList());
                feeder.execute(() -> {
                    TelegramSink s = sink;
                    if (s != null) added.forEach(s::accept);
                });
            }
        });
    }

    /** Every delivery step so far, oldest first. */
    public ObservableList<DeliveryStatus> deliveries() {
        return deliveries;
    }

    /** Whether alerts go to Telegram, and where. */
    public ReadOnlyObjectProperty<Msg> stateProperty() {
        return state;
    }

    public boolean configured() {
        return sink != null;
    }

    /** The steps of one alert's delivery. */
    public List<DeliveryStatus> timeline(String alertUuid) {
        return deliveries.stream().filter(d -> d.alertUuid().equals(alertUuid)).toList();
    }

    /** Sends the feed's next alerts to this chat (off: null). Opening the spool and the client happens off the FX thread. */
    public void configure(TelegramSettings settings) {
        TelegramSink old = sink;
        sink = null;
        if (old != null) feeder.execute(old::close);
        if (settings == null) {
            state.set(Msg.of("telegram.state.off"));
            return;
        }
        Path dir = spoolRoot.resolve("telegram-" + settings.chatId().replace('@', '_'));
        // on the feeder thread: alerts that arrive meanwhile queue behind it and go to the new chat
        feeder.execute(() -> {
            try {
                Spool spool = Spool.open(dir, SPOOL_MAX);
                TelegramSink s = new TelegramSink(settings, spool, new BotApiClient(settings), this::onStatus, Pacer.SYSTEM, Backoff.standard(),
                        Duration.ofSeconds(3)).start();
                sink = s;
                threads.ui().execute(() -> state.set(Msg.of("telegram.state.on", settings.chatId(), settings.minPriority().display())));
            } catch (IOException | RuntimeException e) {
                threads.ui().execute(() -> {
                    state.set(Msg.of("telegram.state.off"));
                    session.notify(Notice.error("notify.telegram.spool", dir.toString(), String.valueOf(e.getMessage())));
                });
            }
        });
    }

    private void onStatus(DeliveryStatus s) {
        threads.ui().execute(() -> {
            deliveries.add(s);
            if (deliveries.size() > LIMIT) deliveries.remove(0, deliveries.size() - LIMIT);
        });
    }

    @Override
    public void close() {
        TelegramSink s = sink;
        sink = null;
        if (s != null) feeder.execute(s::close);
        feeder.shutdown();
        try {
            // the sink drains and checkpoints its spool: wait for it, so the spool is consistent when the app exits
            feeder.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
