package org.example.churn;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A small application for the command line's end-to-end tests, started in its own JVM without
 * jslab. It reads commands from stdin and answers each with one line on stdout:
 * {@code widgets <n>} constructs n more {@link Widget}s and keeps them all, {@code gadgets <n>}
 * the same with {@link Gadget}s; the answer is the number kept. It says {@code ready} once it
 * runs and exits when stdin closes. Neither class is loaded before its first command.
 */
public final class ChurnApp {

    private static final List<Object> WIDGETS = new ArrayList<>();
    private static final List<Object> GADGETS = new ArrayList<>();

    private ChurnApp() {
    }

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("ready");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] words = line.strip().split(" ");
            int n = words.length == 2 ? Integer.parseInt(words[1]) : 0;
            switch (words[0]) {
                case "widgets" -> {
                    for (int i = 0; i < n; i++) {
                        WIDGETS.add(new Widget(i));
                    }
                    System.out.println("widgets " + WIDGETS.size());
                }
                case "gadgets" -> {
                    for (int i = 0; i < n; i++) {
                        GADGETS.add(new Gadget(i, -i));
                    }
                    System.out.println("gadgets " + GADGETS.size());
                }
                default -> System.out.println("unknown " + line);
            }
        }
    }
}
