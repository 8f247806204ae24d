// Package fastpath is the one switch over ceviri's fast paths: the
// one-pass YAML and Markdown readers, the openat2 reads, the status cache
// and the bundle cache. Each fast path is checked against the plain path
// it stands for (by fuzzers and tests); with CEVIRI_NO_FASTPATH=1 every
// command takes the plain paths, so that the end-to-end tests can run both
// ways and require the same output byte for byte (make test does).
package fastpath

import (
	"os"
	"sync"
)

// Env names the environment variable that turns every fast path off.
const Env = "CEVIRI_NO_FASTPATH"

var off = sync.OnceValue(func() bool {
	v := os.Getenv(Env)
	return v != "" && v != "0"
})

// On reports whether fast paths may be taken: CEVIRI_NO_FASTPATH is unset,
// empty or 0. It reads the environment once.
func On() bool { return !off() }
