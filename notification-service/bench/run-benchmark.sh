#!/usr/bin/env bash
# Prints how many emails a second notification-service prepares and sends to an SMTP server (GreenMail), next to a
# bare JavaMail send loop to the same server, and the latency from event to inbox at 25, 50 and 75% of that rate.
# Run on demand; it takes a few minutes. Options: -Dbench.poll-interval=100ms (the mail queue's poll interval).
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -DskipTests install -pl notification-service -am
./mvnw -B -q -pl notification-service dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/benchmark.classpath
export PLANWATCH_TEST_SERVERS=in-process
exec java -Xmx1536m -XX:+UseSerialGC "$@" \
  -cp "notification-service/target/test-classes:notification-service/target/classes:$(cat notification-service/target/benchmark.classpath)" \
  org.planwatch.notification.bench.NotificationBenchmark
