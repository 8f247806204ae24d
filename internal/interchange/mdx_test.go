package interchange

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ceviri/ceviri/internal/segment"
)

// In MDX, JSX tags and {expressions} in text are placeholders; in
// Markdown, braces are text.
func TestSplitMDX(t *testing.T) {
	tests := []struct {
		in   string
		f    segment.Format
		want []string // pieces, markup in ⟦brackets⟧
	}{
		{"There are {count} components <Em>here</Em>.", segment.MDX,
			[]string{"There are ", "⟦{count}⟧", " components ", "⟦<Em>⟧", "here", "⟦</Em>⟧", "."}},
		{"Your first component {/*your-first-component*/}", segment.MDX,
			[]string{"Your first component ", "⟦{/*your-first-component*/}⟧"}},
		{"See <Link href=\"/learn\" title={t}>the docs</Link>.", segment.MDX,
			[]string{"See ", "⟦<Link href=\"/learn\" title={t}>⟧", "the docs", "⟦</Link>⟧", "."}},
		{"Call <code>{name}</code> and `{x}`.", segment.MDX,
			[]string{"Call ", "⟦<code>{name}</code>⟧", " and ", "⟦`{x}`⟧", "."}},
		{"a < b {unclosed", segment.MDX, []string{"a < b {unclosed"}},
		{"There are {count} components.", segment.CommonMark, []string{"There are {count} components."}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			ps := SplitAs(tt.in, nil, tt.f)
			var got []string
			for _, p := range ps {
				if p.Code {
					if n := len(got); n > 0 && strings.HasSuffix(got[n-1], "⟧") {
						got[n-1] = strings.TrimSuffix(got[n-1], "⟧") + p.Text + "⟧"
						continue
					}
					got = append(got, "⟦"+p.Text+"⟧")
				} else {
					got = append(got, p.Text)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("SplitAs = %q, want %q", got, tt.want)
			}
			if Join(ps) != tt.in {
				t.Errorf("Join(SplitAs) = %q", Join(ps))
			}
		})
	}
}

func TestInventoryMDX(t *testing.T) {
	order, n := InventoryAs("There are {count} <Em>components</Em> {count}.", nil, segment.MDX)
	var got []string
	for _, m := range order {
		got = append(got, fmt.Sprintf("%s=%d", m, n[m]))
	}
	want := `expression "{count}"=2 jsx "<Em>"=1 jsx "</Em>"=1`
	if strings.Join(got, " ") != want {
		t.Errorf("InventoryAs =\n%s\nwant\n%s", strings.Join(got, " "), want)
	}
	if d := MarkupDiffAs("There are {count} <Em>here</Em>.", "Burada {count} bileşen var.", nil, segment.MDX); len(d) != 2 {
		t.Errorf("a translation without the <Em> tags: %q", d)
	}
	if d := MarkupDiffAs("There are {count} <Em>here</Em>.", "Burada {count} <Em>bileşen</Em> var.", nil, segment.MDX); len(d) != 0 {
		t.Errorf("a translation with the tags: %q", d)
	}
}

// FuzzSplitMDX: the pieces of any MDX segment join back to it, and
// placeholders are numbered in order.
func FuzzSplitMDX(f *testing.F) {
	for _, s := range []string{"a {b} <C d=\"e\">f</C>", "{", "<", "{`${`", "<A\nb={c}>", "{/* x */}", "<>x</>", "a {b <c> d} e", "<a b='{'>{'<'}</a>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ps := SplitAs(s, nil, segment.MDX)
		if Join(ps) != s {
			t.Fatalf("Join(SplitAs(%q)) = %q", s, Join(ps))
		}
		id := 0
		for _, p := range ps {
			if p.Code {
				id++
				if p.ID != id {
					t.Fatalf("ids not sequential: %+v", ps)
				}
			}
		}
		InventoryAs(s, nil, segment.MDX)
	})
}
