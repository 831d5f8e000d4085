/*
 * memfd-exec PROGRAM [ARG...]: a fileless loader. Copies PROGRAM into an anonymous memory file
 * (memfd_create) and executes that memory file through /proc/self/fd/N, so the code that runs
 * has no path on disk. The kernel marks such an exec as coming from a memfd (Falco's
 * proc.is_exe_from_memfd). A real loader would download the payload instead of reading a file.
 * Built by the scenario runner with `cc -O2 -static` at first use.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: memfd-exec PROGRAM [ARG...]\n");
        return 2;
    }
    int in = open(argv[1], O_RDONLY | O_CLOEXEC);
    if (in < 0) {
        perror(argv[1]);
        return 1;
    }
    int mem = memfd_create("payload", 0);
    if (mem < 0) {
        perror("memfd_create");
        return 1;
    }
    char buf[65536];
    ssize_t n;
    while ((n = read(in, buf, sizeof buf)) > 0) {
        for (ssize_t off = 0; off < n;) {
            ssize_t w = write(mem, buf + off, (size_t) (n - off));
            if (w < 0) {
                perror("write");
                return 1;
            }
            off += w;
        }
    }
    close(in);
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", mem);
    /* argv[0] of the new program is the payload's name, as loaders usually leave it */
    argv[1] = "payload";
    execv(path, argv + 1);
    perror("execv");
    return 1;
}
