package dev.falconet.app.replay;

import dev.falconet.rules.load.RulesSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * What replay mode plays with nothing installed: the project's rules and the captures generated for
 * them, packaged in the app's jar by the build (see the app pom's resources). Each rule has a
 * capture where it fires ({@code positive}) and a near miss where it must not ({@code negative}).
 */
public final class DemoBundle {
    static final String BASE = "dev/falconet/app/replay/";
    static final String RULES = BASE + "falconet_rules.yaml";
    static final String CAPTURES = BASE + "captures/";

    private DemoBundle() {}

    /** The packaged rules file. */
    public static RulesSource rules() {
        try (InputStream in = open(RULES)) {
            return new RulesSource("falconet_rules.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("the app's packaged demo rules cannot be read: rebuild with ./mvnw package", e);
        }
    }

    /** Every packaged capture, sorted by name ({@code <rule>/positive.jsonl}). */
    public static List<ReplaySource> captures() {
        List<String> names = new ArrayList<>();
        URL dir = DemoBundle.class.getClassLoader().getResource(CAPTURES);
        if (dir == null) return List.of();
        try {
            if (dir.getProtocol().equals("file")) {
                Path root = Path.of(dir.toURI());
                try (Stream<Path> s = Files.walk(root)) {
                    s.filter(p -> p.toString().endsWith(".jsonl")).forEach(p -> names.add(root.relativize(p).toString().replace('\\', '/')));
                }
            } else if (dir.getProtocol().equals("jar")) {
                String path = dir.getPath();
                Path jar = Path.of(new URL(path.substring(0, path.indexOf("!/"))).toURI());
                try (JarFile jf = new JarFile(jar.toFile())) {
                    for (Enumeration<JarEntry> en = jf.entries(); en.hasMoreElements(); ) {
                        String n = en.nextElement().getName();
                        if (n.startsWith(CAPTURES) && n.endsWith(".jsonl")) names.add(n.substring(CAPTURES.length()));
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new UncheckedIOException("the app's packaged demo captures cannot be listed", e instanceof IOException io ? io : new IOException(e));
        }
        names.sort(null);
        return names.stream().map(n -> new ReplaySource(n, () -> open(CAPTURES + n))).toList();
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = DemoBundle.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) throw new IOException("missing resource " + resource);
        return in;
    }
}
