#!/usr/bin/env bash
# Rule engine benchmarks (JMH): events/s on one core over a realistic mixed stream with the upstream
# stable+incubating+sandbox rules, and rules load time (first in a fresh JVM, repeated in a warm one).
# Then the same evaluation measured in thread CPU time (EngineCpuBench: survives a busy machine),
# the first load's stages (ColdLoadStages), and `falconet validate` on the four upstream files as a
# whole process.
#
# The first load is measured without and with the JDK 25 AOT cache the ./falconet launcher gives its
# commands: the caches bench/out/load.aot (default flags) and bench/out/load-cli.aot (the one-shot
# commands' flags: client compiler only, serial GC) are made here by a training run of ColdLoadStages,
# as the launcher's training run validates the rules. An AOT cache needs a class path of jars: the
# benchmark classes are jarred into bench/out/bench-classes.jar.
#
#   bench/engine-bench.sh [JMH args...]     e.g. bench/engine-bench.sh EngineBenchmark -f 1 -prof gc
#
# Needs ../shared/falco-upstream beside the repository. Results: bench/out/.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
out=bench/out; mkdir -p "$out"
./mvnw -q -B -o -DskipTests package -pl sensor,app -am >/dev/null 2>&1 || ./mvnw -q -B -DskipTests package -pl sensor,app -am
./mvnw -q -B -o -pl sensor test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/$out/cp.txt" -Dmdep.includeScope=test >/dev/null
"$JAVA_HOME/bin/jar" cf "$out/bench-classes.jar" -C sensor/target/test-classes .
cp="$out/bench-classes.jar:sensor/target/falconet-sensor-0.1.0-SNAPSHOT.jar:$(cat "$out/cp.txt")"
upstream="$(cd .. && pwd)/shared/falco-upstream"
java=("$JAVA_HOME/bin/java" -Dfalconet.upstream="$upstream" -cp "$cp")
cli=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC) # the launcher's flags for validate, explain, fields

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/{print $2}') GiB, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
echo "== training the AOT caches (one first load each)"
rm -f "$out/load.aot" "$out/load-cli.aot"
"${java[@]}" -XX:AOTCacheOutput="$out/load.aot" dev.falconet.bench.ColdLoadStages whole >/dev/null 2>&1
"${java[@]}" "${cli[@]}" -XX:AOTCacheOutput="$out/load-cli.aot" dev.falconet.bench.ColdLoadStages whole >/dev/null 2>&1
ls -l "$out/load.aot" "$out/load-cli.aot"

echo "== JMH, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"${java[@]}" org.openjdk.jmh.Main -rf json -rff "$out/jmh.json" "${@:-dev.falconet.bench}" | tee "$out/jmh.txt"

echo "== evaluation in thread CPU time (200 warm-up rounds, then best and median of five), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"${java[@]}" dev.falconet.bench.EngineCpuBench 200 | tee "$out/cpu.txt"

echo "== first load in a fresh JVM (RuleEngine.load, 5 JVMs each): no cache / AOT cache / AOT cache + one-shot flags, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in 1 2 3 4 5; do
  "${java[@]}" dev.falconet.bench.ColdLoadStages whole
  "${java[@]}" -XX:AOTCache="$out/load.aot" -XX:AOTMode=on dev.falconet.bench.ColdLoadStages whole
  "${java[@]}" "${cli[@]}" -XX:AOTCache="$out/load-cli.aot" -XX:AOTMode=on dev.falconet.bench.ColdLoadStages whole
done | sort -t'[' -k2 | tee "$out/cold.txt"
echo "== the same by stage (thread CPU per stage), AOT cache + one-shot flags"
for i in 1 2 3; do
  "${java[@]}" "${cli[@]}" -XX:AOTCache="$out/load-cli.aot" dev.falconet.bench.ColdLoadStages
done | tee -a "$out/cold.txt"

echo "== ./falconet validate, four upstream files, whole process (the launcher: AOT cache, one-shot flags), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
validate=(validate -r "$upstream/falco_rules.yaml" -r "$upstream/falco-incubating_rules.yaml"
  -r "$upstream/falco-sandbox_rules.yaml" -r "$upstream/falco-deprecated_rules.yaml")
./falconet "${validate[@]}" >/dev/null || true # builds and trains the launcher's cache when needed
if command -v hyperfine >/dev/null; then
  hyperfine -N -w 2 -r 10 --export-json "$out/validate.json" "./falconet ${validate[*]}" 2>&1 | tee "$out/validate.txt"
else
  for i in 1 2 3 4 5 6 7 8 9 10; do
    /usr/bin/time -f "%e s wall, %U s user" ./falconet "${validate[@]}" >/dev/null
  done 2>&1 | tee "$out/validate.txt"
fi
