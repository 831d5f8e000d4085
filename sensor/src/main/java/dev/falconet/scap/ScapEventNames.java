package dev.falconet.scap;

/**
 * The syscall (or libsinsp event) name of every scap event id, enter and exit alike, so that events
 * this reader does not decode can still be delivered by type. Sixteen ids per line; "-" marks ids
 * without a name.
 */
final class ScapEventNames {
    private static final String[] NAMES = new String[ScapEventTable.MAX_ID];

    static {
        String all = """
                syscall syscall open open close close read read write write brk brk execve execve clone clone
                procexit - socket socket bind bind connect connect listen listen accept accept send send sendto sendto
                recv recv recvfrom recvfrom shutdown shutdown getsockname getsockname getpeername getpeername socketpair socketpair setsockopt setsockopt getsockopt getsockopt
                sendmsg sendmsg sendmmsg sendmmsg recvmsg recvmsg recvmmsg recvmmsg accept accept creat creat pipe pipe eventfd eventfd
                futex futex stat stat lstat lstat fstat fstat stat64 stat64 lstat64 lstat64 fstat64 fstat64 epoll_wait epoll_wait
                poll poll select select select select lseek lseek llseek llseek ioctl ioctl getcwd getcwd chdir chdir
                fchdir fchdir mkdir mkdir rmdir rmdir openat openat link link linkat linkat unlink unlink unlinkat unlinkat
                pread pread pwrite pwrite readv readv writev writev preadv preadv pwritev pwritev dup dup signalfd signalfd
                kill kill tkill tkill tgkill tgkill nanosleep nanosleep timerfd_create timerfd_create inotify_init inotify_init getrlimit getrlimit setrlimit setrlimit
                prlimit prlimit switch - drop drop fcntl fcntl switch - execve execve clone clone brk brk
                mmap mmap mmap2 mmap2 munmap munmap splice splice ptrace ptrace ioctl ioctl execve execve rename rename
                renameat renameat symlink symlink symlinkat symlinkat fork fork vfork vfork procexit - sendfile sendfile quotactl quotactl
                setresuid setresuid setresgid setresgid scapevent - setuid setuid setgid setgid getuid getuid geteuid geteuid getgid getgid
                getegid getegid getresuid getresuid getresgid getresgid execve execve clone clone fork fork vfork vfork clone clone
                fork fork vfork vfork container - execve execve signaldeliver - procinfo - getdents getdents getdents64 getdents64
                setns setns flock flock cpu_hotplug - accept accept accept accept semop semop semctl semctl ppoll ppoll
                mount mount umount umount k8s - semget semget access access chroot chroot tracer - mesos -
                container - setsid setsid mkdir mkdir rmdir rmdir notification - execve execve unshare unshare infra -
                execve execve page_fault - execve execve setpgid setpgid bpf bpf seccomp seccomp unlink unlink unlinkat unlinkat
                mkdirat mkdirat openat openat link link linkat linkat fchmodat fchmodat chmod chmod fchmod fchmod renameat2 renameat2
                userfaultfd userfaultfd pluginevent - container - openat2 openat2 mprotect mprotect execveat execveat copy_file_range copy_file_range clone3 clone3
                open_by_handle_at open_by_handle_at io_uring_setup io_uring_setup io_uring_enter io_uring_enter io_uring_register io_uring_register mlock mlock munlock munlock mlockall mlockall munlockall munlockall
                capset capset useradded - userdeleted - groupadded - groupdeleted - dup2 dup2 dup3 dup3 dup dup
                bpf bpf mlock2 mlock2 fsconfig fsconfig epoll_create epoll_create epoll_create1 epoll_create1 chown chown lchown lchown fchown fchown
                fchownat fchownat umount umount accept4 accept4 umount2 umount2 pipe2 pipe2 inotify_init1 inotify_init1 eventfd2 eventfd2 signalfd4 signalfd4
                prctl prctl asyncevent - memfd_create memfd_create pidfd_getfd pidfd_getfd pidfd_open pidfd_open init_module init_module finit_module finit_module mknod mknod
                mknodat mknodat newfstatat newfstatat process_vm_readv process_vm_readv process_vm_writev process_vm_writev delete_module delete_module setreuid setreuid setregid setregid task -
                task_file_pipe - task_file_memfd - task_file_regular - task_file_directory - task_file_socket_inet - task_file_socket_inet6 - task_file_socket_unix - task_file_socket_netlink -
                task_file_anon_inode - - close_range - keyctl
                """;
        String[] words = all.trim().split("\\s+");
        for (int i = 0; i < words.length && i < NAMES.length; i++) NAMES[i] = words[i].equals("-") ? null : words[i];
    }

    private ScapEventNames() {}

    /** The name of a scap event id, or null. */
    static String name(int id) {
        return id >= 0 && id < NAMES.length ? NAMES[id] : null;
    }
}
