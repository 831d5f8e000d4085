package dev.falconet.app.ui;

import dev.falconet.app.settings.AppSettingsStore;
import dev.falconet.app.ui.alerts.AlertsPage;
import dev.falconet.app.ui.guide.GuidePage;
import dev.falconet.app.ui.guide.GuideViewModel;
import dev.falconet.app.ui.i18n.I18n;
import dev.falconet.app.ui.lab.LabPage;
import dev.falconet.app.ui.lab.LabViewModel;
import dev.falconet.app.ui.rules.RulesPage;
import dev.falconet.app.ui.rules.RulesViewModel;
import dev.falconet.app.ui.settings.SettingsPage;
import dev.falconet.app.ui.settings.SettingsViewModel;
import dev.falconet.app.ui.shell.MainWindow;
import dev.falconet.app.ui.shell.SessionViewModel;
import dev.falconet.app.ui.shell.ShellViewModel;
import dev.falconet.engine.EngineOptions;
import dev.falconet.app.scenario.StudyProgress;
import dev.falconet.app.ui.exercises.ExercisesPage;
import dev.falconet.app.ui.exercises.ExercisesViewModel;
import dev.falconet.app.ui.scenarios.ScenariosPage;
import dev.falconet.app.ui.scenarios.ScenariosViewModel;
import dev.falconet.app.ui.shell.SensorViewModel;
import dev.falconet.exercise.ExerciseCatalog;
import dev.falconet.app.ui.telegram.TelegramViewModel;
import dev.falconet.lab.LabControl;
import dev.falconet.lab.sensor.LiveSensors;
import java.nio.file.Path;
import javafx.scene.Node;

/**
 * Wires the app: settings, language, the shared session, and one view model per page. The app and the
 * UI tests build the window through here (tests with their own config directory and lab).
 */
public final class AppContext implements AutoCloseable {
    private final UiThreads threads;
    private final ShellViewModel shell;
    private final I18n i18n;
    private final SessionViewModel session;
    private final SensorViewModel sensor;
    private final TelegramViewModel telegram;
    private final Path repoRoot;
    private final StudyProgress progress;
    private final java.util.List<Runnable> deferred = new java.util.ArrayList<>();
    private boolean started;
    private final Path configDir;
    private final LabControl lab;
    private final EngineOptions options;

    /**
     * @param configDir  where app.properties and telegram.properties live
     * @param repoRoot   the project's checkout: scenarios/, rules/, the launcher
     * @param lab        the lab (the real one, or scripted tools in tests)
     * @param sensors    the live sensors (on this machine, in the cluster)
     * @param paceMillis pause between replayed alerts
     */
    public AppContext(UiThreads threads, Path configDir, Path repoRoot, LabControl lab, LiveSensors sensors, long paceMillis) {
        this.repoRoot = repoRoot;
        this.progress = new StudyProgress(configDir.resolve("progress.properties"));
        this.threads = threads;
        this.configDir = configDir;
        this.lab = lab;
        this.options = EngineOptions.defaults();
        this.shell = new ShellViewModel(new AppSettingsStore(configDir.resolve("app.properties")));
        this.i18n = new I18n(shell.languageProperty().get());
        i18n.localeProperty().bind(shell.languageProperty());
        this.session = new SessionViewModel(threads, options, paceMillis);
        this.sensor = new SensorViewModel(threads, session, sensors, shell::rulesFiles);
        this.telegram = new TelegramViewModel(threads, session, configDir.resolve("spool"));
        whenStarted(() -> telegram.configure(SettingsViewModel.savedTelegram(shell, configDir.resolve("telegram.properties"))));
    }

    public TelegramViewModel telegram() {
        return telegram;
    }

    public SensorViewModel sensor() {
        return sensor;
    }

    public I18n i18n() {
        return i18n;
    }

    public ShellViewModel shell() {
        return shell;
    }

    public SessionViewModel session() {
        return session;
    }

    /** Builds the main window; {@link #started()} begins the background work once it is on screen. */
    public MainWindow window() {
        whenStarted(() -> session.loadRules(shell.rulesFiles()));
        return new MainWindow(i18n, shell, session, sensor, this::page);
    }

    /**
     * Runs {@code work} once the window shows its first frame (at once after that): loading rules and checking
     * the lab compete for the CPU with drawing the first frame, on a 2-core laptop that is most of start-up.
     */
    void whenStarted(Runnable work) {
        if (started) work.run();
        else deferred.add(work);
    }

    /** The window is on screen: starts the work that waited for it. Call on the FX thread. */
    public void started() {
        if (started) return;
        started = true;
        deferred.forEach(Runnable::run);
        deferred.clear();
    }

    private Node page(Page p) {
        return switch (p) {
            case LAB -> {
                LabViewModel vm = new LabViewModel(threads, lab, () -> {
                    sensor.useReplay();
                    shell.pageProperty().set(Page.ALERTS);
                    session.replayDemo();
                }, session::notify);
                whenStarted(vm::refresh);
                yield new LabPage(i18n, vm, sensor, session);
            }
            case RULES -> {
                RulesViewModel vm = new RulesViewModel(threads, options, sensor);
                whenStarted(vm::openDemoRules);
                yield new RulesPage(i18n, vm);
            }
            case ALERTS -> new AlertsPage(i18n, session, telegram);
            case SCENARIOS -> {
                ScenariosViewModel vm = new ScenariosViewModel(threads, session, repoRoot, progress);
                whenStarted(vm::load);
                yield new ScenariosPage(i18n, vm, telegram);
            }
            case EXERCISES -> {
                ExercisesViewModel vm = new ExercisesViewModel(threads, session, repoRoot.resolve(ExerciseCatalog.RELATIVE_DIR), progress);
                whenStarted(vm::load);
                yield new ExercisesPage(i18n, vm);
            }
            case GUIDE -> new GuidePage(i18n, new GuideViewModel(i18n.localeProperty().get()));
            case SETTINGS -> {
                SettingsViewModel vm = new SettingsViewModel(threads, shell, configDir.resolve("telegram.properties"), session::loadRules);
                vm.onTelegramSaved(telegram::configure);
                yield new SettingsPage(i18n, vm);
            }
        };
    }

    @Override
    public void close() {
        sensor.close();
        telegram.close();
        threads.close();
    }
}
