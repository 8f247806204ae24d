package cli

import (
	"encoding/binary"
	"errors"
	"sort"

	"github.com/ceviri/ceviri/internal/report"
	"github.com/ceviri/ceviri/internal/track"
	"github.com/ceviri/ceviri/internal/wordiff"
)

// The report cache's rows are encoded by hand, not with encoding/gob,
// which is not hardened against hostile input: a cache file is checked
// (cache.ReadBlob) but anyone can write one with a valid checksum. Every
// count is bounded by the bytes left (an element takes at least one), so
// decoding allocates in proportion to the input and fails cleanly on
// anything truncated or malformed (FuzzDecodeReportRows).
//
// rows: uvarint n, then n rows. row: ID, Stamp, Title (strings), a byte 0
// (no cells) or 1 and uvarint n cells. cell: language, State, Path, Note,
// Command (strings), Owed, Changed, Total (varints), Placeholder (byte),
// uvarint n diff entries. entry: Op, Kind, Segment, Old, New, Translation
// (strings), OldLine, NewLine, TranslationLine, InsertAfterLine, Words
// (varints), uvarint n spans. span: Op, Text (strings). string: uvarint
// length, bytes.

var errReportCache = errors.New("report cache: malformed")

func encodeReportRows(rows []*reportRow) []byte {
	b := binary.AppendUvarint(nil, uint64(len(rows)))
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	num := func(n int) { b = binary.AppendVarint(b, int64(n)) }
	for _, r := range rows {
		str(r.ID)
		str(r.Stamp)
		str(r.Title)
		if r.Cells == nil {
			b = append(b, 0)
			continue
		}
		b = append(b, 1)
		langs := make([]string, 0, len(r.Cells))
		for l := range r.Cells {
			langs = append(langs, l)
		}
		sort.Strings(langs)
		b = binary.AppendUvarint(b, uint64(len(langs)))
		for _, l := range langs {
			c := r.Cells[l]
			str(l)
			str(string(c.State))
			str(c.Path)
			str(c.Note)
			str(c.Command)
			num(c.Owed)
			num(c.Changed)
			num(c.Total)
			if c.Placeholder {
				b = append(b, 1)
			} else {
				b = append(b, 0)
			}
			b = binary.AppendUvarint(b, uint64(len(c.Diff)))
			for _, d := range c.Diff {
				str(d.Op)
				str(d.Kind)
				str(d.Segment)
				str(d.Old)
				str(d.New)
				str(d.Translation)
				num(d.OldLine)
				num(d.NewLine)
				num(d.TranslationLine)
				num(d.InsertAfterLine)
				num(d.Words)
				b = binary.AppendUvarint(b, uint64(len(d.Diff)))
				for _, s := range d.Diff {
					str(string(s.Op))
					str(s.Text)
				}
			}
		}
	}
	return b
}

// rowReader reads what encodeReportRows wrote; the first error sticks.
type rowReader struct {
	b   []byte
	err error
}

func (r *rowReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errReportCache
		return 0
	}
	r.b = r.b[n:]
	return v
}

// count reads a number of elements, each at least one byte long.
func (r *rowReader) count() int {
	v := r.uvarint()
	if v > uint64(len(r.b)) {
		r.err = errReportCache
		return 0
	}
	return int(v)
}

func (r *rowReader) num() int {
	if r.err != nil {
		return 0
	}
	v, n := binary.Varint(r.b)
	if n <= 0 || v != int64(int(v)) {
		r.err = errReportCache
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

func (r *rowReader) str() string {
	n := r.uvarint()
	if r.err != nil {
		return ""
	}
	if n > uint64(len(r.b)) {
		r.err = errReportCache
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *rowReader) flag() bool {
	if r.err != nil {
		return false
	}
	if len(r.b) == 0 || r.b[0] > 1 {
		r.err = errReportCache
		return false
	}
	v := r.b[0] == 1
	r.b = r.b[1:]
	return v
}

// decodeReportRows reads rows that encodeReportRows wrote.
func decodeReportRows(data []byte) ([]*reportRow, error) {
	r := &rowReader{b: data}
	rows := make([]*reportRow, r.count())
	for i := range rows {
		row := &reportRow{ID: r.str(), Stamp: r.str(), Title: r.str()}
		rows[i] = row
		if !r.flag() {
			continue
		}
		n := r.count()
		row.Cells = make(map[string]*report.Cell, n)
		for range n {
			l := r.str()
			c := &report.Cell{State: track.State(r.str()), Path: r.str(), Note: r.str(), Command: r.str(),
				Owed: r.num(), Changed: r.num(), Total: r.num(), Placeholder: r.flag()}
			if nd := r.count(); nd > 0 {
				c.Diff = make([]*track.DiffEntry, nd)
				for k := range c.Diff {
					d := &track.DiffEntry{Op: r.str(), Kind: r.str(), Segment: r.str(), Old: r.str(), New: r.str(), Translation: r.str(),
						OldLine: r.num(), NewLine: r.num(), TranslationLine: r.num(), InsertAfterLine: r.num(), Words: r.num()}
					if ns := r.count(); ns > 0 {
						d.Diff = make([]wordiff.Span, ns)
						for s := range d.Diff {
							d.Diff[s] = wordiff.Span{Op: wordiff.Op(r.str()), Text: r.str()}
						}
					}
					c.Diff[k] = d
				}
			}
			row.Cells[l] = c
		}
		if r.err != nil {
			return nil, r.err
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	if len(r.b) != 0 {
		return nil, errReportCache
	}
	return rows, nil
}
