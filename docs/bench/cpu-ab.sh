#!/bin/bash
# CPU-time A/B (perf task-clock, ms) of two ceviri binaries on two copies of the same generated project
# (go run ./cmd/ceviri-corpus -n 10000 -o DIR), alternating runs, medians of N.
#   OLD_BIN, NEW_BIN  the binaries (default /tmp/bench/old-ceviri, /tmp/bench/head-ceviri)
#   OLD_P, NEW_P      a copy of the project for each (default /tmp/bench/p-old, /tmp/bench/p-new)
#   WORK              where the per-run figures go (default /tmp/bench)
# Issue 11's figures: d0afbee against its HEAD, N=7 (the defaults). The next session's: 70da960 against
# 08f2a94, N=5, with OLD_BIN=/tmp/ab/old-ceviri NEW_BIN=/tmp/ab/new-ceviri OLD_P=/tmp/ab/p-old
# NEW_P=/tmp/ab/p-new WORK=/tmp/ab.
OLD_BIN=${OLD_BIN:-/tmp/bench/old-ceviri}; NEW_BIN=${NEW_BIN:-/tmp/bench/head-ceviri}
OLD_P=${OLD_P:-/tmp/bench/p-old}; NEW_P=${NEW_P:-/tmp/bench/p-new}
WORK=${WORK:-/tmp/bench}
N=${N:-7}
med() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
cpu() { perf stat -x, -e task-clock "$@" 2>&1 >/dev/null | grep task-clock | cut -d, -f1; }
for m in status-nocache status-warm check; do
  : > "$WORK/c2-old-$m"; : > "$WORK/c2-new-$m"
  for i in $(seq 1 "$N"); do
    for b in old new; do
      if [ $b = old ]; then B=$OLD_BIN; P=$OLD_P; else B=$NEW_BIN; P=$NEW_P; fi
      case $m in
        status-nocache) CEVIRI_NO_CACHE=1 cpu "$B" --root "$P" status >> "$WORK/c2-$b-$m";;
        status-warm) "$B" --root "$P" status >/dev/null 2>&1; sleep 2.1; "$B" --root "$P" status >/dev/null 2>&1; cpu "$B" --root "$P" status >> "$WORK/c2-$b-$m";;
        check) cpu "$B" --root "$P" check >> "$WORK/c2-$b-$m";;
      esac
    done
  done
  o=$(med < "$WORK/c2-old-$m"); n=$(med < "$WORK/c2-new-$m")
  echo "$m old ${o} ms new ${n} ms ratio $(echo "scale=3; $n / $o" | bc)   old:[$(tr '\n' ' ' < "$WORK/c2-old-$m")] new:[$(tr '\n' ' ' < "$WORK/c2-new-$m")]"
done
