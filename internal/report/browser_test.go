package report

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ceviri/ceviri/internal/track"
	"github.com/ceviri/ceviri/internal/wordiff"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// chromium returns the path of chromium, skipping the test with a visible
// message when it is not installed; under CEVIRI_REQUIRE_TOOLS=1 (set by
// .ci/run) a missing chromium fails the test instead.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CEVIRI_REQUIRE_TOOLS") == "1" {
		t.Fatalf("chromium is not installed and CEVIRI_REQUIRE_TOOLS=1 (install it: see .ci/run)")
	}
	t.Skip("SKIP: chromium is not installed; the report's browser test is skipped (apt-get install chromium)")
	return ""
}

// browser starts headless chromium and returns a tab's context.
func browser(t *testing.T) context.Context {
	t.Helper()
	bin := chromium(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(bin), chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true), chromedp.UserDataDir(t.TempDir()))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelA)
	ctx, cancelC := chromedp.NewContext(actx)
	t.Cleanup(cancelC)
	ctx, cancelT := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(cancelT)
	return ctx
}

// writePage renders m into a file and returns its file:// URL.
func writePage(t *testing.T, m *Model) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, m); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return "file://" + filepath.ToSlash(path)
}

// browserModel: Turkish titles to sort, two sections, every kind of cell,
// and content that tries to run.
func browserModel() *Model {
	day := func(d int) time.Time { return time.Date(2026, 1, d, 12, 0, 0, 0, time.UTC) }
	src := func(path string) *Cell { return &Cell{State: track.Source, Path: path} }
	return &Model{
		UILang: "en", Project: "site", Languages: []string{"tr", "en"}, AgeFrom: AgeGit,
		Articles: []*Article{
			{ID: "doga/cevre", Title: "Çevre", Source: "tr", Changed: day(20), Cells: map[string]*Cell{
				"tr": src("articles/doga/cevre/tr.md"), "en": {State: track.Current, Path: "articles/doga/cevre/en.md"}}},
			{ID: "doga/iklim", Title: "İklim", Source: "tr", Changed: day(3), Cells: map[string]*Cell{
				"tr": src("articles/doga/iklim/tr.md"), "en": {State: track.Stale, Path: "articles/doga/iklim/en.md", Owed: 7, Changed: 2, Total: 9,
					Diff: []*track.DiffEntry{
						{Op: track.Changed, Kind: "paragraph", Segment: "body.2", NewLine: 9, Old: "Hava ılık geçti.", New: "Hava çok sıcak geçti.",
							Translation: "The weather was mild.", TranslationLine: 9, Words: 4,
							Diff: []wordiff.Span{{Op: wordiff.Equal, Text: "Hava "}, {Op: wordiff.Delete, Text: "ılık"}, {Op: wordiff.Insert, Text: "çok sıcak"}, {Op: wordiff.Equal, Text: " geçti."}}},
						{Op: track.Added, Kind: "paragraph", Segment: "body.3", NewLine: 11, New: "Bkz. [bağlantı](javascript:window.__xss=2)", InsertAfterLine: 9, Words: 3},
					}}}},
			{ID: "hava/ilik", Title: "Ilık", Source: "tr", Changed: day(10), Cells: map[string]*Cell{
				"tr": src("articles/hava/ilik/tr.md"), "en": {State: track.Missing, Owed: 120, Command: TranslateCommand("hava/ilik", "en")}}},
			{ID: "hava/zaman", Title: "Zaman", Source: "en", Changed: day(1), Cells: map[string]*Cell{
				"en": src("articles/hava/zaman/en.md"), "tr": {State: track.Draft, Path: "articles/hava/zaman/tr.md", Owed: 30}}},
			{ID: "doga/<img src=x onerror=window.__xss=3>", Title: "<script>window.__xss=1</script>", Source: "tr", Cells: map[string]*Cell{
				"tr": src("articles/x/tr.md"), "en": {State: track.Stale, Path: "articles/x/en.md", Owed: 2,
					Diff: []*track.DiffEntry{{Op: track.Added, Kind: "paragraph", Segment: "body.1", NewLine: 5,
						New: `<script>window.__xss=4</script><a href="javascript:window.__xss=5">x</a>`, Words: 2}}}}},
		},
	}
}

