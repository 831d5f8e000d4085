#!/usr/bin/env bash
# Telegram output benchmarks against the loopback fake Bot API (see docs/performance.md).
#   bench/telegram.sh throughput [N]            N alerts through the whole pipeline, no rate limit (default 10000)
#   bench/telegram.sh raw [N]                   the telegrambots client alone, same message N times (the ceiling)
#   bench/telegram.sh stages [N]                the pipeline's own work without the network (default 100000)
#   bench/telegram.sh durability [N] [OUTAGE_S] N alerts, an outage, a kill -9 and a restart (default 10000 30)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
cd "$here"
./mvnw -B -q -pl sensor -am test-compile
cp="$(./mvnw -B -q -pl sensor dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)"
mode="${1:-throughput}"
case "$mode" in
  throughput) args=(throughput "${2:-10000}") ;;
  raw) args=(raw "${2:-10000}") ;;
  stages) args=(stages "${2:-100000}") ;;
  durability) args=(durability "${2:-10000}" "${3:-30}") ;;
  *) echo "usage: bench/telegram.sh throughput|raw|stages [N] | durability [N] [OUTAGE_SECONDS]" >&2; exit 2 ;;
esac
exec "$JAVA_HOME/bin/java" -Dfakebotapi.direct=true -cp "sensor/target/test-classes:sensor/target/classes:$cp" dev.falconet.output.telegram.TelegramBench "${args[@]}"
