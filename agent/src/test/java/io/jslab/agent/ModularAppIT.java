package io.jslab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jslab.testing.Jdks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An application in a named module on the module path: its rewritten classes reach the hook,
 * which lives in the unnamed module of the application loader, and its objects are counted.
 * The module is compiled here, for Java 17, from the source below.
 */
@EnabledIfSystemProperty(named = "jslab.agent.jar", matches = ".+")
class ModularAppIT {

    @TempDir
    static Path dir;

    private static final String WIDGET = """
            package com.acme.widgets;

            import java.util.ArrayList;
            import java.util.List;

            public class Widget {
                private final int size;

                public Widget(int size) {
                    this.size = size;
                }

                public static void main(String[] args) {
                    List<Widget> widgets = new ArrayList<>();
                    for (int i = 0; i < 9; i++) {
                        widgets.add(new Widget(i));
                    }
                    System.out.println(widgets.size() + " widgets in " + Widget.class.getModule());
                }
            }
            """;

    @BeforeAll
    static void compileModule() throws Exception {
        Path source = dir.resolve("src");
        Path pkg = Files.createDirectories(source.resolve("com/acme/widgets"));
        Files.writeString(source.resolve("module-info.java"), "module com.acme.widgets {}\n");
        Files.writeString(pkg.resolve("Widget.java"), WIDGET);
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "17",
                "-d", dir.resolve("mods/com.acme.widgets").toString(),
                source.resolve("module-info.java").toString(), pkg.resolve("Widget.java").toString());
        assertEquals(0, status, "the module compiles");
    }

    @ParameterizedTest
    @MethodSource("io.jslab.testing.Jdks#all")
    void classesOfANamedModuleAreTracked(Jdks.Jdk jdk) throws Exception {
        List<String> run = List.of("-p", dir.resolve("mods").toString(), "-m", "com.acme.widgets/com.acme.widgets.Widget");
        try (ForkedJvm jvm = ForkedJvm.startWith(jdk, "include=com.acme.*,dump=stdout", run)) {
            assertEquals(0, jvm.exitStatus(), jvm.stderr());
            assertEquals("", jvm.stderr());
            String out = jvm.stdout();
            assertTrue(out.startsWith("9 widgets in module com.acme.widgets" + System.lineSeparator()), out);
            assertEquals(Map.of("com.acme.widgets.Widget", 9L), Slabinfo.activeObjects(out), out);
        }
    }
}
