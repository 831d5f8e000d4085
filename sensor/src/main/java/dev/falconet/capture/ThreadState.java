package dev.falconet.capture;

import dev.falconet.event.ContainerInfo;
import dev.falconet.event.ThreadInfo;
import java.util.List;
import java.util.Map;

/**
 * An immutable copy of everything a {@link ThreadInfo} holds: what a capture's thread record
 * stores. Equality tells the writer whether a thread changed since it was last written.
 */
record ThreadState(long tid, long pid, long ptid, long vtid, long vpid, long sid, long vpgid,
                   String comm, String exe, String exepath, List<String> args, List<String> env, String cwd, long tty,
                   long uid, long gid, long loginUid, String userName, String groupName, String loginName,
                   long capEffective, long capPermitted, long capInheritable,
                   boolean exeWritable, boolean exeUpperLayer, boolean exeLowerLayer, boolean exeFromMemfd,
                   long exeIno, long exeInoCtime, long exeInoMtime, long cloneTs, String containerId) {

    static ThreadState of(ThreadInfo t) {
        ContainerInfo c = t.container();
        return new ThreadState(t.tid(), t.pid(), t.ptid(), t.vtid(), t.vpid(), t.sid(), t.vpgid(),
                t.comm(), t.exe(), t.exepath(), t.args(), t.env(), t.cwd(), t.tty(),
                t.uid(), t.gid(), t.loginUid(), t.userName(), t.groupName(), t.loginName(),
                t.capEffective(), t.capPermitted(), t.capInheritable(),
                t.exeWritable(), t.exeUpperLayer(), t.exeLowerLayer(), t.exeFromMemfd(),
                t.exeIno(), t.exeInoCtime(), t.exeInoMtime(), t.cloneTs(), c == null ? null : c.id());
    }

    /** This state without arguments and environment. */
    ThreadState redacted() {
        if (args.isEmpty() && env.isEmpty()) return this;
        return new ThreadState(tid, pid, ptid, vtid, vpid, sid, vpgid, comm, exe, exepath, List.of(), List.of(), cwd, tty,
                uid, gid, loginUid, userName, groupName, loginName, capEffective, capPermitted, capInheritable,
                exeWritable, exeUpperLayer, exeLowerLayer, exeFromMemfd, exeIno, exeInoCtime, exeInoMtime, cloneTs, containerId);
    }

    /** Sets every field of {@code t} (same tid) to this state; the container is looked up by id. */
    void applyTo(ThreadInfo t, Map<String, ContainerInfo> containers) {
        t.pid(pid).ptid(ptid).vtid(vtid).vpid(vpid).sid(sid).vpgid(vpgid)
                .comm(comm).exe(exe).exepath(exepath).args(args).env(env).cwd(cwd).tty(tty)
                .uid(uid).gid(gid).loginUid(loginUid).userName(userName).groupName(groupName).loginName(loginName)
                .capEffective(capEffective).capPermitted(capPermitted).capInheritable(capInheritable)
                .exeWritable(exeWritable).exeUpperLayer(exeUpperLayer).exeLowerLayer(exeLowerLayer).exeFromMemfd(exeFromMemfd)
                .exeIno(exeIno).exeInoCtime(exeInoCtime).exeInoMtime(exeInoMtime).cloneTs(cloneTs)
                .container(containerId == null ? null : containers.get(containerId));
    }
}
