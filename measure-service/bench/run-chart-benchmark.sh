#!/usr/bin/env bash
# Prints how long a measure's chart takes to draw as PNG (as every status event carries it): planwatch's ChartPng next
# to Batik's own PNG transcoder, on the same chart, in interleaved rounds. Run on demand; about 40 s.
# Options: -Dbench.rounds=5.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -o -DskipTests install -pl measure-service -am
./mvnw -B -q -o -pl measure-service dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/benchmark.classpath
exec java -Djava.awt.headless=true "$@" \
  -cp "measure-service/target/test-classes:measure-service/target/classes:$(cat measure-service/target/benchmark.classpath)" \
  org.planwatch.measure.bench.ChartPngBenchmark
