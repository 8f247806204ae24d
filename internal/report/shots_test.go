package report

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/device"
)

// TestScreenshots writes the screenshots of docs/report.md from a report
// that `ceviri report` wrote (not part of make test):
//
//	ceviri report --date 2026-12-01 -o /tmp/report.html
//	CEVIRI_REPORT_SCREENSHOTS=/tmp/report.html go test -run TestScreenshots ./internal/report
func TestScreenshots(t *testing.T) {
	page := os.Getenv("CEVIRI_REPORT_SCREENSHOTS")
	if page == "" {
		t.Skip("set CEVIRI_REPORT_SCREENSHOTS=FILE.html to write docs/img/report-*.png")
	}
	abs, err := filepath.Abs(page)
	if err != nil {
		t.Fatal(err)
	}
	url := "file://" + filepath.ToSlash(abs)
	ctx := browser(t)
	save := func(name string, png []byte) {
		t.Helper()
		if err := os.WriteFile(filepath.Join("..", "..", "docs", "img", name), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	do(t, ctx, "desktop", chromedp.EmulateViewport(1280, 900), chromedp.Navigate(url), chromedp.WaitVisible(chromedp.ID("m")))
	save("report-desktop.png", run(t, ctx, "shot", chromedp.CaptureScreenshot()))
	do(t, ctx, "open a diff", chromedp.Click(chromedp.CSS(`button[data-diff]`)), chromedp.WaitVisible(chromedp.ID("dlg")))
	save("report-diff.png", run(t, ctx, "shot", chromedp.CaptureScreenshot()))
	do(t, ctx, "phone", chromedp.Emulate(device.IPhone13), chromedp.Navigate(url), chromedp.WaitVisible(chromedp.ID("m")))
	save("report-phone.png", run(t, ctx, "shot", chromedp.CaptureScreenshot()))
	do(t, ctx, "phone, the matrix", chromedp.Evaluate[chromedp.Void](`document.getElementById("h-m").scrollIntoView()`))
	save("report-phone-matrix.png", run(t, ctx, "shot", chromedp.CaptureScreenshot()))
}

// TestFilterTiming measures, on a report that `ceviri report` wrote, how
// long the page takes to load and to filter and sort (not part of make
// test; it logs figures and asserts none, docs/performance.md):
//
//	CEVIRI_REPORT_PERF=/tmp/report-10000.html go test -run TestFilterTiming -v ./internal/report
func TestFilterTiming(t *testing.T) {
	page := os.Getenv("CEVIRI_REPORT_PERF")
	if page == "" {
		t.Skip("set CEVIRI_REPORT_PERF=FILE.html to measure the report in chromium")
	}
	abs, err := filepath.Abs(page)
	if err != nil {
		t.Fatal(err)
	}
	ctx := browser(t)
	do(t, ctx, "open", chromedp.EmulateViewport(1280, 900), chromedp.Navigate("file://"+filepath.ToSlash(abs)), chromedp.WaitVisible(chromedp.ID("m")))
	load := run(t, ctx, "load", chromedp.Evaluate[map[string]float64](`(() => { const n = performance.getEntriesByType('navigation')[0];
		return {domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd, rows: document.querySelectorAll('#m tbody tr').length}; })()`))
	t.Logf("load: DOMContentLoaded %.0f ms, load %.0f ms, %v rows", load["domContentLoaded"], load["load"], load["rows"])
	// Each step, then its undo: the handler with the layout it forces
	// (sync), and until the next frame is drawn (frame).
	measure := func(name, id, value string) {
		got := run(t, ctx, name, chromedp.Evaluate[map[string]float64](`new Promise(resolve => {
			const el = document.getElementById('`+id+`');
			const t0 = performance.now();
			el.value = '`+value+`';
			el.dispatchEvent(new Event('change'));
			void document.body.offsetHeight;
			const t1 = performance.now();
			requestAnimationFrame(() => setTimeout(() => resolve({sync: t1 - t0, frame: performance.now() - t0}), 0));
		})`, chromedp.EvalAwaitPromise))
		t.Logf("%-28s handler+layout %6.1f ms, to next frame %6.1f ms", name, got["sync"], got["frame"])
	}
	steps := []struct{ name, id, value, undo string }{
		{"state = stale", "f-state", "stale", ""},
		{"language = en", "f-lang", "1", ""},
		{"sort by words owed", "sort", "owed", "id"},
		{"sort by title", "sort", "title", "id"},
	}
	for i := 0; i < 3; i++ {
		for _, s := range steps {
			measure(s.name, s.id, s.value)
			measure("  back from "+s.name, s.id, s.undo)
		}
	}
}