// visible returns the titles of the rows a reader sees, in order.
const visibleJS = `Array.from(document.querySelectorAll('#m tbody tr')).filter(r => r.offsetParent !== null).map(r => r.querySelector('.t').innerText)`

func run[T any](t *testing.T, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

func do(t *testing.T, ctx context.Context, what string, as ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, as...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// choose picks an option of a filter as a reader does with the keyboard:
// focus the select, then arrow down or up until it has the value.
func choose(t *testing.T, ctx context.Context, id, value string) {
	t.Helper()
	do(t, ctx, "focus #"+id, chromedp.Focus(chromedp.ID(id)))
	sel := `document.getElementById('` + id + `')`
	for i := 0; i < 20; i++ {
		at := run(t, ctx, "index", chromedp.Evaluate[int](sel+`.selectedIndex`))
		want := run(t, ctx, "target", chromedp.Evaluate[int](`Array.from(`+sel+`.options).findIndex(o => o.value === '`+value+`')`))
		switch {
		case want < 0:
			t.Fatalf("#%s has no option %q", id, value)
		case at == want:
			return
		case at < want:
			do(t, ctx, "arrow down", chromedp.KeyEvent(kb.ArrowDown))
		default:
			do(t, ctx, "arrow up", chromedp.KeyEvent(kb.ArrowUp))
		}
	}
	t.Fatalf("#%s never reached %q with the arrow keys", id, value)
}

// TestBrowser opens the report in headless chromium from file:// and does
// what an editor does: filter by language and state, sort by words owed
// and by title, open a stale cell's diff and a missing cell's command,
// asserting what the page shows; no content ever runs.
func TestBrowser(t *testing.T) {
	ctx := browser(t)
	do(t, ctx, "open", chromedp.Navigate(writePage(t, browserModel())), chromedp.WaitVisible(chromedp.ID("m")))

	titles := func() string { return strings.Join(run(t, ctx, "rows", chromedp.Evaluate[[]string](visibleJS)), " | ") }
	count := func() string { return run(t, ctx, "count", chromedp.Text(chromedp.ID("count"))) }
	if got := titles(); got != "Çevre | İklim | Ilık | Zaman | <script>window.__xss=1</script>" {
		t.Errorf("rows at first: %s", got)
	}

	// Filter: English, stale.
	choose(t, ctx, "f-lang", "1")
	if got := run(t, ctx, "tr column", chromedp.Evaluate[bool](`document.querySelector('#m thead .l0').offsetParent === null`)); !got {
		t.Error("with English chosen, the tr column is still shown")
	}
	choose(t, ctx, "f-state", "stale")
	if got := titles(); got != "İklim | <script>window.__xss=1</script>" {
		t.Errorf("English, stale: %s", got)
	}
	if got := count(); got != "2 of 5 articles shown." {
		t.Errorf("count: %q", got)
	}
	choose(t, ctx, "f-sec", "1") // sections: doga, hava
	if got := titles(); got != "" || count() != "No article matches these filters." {
		t.Errorf("hava, English, stale: %q, %q", got, count())
	}
	choose(t, ctx, "f-state", "")
	if got := titles(); got != "Ilık | Zaman" {
		t.Errorf("hava, English: %s", got)
	}
	do(t, ctx, "all languages", chromedp.SetValue(chromedp.ID("f-lang"), ""),
		chromedp.SetValue(chromedp.ID("f-sec"), ""), chromedp.SetValue(chromedp.ID("f-state"), ""))
	do(t, ctx, "refilter", chromedp.Evaluate[chromedp.Void](`document.getElementById('f-sec').dispatchEvent(new Event('change'))`))

	// Sort: words owed, most first; title in Turkish order.
	choose(t, ctx, "sort", "owed")
	if got := titles(); got != "Ilık | Zaman | İklim | <script>window.__xss=1</script> | Çevre" {
		t.Errorf("by words owed: %s", got)
	}
	choose(t, ctx, "sort", "age")
	if got := titles(); got != "Zaman | İklim | Ilık | Çevre | <script>window.__xss=1</script>" {
		t.Errorf("by source age: %s", got)
	}
	choose(t, ctx, "sort", "title")
	if got := titles(); got != "<script>window.__xss=1</script> | Çevre | Ilık | İklim | Zaman" {
		t.Errorf("by title: %s", got)
	}

	// The diff's button names its article for a screen reader.
	if got := run(t, ctx, "label", chromedp.Evaluate[string](`document.querySelector('button[data-diff="d1-l1"]').getAttribute('aria-label')`)); got != "doga/iklim (en): what changed in the source" {
		t.Errorf("the diff button's label: %q", got)
	}

	// A stale cell opens its diff, with the keyboard; Escape closes it and
	// gives the focus back.
	do(t, ctx, "focus the diff button", chromedp.Focus(chromedp.CSS(`button[data-diff="d1-l1"]`)), chromedp.KeyEvent(kb.Enter))
	do(t, ctx, "dialog", chromedp.WaitVisible(chromedp.ID("dlg")))
	text := run(t, ctx, "dialog text", chromedp.Evaluate[string](`document.getElementById('dlg').innerText`))
	for _, want := range []string{
		"doga/iklim (en): what changed in the source",
		"changed paragraph body.2 (line 9)",
		"articles/doga/iklim/en.md:9: The weather was mild.",
		"added paragraph body.3 (line 11)",
		"Bkz. [bağlantı](javascript:window.__xss=2)",
		"articles/doga/iklim/en.md: not translated yet; add it after line 9",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the diff does not show %q:\n%s", want, text)
		}
	}
	if got := run(t, ctx, "marks", chromedp.Evaluate[string](`Array.from(document.querySelectorAll('#dlg-b del, #dlg-b ins')).map(e => e.tagName + ':' + e.textContent + ':' + getComputedStyle(e, '::before').content).join(' ')`)); got != `DEL:ılık:"[-" INS:çok sıcak:"{+" INS:Bkz. [bağlantı](javascript:window.__xss=2):"{+"` {
		t.Errorf("word marks: %s", got)
	}
	do(t, ctx, "escape", chromedp.KeyEvent(kb.Escape), chromedp.WaitNotVisible(chromedp.ID("dlg")))
	if got := run(t, ctx, "focus", chromedp.Evaluate[string](`document.activeElement.getAttribute('data-diff')`)); got != "d1-l1" {
		t.Errorf("after closing, the focus is on %q, not the diff's button", got)
	}

	// The hostile article's diff: its markup is text.
	do(t, ctx, "hostile diff", chromedp.Click(chromedp.CSS(`button[data-diff="d4-l1"]`)), chromedp.WaitVisible(chromedp.ID("dlg")))
	text = run(t, ctx, "dialog text", chromedp.Evaluate[string](`document.getElementById('dlg-b').innerText`))
	if !strings.Contains(text, `<script>window.__xss=4</script><a href="javascript:window.__xss=5">x</a>`) {
		t.Errorf("hostile diff not shown as text:\n%s", text)
	}
	do(t, ctx, "close", chromedp.Click(chromedp.CSS(`#dlg button`)), chromedp.WaitNotVisible(chromedp.ID("dlg")))

	// A missing cell shows the command that starts it.
	do(t, ctx, "start it", chromedp.Click(chromedp.CSS(`td.l1 details summary`)))
	if got := run(t, ctx, "command", chromedp.Evaluate[string](`document.querySelector('td.l1 details[open] code').innerText`)); got != "ceviri translate hava/ilik --lang en" {
		t.Errorf("command: %q", got)
	}

	// Nothing ran, and no element came from content.
	checks := map[string]string{
		"window.__xss === undefined":                                 "true",
		"document.scripts.length":                                    "2",
		"document.querySelectorAll('img, a, iframe, object').length": "0",
		"document.querySelector('#m tbody tr th .t') !== null":       "true",
		"Array.from(document.querySelectorAll('.id')).map(e => e.textContent).join(' ').includes('doga/<img src=x onerror=window.__xss=3>')": "true",
	}
	for js, want := range checks {
		if got := run(t, ctx, js, chromedp.Evaluate[any](`String(`+js+`)`)); got != want {
			t.Errorf("%s = %v, want %s", js, got, want)
		}
	}
}

// TestBrowserNoScript: without JavaScript the page is complete: every row
// is shown and the controls that need the script are not.
func TestBrowserNoScript(t *testing.T) {
	ctx := browser(t)
	noScript := func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return chromedp.Void{}, err
	}
	do(t, ctx, "open", noScript, chromedp.Navigate(writePage(t, bigModel())), chromedp.WaitVisible(chromedp.ID("m")))
	got := run(t, ctx, "rows", chromedp.Evaluate[string](`[Array.from(document.querySelectorAll('#m tbody tr')).filter(r => r.offsetParent !== null).length,
		document.querySelector('.controls').offsetParent === null, document.querySelector('.pager').offsetParent === null].join(' ')`))
	if got != "230 true true" {
		t.Errorf("without JavaScript: visible rows, controls hidden, pager hidden = %s, want 230 true true", got)
	}
}

