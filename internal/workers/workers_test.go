package workers

import (
	"sync/atomic"
	"testing"
)

func TestEachCallsEveryIndexOnce(t *testing.T) {
	for _, tt := range []struct{ n, workers int }{{0, 0}, {1, 0}, {100, 0}, {100, 1}, {7, 16}} {
		calls := make([]int32, tt.n)
		var running, most int32
		Each(tt.n, tt.workers, func(i int) {
			r := atomic.AddInt32(&running, 1)
			for {
				m := atomic.LoadInt32(&most)
				if r <= m || atomic.CompareAndSwapInt32(&most, m, r) {
					break
				}
			}
			atomic.AddInt32(&calls[i], 1)
			atomic.AddInt32(&running, -1)
		})
		for i, c := range calls {
			if c != 1 {
				t.Errorf("n=%d workers=%d: f(%d) called %d times", tt.n, tt.workers, i, c)
			}
		}
		if tt.workers == 1 && most > 1 {
			t.Errorf("workers=1 ran %d calls at once", most)
		}
	}
}
