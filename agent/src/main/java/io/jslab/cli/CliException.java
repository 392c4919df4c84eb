package io.jslab.cli;

/**
 * A failure the user can act on: its message is the whole one-line report, printed alone on
 * stderr, with exit status 1 and no stack trace.
 */
final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CliException(String message) {
        super(message, null, false, false);
    }
}
