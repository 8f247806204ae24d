package cli

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/track"
)

// art builds a track.Article from "lang=state:words" pairs.
func art(id, source string, versions ...string) *track.ArticleStatus {
	a := &track.ArticleStatus{ID: id, Source: source, Versions: map[string]*track.VersionStatus{}}
	for _, v := range versions {
		lang, rest, _ := strings.Cut(v, "=")
		state, words, _ := strings.Cut(rest, ":")
		tv := &track.VersionStatus{State: track.State(state), Path: "articles/" + id + "/" + lang + ".md"}
		if words != "" {
			var n int
			fmt.Sscan(words, &n)
			tv.PendingWords = &n
		}
		a.Versions[lang] = tv
	}
	return a
}

func describeSince(d *sinceDiff) string {
	var lines []string
	for _, a := range d.Articles {
		var cells []string
		for _, l := range d.Languages {
			c, ok := a.Versions[l]
			if !ok {
				cells = append(cells, l+"="+string(a.Same[l]))
				continue
			}
			st := func(s *track.State) string {
				if s == nil {
					return "nil"
				}
				return string(*s)
			}
			cells = append(cells, fmt.Sprintf("%s=%s>%s:%d>%d:%+d", l, st(c.Before), st(c.After), c.WordsBefore, c.WordsAfter, c.Words))
		}
		lines = append(lines, a.ID+" "+a.SourceBefore+">"+a.Source+" "+strings.Join(cells, " "))
	}
	for _, l := range d.Languages {
		s := d.Summary[l]
		lines = append(lines, fmt.Sprintf("%s: %+v %d>%d:%+d", l, s.Became, s.WordsBefore, s.WordsAfter, s.Words))
	}
	return strings.Join(lines, "\n")
}

