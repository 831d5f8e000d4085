package dev.falconet.rules.load;

import java.util.ArrayList;
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
    private final List<CompletableFuture<YamlTreeReader.Result>> results;

    YamlReadAhead(List<RulesSource> sources) {
        this.sources = sources;
        this.claimed = new AtomicIntegerArray(sources.size());
        this.results = new ArrayList<>(sources.size());
        for (int i = 0; i < sources.size(); i++) results.add(new CompletableFuture<>());
        if (sources.size() > 1) {
            Thread t = new Thread(this::readFromTheEnd, "rules-yaml");
            t.setDaemon(true);
            t.start();
        }
    }

    /** File {@code i}'s YAML: read here when the other thread has not taken it, else its result when done. */
    YamlTreeReader.Result get(int i) {
        if (claimed.compareAndSet(i, 0, 1)) read(i);
        try {
            return results.get(i).join();
        } catch (CompletionException e) {
            // the reader's own failure, as if it had been read here
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    private void readFromTheEnd() {
        for (int i = results.size() - 1; i > 0; i--) {
            if (claimed.compareAndSet(i, 0, 1)) read(i);
        }
    }

    private void read(int i) {
        CompletableFuture<YamlTreeReader.Result> f = results.get(i);
        try {
            f.complete(YamlTreeReader.read(sources.get(i).text()));
        } catch (RuntimeException | StackOverflowError e) {
            f.completeExceptionally(e);
        }
    }
}
