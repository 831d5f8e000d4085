package dev.falconet.exercise;

/** The grader's own sentences in the student's language: English unless Russian is asked for. */
final class Words {
    private Words() {}

    static String pick(String lang, String en, String ru) {
        return "ru".equalsIgnoreCase(lang) ? ru : en;
    }

    static Translated both(String en, String ru) {
        return new Translated(en, ru);
    }
}
