package dev.falconet.rules.load;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Reads the YAML of several rules files while the loader works through them in order: reading is
 * independent per file, so a second thread reads from the last file backwards while the loader reads
 * (whatever the other thread has not claimed), decodes, merges and compiles from the first one on. Each
 * file is read exactly once, by whichever thread claims it first.
 */
final class YamlReadAhead {
    private final List<RulesSource> sources;
    private final AtomicIntegerArray claimed;
    private final CompletableFuture<?>[] results;

    YamlReadAhead(List<RulesSource> sources) {
        this.sources = sources;
        this.claimed = new AtomicIntegerArray(sources.size());
        this.results = new CompletableFuture<?>[sources.size()];
        for (int i = 0; i < results.length; i++) results[i] = new CompletableFuture<YamlTreeReader.Result>();
        if (sources.size() > 1) {
            Thread t = new Thread(this::readFromTheEnd, "rules-yaml");
            t.setDaemon(true);
            t.start();
        }
    }

    /** File {@code i}'s YAML: read here when the other thread has not taken it, else its result when done. */
    @SuppressWarnings("unchecked")
    YamlTreeReader.Result get(int i) {
        if (claimed.compareAndSet(i, 0, 1)) read(i);
        try {
            return ((CompletableFuture<YamlTreeReader.Result>) results[i]).join();
        } catch (CompletionException e) {
            // the reader's own failure, as if it had been read here
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    private void readFromTheEnd() {
        for (int i = results.length - 1; i > 0; i--) {
            if (claimed.compareAndSet(i, 0, 1)) read(i);
        }
    }

    @SuppressWarnings("unchecked")
    private void read(int i) {
        CompletableFuture<YamlTreeReader.Result> f = (CompletableFuture<YamlTreeReader.Result>) results[i];
        try {
            f.complete(YamlTreeReader.read(sources.get(i).text()));
        } catch (RuntimeException | StackOverflowError e) {
            f.completeExceptionally(e);
        }
    }
}
