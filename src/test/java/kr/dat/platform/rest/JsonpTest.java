package kr.dat.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** JSON-P goes through {@link Jsonp#PROVIDER}: the static shortcuts look the provider up on every call. */
class JsonpTest {

    private static final Pattern SHORTCUT = Pattern.compile("\\bJson\\.create\\w*\\(");

    @Test
    void noSourceUsesTheStaticShortcuts() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            offenders = files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("Jsonp.java"))
                    .filter(f -> {
                        try {
                            return SHORTCUT.matcher(Files.readString(f)).find();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(Path::toString).toList();
        }
        assertEquals(List.of(), offenders, "use Jsonp.PROVIDER instead of jakarta.json.Json's shortcuts");
    }
}
