/*
 * anti-debug: the check malware makes before it unpacks itself. A process can be traced by one
 * tracer only, so asking to be traced by its parent (PTRACE_TRACEME) fails when a debugger is
 * already attached. Falco's "PTRACE anti-debug attempt" rule fires on that ptrace request.
 * Built by the scenario runner with `cc -O2 -static` at first use.
 */
#include <stdio.h>
#include <sys/ptrace.h>

int main(void) {
    if (ptrace(PTRACE_TRACEME, 0, NULL, NULL) == -1) {
        puts("anti-debug: a debugger is attached, hiding");
        return 1;
    }
    puts("anti-debug: no debugger, carrying on");
    return 0;
}
