package io.jslab.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.InfoCmp.Capability;

/**
 * The real terminal for {@code top}, through JLine: raw mode without signals (so Ctrl-C is read
 * as a key and the loop ends normally), the alternate screen and a hidden cursor while it runs.
 * {@link #close} undoes all three and JLine puts back the terminal attributes it found; a shutdown
 * hook does the same if the JVM is stopped another way (SIGTERM).
 */
final class TerminalScreen implements TopScreen, AutoCloseable {

    private final Terminal terminal;
    private final Attributes saved;
    private final Thread restoreOnExit;
    private boolean closed;

    private TerminalScreen(Terminal terminal) {
        this.terminal = terminal;
        this.saved = terminal.enterRawMode();
        Attributes raw = new Attributes(terminal.getAttributes());
        raw.setLocalFlag(Attributes.LocalFlag.ISIG, false);
        terminal.setAttributes(raw);
        terminal.puts(Capability.enter_ca_mode);
        terminal.puts(Capability.cursor_invisible);
        terminal.flush();
        restoreOnExit = new Thread(this::restore, "jslab-top-restore");
        Runtime.getRuntime().addShutdownHook(restoreOnExit);
    }

    static TerminalScreen open() {
        try {
            // exec: the one provider the jar ships (it runs stty); no silent fall back to a dumb
            // terminal, which JLine would announce with a logged warning.
            return new TerminalScreen(TerminalBuilder.builder().system(true).provider("exec")
                    .dumb(false).build());
        } catch (IOException | RuntimeException e) {
            throw new CliException("cannot use this terminal for top: " + Messages.of(e)
                    + "; 'top -o' prints once without it");
        }
    }

    /**
     * Whether stdin and stdout are both a terminal. Before Java 22 {@code System.console()} is null
     * otherwise; from 22 on it always exists and {@code Console.isTerminal()} tells.
     */
    static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public int height() {
        return terminal.getHeight();
    }

    @Override
    public void show(List<String> lines, int highlighted) {
        int width = terminal.getWidth() > 0 ? terminal.getWidth() : Integer.MAX_VALUE;
        PrintWriter out = terminal.writer();
        terminal.puts(Capability.cursor_home);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            AttributedString text = i == highlighted
                    ? new AttributedString(line, AttributedStyle.INVERSE) : new AttributedString(line);
            out.print(text.columnSubSequence(0, width).toAnsi(terminal));
            terminal.puts(Capability.clr_eol);
            if (i + 1 < lines.size()) {
                out.print("\r\n");
            }
        }
        terminal.puts(Capability.clr_eos);
        terminal.flush();
    }

    @Override
    public int readKey(long timeoutMillis) {
        try {
            return terminal.reader().read(timeoutMillis);
        } catch (IOException e) {
            return END;
        }
    }

    @Override
    public void close() {
        restore();
        try {
            Runtime.getRuntime().removeShutdownHook(restoreOnExit);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running restore() itself
        }
    }

    private synchronized void restore() {
        if (closed) {
            return;
        }
        closed = true;
        terminal.puts(Capability.cursor_normal);
        terminal.puts(Capability.exit_ca_mode);
        terminal.flush();
        terminal.setAttributes(saved);
        try {
            terminal.close();
        } catch (IOException e) {
            // the attributes are back already; closing only releases JLine's streams
        }
    }
}
