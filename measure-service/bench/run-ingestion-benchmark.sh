#!/usr/bin/env bash
# Prints how many figures a second measure-service takes in from measure.datapoints into its store, next to the
# broker's raw producer and consumer rates (Kafka's perf tools) and the store's raw bulk-insert rate for the same
# messages and documents, in one run. Run on demand; it takes a few minutes.
# Options: -Dbench.events=200000 (per round), -Dbench.rounds=5, -Dbench.service-args="--name=value ..." (the
# service's settings), -Dbench.service-jvm="-XX:StartFlightRecording=filename=service.jfr" (its JVM's). Needs 18 GB of
# free memory.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -o -DskipTests install -pl measure-service -am
./mvnw -B -q -o -pl measure-service dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/benchmark.classpath
export PLANWATCH_TEST_SERVERS=in-process
# The broker and the MongoDB stand-in share this JVM, and the stand-in holds every document in its heap: each young
# collection copies the figures stored since the one before (pauses of about a second), and with a 3 GB heap full
# collections of 2-4 s landed in random rounds (a round lasts 2-5 s). A heap that never fills, a large young
# generation and promotion at the first collection (nothing stored is garbage) keep the pauses few and short.
exec java -Xms16g -Xmx16g -Xmn4g -XX:MaxTenuringThreshold=0 -XX:+UseParallelGC "$@" \
  -cp "measure-service/target/test-classes:measure-service/target/classes:$(cat measure-service/target/benchmark.classpath)" \
  org.planwatch.measure.bench.IngestionBenchmark
