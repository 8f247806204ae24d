#!/bin/bash
# CPU-time A/B (perf task-clock, ms): 70da960 (a session start) vs HEAD on copies of a 10,000-article corpus
# (go run ./cmd/ceviri-corpus -n 10000 -o DIR; binaries built into /tmp/ab/old-ceviri and /tmp/ab/new-ceviri,
# the project copied to /tmp/ab/p-old and /tmp/ab/p-new), alternating runs, medians of N.
N=${N:-5}
med() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
cpu() { perf stat -x, -e task-clock "$@" 2>&1 >/dev/null | grep task-clock | cut -d, -f1; }
for m in status-nocache status-warm check; do
  : > /tmp/ab/c-old-$m; : > /tmp/ab/c-new-$m
  for i in $(seq 1 $N); do
    for b in old new; do
      B=/tmp/ab/$b-ceviri; P=/tmp/ab/p-$b
      case $m in
        status-nocache) CEVIRI_NO_CACHE=1 cpu $B --root $P status >> /tmp/ab/c-$b-$m;;
        status-warm) $B --root $P status >/dev/null 2>&1; sleep 2.1; $B --root $P status >/dev/null 2>&1; cpu $B --root $P status >> /tmp/ab/c-$b-$m;;
        check) cpu $B --root $P check >> /tmp/ab/c-$b-$m;;
      esac
    done
  done
  o=$(med < /tmp/ab/c-old-$m); n=$(med < /tmp/ab/c-new-$m)
  echo "$m old ${o} ms new ${n} ms ratio $(echo "scale=3; $n / $o" | bc)   old:[$(tr '\n' ' ' < /tmp/ab/c-old-$m)] new:[$(tr '\n' ' ' < /tmp/ab/c-new-$m)]"
done
