package dev.falconet.sensor.bpf;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The libbpf functions the sensor uses, as hand-written FFM downcalls to {@code libbpf.so.1}.
 * Calls that report failure through errno (pointer-returning ones) capture it with
 * {@code captureCallState}. libbpf's own log lines are collected (formatted with the C library's
 * {@code vsnprintf}) so that a load failure can say what the verifier said.
 */
public final class Libbpf {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MemoryLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");
    private static final int LOG_LINES = 200;

    private static volatile Libbpf instance;

    private final SymbolLookup lib;
    private final MethodHandle openMem;
    private final MethodHandle objectLoad;
    private final MethodHandle objectClose;
    private final MethodHandle findMapByName;
    private final MethodHandle nextMap;
    private final MethodHandle mapName;
    private final MethodHandle mapSetMaxEntries;
    private final MethodHandle mapInitialValue;
    private final MethodHandle mapFd;
    private final MethodHandle nextProgram;
    private final MethodHandle programName;
    private final MethodHandle programAttach;
    private final MethodHandle linkDestroy;
    private final MethodHandle mapUpdateElem;
    private final MethodHandle mapLookupElem;
    private final MethodHandle numPossibleCpus;
    private final MethodHandle vsnprintf;
    private final Deque<String> log = new ArrayDeque<>();

