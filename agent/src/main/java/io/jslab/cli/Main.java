package io.jslab.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar jslab-agent.jar <command>} (SPEC section 8). Exit status 0 on success, 1 on an
 * error, 2 on a usage error; either error is one line on stderr that says what is wrong and what
 * to do, never a stack trace.
 */
@Command(name = "java -jar jslab-agent.jar", mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class, sortOptions = false,
        description = "Watch the slab caches of jslab in a running JVM.",
        subcommands = {ListCommand.class, AttachCommand.class, DetachCommand.class, SlabinfoCommand.class,
                BuddyinfoCommand.class, TopCommand.class, RecordCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    static final int ERROR = 1;
    static final int USAGE = 2;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command line; the exit status is returned, not taken. */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(usageError());
        cli.setExecutionExceptionHandler(failure());
        cli.setExitCodeExceptionMapper(e -> ERROR);
        try {
            return cli.execute(args);
        } catch (NoClassDefFoundError e) {
            // picocli passes errors through; this one means a runtime without the attach API
            err.println("this Java runtime has no attach API (module jdk.attach, missing "
                    + e.getMessage() + "): run jslab with the java of a full JDK");
            return ERROR;
        }
    }

    /** With no command: what the commands are, as a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "missing command: list, attach, detach, slabinfo, buddyinfo, top or help");
    }

    private static IParameterExceptionHandler usageError() {
        return (ParameterException e, String[] args) -> {
            CommandLine cli = e.getCommandLine();
            String help = cli.getCommandSpec().qualifiedName() + " --help";
            String message = Messages.oneLine(e.getMessage()).replaceFirst("\\.$", "");
            cli.getErr().println(message + "; see '" + help + "'");
            return USAGE;
        };
    }

    private static IExecutionExceptionHandler failure() {
        return (Exception e, CommandLine cli, ParseResult parsed) -> {
            if (e instanceof ParameterException) {
                return usageError().handleParseException((ParameterException) e,
                        parsed.originalArgs().toArray(new String[0]));
            }
            String message = e instanceof CliException ? e.getMessage()
                    : "internal error, please report it: " + e.getClass().getName() + ": " + Messages.of(e);
            cli.getErr().println(message);
            return ERROR;
        };
    }

    /** The jar's {@code Implementation-Version}; "unknown" when run from classes, outside the jar. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"jslab " + (version == null ? "unknown" : version)};
        }
    }
}
