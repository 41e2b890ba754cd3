#!/usr/bin/env bash
# Prints how many figures a second measure-service takes in from measure.datapoints into its store, next to the
# broker's raw producer and consumer rates (Kafka's perf tools) and the store's raw bulk-insert rate for the same
# messages and documents, in one run. Run on demand; it takes a few minutes.
# Options: -Dbench.events=100000 (per round), -Dbench.rounds=3.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -o -DskipTests install -pl measure-service -am
./mvnw -B -q -o -pl measure-service dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/benchmark.classpath
export PLANWATCH_TEST_SERVERS=in-process
exec java -Xmx3g -XX:+UseParallelGC "$@" \
  -cp "measure-service/target/test-classes:measure-service/target/classes:$(cat measure-service/target/benchmark.classpath)" \
  org.planwatch.measure.bench.IngestionBenchmark
