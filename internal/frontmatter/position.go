package frontmatter

import (
	"sort"
	"unicode/utf8"
)

// indexLines records where the front matter's lines start, so that
// position finds the line of an offset in logarithmic time.
func (d *Doc) indexLines() {
	d.starts = append(d.starts[:0], d.fmStart)
	for i := d.fmStart; i < d.fmEnd; i++ {
		if d.Raw[i] == '\n' {
			d.starts = append(d.starts, i+1)
		}
	}
}

// position returns the line and column (1-based, the column in characters
// as yaml.v3 counts them) of offset off in Raw, which lies in the front
// matter (indexLines).
func (d *Doc) position(off int) (line, col int) {
	off = max(min(off, len(d.Raw)), d.fmStart)
	i := sort.SearchInts(d.starts, off+1) - 1
	i = max(i, 0)
	return d.fmLine + i, utf8.RuneCount(d.Raw[d.starts[i]:off]) + 1
}
