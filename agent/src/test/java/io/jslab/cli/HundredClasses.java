package io.jslab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * An application of {@value #COUNT} small classes, {@code org.example.hundred.C000} to
 * {@code C099}, written and compiled into a temporary directory; its {@code Main} constructs one
 * object of each (so all are loaded), says {@code ready} and waits for stdin to close. Generated
 * rather than checked in: a hundred near-identical files would say nothing a loop does not.
 */
final class HundredClasses implements AutoCloseable {

    static final int COUNT = 100;
    static final String PACKAGE = "org.example.hundred";

    private final Process process;

    private HundredClasses(Process process) {
        this.process = process;
    }

    /** Compiles the application once into {@code directory}. */
    static Path compile(Path directory) throws IOException {
        Path sources = Files.createDirectories(directory.resolve("src/org/example/hundred"));
        List<String> files = new ArrayList<>();
        StringBuilder main = new StringBuilder("package " + PACKAGE + ";\npublic final class Main {\n"
                + "  static final java.util.List<Object> KEPT = new java.util.ArrayList<>();\n"
                + "  public static void main(String[] args) throws Exception {\n");
        for (int i = 0; i < COUNT; i++) {
            String name = String.format("C%03d", i);
            Path file = sources.resolve(name + ".java");
            Files.writeString(file, "package " + PACKAGE + ";\npublic final class " + name
                    + " {\n  final long value;\n  public " + name + "(long value) { this.value = value; }\n}\n");
            files.add(file.toString());
            main.append("    KEPT.add(new ").append(name).append("(").append(i).append("));\n");
        }
        main.append("    System.out.println(\"ready\");\n    System.in.read();\n  }\n}\n");
        Path mainFile = sources.resolve("Main.java");
        Files.writeString(mainFile, main);
        files.add(mainFile.toString());
        Path classes = Files.createDirectories(directory.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString()));
        args.addAll(files);
        if (javac.run(null, null, null, args.toArray(new String[0])) != 0) {
            throw new IllegalStateException("the hundred classes did not compile");
        }
        return classes;
    }

    /** Starts the application with {@code java}, waiting until every class is loaded. */
    static HundredClasses start(Path java, Path classes, String... jvmOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", classes.toString(), PACKAGE + ".Main"));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        HundredClasses app = new HundredClasses(process);
        String first = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (!"ready".equals(first)) {
            app.close();
            throw new IllegalStateException("the hundred-class application said '" + first + "', not 'ready'");
        }
        return app;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            process.destroy();
        }
    }
}
