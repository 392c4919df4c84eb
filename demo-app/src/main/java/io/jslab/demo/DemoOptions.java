package io.jslab.demo;

/**
 * The demo's command line, parsed strictly: {@code --name value} or {@code --name=value}, each
 * option at most once, nothing else.
 *
 * @param durationSeconds how long to run, or 0 to run until the JVM is stopped (Ctrl-C)
 * @param threads         request threads
 * @param rate            requests per second, all threads together
 * @param help            whether {@code --help} was given
 */
record DemoOptions(long durationSeconds, int threads, int rate, boolean help) {

    static final int DEFAULT_THREADS = 2;
    static final int DEFAULT_RATE = 10_000;
    static final long MAX_DURATION = 31_536_000; // a year
    static final int MAX_THREADS = 64;
    static final int MAX_RATE = 1_000_000;

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java [-javaagent:jslab-agent.jar=<options>] -jar jslab-demo.jar [options]",
            "A toy file system and process table whose objects churn like the kernel's.",
            "  --duration <secs>   run this many seconds, then exit (default: until Ctrl-C)",
            "  --threads <n>       request threads, 1 to " + MAX_THREADS
                    + " (default: " + DEFAULT_THREADS + ")",
            "  --rate <ops/sec>    requests per second, all threads together, 1 to " + MAX_RATE
                    + " (default: " + DEFAULT_RATE + ")",
            "  --help              print this help and exit",
            "");

    private static final String ACCEPTED = "--duration <secs>, --threads <n>, --rate <ops/sec>, --help";

    /** Parses {@code args}; the exception's message is the one-line error to print. */
    static DemoOptions parse(String... args) throws UsageException {
        Long duration = null;
        Integer threads = null;
        Integer rate = null;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'; accepted: " + ACCEPTED);
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            String inline = equals < 0 ? null : arg.substring(equals + 1);
            switch (name) {
                case "--help":
                    if (inline != null) {
                        throw new UsageException("--help takes no value, got '" + inline + "'");
                    }
                    help = true;
                    break;
                case "--duration":
                case "--threads":
                case "--rate":
                    String value = inline;
                    if (value == null) {
                        if (i + 1 == args.length) {
                            throw new UsageException(name + " needs a value: " + accepted(name));
                        }
                        value = args[++i];
                    }
                    if ((name.equals("--duration") && duration != null)
                            || (name.equals("--threads") && threads != null)
                            || (name.equals("--rate") && rate != null)) {
                        throw new UsageException(name + " given twice");
                    }
                    long number = number(name, value);
                    if (name.equals("--duration")) {
                        duration = number;
                    } else if (name.equals("--threads")) {
                        threads = (int) number;
                    } else {
                        rate = (int) number;
                    }
                    break;
                default:
                    throw new UsageException("unknown option '" + name + "'; accepted: " + ACCEPTED);
            }
        }
        return new DemoOptions(duration == null ? 0 : duration,
                threads == null ? DEFAULT_THREADS : threads,
                rate == null ? DEFAULT_RATE : rate, help);
    }

    private static long number(String name, String value) throws UsageException {
        long max = name.equals("--duration") ? MAX_DURATION
                : name.equals("--threads") ? MAX_THREADS : MAX_RATE;
        long number = value.matches("[0-9]{1,18}") ? Long.parseLong(value) : -1;
        if (number < 1 || number > max) {
            throw new UsageException(name + ": '" + value + "' is not " + accepted(name));
        }
        return number;
    }

    private static String accepted(String name) {
        switch (name) {
            case "--duration":
                return "a whole number of seconds from 1 to " + MAX_DURATION;
            case "--threads":
                return "a whole number from 1 to " + MAX_THREADS;
            default:
                return "a whole number of requests per second from 1 to " + MAX_RATE;
        }
    }
}
