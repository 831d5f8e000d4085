package dev.falconet.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falconet.engine.eval.PathMatch;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** libsinsp's pmatch: a pattern matches a path when it is a component-wise prefix of it (globs per component). */
class PathMatchTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/etc/pam.d        | /etc/pam.d/sshd      | true",
            "/etc/pam.d        | /etc/pam.d           | true",
            "/etc/pam.d        | //etc//pam.d/        | true",
            "/etc/pam.d        | /etc/pam.dx/sshd     | false",
            "/etc/pam.d        | /etc/pam             | false",
            "/etc/pam.d        | /etc                 | false",
            "/etc/pam.d        | /var/etc/pam.d       | false",
            "/etc/*/sshd       | /etc/pam.d/sshd/x    | true",
            "/etc/*/sshd       | /etc/pam.d/ssh       | false",
            "/etc/p?m.[a-d]    | /etc/pam.d           | true",
            "/                 | /anything            | true",
            "/                 | ''                   | true",
            "/etc              | ''                   | false",
    })
    void prefixByComponents(String pattern, String path, boolean matches) {
        assertThat(new PathMatch(List.of("/nope/x", pattern)).matches(path)).isEqualTo(matches);
    }
}
