package dev.falconet.rules.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Falco's (yaml-cpp's and sscanf's) ways of reading versions, integers and booleans; key suggestions. */
class ScalarDecodingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "0.57.0|0.57.0", "1.2.3|1.2.3", "' 0.1.2'|0.1.2", "0.44.1-rc1|0.44.1", "1.2|NULL", "a.b.c|NULL",
            "1..2|NULL", "''|NULL", "99999999999.0.0|NULL", "+1.+2.+3|1.2.3"})
    void semver(String text, String expected) {
        SemVer v = SemVer.parse(text);
        assertThat(v == null ? null : v.toString()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "57|57", "+57|57", "0x39|57", "071|57", "0|0", "-1|NULL", "5.0|NULL", "abc|NULL", "08|NULL", "''|NULL"})
    void unsignedIntegers(String text, Long expected) {
        assertThat(ItemReader.parseUnsigned(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "true|true", "TRUE|true", "True|true", "yes|true", "on|true", "y|true", "Y|true",
            "false|false", "no|false", "off|false", "n|false", "OFF|false", "tRue|NULL", "1|NULL", "0|NULL", "''|NULL"})
    void booleans(String text, Boolean expected) {
        assertThat(ItemReader.parseBool(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "conditon|condition", "Condition|condition", "priorty|priority", "tag|tags", "exception|exceptions",
            "skip_if_unknown_filter|skip-if-unknown-filter", "warn_evttype|warn_evttypes", "xyz|NULL", "o|NULL"})
    void suggestions(String key, String expected) {
        assertThat(KeySuggester.closest(key, ItemReader.RULE_KEYS)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"rulez|rule", "marco|macro", "lists|list", "required_engine_versions|required_engine_version"})
    void itemKindSuggestions(String key, String expected) {
        assertThat(KeySuggester.closest(key, List.copyOf(ItemReader.ITEM_KINDS))).isEqualTo(expected);
    }
}
