#!/usr/bin/env bash
# Rule engine benchmarks (JMH): events/s on one core over a realistic mixed stream with the upstream
# stable+incubating+sandbox rules, and rules load time (first in a fresh JVM, repeated in a warm one).
# Then the same evaluation measured in thread CPU time (EngineCpuBench: survives a busy machine),
# the first load's stages (ColdLoadStages), and `falconet validate` on the four upstream files as a
# whole process.
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
cp="sensor/target/test-classes:sensor/target/classes:$(cat "$out/cp.txt")"
upstream="$(cd .. && pwd)/shared/falco-upstream"

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/{print $2}') GiB, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
"$JAVA_HOME/bin/java" -Dfalconet.upstream="$upstream" -cp "$cp" org.openjdk.jmh.Main \
  -rf json -rff "$out/jmh.json" "${@:-dev.falconet.bench}" | tee "$out/jmh.txt"

echo "== evaluation in thread CPU time (best and median of five), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA_HOME/bin/java" -Dfalconet.upstream="$upstream" -cp "$cp" dev.falconet.bench.EngineCpuBench 20 | tee "$out/cpu.txt"

echo "== first load in a fresh JVM, by stage (3 JVMs)"
for i in 1 2 3; do
  "$JAVA_HOME/bin/java" -Dfalconet.upstream="$upstream" -cp "$cp" dev.falconet.bench.ColdLoadStages whole
done | tee "$out/cold.txt"

echo "== falconet validate, four upstream files, whole process (5 runs)"
for i in 1 2 3 4 5; do
  /usr/bin/time -f "%e s wall, %U s user" "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
    -cp "app/target/falconet-app.jar:app/target/lib/*" dev.falconet.app.Main validate \
    -r "$upstream/falco_rules.yaml" -r "$upstream/falco-incubating_rules.yaml" \
    -r "$upstream/falco-sandbox_rules.yaml" -r "$upstream/falco-deprecated_rules.yaml" >/dev/null
done 2>&1 | tee "$out/validate.txt"
