package dev.falconet.event;

/** How byte buffers are rendered as text: printable ASCII kept, anything else shown as '.', like sysdig's default. */
final class ArgRendering {
    private ArgRendering() {}

    static String bytes(byte[] value) {
        StringBuilder sb = new StringBuilder(value.length);
        for (byte b : value) {
            int c = b & 0xff;
            sb.append(c >= 0x20 && c < 0x7f ? (char) c : '.');
        }
        return sb.toString();
    }
}
