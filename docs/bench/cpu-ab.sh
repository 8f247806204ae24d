#!/bin/bash
# CPU-time A/B (perf task-clock, ms): d0afbee (before issue 11) vs HEAD, 10,000-article corpus, alternating runs, medians.
PO=/tmp/bench/p-old; PN=/tmp/bench/p-new
N=${N:-7}
med() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
cpu() { perf stat -x, -e task-clock "$@" 2>&1 >/dev/null | grep task-clock | cut -d, -f1; }
for m in status-nocache status-warm check; do
  : > /tmp/bench/c2-old-$m; : > /tmp/bench/c2-new-$m
  for i in $(seq 1 $N); do
    for b in old new; do
      B=/tmp/bench/old-ceviri; [ $b = new ] && B=/tmp/bench/head-ceviri
      [ $b = old ] && P=$PO || P=$PN
      case $m in
        status-nocache) CEVIRI_NO_CACHE=1 cpu $B --root $P status >> /tmp/bench/c2-$b-$m;;
        status-warm) $B --root $P status >/dev/null 2>&1; sleep 2.1; $B --root $P status >/dev/null 2>&1; cpu $B --root $P status >> /tmp/bench/c2-$b-$m;;
        check) cpu $B --root $P check >> /tmp/bench/c2-$b-$m;;
      esac
    done
  done
  o=$(med < /tmp/bench/c2-old-$m); n=$(med < /tmp/bench/c2-new-$m)
  echo "$m old ${o} ms new ${n} ms ratio $(echo "scale=3; $n / $o" | bc)   old:[$(tr '\n' ' ' < /tmp/bench/c2-old-$m)] new:[$(tr '\n' ' ' < /tmp/bench/c2-new-$m)]"
done
