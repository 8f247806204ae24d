package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"
)

// sample is one timed run of a child process.
type sample struct {
	wall time.Duration
	rss  int64 // peak resident set size in bytes (wait4 rusage ru_maxrss)
}

// result is the median of the runs of one measure; na says why there is
// none.
type result struct {
	Name   string  `json:"name"`
	Runs   int     `json:"runs"`
	Median float64 `json:"median_s"`
	Min    float64 `json:"min_s"`
	Max    float64 `json:"max_s"`
	RSS    float64 `json:"peak_rss_mb"`
	NA     string  `json:"na,omitempty"`
}

// errNA marks a measure that cannot be taken (a command or tool missing).
type errNA struct{ why string }

func (e errNA) Error() string { return e.why }

// job is a command to time; before runs untimed before each run.
type job struct {
	args   []string
	env    []string
	dir    string
	before func(run int) error
	okExit func(code int) bool // exit codes that are not failures (default: 0)
}

// run times one child process, killing it after timeout; its output is
// discarded except stderr, kept for the error message.
func (j job) run(timeout time.Duration) (sample, error) {
	if timeout <= 0 {
		return sample{}, errNA{"time budget of the whole benchmark spent"}
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, j.args[0], j.args[1:]...)
	cmd.Env = append(os.Environ(), j.env...)
	cmd.Dir = j.dir
	cmd.Stdout = io.Discard
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if cmd.ProcessState == nil {
		return sample{}, err
	}
	if ctx.Err() != nil {
		return sample{}, errNA{fmt.Sprintf("over %.0f s, stopped", timeout.Seconds())}
	}
	code := cmd.ProcessState.ExitCode()
	ok := code == 0
	if j.okExit != nil {
		ok = j.okExit(code)
	}
	if !ok {
		msg := strings.TrimSpace(stderr.String())
		if strings.Contains(msg, "unknown command") {
			return sample{}, errNA{"command not available in this ceviri"}
		}
		if len(msg) > 300 {
			msg = msg[:300] + "..."
		}
		return sample{}, fmt.Errorf("%s: exit %d: %s", strings.Join(j.args, " "), code, msg)
	}
	return sample{wall: wall, rss: maxRSS(cmd.ProcessState)}, nil
}

// limits bound the time a measure may take.
type limits struct {
	budget   time.Duration // stop repeating once the runs took this long
	timeout  time.Duration // kill one run after this long
	deadline time.Time     // no run may go past this
}

// runTimeout is the time the next run may take.
func (l limits) runTimeout() time.Duration {
	return min(l.timeout, time.Until(l.deadline))
}

// measure runs j up to runs times (at least once), stopping early once
// the budget is spent, and returns the median.
func measure(name string, j job, runs int, l limits) result {
	var ss []sample
	var spent time.Duration
	for i := 0; i < runs; i++ {
		if j.before != nil {
			if err := j.before(i); err != nil {
				return result{Name: name, NA: err.Error()}
			}
		}
		s, err := j.run(l.runTimeout())
		if err != nil {
			if na, ok := err.(errNA); ok {
				return result{Name: name, NA: na.why}
			}
			return result{Name: name, NA: "failed: " + err.Error()}
		}
		ss = append(ss, s)
		spent += s.wall
		if spent > l.budget {
			break
		}
	}
	return summarize(name, ss)
}

func summarize(name string, ss []sample) result {
	walls := make([]float64, len(ss))
	var rss int64
	for i, s := range ss {
		walls[i] = s.wall.Seconds()
		rss = max(rss, s.rss)
	}
	sort.Float64s(walls)
	med := walls[len(walls)/2]
	if len(walls)%2 == 0 {
		med = (walls[len(walls)/2-1] + walls[len(walls)/2]) / 2
	}
	return result{Name: name, Runs: len(ss), Median: med, Min: walls[0], Max: walls[len(walls)-1], RSS: float64(rss) / (1 << 20)}
}

// floor reads and hashes every regular file under dir with the given
// number of workers: the least work any status must do without a cache.
func floor(dir string, workers int) (files int, bytes int64, err error) {
	var paths []string
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return 0, 0, err
	}
	next := make(chan string)
	var mu sync.Mutex
	var wg sync.WaitGroup
	var firstErr error
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			buf := make([]byte, 64<<10)
			for p := range next {
				n, err := hashFile(p, buf)
				mu.Lock()
				bytes += n
				if err != nil && firstErr == nil {
					firstErr = err
				}
				mu.Unlock()
			}
		}()
	}
	for _, p := range paths {
		next <- p
	}
	close(next)
	wg.Wait()
	return len(paths), bytes, firstErr
}

func hashFile(p string, buf []byte) (int64, error) {
	f, err := os.Open(p)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	h := sha256.New()
	return io.CopyBuffer(h, f, buf)
}
