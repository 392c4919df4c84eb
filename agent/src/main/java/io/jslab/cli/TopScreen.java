package io.jslab.cli;

import java.util.List;

/** Where {@code top} draws and reads keys: a terminal in raw mode, or a test's script. */
interface TopScreen {

    /** {@link #readKey} found no key within the time. */
    int NO_KEY = -2;
    /** {@link #readKey} found the input closed. */
    int END = -1;

    /** Rows of the screen, 0 when unknown. */
    int height();

    /** Draws these lines from the top left, the line at {@code highlighted} in reverse video. */
    void show(List<String> lines, int highlighted);

    /** The next key typed within the time, {@link #NO_KEY} or {@link #END}. */
    int readKey(long timeoutMillis);
}
