#!/usr/bin/env bash
# Prints how long a 2,000-action plan document takes to import through plan-service's API (dry run, commit, re-import
# of the unchanged file) next to the raw MongoDB driver's bulk insert of as many documents on the same server.
# Run on demand; it takes a minute or two.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -DskipTests install -pl plan-service -am
./mvnw -B -q -pl plan-service dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/benchmark.classpath
export PLANWATCH_TEST_SERVERS=in-process
exec java -Xmx1g -XX:+UseSerialGC "$@" \
  -cp "plan-service/target/test-classes:plan-service/target/classes:$(cat plan-service/target/benchmark.classpath)" \
  org.planwatch.plan.bench.PlanImportBenchmark
