package io.jslab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListCommandTest {

    @Test
    void theTableIsAlignedToItsWidestCells() {
        StringWriter text = new StringWriter();

        ListCommand.print(new PrintWriter(text), List.of(
                new String[] {"812", "0.1.0-SNAPSHOT", "com.acme.Shop --port 8080"},
                new String[] {"10234", "-", "org.example.Batch"}));

        assertEquals(String.join(System.lineSeparator(),
                "  PID  JSLAB           JVM",
                "  812  0.1.0-SNAPSHOT  com.acme.Shop --port 8080",
                "10234  -               org.example.Batch",
                ""), text.toString());
    }

    @Test
    void aJvmThatCouldNotBeReadIsMarkedAndExplained() {
        StringWriter text = new StringWriter();

        ListCommand.print(new PrintWriter(text), List.<String[]>of(new String[] {"7", "?", "x.Y"}));

        assertEquals(String.join(System.lineSeparator(),
                "PID  JSLAB  JVM",
                "  7  ?      x.Y",
                "?: could not attach to read its properties",
                ""), text.toString());
    }
}
