package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/ceviri/ceviri/internal/track"
	"github.com/rivo/uniseg"
)

// ANSI colours for states, used only when Env.Color is true.
var stateColor = map[track.State]string{
	track.Source:    "\x1b[2m",  // dim
	track.Current:   "\x1b[32m", // green
	track.Stale:     "\x1b[33m", // yellow
	track.Draft:     "\x1b[36m", // cyan
	track.Untracked: "\x1b[35m", // magenta
	track.Missing:   "\x1b[31m", // red
	track.Orphan:    "\x1b[31m",
}

func (e *Env) paint(s track.State, text string) string {
	if !e.Color() {
		return text
	}
	return stateColor[s] + text + "\x1b[0m"
}

func (e *Env) bold(text string) string {
	if !e.Color() {
		return text
	}
	return "\x1b[1m" + text + "\x1b[0m"
}

// table prints rows as aligned columns. Cells may hold ANSI colour codes and
// letters of any width; widths are measured in terminal cells.
type table struct {
	rows [][]string
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

func (t *table) write(w io.Writer) {
	var widths []int
	for _, r := range t.rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			if n := width(c); n > widths[i] {
				widths[i] = n
			}
		}
	}
	for _, r := range t.rows {
		var b strings.Builder
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-width(c)+2))
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}

// width is the display width of s without ANSI escapes.
func width(s string) int {
	for {
		i := strings.Index(s, "\x1b[")
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], 'm')
		if j < 0 {
			break
		}
		s = s[:i] + s[i+j+1:]
	}
	return uniseg.StringWidth(s)
}

// writeJSON prints v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func plural(n int, one, other string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, other)
}
