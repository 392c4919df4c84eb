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
 * {@code keep <n>} constructs n {@link Widget}s and keeps them, {@code drop} lets them all go,
 * {@code make <n>} constructs n short-lived {@link Gadget}s; it exits when stdin closes. It says
 * {@code ready} once it runs.
 */
public final class ChurnApp {

    private static final List<Widget> KEPT = new ArrayList<>();

    private ChurnApp() {
    }

    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("ready");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] words = line.strip().split(" ");
            switch (words[0]) {
                case "keep" -> {
                    int n = Integer.parseInt(words[1]);
                    for (int i = 0; i < n; i++) {
                        KEPT.add(new Widget(i));
                    }
                    System.out.println("kept " + KEPT.size());
                }
                case "drop" -> {
                    KEPT.clear();
                    System.out.println("dropped");
                }
                case "make" -> {
                    int n = Integer.parseInt(words[1]);
                    long sum = 0;
                    for (int i = 0; i < n; i++) {
                        sum += new Gadget(i, i).sum();
                    }
                    System.out.println("made " + n + " " + sum);
                }
                default -> System.out.println("unknown " + line);
            }
        }
    }
}
