package io.jslab.cli;

/** Exception messages cut to one line, since every error this command prints is one line. */
final class Messages {

    private Messages() {
    }

    /** The message of the exception, or of its deepest cause with one; the type name if none has one. */
    static String of(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        if (message == null) {
            message = e.getClass().getSimpleName();
        }
        return oneLine(message);
    }

    static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