// bigModel has more rows than a page; every tenth translation is missing.
func bigModel() *Model {
	m := &Model{UILang: "en", Project: "big", Languages: []string{"tr", "en"}}
	for i := 0; i < 2*PageRows+30; i++ {
		st, owed := track.Current, 0
		if i%10 == 0 {
			st, owed = track.Missing, i
		}
		m.Articles = append(m.Articles, &Article{ID: fmt.Sprintf("a%04d", i), Title: fmt.Sprintf("Başlık %04d", i), Source: "tr",
			Cells: map[string]*Cell{"tr": {State: track.Source}, "en": {State: st, Owed: owed}}})
	}
	return m
}

// TestBrowserPages: a long matrix shows one page of rows at a time, and
// filtering goes back to the first page.
func TestBrowserPages(t *testing.T) {
	ctx := browser(t)
	do(t, ctx, "open", chromedp.Navigate(writePage(t, bigModel())), chromedp.WaitVisible(chromedp.ID("m")))
	state := func() string {
		return run(t, ctx, "state", chromedp.Evaluate[string](`[document.querySelectorAll('#m tbody tr').length,
			document.querySelector('#m tbody tr .id').textContent, document.getElementById('count').textContent,
			document.getElementById('page').textContent, document.getElementById('prev').disabled, document.getElementById('next').disabled].join(' | ')`))
	}
	if got, want := state(), "100 | a0000 | 230 of 230 articles shown. | Rows 1–100 of 230. | true | false"; got != want {
		t.Errorf("first page:\n got %s\nwant %s", got, want)
	}
	do(t, ctx, "next", chromedp.Click(chromedp.ID("next")), chromedp.Click(chromedp.ID("next")))
	if got, want := state(), "30 | a0200 | 230 of 230 articles shown. | Rows 201–230 of 230. | false | true"; got != want {
		t.Errorf("last page:\n got %s\nwant %s", got, want)
	}
	choose(t, ctx, "f-state", "missing")
	if got, want := state(), "23 | a0000 | 23 of 230 articles shown. |  | true | true"; got != want {
		t.Errorf("missing:\n got %s\nwant %s", got, want)
	}
	choose(t, ctx, "sort", "owed")
	if got := run(t, ctx, "first", chromedp.Evaluate[string](`document.querySelector('#m tbody tr .id').textContent`)); got != "a0220" {
		t.Errorf("most owed first: %s", got)
	}
}
