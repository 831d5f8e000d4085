package dev.falconet.rules.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.rules.ast.ExprPrinter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded property tests: random well-formed conditions always parse and survive a print/parse
 * round trip; random mutations of them never escape as anything but a {@link ParseError}.
 */
class ConditionParserFuzzTest {
    private static final List<String> FIELDS = List.of("proc.name", "fd.name", "evt.type", "proc.aname[2]",
            "proc.env[HOME]", "container.mount.dest[/var/run/docker.sock]", "evt.arg.flags", "evt.arg[0]", "k8s.ns.name");
    private static final List<String> OPS = List.of("=", "==", "!=", "contains", "icontains", "startswith", "endswith",
            "glob", "iglob", "regex", "bcontains", "bstartswith");
    private static final List<String> LIST_OPS = List.of("in", "intersects", "pmatch");
    private static final List<String> VALUES = List.of("bash", "/etc/pam.d", "-c", "runc:[0:PARENT]", "<NA>", "*.log",
            "2>&1", "\"a b\"", "'it\\'s'", "\"(systemd)\"", "and", "or", "not", "O_RDONLY|O_CLOEXEC", "\"\"");
    private static final List<String> MACROS = List.of("spawned_process", "open_read", "container", "never_true", "notreally");

    @Test
    void generatedConditionsParseAndRoundTrip() {
        Random rnd = new Random(20261203);
        for (int i = 0; i < 50_000; i++) {
            String c = expr(rnd, 0);
            ParseResult r = ConditionParser.parse(c);
            assertThat(r.error()).as("<%s>", c).isNull();
            String printed = ExprPrinter.print(r.expr());
            ParseResult again = ConditionParser.parse(printed);
            assertThat(again.error()).as("reparse of <%s>", printed).isNull();
            assertThat(ExprPrinter.print(again.expr())).isEqualTo(printed);
        }
    }

    @Test
    void mutatedConditionsOnlyGiveErrors() {
        Random rnd = new Random(42);
        String alphabet = "()\"'\\=,!<>[] \t\n.andornotinexists_xyz0123456789/*?";
        int errors = 0;
        for (int i = 0; i < 60_000; i++) {
            StringBuilder sb = new StringBuilder(expr(rnd, 0));
            int edits = 1 + rnd.nextInt(4);
            for (int e = 0; e < edits && !sb.isEmpty(); e++) {
                int at = rnd.nextInt(sb.length());
                switch (rnd.nextInt(4)) {
                    case 0 -> sb.deleteCharAt(at);
                    case 1 -> sb.insert(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
                    case 2 -> sb.setCharAt(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
                    default -> sb.insert(at, sb.substring(rnd.nextInt(sb.length())));
                }
            }
            ParseResult r = ConditionParser.parse(sb.toString());
            assertThat(r).isNotNull();
            if (!r.ok()) {
                errors++;
                assertThat(r.error().message()).isNotBlank();
                assertThat(r.error().pos().offset()).isBetween(0, sb.length());
            }
        }
        assertThat(errors).as("mutations that broke the syntax").isGreaterThan(10_000);
    }

    private static String expr(Random rnd, int depth) {
        int kind = depth > 4 ? 3 + rnd.nextInt(3) : rnd.nextInt(8);
        return switch (kind) {
            case 0 -> expr(rnd, depth + 1) + " and " + expr(rnd, depth + 1);
            case 1 -> expr(rnd, depth + 1) + " or " + expr(rnd, depth + 1);
            case 2 -> "not " + expr(rnd, depth + 1);
            case 6 -> "(" + expr(rnd, depth + 1) + ")";
            case 7 -> "not (" + expr(rnd, depth + 1) + ")";
            case 3 -> pick(rnd, FIELDS) + " " + pick(rnd, OPS) + " " + pick(rnd, VALUES);
            case 4 -> pick(rnd, FIELDS) + " " + pick(rnd, LIST_OPS) + " (" + String.join(", ",
                    rnd.ints(rnd.nextInt(4), 0, VALUES.size()).mapToObj(VALUES::get).toList()) + ")";
            default -> rnd.nextBoolean() ? pick(rnd, MACROS) : pick(rnd, FIELDS) + (rnd.nextBoolean() ? " exists" : " >= -" + rnd.nextInt(100));
        };
    }

    private static String pick(Random rnd, List<String> l) {
        return l.get(rnd.nextInt(l.size()));
    }
}
