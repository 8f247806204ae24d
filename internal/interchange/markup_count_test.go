package interchange

import (
	"fmt"
	"strings"
	"testing"
)

// Issue 11, item 5: placeholders are checked by count and identity per
// kind, and the markup of the rebuilt translation must be the source's.
func TestCheckPlaceholderCount(t *testing.T) {
	p, arts := open(t, map[string]string{"articles/a/tr.md": "[Bir](https://a.example/1) ve [iki](https://a.example/2), **kalın** `kod`.\n"})
	u := Collect(arts[0], "en", false).Units[0]
	// Source pieces: 1 "[", 2 "](https://a.example/1)", 3 "[", 4 "](https://a.example/2)", 5 "**", 6 "**", 7 "`kod`".
	xl := func(ps ...TargetPiece) []Submitted {
		return []Submitted{{File: "x.xlf", Line: 3, Col: 5, ID: u.ID, Lang: "en", Source: u.Source, Markup: true, Target: ps}}
	}
	po := func(s string) []Submitted {
		return []Submitted{{File: "x.po", Line: 7, Col: 1, ID: u.ID, Lang: "en", Source: u.Source, Target: []TargetPiece{{Text: s}}}}
	}
	ph := func(id string) TargetPiece { return TargetPiece{Ph: true, ID: id, Line: 4, Col: 9} }
	txt := func(s string) TargetPiece { return TargetPiece{Text: s} }
	tests := []struct {
		name string
		subs []Submitted
		want string // error substring, or the rebuilt body
	}{
		{"all kept", xl(ph("1"), txt("One"), ph("2"), txt(" and "), ph("3"), txt("two"), ph("4"), txt(", "), ph("5"), txt("bold"), ph("6"), txt(" "), ph("7"), txt(".")),
			"[One](https://a.example/1) and [two](https://a.example/2), **bold** `kod`.\n"},
		{"one [ of two dropped", xl(ph("1"), txt("One"), ph("2"), txt(" and two"), ph("4"), txt(", "), ph("5"), txt("bold"), ph("6"), txt(" "), ph("7"), txt(".")),
			`x.xlf:3:5: unit "` + u.ID + `": the target lacks placeholder(s) 3 ([) of the source`},
		{"one [ of two typed", xl(ph("1"), txt("One"), ph("2"), txt(" and [two"), ph("4"), txt(", "), ph("5"), txt("bold"), ph("6"), txt(" "), ph("7"), txt(".")),
			"[One](https://a.example/1) and [two](https://a.example/2), **bold** `kod`.\n"},
		{"both [ dropped, one typed", xl(txt("One"), ph("2"), txt(" and [two"), ph("4"), txt(", "), ph("5"), txt("bold"), ph("6"), txt(" "), ph("7"), txt(".")),
			`the target lacks placeholder(s) 1 ([), 3 ([) of the source ("[" is 2 times in the source, once in the target)`},
		{"order breaks a link", xl(ph("2"), txt("One"), ph("1"), txt(" and "), ph("3"), txt("two"), ph("4"), txt(", "), ph("5"), txt("bold"), ph("6"), txt(" "), ph("7"), txt(".")),
			`x.xlf:3:5: unit "` + u.ID + `": the translation does not keep the source's markup: link 2 times in the source, once in the translation`},
		{"po: one [ dropped", po("[One](https://a.example/1) and two](https://a.example/2), **bold** `kod`."),
			`x.po:7:1: unit "` + u.ID + `": the translation does not keep the source's markup: link 2 times in the source, once in the translation; keep the source's links, emphasis and code`},
		{"po: code changed", po("[One](https://a.example/1) and [two](https://a.example/2), **bold** `code`."),
			`code "kod" once in the source, 0 times in the translation; code "code" once in the translation, not in the source`},
		{"po: emphasis lost", po("[One](https://a.example/1) and [two](https://a.example/2), bold `kod`."),
			"strong once in the source, 0 times in the translation"},
		{"po: links localised and moved", po("**Bold** [one](https://a.example/en/1) and [two](https://a.example/en/2) `kod`."),
			"**Bold** [one](https://a.example/en/1) and [two](https://a.example/en/2) `kod`.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := importUnits(t, p, arts, tt.subs)
			if err != nil {
				if !strings.Contains(err.Error(), tt.want) {
					t.Errorf("err = %v\nwant %q", err, tt.want)
				}
				return
			}
			if !strings.HasSuffix(got, "---\n"+tt.want) {
				t.Errorf("got\n%s\nwant body %q", got, tt.want)
			}
		})
	}
}

