package segment

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// Hostile bodies of issue 11, small versions of each (a few KB, so that
// the tests and fuzz seeds run fast) and of their near misses.
var (
	r = strings.Repeat

	nestedLists   = func(n int) string { return r("- ", n) + "x\n" }
	nestedQuotes  = func(n int) string { return r("> ", n) + "x\n" }
	nestedNotes   = func(n int) string { return r("[^a]: ", n) + "x\n" }
	nestedMixed   = func(n int) string { return r("> 1. ", n) + "x\n" }
	nestedEmph    = func(n int) string { return r("*a ", n) + "b" + r(" a*", n) + "\n" }
	nestedImages  = func(n int) string { return r("![", n) + "a" + r("](u)", n) + "\n" }
	nestedStrike  = func(n int) string { return r("~a ", n) + "b" + r(" a~", n) + "\n" }
	indentedLists = func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(r("  ", i) + "- x\n")
		}
		return b.String()
	}
	// table is a table of cols columns, a header row and rows rows of one
	// character, which goldmark fills up to cols cells each.
	table = func(cols, rows int) string { return r("|h", cols) + "|\n" + r("|-", cols) + "|\n" + r("x\n", rows) }
)

func TestLimits(t *testing.T) {
	depthMsg := fmt.Sprintf("block quotes, lists and footnotes nested more than %d deep", MaxDepth)
	inlineMsg := fmt.Sprintf("emphasis, links and images nested more than %d deep", MaxDepth)
	tests := []struct {
		name      string
		body      string
		line, col int    // 0: within the limits
		msg       string // in the error
	}{
		{"lists at the limit", nestedLists(MaxDepth), 0, 0, ""},
		{"lists", nestedLists(MaxDepth + 1), 1, 2*MaxDepth + 1, depthMsg},
		{"lists, probe size", nestedLists(100_000), 1, 2*MaxDepth + 1, depthMsg},
		{"items of a list at the limit", nestedLists(MaxDepth) + r("  ", MaxDepth-1) + "- y\n", 0, 0, ""},
		{"quotes at the limit", nestedQuotes(MaxDepth), 0, 0, ""},
		{"quotes", nestedQuotes(MaxDepth + 1), 1, 2*MaxDepth + 1, depthMsg},
		{"footnotes at the limit", "Text[^a].\n\n" + nestedNotes(MaxDepth), 0, 0, ""},
		{"footnotes", "Text[^a].\n\n" + nestedNotes(MaxDepth+1), 3, 6*MaxDepth + 1, depthMsg},
		{"quotes and lists", nestedMixed(MaxDepth), 1, 5*(MaxDepth/2) + 1, depthMsg},
		{"lists by indentation at the limit", indentedLists(MaxDepth), 0, 0, ""},
		{"lists by indentation", "Text.\n\n" + indentedLists(MaxDepth+1), MaxDepth + 3, 2*MaxDepth + 1, depthMsg},
		{"emphasis at the limit", nestedEmph(MaxDepth), 0, 0, ""},
		{"emphasis", "Text.\n\n" + nestedEmph(MaxDepth+1), 3, 3*MaxDepth + 2, inlineMsg},
		{"images", nestedImages(MaxDepth + 1), 1, 2*MaxDepth + 3, inlineMsg},
		{"strikethrough", nestedStrike(MaxDepth + 1), 1, 3*MaxDepth + 2, inlineMsg},
		{"table at the limit", table(1000, MaxTableCells/1000-1), 0, 0, ""},
		{"table", "Text.\n\n" + table(1000, MaxTableCells/1000), 3, 1, "table of 1000 columns and 101 rows (101000 cells)"},
		{"tables", r(table(500, 99)+"\n", 2) + table(10, 1), 205, 1, "takes the body past 100000 table cells"},
		{"table in a list", "- " + table(1000, MaxTableCells/1000), 1, 3, "(101000 cells)"},
		{"not a table: header and delimiter differ", r("|h", 999) + "|\n" + r("|-", 1000) + "|\n" + r("x\n", 200), 0, 0, ""},
		{"unclosed links", "# T\n\n" + r("![a](b", 26_000) + "\n", 3, 1, "paragraph too complex to read in bounded time"},
		{"unclosed links in a heading", "Text.\n\n## " + r("[a](b", 26_000) + "\n", 3, 4, "heading too complex"},
		{"emphasis that never matches", r("*a_ ", 35_000) + "\n", 1, 1, "too complex"},
		{"many paragraphs", r(r("*a_ ", 1000)+"\n\n", 200), 135, 1, "past the limit of the whole body"},
		{"table rows", "|a|\n|-|\n" + r("|"+r("*a_ ", 1000)+"|\n", 200), 70, 1, "table row too complex"},
		{"link reference definitions", r("[a]: /u\n", 12_000), 1, 1, "12000 link reference definitions in 12000 lines"},
		{"links in table rows are not one paragraph", "|a|b|\n|-|-|\n" + r("|[x](u)|[y](v)|\n", 5000), 0, 0, ""},
		{"reference links", "[a]: /" + r("x", 100_000) + "\n\n" + r("[a] ", 170) + "\n\n" + r("[a] ", 10), 3, 670, "links and images point to more than 16 MiB"},
		{"reference links within the limit", "[a]: /" + r("x", 100_000) + "\n\n" + r("[a] ", 160) + "\n", 0, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, lean := range []bool{false, true} {
				segs, err := Read([]byte(tt.body), 1, lean)
				if tt.line == 0 {
					if err != nil {
						t.Fatalf("lean %v: %v", lean, err)
					}
					if len(segs) == 0 {
						t.Fatalf("lean %v: no segments", lean)
					}
					continue
				}
				le, ok := AsLimit(err)
				if !ok || !errors.Is(err, ErrLimit) || !errors.Is(le.Cause(), ErrLimit) || le.Cause().Error() != le.Msg {
					t.Fatalf("lean %v: error %v, want a limit error", lean, err)
				}
				if le.Line != tt.line || le.Col != tt.col || !strings.Contains(le.Msg, tt.msg) {
					t.Errorf("lean %v: %v, want %d:%d: ...%s...", lean, le, tt.line, tt.col, tt.msg)
				}
				if segs != nil {
					t.Errorf("lean %v: %d segments of a body over a limit", lean, len(segs))
				}
			}
		})
	}
}

