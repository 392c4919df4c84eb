#!/bin/sh
# What -javaagent adds to a JVM's start: a one-line program run alternately without and with
# the agent (default options), N times each; prints both medians, their difference and ratio.
# Alternating runs share whatever else the machine does, so the medians compare like with like.
#
#   bench/startup.sh [runs] [agent jar]      (JAVA_HOME picks the JDK; default: java on PATH)
#
# Build the jar first: mvn -B -q -ntp -pl agent package -DskipTests
set -eu
runs=${1:-20}
here=$(cd "$(dirname "$0")" && pwd)
jar=${2:-$here/../agent/target/jslab-agent.jar}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' \
    > "$work/Hello.java"
"${java}c" -d "$work" "$work/Hello.java"

# Seconds of one run, to the millisecond, from the shell's clock (date +%s%N).
run() {
    start=$(date +%s%N)
    "$java" "$@" -cp "$work" Hello > /dev/null
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
}

run > /dev/null                                  # warm the page cache for both
run "-javaagent:$jar" > /dev/null
i=0
while [ "$i" -lt "$runs" ]; do
    run >> "$work/without"
    run "-javaagent:$jar" >> "$work/with"
    i=$((i + 1))
done

median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
without=$(median "$work/without")
with=$(median "$work/with")
"$java" -version 2>&1 | head -1
echo "runs: $runs alternating pairs"
echo "median without agent: $without ms"
echo "median with agent:    $with ms"
awk -v a="$with" -v b="$without" 'BEGIN { printf "added: %d ms, ratio %.2f\n", a - b, a / b }'