func TestCompareStatus(t *testing.T) {
	tests := []struct {
		name          string
		before, after []*track.ArticleStatus
		want          string
	}{
		{
			name:   "nothing changed",
			before: []*track.ArticleStatus{art("a", "tr", "tr=source", "en=stale:5")},
			after:  []*track.ArticleStatus{art("a", "tr", "tr=source", "en=stale:5")},
			want:   "tr: {New:0 Source:0 Current:0 Stale:0 Draft:0 Untracked:0 Missing:0 Orphan:0 Removed:0} 0>0:+0\nen: {New:0 Source:0 Current:0 Stale:0 Draft:0 Untracked:0 Missing:0 Orphan:0 Removed:0} 5>5:+0",
		},
		{
			name: "edit, new article, removed source, made current, more words",
			before: []*track.ArticleStatus{
				art("edited", "tr", "tr=source", "en=current"),
				art("gone", "tr", "tr=source", "en=current"),
				art("done", "tr", "tr=source", "en=stale:7"),
				art("grown", "tr", "tr=source", "en=stale:3"),
			},
			after: []*track.ArticleStatus{
				art("done", "tr", "tr=source", "en=current"),
				art("edited", "tr", "tr=source", "en=stale:16"),
				art("gone", "", "en=orphan"),
				art("grown", "tr", "tr=source", "en=stale:9"),
				art("new", "tr", "tr=source", "en=missing:40"),
			},
			want: "done tr>tr tr=source en=stale>current:7>0:-7\n" +
				"edited tr>tr tr=source en=current>stale:0>16:+16\n" +
				"gone tr> tr=source>nil:0>0:+0 en=current>orphan:0>0:+0\n" +
				"grown tr>tr tr=source en=stale>stale:3>9:+6\n" +
				"new >tr tr=nil>source:0>0:+0 en=nil>missing:0>40:+40\n" +
				"tr: {New:1 Source:0 Current:0 Stale:0 Draft:0 Untracked:0 Missing:0 Orphan:0 Removed:1} 0>0:+0\n" +
				"en: {New:0 Source:0 Current:1 Stale:1 Draft:0 Untracked:0 Missing:1 Orphan:1 Removed:0} 10>65:+55",
		},
		{
			name:   "a language added to the project, one dropped",
			before: []*track.ArticleStatus{art("a", "tr", "tr=source", "de=current")},
			after:  []*track.ArticleStatus{art("a", "tr", "tr=source", "en=missing:4")},
			want: "a tr>tr tr=source en=nil>missing:0>4:+4 de=current>nil:0>0:+0\n" +
				"tr: {New:0 Source:0 Current:0 Stale:0 Draft:0 Untracked:0 Missing:0 Orphan:0 Removed:0} 0>0:+0\n" +
				"en: {New:0 Source:0 Current:0 Stale:0 Draft:0 Untracked:0 Missing:1 Orphan:0 Removed:0} 0>4:+4\n" +
				"de: {New:0 Source:0 Current:0 Stale:0 Draft:0 Untracked:0 Missing:0 Orphan:0 Removed:1} 0>0:+0",
		},
		{
			name:   "the source moved to another language",
			before: []*track.ArticleStatus{art("a", "tr", "tr=source", "en=untracked:4")},
			after:  []*track.ArticleStatus{art("a", "en", "tr=current", "en=source")},
			want: "a tr>en tr=source>current:0>0:+0 en=untracked>source:4>0:-4\n" +
				"tr: {New:0 Source:0 Current:1 Stale:0 Draft:0 Untracked:0 Missing:0 Orphan:0 Removed:0} 0>0:+0\n" +
				"en: {New:0 Source:1 Current:0 Stale:0 Draft:0 Untracked:0 Missing:0 Orphan:0 Removed:0} 4>0:-4",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			langs := unionLanguages([]string{"tr", "en", "de"}, []string{"tr", "en"})
			if tt.name != "a language added to the project, one dropped" {
				langs = []string{"tr", "en"}
			}
			got := describeSince(compareStatus(langs, tt.before, tt.after))
			if got != tt.want {
				t.Errorf("compareStatus =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestUnionLanguages(t *testing.T) {
	got := strings.Join(unionLanguages([]string{"tr", "de", "en"}, []string{"en", "tr", "fr"}), ",")
	if got != "en,tr,fr,de" {
		t.Errorf("unionLanguages = %s", got)
	}
}

func TestCodeSpan(t *testing.T) {
	tests := []struct{ in, want string }{
		{"kampus-haberi", "`kampus-haberi`"},
		{"a|b", "`a\\|b`"},
		{"a`b", "``a`b``"},
		{"`x``", "``` `x`` ```"},
		{"@octocat <script>", "`@octocat <script>`"},
		{"a\u202eb", "`a\\u202eb`"},
	}
	for _, tt := range tests {
		if got := codeSpan(tt.in); got != tt.want {
			t.Errorf("codeSpan(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSinceMarkdownFolds(t *testing.T) {
	var before, after []*track.ArticleStatus
	for i := range sinceCollapse + 1 {
		id := fmt.Sprintf("a%02d", i)
		before = append(before, art(id, "tr", "tr=source", "en=current"))
		after = append(after, art(id, "tr", "tr=source", "en=stale:2"))
	}
	r := &sinceReport{diff: compareStatus([]string{"tr", "en"}, before[:sinceCollapse], after[:sinceCollapse]), since: "main", commit: "0123456789"}
	if md := r.markdown(clitext.English()); strings.Contains(md, "<details>") || !strings.Contains(md, "| `a09` | source | current → stale (+2 words) |") {
		t.Errorf("%d articles: folded or row missing:\n%s", sinceCollapse, md)
	}
	r.diff = compareStatus([]string{"tr", "en"}, before, after)
	md := r.markdown(clitext.English())
	if !strings.Contains(md, "<details>\n<summary>11 articles changed</summary>\n\n| Article | TR | EN |") || !strings.HasSuffix(md, "|\n\n</details>\n") {
		t.Errorf("%d articles: not folded:\n%s", sinceCollapse+1, md)
	}
	if !strings.Contains(md, "- **en**: 11 became stale; 0 → 22 words to translate (+22)\n") {
		t.Errorf("summary line:\n%s", md)
	}
}

// TestPreCommitHookIsTheExample: the hook precommit --hook prints is the
// one docs/ci.md shows as docs/examples/pre-commit.
func TestPreCommitHookIsTheExample(t *testing.T) {
	doc, err := os.ReadFile("../../docs/examples/pre-commit")
	if err != nil {
		t.Fatal(err)
	}
	if string(doc) != preCommitHook {
		t.Error("docs/examples/pre-commit differs from internal/cli/since_hook.sh; copy one to the other")
	}
	if !strings.HasPrefix(preCommitHook, "#!/bin/sh\n") || !strings.Contains(preCommitHook, "exec ceviri --root \"${CEVIRI_ROOT:-.}\" precommit\n") {
		t.Errorf("the hook does not run ceviri precommit under /bin/sh:\n%s", preCommitHook)
	}
}

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"articles/kampüs/tr.md": "articles/kampüs/tr.md",
		"articles/a b/tr.md":    "'articles/a b/tr.md'",
		"articles/it's/tr.md":   `'articles/it'\''s/tr.md'`,
		"articles/$(x)/tr.md":   "'articles/$(x)/tr.md'",
		"":                      "''",
	} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %s, want %s", in, got, want)
		}
	}
}
