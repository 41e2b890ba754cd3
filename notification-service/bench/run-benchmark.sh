#!/usr/bin/env bash
# Run on demand; each takes a few minutes.
#   run-benchmark.sh [-D...]            how many emails a second notification-service prepares and sends to an SMTP
#                                       server (GreenMail), next to a bare JavaMail send loop to the same server, and
#                                       the latency from event to inbox at 25, 50 and 75% of that rate.
#                                       Options: -Dbench.poll-interval=100ms (the mail queue's poll interval).
#   run-benchmark.sh scale-out [-D...]  one replica against two, interleaved, with the SMTP server's replies held
#                                       20 ms (a relay on the network) and with none; counts repeated emails.
#                                       Options: -Dbench.smtp-delay=0.020 (seconds), -Dbench.emails=300 (a round).
set -euo pipefail
cd "$(dirname "$0")/../.."
benchmark=NotificationBenchmark
if [[ "${1:-}" == scale-out ]]; then
  benchmark=ScaleOutBenchmark
  shift
fi
./mvnw -B -q -DskipTests install -pl notification-service -am
./mvnw -B -q -pl notification-service dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/benchmark.classpath
export PLANWATCH_TEST_SERVERS=in-process
exec java -Xmx1536m -XX:+UseSerialGC "$@" \
  -cp "notification-service/target/test-classes:notification-service/target/classes:$(cat notification-service/target/benchmark.classpath)" \
  "org.planwatch.notification.bench.$benchmark"