// TestFastPathLeavesLimitsToGoldmark: a body the one-pass path could read
// but whose inline work is past the limit goes to goldmark, which reports
// it, so that every reader gives the same verdict.
func TestFastPathLeavesLimitsToGoldmark(t *testing.T) {
	within := r("[a](/u_v) ", 2000) + "\n"
	past := r("[a](/u_v) ", 8000) + "\n"
	if !FastPathAccepts([]byte(within)) {
		t.Fatal("the fast path refuses a paragraph of links")
	}
	if _, err := Read([]byte(within), 1, false); err != nil {
		t.Fatal(err)
	}
	if FastPathAccepts([]byte(past)) {
		t.Error("the fast path accepts a body past MaxInlineWork")
	}
	if _, err := Read([]byte(past), 1, true); err == nil || !strings.Contains(err.Error(), "1:1: paragraph too complex") {
		t.Errorf("error %v", err)
	}
}

// hostileSeeds are small versions of the hostile bodies, for the seed
// corpora of the fuzz targets of every Markdown reader.
func hostileSeeds() []string {
	return []string{
		nestedLists(MaxDepth + 1), nestedQuotes(MaxDepth + 1), "x[^a]\n\n" + nestedNotes(MaxDepth+1),
		nestedMixed(MaxDepth), indentedLists(MaxDepth + 1), nestedEmph(MaxDepth + 1),
		nestedImages(MaxDepth + 1), nestedStrike(MaxDepth + 1), table(100, 30),
		r("## a\n\n", 200), r("*a_ ", 500), r("[a](b", 500), r("[a]: /u\n", 200),
		"[a]: /" + r("x", 1000) + "\n\n" + r("[a] ", 200), r("|", 500) + "\n" + r("|-", 300) + "\n" + r("x\n", 50),
	}
}

// TestLinkRefLine: a link reference definition's segment is at the line of
// its definition, found in the tree; it was found by searching the body for
// "[label]:" once per definition (quadratic in 12,000 definitions), which
// also found the text of a code block first.
func TestLinkRefLine(t *testing.T) {
	body := "```\n[A]: /x\n```\n\n[A]: /y\n[b]: /z\n\n[a] [b]\n"
	segs, err := Read([]byte(body), 10, false)
	if err != nil {
		t.Fatal(err)
	}
	lines := map[string]int{}
	for _, s := range segs {
		if s.Kind == LinkRef {
			lines[s.Key] = s.Line
		}
	}
	if lines["a"] != 14 || lines["b"] != 15 {
		t.Errorf("link reference lines %v, want a at 14, b at 15", lines)
	}
}
