package io.jslab.text;

import io.jslab.arena.ArenaStats;
import java.util.Locale;

/**
 * The {@code /proc/buddyinfo} line of an arena, as the kernel's {@code frag_show_print}
 * ({@code mm/vmstat.c}) prints a zone: {@code "Node %d, zone %8s "}, then {@code "%6lu "} for the
 * free blocks of each order from 0 to max order, then a newline. The arena is node 0, zone
 * {@code Arena}. Tools that parse buddyinfo split on white space, so the widths matter only for
 * people, but they are the kernel's.
 */
public final class BuddyinfoText {

    /** The zone name printed for an arena. */
    public static final String ZONE = "Arena";

    private BuddyinfoText() {
    }

    /** The one line, newline included. */
    public static String format(ArenaStats stats) {
        StringBuilder line = new StringBuilder(32 + 7 * (stats.maxOrder() + 1));
        line.append(String.format(Locale.ROOT, "Node %d, zone %8s ", 0, ZONE));
        for (long blocks : stats.freeBlocks()) {
            line.append(String.format(Locale.ROOT, "%6d ", blocks));
        }
        return line.append('\n').toString();
    }
}
