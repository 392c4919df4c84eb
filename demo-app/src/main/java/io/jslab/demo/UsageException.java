package io.jslab.demo;

/** A bad command line: the message says what is wrong and what is accepted, in one line. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
