package dev.falconet.output.telegram;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * The real {@code telegrambots} OkHttp client, wrapped so every call ends in a precise {@link SendOutcome}
 * and no text it returns contains the token.
 *
 * <p>Calls must not overlap (one delivery thread per client): whether a failed request had already been
 * sent is tracked per client, which is what tells a safe retry from a possibly duplicating one. OkHttp's
 * own silent retry is off for the same reason.
 */
public final class BotApiClient implements AutoCloseable {
    private final TelegramSettings settings;
    private final OkHttpClient http;
    private final OkHttpTelegramClient client;
    private final AtomicBoolean requestSent = new AtomicBoolean();
    private final AtomicBoolean tlsHandshaking = new AtomicBoolean();

    /** A client with Falconet's timeouts: connect 10 s, whole call 30 s. */
    public BotApiClient(TelegramSettings settings) {
        this(settings, Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    /** A client with the given connect timeout and read timeout (the whole call is bounded by connect + 2 × read). */
    public BotApiClient(TelegramSettings settings, Duration connectTimeout, Duration callTimeout) {
        this.settings = settings;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(connectTimeout)
                .readTimeout(callTimeout)
                .writeTimeout(callTimeout)
                // a safety bound above the read timeout, so a silent server is reported as a read timeout
                .callTimeout(connectTimeout.plus(callTimeout.multipliedBy(2)))
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .eventListener(new EventListener() {
                    @Override
                    public void requestHeadersStart(Call call) {
                        requestSent.set(true);
                    }

                    @Override
                    public void secureConnectStart(Call call) {
                        tlsHandshaking.set(true);
                    }

                    @Override
                    public void secureConnectEnd(Call call, okhttp3.Handshake handshake) {
                        tlsHandshaking.set(false);
                    }
                })
                .addInterceptor(BotApiClient::errorAsJson)
                .build();
        this.client = new OkHttpTelegramClient(http, settings.token(), settings.telegramUrl());
    }

    /** Sends {@code text} to the configured chat (and thread), as MarkdownV2 or plain text. */
    public SendOutcome send(String text, boolean markdown) {
        SendMessage.SendMessageBuilder<?, ?> b = SendMessage.builder()
                .chatId(settings.chatId())
                .text(text)
                .disableWebPagePreview(true);
        if (markdown) b.parseMode("MarkdownV2");
        if (settings.threadId() != null) b.messageThreadId(settings.threadId());
        requestSent.set(false);
        tlsHandshaking.set(false);
        try {
            Message m = client.execute(b.build());
            return new SendOutcome.Sent(m.getMessageId());
        } catch (TelegramApiException e) {
            if (interrupted(e)) {
                Thread.currentThread().interrupt(); // keep the caller's interrupt (shutdown) visible
                return new SendOutcome.NoAnswer(SendOutcome.Kind.TIMEOUT, "interrupted while waiting for Telegram", requestSent.get());
            }
            return classify(e);
        }
    }

    /** The bot behind the token ({@code getMe}), or why it cannot be fetched. */
    public Result<User> getMe() {
        requestSent.set(false);
        tlsHandshaking.set(false);
        try {
            return new Result<>(client.execute(new GetMe()), null);
        } catch (TelegramApiException e) {
            return new Result<>(null, classify(e));
        }
    }

    /** A value or the failure that prevented it. */
    public record Result<T>(T value, SendOutcome failure) {
    }

    private SendOutcome classify(TelegramApiException e) {
        String token = settings.token();
        if (e instanceof TelegramApiRequestException r && r.getErrorCode() != null && r.getErrorCode() != 0) {
            Integer retryAfter = r.getParameters() == null ? null : r.getParameters().getRetryAfter();
            String description = r.getApiResponse() == null ? "error " + r.getErrorCode() : r.getApiResponse();
            return new SendOutcome.Rejected(r.getErrorCode(), Redactor.redact(description, token), retryAfter);
        }
        boolean sent = requestSent.get();
        java.util.List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) chain.add(t);
        Throwable io = chain.stream().filter(t -> t instanceof IOException && !(t instanceof com.fasterxml.jackson.core.JsonProcessingException))
                .findFirst().orElse(null);
        if (io == null) {
            // a response that is not the Bot API's JSON ("Unable to deserialize response")
            return new SendOutcome.NoAnswer(SendOutcome.Kind.BAD_ANSWER, Redactor.redact(describe(e), token), sent);
        }
        if (tlsHandshaking.get()) {
            // failed inside the TLS handshake, whatever the exception: nothing was sent
            return new SendOutcome.NoAnswer(SendOutcome.Kind.TLS, "the TLS handshake did not complete: " + Redactor.redact(describe(io), token), false);
        }
        SendOutcome.Kind kind = SendOutcome.Kind.NETWORK;
        boolean certainlyNotSent = false;
        for (Throwable t : chain) {
            if (t instanceof SSLException) {
                kind = SendOutcome.Kind.TLS;
                certainlyNotSent = true;
                io = t;
                break;
            }
            if (t instanceof SocketTimeoutException || t instanceof InterruptedIOException) {
                kind = SendOutcome.Kind.TIMEOUT;
                io = t;
                break;
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                certainlyNotSent = true;
                io = t;
                break;
            }
        }
        return new SendOutcome.NoAnswer(kind, Redactor.redact(describe(io), token), sent && !certainlyNotSent);
    }

    private static boolean interrupted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InterruptedException) return true;
        }
        return false;
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        if (t instanceof java.io.EOFException || m != null && m.contains("unexpected end of stream")) {
            return "the connection closed without an answer";
        }
        return t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    /**
     * Turns an HTTP error whose body is not the Bot API's JSON (a proxy's 502 page, an empty 500) into
     * {@code {"ok":false,"error_code":<status>,...}} so it is reported with its status code.
     */
    private static Response errorAsJson(okhttp3.Interceptor.Chain chain) throws IOException {
        Request request = chain.request();
        Response response = chain.proceed(request);
        if (response.isSuccessful()) return response;
        ResponseBody body = response.body();
        String text = body == null ? "" : body.string();
        if (text.trim().startsWith("{") && text.contains("\"ok\"")) {
            return response.newBuilder().body(ResponseBody.create(text, body.contentType())).build();
        }
        String retry = response.header("Retry-After");
        String params = retry != null && retry.matches("\\d+") ? ",\"parameters\":{\"retry_after\":" + retry + "}" : "";
        String json = "{\"ok\":false,\"error_code\":" + response.code() + ",\"description\":\"HTTP " + response.code()
                + (response.message().isEmpty() ? "" : " " + response.message().replace("\"", "'")) + "\"" + params + "}";
        return response.newBuilder().body(ResponseBody.create(json, MediaType.get("application/json"))).build();
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