    private Libbpf(SymbolLookup lib) {
        this.lib = lib;
        openMem = downcall("bpf_object__open_mem", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, ADDRESS), true);
        objectLoad = downcall("bpf_object__load", FunctionDescriptor.of(JAVA_INT, ADDRESS), false);
        objectClose = downcall("bpf_object__close", FunctionDescriptor.ofVoid(ADDRESS), false);
        findMapByName = downcall("bpf_object__find_map_by_name", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS), false);
        nextMap = downcall("bpf_object__next_map", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS), false);
        mapName = downcall("bpf_map__name", FunctionDescriptor.of(ADDRESS, ADDRESS), false);
        mapSetMaxEntries = downcall("bpf_map__set_max_entries", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), false);
        mapInitialValue = downcall("bpf_map__initial_value", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS), false);
        mapFd = downcall("bpf_map__fd", FunctionDescriptor.of(JAVA_INT, ADDRESS), false);
        nextProgram = downcall("bpf_object__next_program", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS), false);
        programName = downcall("bpf_program__name", FunctionDescriptor.of(ADDRESS, ADDRESS), false);
        programAttach = downcall("bpf_program__attach", FunctionDescriptor.of(ADDRESS, ADDRESS), true);
        linkDestroy = downcall("bpf_link__destroy", FunctionDescriptor.of(JAVA_INT, ADDRESS), false);
        mapUpdateElem = downcall("bpf_map_update_elem", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG), false);
        mapLookupElem = downcall("bpf_map_lookup_elem", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS), false);
        numPossibleCpus = downcall("libbpf_num_possible_cpus", FunctionDescriptor.of(JAVA_INT), false);
        vsnprintf = LINKER.downcallHandle(LINKER.defaultLookup().find("vsnprintf").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS));
        installLogger();
    }

    /**
     * The library, loaded on first use.
     *
     * @throws LibbpfException when libbpf.so.1 is not installed
     */
    public static Libbpf get() {
        Libbpf l = instance;
        if (l == null) {
            synchronized (Libbpf.class) {
                if (instance == null) {
                    SymbolLookup lookup;
                    try {
                        lookup = SymbolLookup.libraryLookup("libbpf.so.1", Arena.global());
                    } catch (IllegalArgumentException e) {
                        throw new LibbpfException("libbpf.so.1 not found: install it (apt-get install libbpf1)", 0, List.of());
                    }
                    instance = new Libbpf(lookup);
                }
                l = instance;
            }
        }
        return l;
    }

    private MethodHandle downcall(String name, FunctionDescriptor fd, boolean captureErrno) {
        MemorySegment addr = lib.find(name).orElseThrow(() ->
                new LibbpfException("libbpf.so.1 has no " + name + ": a libbpf 1.x is needed", 0, List.of()));
        return captureErrno ? LINKER.downcallHandle(addr, fd, CAPTURE_ERRNO) : LINKER.downcallHandle(addr, fd);
    }

    // ---- logging ----

    private void installLogger() {
        try {
            MethodHandle target = MethodHandles.lookup().findVirtual(Libbpf.class, "onLog",
                    MethodType.methodType(int.class, int.class, MemorySegment.class, MemorySegment.class)).bindTo(this);
            MemorySegment stub = LINKER.upcallStub(target, FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS), Arena.global());
            MethodHandle setPrint = downcall("libbpf_set_print", FunctionDescriptor.of(ADDRESS, ADDRESS), false);
            MemorySegment ignored = (MemorySegment) setPrint.invokeExact(stub);
        } catch (Throwable t) {
            throw new LibbpfException("cannot install the libbpf log callback: " + t, 0, List.of());
        }
    }

    /** libbpf's print callback: format with vsnprintf and keep the last lines. Must never throw. */
    private int onLog(int level, MemorySegment fmt, MemorySegment args) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocate(1024);
            int n = (int) vsnprintf.invokeExact(buf, 1024L, fmt, args);
            String line = buf.getString(0).stripTrailing();
            if (n > 0 && !line.isEmpty()) {
                synchronized (log) {
                    log.addLast(line);
                    while (log.size() > LOG_LINES) log.removeFirst();
                }
            }
        } catch (Throwable ignored) {
            // a log line lost is better than a JVM killed by an exception in an upcall
        }
        return 0;
    }

    /** The libbpf log lines since the last call, oldest first; clears them. */
    public List<String> drainLog() {
        synchronized (log) {
            List<String> out = new ArrayList<>(log);
            log.clear();
            return out;
        }
    }

    // ---- objects, maps, programs ----

    /** Opens an object from memory; {@code buf} must outlive the object. */
    public MemorySegment openMem(MemorySegment buf, String objectName) {
        try (Arena a = Arena.ofConfined()) {
            // struct bpf_object_open_opts { size_t sz; const char *object_name; bool relaxed_maps; } (prefix)
            MemorySegment opts = a.allocate(24, 8);
            opts.set(JAVA_LONG, 0, 24);
            opts.set(ADDRESS, 8, a.allocateFrom(objectName));
            MemorySegment state = a.allocate(CAPTURE_LAYOUT);
            MemorySegment obj = (MemorySegment) openMem.invokeExact(state, buf, buf.byteSize(), opts);
            if (obj.address() == 0) throw failure("bpf_object__open_mem", errno(state));
            return obj;
        } catch (LibbpfException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    public void load(MemorySegment obj) {
        int rc = callInt(objectLoad, obj);
        if (rc < 0) throw failure("bpf_object__load", -rc);
    }

    public void close(MemorySegment obj) {
        try {
            objectClose.invokeExact(obj);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** The map with this name, or null. */
    public MemorySegment findMap(MemorySegment obj, String name) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment m = (MemorySegment) findMapByName.invokeExact(obj, a.allocateFrom(name));
            return m.address() == 0 ? null : m;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Every map of the object, in declaration order. */
    public List<MemorySegment> maps(MemorySegment obj) {
        List<MemorySegment> out = new ArrayList<>();
        try {
            MemorySegment m = MemorySegment.NULL;
            while (true) {
                m = (MemorySegment) nextMap.invokeExact(obj, m);
                if (m.address() == 0) return out;
                out.add(m);
            }
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    public String mapName(MemorySegment map) {
        try {
            return ((MemorySegment) mapName.invokeExact(map)).reinterpret(256).getString(0);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    public void setMaxEntries(MemorySegment map, int entries) {
        int rc;
        try {
            rc = (int) mapSetMaxEntries.invokeExact(map, entries);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        if (rc < 0) throw failure("bpf_map__set_max_entries", -rc);
    }

    /** The initial data of a global-data map (.rodata, .bss), writable before load. */
    public MemorySegment initialValue(MemorySegment map) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment size = a.allocate(JAVA_LONG);
            MemorySegment p = (MemorySegment) mapInitialValue.invokeExact(map, size);
            if (p.address() == 0) throw failure("bpf_map__initial_value", 0);
            return p.reinterpret(size.get(JAVA_LONG, 0));
        } catch (LibbpfException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    public int mapFd(MemorySegment map) {
        int fd = callInt(mapFd, map);
        if (fd < 0) throw failure("bpf_map__fd", -fd);
        return fd;
    }

    /** Every program of the object. */
    public List<MemorySegment> programs(MemorySegment obj) {
        List<MemorySegment> out = new ArrayList<>();
        try {
            MemorySegment p = MemorySegment.NULL;
            while (true) {
                p = (MemorySegment) nextProgram.invokeExact(obj, p);
                if (p.address() == 0) return out;
                out.add(p);
            }
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    public String programName(MemorySegment prog) {
        try {
            return ((MemorySegment) programName.invokeExact(prog)).reinterpret(256).getString(0);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Attaches a program as its section says; returns the link. */
    public MemorySegment attach(MemorySegment prog) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment state = a.allocate(CAPTURE_LAYOUT);
            MemorySegment link = (MemorySegment) programAttach.invokeExact(state, prog);
            if (link.address() == 0) throw failure("bpf_program__attach(" + programName(prog) + ")", errno(state));
            return link;
        } catch (LibbpfException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    public void destroyLink(MemorySegment link) {
        callInt(linkDestroy, link);
    }

    public void mapUpdate(int fd, MemorySegment key, MemorySegment value) {
        int rc;
        try {
            rc = (int) mapUpdateElem.invokeExact(fd, key, value, 0L);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        if (rc < 0) throw failure("bpf_map_update_elem", -rc);
    }

    /** Looks a key up; false when absent. */
    public boolean mapLookup(int fd, MemorySegment key, MemorySegment value) {
        int rc;
        try {
            rc = (int) mapLookupElem.invokeExact(fd, key, value);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        return rc == 0;
    }

    public int possibleCpus() {
        try {
            return (int) numPossibleCpus.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    // ---- helpers ----

    private static int callInt(MethodHandle h, MemorySegment arg) {
        try {
            return (int) h.invokeExact(arg);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static int errno(MemorySegment state) {
        return (int) ERRNO.get(state, 0L);
    }

    private LibbpfException failure(String call, int errno) {
        return new LibbpfException(call + " failed" + (errno > 0 ? ": " + Errno.describe(errno) : ""), errno, drainLog());
    }
}
