package dev.falconet.output.telegram;

import java.io.IOException;
import java.net.URI;

/** The fake Bot API for tests in other packages. */
public final class FakeBotApiAccess implements AutoCloseable {
    public static final String TOKEN = FakeBotApi.TOKEN;
    public static final String CHAT = FakeBotApi.CHAT;
    private final FakeBotApi api;

    public FakeBotApiAccess() throws IOException {
        api = new FakeBotApi();
    }

    public URI url() {
        return api.url();
    }

    public int postedCount() {
        return api.posted().size();
    }

    @Override
    public void close() {
        api.close();
    }
}
