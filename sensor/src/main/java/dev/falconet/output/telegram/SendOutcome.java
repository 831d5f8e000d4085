package dev.falconet.output.telegram;

/** What became of one Bot API call. */
public sealed interface SendOutcome {
    /** Telegram accepted the message. */
    record Sent(long messageId) implements SendOutcome {
    }

    /**
     * Telegram answered with an error: the message was not accepted, so sending it again cannot duplicate it.
     *
     * @param code        the HTTP / Bot API error code (400, 401, 403, 404, 429, 5xx)
     * @param description Telegram's description, token removed
     * @param retryAfter  seconds to wait (429), or null
     */
    record Rejected(int code, String description, Integer retryAfter) implements SendOutcome {
        /** True when the chat id is wrong or the bot is not in the chat. */
        public boolean chatProblem() {
            String d = description.toLowerCase();
            return code == 400 && (d.contains("chat not found") || d.contains("chat_id") || d.contains("thread not found")
                    || d.contains("topic")) || code == 403;
        }

        /** True when Telegram could not parse the MarkdownV2 text. */
        public boolean parseProblem() {
            return code == 400 && description.toLowerCase().contains("can't parse entities");
        }

        /** True when the token is wrong or revoked. */
        public boolean tokenProblem() {
            return code == 401 || code == 404;
        }
    }

    /**
     * No answer from Telegram.
     *
     * @param kind      network, TLS or timeout
     * @param detail    what the network layer said, token removed
     * @param ambiguous true when the request had been sent before the failure: Telegram may have
     *                  accepted it, so a repeat may duplicate the message
     */
    record NoAnswer(Kind kind, String detail, boolean ambiguous) implements SendOutcome {
    }

    /** Why there was no answer. */
    enum Kind {
        /** Name resolution, connection refused or reset, no route. */
        NETWORK,
        /** TLS handshake or certificate problem. */
        TLS,
        /** Connect or read timeout. */
        TIMEOUT,
        /** An answer that is not the Bot API's JSON. */
        BAD_ANSWER
    }
}
