package dev.mirshop.platform.errors;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

/**
 * Failures that are the request's doing, not the shop's, recognised by their cause: they get a 4xx and no stack
 * trace in the log.
 */
final class BadInput {

    /** PostgreSQL: a NUL byte or a character the database encoding cannot hold. */
    private static final Set<String> BAD_TEXT_STATES = Set.of("22021", "22P05");

    private BadInput() {
    }

    /** The message for a request that carried something no part of the shop accepts, or null. */
    static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && BAD_TEXT_STATES.contains(sql.getSQLState())) {
                return "The request contains characters we cannot accept.";
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (t instanceof IllegalArgumentException && (message.contains("escape") || message.contains("decode"))) {
                return "The request is not correctly encoded.";
            }
            if (t instanceof IllegalArgumentException && message.contains("media type")) {
                return "The request's Content-Type is not valid.";
            }
            if (message.contains("param limit") || message.contains("too many form fields")
                    || message.contains("form fields")) {
                return "The form has too many fields.";
            }
            if (t instanceof jakarta.ws.rs.BadRequestException && message.contains("malformed parameters")) {
                return "A header of the request (such as Accept) is not valid.";
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** Reading the request body timed out (quarkus.http.read-timeout): a slow client, not an error of ours. */
    static boolean isTooSlow(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException && t.getMessage() != null
                    && t.getMessage().toLowerCase(Locale.ROOT).contains("read timed out")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The connection closed under us (tab closed, client timeout): nobody will read the answer. */
    static boolean isClientGone(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ClosedChannelException) {
                return true;
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if ((t instanceof IOException || t.getClass().getName().startsWith("io.vertx."))
                    && (message.contains("connection was closed") || message.contains("connection reset")
                            || message.contains("broken pipe") || message.contains("connection closed"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
