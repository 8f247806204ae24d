package main

import (
	"fmt"
	"os"
	"runtime/pprof"
)

// startProfile starts the profiles developers ask for in the environment,
// for docs/performance.md; they are not part of the command-line
// interface. CEVIRI_CPUPROFILE names a file for a CPU profile of the whole
// run, CEVIRI_MEMPROFILE one for its allocations. The returned function
// writes them.
func startProfile() func() {
	var cpu *os.File
	if name := os.Getenv("CEVIRI_CPUPROFILE"); name != "" {
		f, err := os.Create(name)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "ceviri: CEVIRI_CPUPROFILE: %v\n", err)
		} else {
			cpu = f
		}
	}
	return func() {
		if cpu != nil {
			pprof.StopCPUProfile()
			cpu.Close()
		}
		if name := os.Getenv("CEVIRI_MEMPROFILE"); name != "" {
			f, err := os.Create(name)
			if err == nil {
				err = pprof.Lookup("allocs").WriteTo(f, 0)
				if err1 := f.Close(); err == nil {
					err = err1
				}
			}
			if err != nil {
				fmt.Fprintf(os.Stderr, "ceviri: CEVIRI_MEMPROFILE: %v\n", err)
			}
		}
	}
}
