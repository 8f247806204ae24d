package main

import (
	"fmt"
	"os"
	"runtime/pprof"
)

// startProfile writes a CPU profile of the whole run to the file named by
// CEVIRI_CPUPROFILE, when it is set: a developer's switch for
// docs/performance.md, not part of the command-line interface. The returned
// function stops it.
func startProfile() func() {
	name := os.Getenv("CEVIRI_CPUPROFILE")
	if name == "" {
		return func() {}
	}
	f, err := os.Create(name)
	if err != nil {
		fmt.Fprintf(os.Stderr, "ceviri: CEVIRI_CPUPROFILE: %v\n", err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintf(os.Stderr, "ceviri: CEVIRI_CPUPROFILE: %v\n", err)
		f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
		if name := os.Getenv("CEVIRI_MEMPROFILE"); name != "" {
			if f, err := os.Create(name); err == nil {
				pprof.Lookup("allocs").WriteTo(f, 0)
				f.Close()
			}
		}
	}
}
