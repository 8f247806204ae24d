// Command ceviri-bench measures ceviri end to end on generated corpora
// (internal/corpusgen) of several sizes, beside the floor (reading and
// hashing every article file with two workers) and Hugo building the same
// content, all in one run. It prints a Markdown table of medians and peak
// memory (docs/performance.md explains the figures); `make bench` runs it.
//
//	ceviri-bench [-sizes 1000,10000,50000] [-runs 5,3,1] [-ceviri bin/ceviri] [-work DIR] [-json FILE]
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
)

func main() {
	if len(os.Args) > 2 && os.Args[1] == "floor" {
		// The floor, run as a child so that its time and memory are taken
		// like every other measure's.
		if _, _, err := floor(os.Args[2], 2); err != nil {
			fmt.Fprintln(os.Stderr, "ceviri-bench floor:", err)
			os.Exit(1)
		}
		return
	}
	sizes := flag.String("sizes", "1000,10000,50000", "corpus sizes in articles, comma-separated")
	runsFlag := flag.String("runs", "5,3,1", "runs per measure for each size (the median is reported)")
	ceviri := flag.String("ceviri", "bin/ceviri", "the ceviri binary to measure")
	hugo := flag.String("hugo", "hugo", "the Hugo binary (\"\" or not installed: Hugo is skipped)")
	work := flag.String("work", filepath.Join(os.TempDir(), "ceviri-bench"), "where corpora are generated (kept between runs)")
	seed := flag.Uint64("seed", 1, "corpus seed")
	budget := flag.Duration("budget", 30*time.Second, "stop repeating a measure once its runs took this long")
	timeout := flag.Duration("timeout", 3*time.Minute, "stop one run after this long and report the measure as over it")
	total := flag.Duration("deadline", 12*time.Minute, "stop measuring after this long in all (generation included); later measures are n/a")
	jsonOut := flag.String("json", "", "also write the results as JSON to this file")
	flag.Parse()

	ns, err := ints(*sizes)
	if err != nil {
		fatal(err)
	}
	rs, err := ints(*runsFlag)
	if err != nil {
		fatal(err)
	}
	bin, err := filepath.Abs(*ceviri)
	if err != nil {
		fatal(err)
	}
	if _, err := os.Stat(bin); err != nil {
		fatal(fmt.Errorf("no ceviri binary at %s (run make build): %v", bin, err))
	}
	hugoBin := ""
	if *hugo != "" {
		if p, err := exec.LookPath(*hugo); err == nil {
			hugoBin = p
		}
	}
	self, err := os.Executable()
	if err != nil {
		fatal(err)
	}
	fmt.Fprintf(os.Stderr, "ceviri-bench: %s, %d CPUs; %s\n", cpuModel(), runtime.NumCPU(), toolVersion(hugoBin, "version"))
	lim := limits{budget: *budget, timeout: *timeout, deadline: time.Now().Add(*total)}
	var all []sizeResult
	for i, n := range ns {
		runs := rs[len(rs)-1]
		if i < len(rs) {
			runs = rs[i]
		}
		b := &bench{n: n, runs: runs, seed: *seed, ceviri: bin, hugo: hugoBin, self: self,
			dir: filepath.Join(*work, fmt.Sprintf("n%d-s%d", n, *seed)), limits: lim}
		res, err := b.run()
		if err != nil {
			fatal(err)
		}
		all = append(all, res)
	}
	report(os.Stdout, all)
	if *jsonOut != "" {
		data, _ := json.MarshalIndent(all, "", "  ")
		if err := os.WriteFile(*jsonOut, append(data, '\n'), 0o644); err != nil {
			fatal(err)
		}
	}
}

func ints(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("%q is not a list of positive numbers", s)
		}
		out = append(out, n)
	}
	return out, nil
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "ceviri-bench:", err)
	os.Exit(1)
}

// cpuModel returns the CPU model from /proc/cpuinfo.
func cpuModel() string {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	for _, l := range strings.Split(string(data), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOARCH
}

func toolVersion(bin string, args ...string) string {
	if bin == "" {
		return "hugo not installed"
	}
	out, err := exec.Command(bin, args...).Output()
	if err != nil {
		return bin + ": " + err.Error()
	}
	return strings.TrimSpace(string(out))
}
