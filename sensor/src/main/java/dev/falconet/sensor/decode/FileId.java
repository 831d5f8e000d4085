package dev.falconet.sensor.decode;

/** Where a file lives: device (kernel encoding, major << 20 | minor) and inode, plus the open file's f_flags. */
public record FileId(long dev, long ino, long fileFlags) {}
