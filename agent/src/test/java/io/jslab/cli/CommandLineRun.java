package io.jslab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of {@link Main}: exit status and what went to stdout and stderr. */
record CommandLineRun(int status, String out, String err) {

    static CommandLineRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CommandLineRun(status, out.toString(), err.toString());
    }
}
