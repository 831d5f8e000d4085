package dev.falconet.capture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CaptureReaderErrorsTest {
    private static final String HEADER = "{\"format\":\"falconet-capture\",\"version\":1,\"hostname\":\"h\",\"created\":\"now\",\"source\":\"t\"}\n";
    private static final String THREAD = "{\"kind\":\"thread\",\"tid\":5,\"pid\":5,\"ptid\":1,\"comm\":\"cat\",\"exe\":\"cat\",\"exepath\":\"/bin/cat\",\"cwd\":\"/\",\"uid\":0,\"gid\":0,\"loginuid\":-1}\n";

    private static void readAll(String text) {
        try (CaptureReader r = new CaptureReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "bad.jsonl")) {
            r.readAll();
        }
    }

    private static void fails(String text, String message) {
        assertThatThrownBy(() -> readAll(text)).isInstanceOf(CaptureException.class).hasMessageContaining(message);
    }

    @Test
    void badJsonNamesTheLine() {
        fails(HEADER + THREAD + "{\"kind\":\"event\",\"num\":1,\n", "bad.jsonl:3: not valid JSON:");
    }

    @Test
    void wrongVersion() {
        fails(HEADER.replace("\"version\":1", "\"version\":2"), "bad.jsonl:1: unsupported capture version 2 (this Falconet reads version 1)");
    }

    @Test
    void notACapture() {
        fails("{\"hello\":1}\n", "bad.jsonl:1: not a Falconet capture");
        fails("", "bad.jsonl:1: empty file");
        fails("[1,2]\n", "bad.jsonl:1: not a Falconet capture");
    }

    @Test
    void unknownKind() {
        fails(HEADER + "{\"kind\":\"evnt\"}\n", "bad.jsonl:2: unknown record kind 'evnt' (expected thread, container or event)");
        fails(HEADER + "{\"num\":1}\n", "bad.jsonl:2: record has no \"kind\"");
    }

    @Test
    void recordContentIsChecked() {
        fails(HEADER + THREAD + "{\"kind\":\"event\",\"num\":1,\"ts\":5,\"type\":\"opne\",\"tid\":5}\n", "bad.jsonl:3: unknown event type 'opne'");
        fails(HEADER + THREAD.replace("\"comm\"", "\"comn\""), "bad.jsonl:2: unknown key 'comn' in thread record");
        fails(HEADER + THREAD.replace("\"tid\":5,", "\"tid\":\"five\","), "bad.jsonl:2: 'tid' in thread record must be an integer");
        fails(HEADER + THREAD.replace("\"ptid\":1", "\"ptid\":1,\"container\":\"abc\""),
                "bad.jsonl:2: thread 5 is in container 'abc', which no earlier container record defines");
        fails(HEADER + THREAD + "{\"kind\":\"event\",\"num\":1,\"ts\":5,\"type\":\"open\",\"tid\":5,\"args\":[[\"fd\",\"FD\"]]}\n",
                "bad.jsonl:3: argument 0 must be [name, type, raw] or [name, type, raw, rendered]");
        fails(HEADER + THREAD + "{\"kind\":\"event\",\"num\":1,\"ts\":5,\"type\":\"open\",\"tid\":5,\"args\":[[\"fd\",\"NUMBER\",3]]}\n",
                "bad.jsonl:3: argument 0 ('fd'): unknown type 'NUMBER'");
        fails(HEADER + THREAD + "{\"kind\":\"event\",\"num\":0,\"ts\":5,\"type\":\"open\",\"tid\":5}\n", "bad.jsonl:3: 'num' must be 1 or more");
        fails(HEADER + THREAD + "{\"kind\":\"event\",\"num\":1,\"type\":\"open\",\"tid\":5}\n", "bad.jsonl:3: event record has no 'time'");
        fails(HEADER + THREAD + "{\"kind\":\"event\",\"num\":1,\"ts\":1,\"type\":\"open\",\"tid\":5,\"fd\":{\"num\":3,\"type\":\"FIEL\",\"name\":\"x\"}}\n",
                "bad.jsonl:3: unknown fd type 'FIEL'");
        fails(HEADER + "{\"kind\":\"container\",\"name\":\"x\"}\n", "bad.jsonl:2: container record has no 'id'");
        fails(HEADER + THREAD + "{\"kind\":\"event\",\"num\":1,\"ts\":0,\"time\":\"2026-01-15T10:00:00Z\",\"type\":\"open\",\"tid\":5}\n",
                "bad.jsonl:3: 'time' 2026-01-15T10:00:00Z does not match 'ts' 0 (1970-01-01T00:00:00.000000000Z)");
    }

    @Test
    void missingFile() {
        assertThatThrownBy(() -> CaptureReader.open(Path.of("/nonexistent/capture.jsonl")))
                .isInstanceOf(CaptureException.class).hasMessageContaining("cannot read capture /nonexistent/capture.jsonl");
    }
}