func TestInventory(t *testing.T) {
	refs := References([]byte("[r]: https://x.org\n"))
	order, n := Inventory("[a](x) *b* **c** ~~d~~ `e` <https://f.org> <br> [g][r] ![h](i.png) [^1] {{< fig >}} `e`", refs)
	var got []string
	for _, m := range order {
		got = append(got, fmt.Sprintf("%s=%d", m, n[m]))
	}
	want := "link=2 emphasis=1 strong=1 strikethrough=1 code \"e\"=2 autolink \"https://f.org\"=1 html \"<br>\"=1 image=1 footnote \"[^1]\"=1 shortcode \"{{< fig >}}\"=1"
	if strings.Join(got, " ") != want {
		t.Errorf("Inventory =\n%s\nwant\n%s", strings.Join(got, " "), want)
	}
}

// A hostile file can hold a quarter of a million bad units: Check lists the
// first maxProblems of them and counts the rest.
func TestCheckBoundsProblems(t *testing.T) {
	_, arts := open(t, map[string]string{"articles/a/tr.md": "Bir.\n"})
	var subs []Submitted
	for i := 0; i < 5000; i++ {
		subs = append(subs, Submitted{File: "x.xlf", Line: i + 1, Col: 1, ID: fmt.Sprintf("a#b%d-%08x", i, i), Lang: "en"})
	}
	_, err := Check(arts, []string{"tr", "en"}, subs)
	if err == nil {
		t.Fatal("no error")
	}
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != maxProblems+1 || lines[maxProblems] != "and 4900 more problems in the units (only the first 100 are listed)" || !strings.HasPrefix(lines[0], "x.xlf:1:1: ") {
		t.Errorf("%d lines, first %q, last %q", len(lines), lines[0], lines[len(lines)-1])
	}
}

// A translation is bounded by its source before it is parsed: goldmark
// takes minutes on 400 KB of "[a](" (issue 11, item 5).
func TestCheckBoundsTarget(t *testing.T) {
	p, arts := open(t, map[string]string{"articles/a/tr.md": "Bir [bağlantı](https://a.example).\n"})
	u := Collect(arts[0], "en", false).Units[0]
	mk := func(s string) []Submitted {
		return []Submitted{{File: "x.po", Line: 7, Col: 1, ID: u.ID, Lang: "en", Source: u.Source, Target: []TargetPiece{{Text: s}}}}
	}
	long := strings.Repeat("a", targetFactor*len(u.Source)+targetSlack)
	tests := []struct{ name, target, want string }{
		{"quadratic links", strings.Repeat("[a](", 100000), `x.po:7:1: unit "` + u.ID + `": the translation is 400000 bytes, more than ceviri takes for a segment of 36 bytes (1168: four times its source, plus 1 KiB)`},
		{"brackets", "One [link](https://a.example)" + strings.Repeat("[", 10), `the translation has 11 "[", more than ceviri takes for a segment with 1 (10)`},
		{"at the limit", long[:len(long)-len("[x](https://a.example)")] + "[x](https://a.example)", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := importUnits(t, p, arts, mk(tt.target))
			if tt.want == "" {
				if err != nil {
					t.Errorf("err = %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v\nwant %q", err, tt.want)
			}
		})
	}
}
