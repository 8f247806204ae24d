package segment

import (
	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// tableGuard runs before goldmark's table transformer and finds the table
// it would make of a paragraph, as it would (tableAt), to count its cells
// before they are made, and the inline work of the paragraph, or of the
// text before the table and of each row.
type tableGuard struct{}

// Transform implements parser.ParagraphTransformer.
func (tableGuard) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	l := limiterOf(pc, reader)
	lines := node.Lines()
	if l.err != nil {
		lines.Clear()
		return
	}
	all := lines.Sliced(0, lines.Len())
	head, cols := tableAt(lines, l.src)
	if cols == 0 {
		if !l.inline(all, blockParagraph) {
			lines.Clear()
		}
		return
	}
	rows := lines.Len() - head // the header row and the rows after the delimiter row
	cells := int64(cols) * int64(rows)
	if int64(l.cells)+cells > MaxTableCells {
		l.fail(all[head-1].Start, clitext.Msg("segment_table_cells", "Cols", cols, "Rows", rows, "Cells", cells, "Max", MaxTableCells))
		lines.Clear()
		return
	}
	l.cells += int(cells)
	ok := l.inline(all[:head-1], blockParagraph) && l.inline(all[head-1:head], blockTableRow)
	for i := head + 1; ok && i < len(all); i++ {
		ok = l.inline(all[i:i+1], blockTableRow)
	}
	if !ok {
		lines.Clear()
	}
}

// tableAt returns the index of the delimiter row of the table goldmark's
// table transformer makes of a paragraph's lines, and its number of
// columns; 0, 0 when it makes none. It follows the transformer of goldmark
// v1.8 (extension/table.go): the first delimiter row after the first line,
// under a header row of as many cells.
func tableAt(lines *text.Segments, src []byte) (head, cols int) {
	for i := 1; i < lines.Len(); i++ {
		seg := lines.At(i)
		n := delimiterColumns(seg.Value(src))
		if n == 0 {
			continue
		}
		if headerCells(lines.At(i-1), src) != n {
			return 0, 0
		}
		return i, n
	}
	return 0, 0
}

// delimiterColumns returns the columns of a table's delimiter row
// ("|:--|--:|"), or 0 when line is not one.
func delimiterColumns(line []byte) int {
	if w, _ := util.IndentWidth(line, 0); w > 3 {
		return 0
	}
	allDashes := true
	for _, b := range line {
		if b != '-' {
			allDashes = false
		}
		if !util.IsSpace(b) && b != '-' && b != '|' && b != ':' {
			return 0
		}
	}
	if allDashes {
		return 0
	}
	// The columns between pipes, without a blank first and last one.
	var cols [][]byte
	for start := 0; ; {
		end := start
		for end < len(line) && line[end] != '|' {
			end++
		}
		cols = append(cols, line[start:end])
		if end == len(line) {
			break
		}
		start = end + 1
	}
	if util.IsBlank(cols[0]) {
		cols = cols[1:]
	}
	if len(cols) > 0 && util.IsBlank(cols[len(cols)-1]) {
		cols = cols[:len(cols)-1]
	}
	for _, c := range cols {
		if !delimiterColumn(c) {
			return 0
		}
	}
	return len(cols)
}

// delimiterColumn reports whether c matches `^\s*:?-+:?\s*$` (with RE2's
// \s, which is not util.IsSpace: it lacks \v), as one of goldmark's four
// alignment expressions does.
func delimiterColumn(c []byte) bool {
	re2Space := func(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r' }
	i := 0
	for i < len(c) && re2Space(c[i]) {
		i++
	}
	if i < len(c) && c[i] == ':' {
		i++
	}
	dashes := i
	for i < len(c) && c[i] == '-' {
		i++
	}
	if i == dashes {
		return false
	}
	if i < len(c) && c[i] == ':' {
		i++
	}
	for i < len(c) && re2Space(c[i]) {
		i++
	}
	return i == len(c)
}

// headerCells counts the cells of a header row as goldmark's parseRow
// does: split at pipes not escaped with a backslash, without a leading and
// a trailing pipe.
func headerCells(seg text.Segment, src []byte) int {
	seg = seg.TrimLeftSpace(src)
	seg = seg.TrimRightSpace(src)
	line := seg.Value(src)
	pos, limit := 0, len(line)
	if len(line) > 0 && line[0] == '|' {
		pos++
	}
	if len(line) > 0 && line[limit-1] == '|' {
		limit--
	}
	n := 0
	for pos < limit {
		end := pos
		for end < limit && (line[end] != '|' || end > 0 && line[end-1] == '\\') {
			end++
		}
		n++
		pos = end + 1
	}
	return n
}
