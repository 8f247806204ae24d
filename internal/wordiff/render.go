package wordiff

import "strings"

// Style says how Render marks deleted and inserted text.
type Style struct {
	DelStart, DelEnd, InsStart, InsEnd string
}

// Plain marks changes like `git diff --word-diff=plain`: [-old-]{+new+}.
var Plain = Style{DelStart: "[-", DelEnd: "-]", InsStart: "{+", InsEnd: "+}"}

// Color marks changes with ANSI colours like `git diff --word-diff=color`:
// deleted text red, inserted text green, no brackets.
var Color = Style{DelStart: "\x1b[31m", DelEnd: "\x1b[0m", InsStart: "\x1b[32m", InsEnd: "\x1b[0m"}

// Render writes spans as one text with the changes marked in style st.
func Render(spans []Span, st Style) string {
	var b strings.Builder
	for _, s := range spans {
		switch s.Op {
		case Equal:
			b.WriteString(s.Text)
		case Delete:
			b.WriteString(st.DelStart + s.Text + st.DelEnd)
		case Insert:
			b.WriteString(st.InsStart + s.Text + st.InsEnd)
		}
	}
	return b.String()
}
