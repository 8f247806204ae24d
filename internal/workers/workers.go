// Package workers runs independent pieces of work, such as parsing or
// rendering one file each, on a fixed number of goroutines.
package workers

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Each calls f(i) for every i from 0 to n-1 on up to workers goroutines
// (one per CPU when workers <= 0) and returns when all calls have. The
// calls start in order of i.
func Each(n, workers int, f func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if workers > n {
		workers = n
	}
	var next atomic.Int64 // the next i to hand out
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				f(i)
			}
		}()
	}
	wg.Wait()
}
