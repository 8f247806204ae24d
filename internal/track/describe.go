package track

import (
	"bytes"
	"strconv"

	"github.com/ceviri/ceviri/internal/align"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/segment"
	"github.com/ceviri/ceviri/internal/wordiff"
)

// DiffEntry is one changed segment of a source, described for the
// translator: what changed, where, with the changed words, and which
// segment of the translation to edit. It is an element of `changes` in
// `ceviri diff --json` (docs/reference.md); the report shows the same.
type DiffEntry struct {
	Op      string `json:"op"`      // added, removed, changed or moved
	Kind    string `json:"kind"`    // segment kind: field, heading, paragraph, list_item ...
	Segment string `json:"segment"` // field key ("title") or body position ("body.3"), see docs/translators.md
	Old     string `json:"old"`     // text in the recorded source ("" when added)
	New     string `json:"new"`     // text in the current source ("" when removed)
	// Translation is the corresponding segment of the translation, the one
	// to edit ("" when there is none, as for an added segment).
	Translation string `json:"translation"`

	OldLine         int            `json:"old_line,omitempty"`          // line in the recorded source
	NewLine         int            `json:"new_line,omitempty"`          // line in the current source
	TranslationLine int            `json:"translation_line,omitempty"`  // line of Translation
	InsertAfterLine int            `json:"insert_after_line,omitempty"` // added: translation line the new text goes after
	Words           int            `json:"words"`                       // words to translate (added and changed)
	Diff            []wordiff.Span `json:"diff,omitempty"`              // changed: word-level spans
}

// Describe turns the changes from the recorded source rec to the current
// source src (Compare(rec.Segments(), src.Segments())) into entries, each
// with the corresponding segment of the translation tr. tr was made from
// rec, so its segments correspond to rec's: fields by key, body segments by
// an alignment of the two bodies (position by position when they have the
// same shape; see internal/align). An added body segment is placed after
// the translation of the nearest segment before it that was kept.
func Describe(changes []Change, rec, src, tr *project.Version) []*DiffEntry {
	cp := &counterparts{rec: rec, tr: tr, body: align.Segments(rec.Body, tr.Body)}
	// Old indices of the unchanged segments, by new index, to place an
	// added segment after the translation of the segment before it.
	oldOf := UnchangedOld(changes, len(rec.Segments()), len(src.Segments()))
	out := make([]*DiffEntry, 0, len(changes))
	for _, c := range changes {
		d := &DiffEntry{Op: c.Op}
		seg := c.New
		if seg == nil {
			seg = c.Old
		}
		d.Kind = seg.Kind
		if c.Old != nil {
			d.Old, d.OldLine = c.Old.Text, c.Old.Line
		}
		if c.New != nil {
			d.New, d.NewLine = c.New.Text, c.New.Line
		}
		if c.NewIndex >= 0 {
			d.Segment = position(c.New, c.NewIndex, len(src.Fields))
		} else {
			d.Segment = position(c.Old, c.OldIndex, len(rec.Fields))
		}
		if c.Op == Added || c.Op == Changed {
			d.Words = c.New.Words
		}
		if c.Op == Changed {
			d.Diff = wordiff.Diff(d.Old, d.New)
		}
		if c.OldIndex >= 0 {
			if t := cp.of(c.OldIndex); t != nil {
				d.Translation, d.TranslationLine = t.Text, t.Line
			}
		} else if c.New.Kind != segment.Field {
			// After the translation of the nearest body segment before it,
			// or after the front matter when it is the first in the body.
			if tr.Doc != nil && tr.Doc.HasFrontMatter {
				d.InsertAfterLine = tr.Doc.BodyLine - 1
			}
			for j := c.NewIndex - 1; j >= 0; j-- {
				if i, ok := oldOf[j]; ok {
					if t := cp.of(i); t != nil {
						if t.Kind != segment.Field {
							d.InsertAfterLine = LastLine(tr, t)
						}
						break
					}
				}
			}
		}
		out = append(out, d)
	}
	return out
}

// DescribeVersion describes what changed in the article's source since the
// stored copy of the version v records (v.Recorded), for a stale or draft
// translation. It returns nil when there is nothing to describe: v has no
// stored copy (v.Missing or v.Note say why), or its record names the
// current source (or is current under another configuration).
func DescribeVersion(a *ArticleStatus, v *VersionStatus) []*DiffEntry {
	if a == nil || v == nil || a.SourceFile == nil || v.Parsed == nil || v.Parsed.Record == nil || v.Recorded == nil || v.Reconfigured {
		return nil
	}
	if v.Parsed.Record.SourceHash == a.SourceFile.Fingerprint {
		return nil
	}
	return Describe(Compare(v.Recorded.Segments(), a.SourceFile.Segments()), v.Recorded, a.SourceFile, v.Parsed)
}

// position names a segment for the reader: its field key, or "body.N" with
// N its 1-based position among the body segments.
func position(s *segment.Segment, index, fields int) string {
	if s.Kind == segment.Field {
		return s.Key
	}
	return "body." + strconv.Itoa(index-fields+1)
}

// UnchangedOld maps the new index of every segment that is unchanged,
// changed or moved to its old index, for lists of nOld and nNew segments
// and the changes between them (Compare). Unchanged segments are those no
// change names; they pair up in order (they form a common subsequence).
func UnchangedOld(changes []Change, nOld, nNew int) map[int]int {
	usedOld, usedNew := make([]bool, nOld), make([]bool, nNew)
	m := map[int]int{}
	for _, c := range changes {
		if c.OldIndex >= 0 {
			usedOld[c.OldIndex] = true
		}
		if c.NewIndex >= 0 {
			usedNew[c.NewIndex] = true
		}
		if c.OldIndex >= 0 && c.NewIndex >= 0 {
			m[c.NewIndex] = c.OldIndex
		}
	}
	i := 0
	for j := 0; j < nNew; j++ {
		if usedNew[j] {
			continue
		}
		for i < nOld && usedOld[i] {
			i++
		}
		if i < nOld {
			m[j] = i
			i++
		}
	}
	return m
}

// counterparts finds the translation's segment for a segment of the
// recorded source.
type counterparts struct {
	rec, tr *project.Version
	body    []int // align.Segments(rec.Body, tr.Body)
}

// of returns the translation's segment that corresponds to the recorded
// source's segment at index i (fields first, then body): the field with the
// same key, or the aligned body segment; nil when there is none.
func (c *counterparts) of(i int) *segment.Segment {
	if i < 0 {
		return nil
	}
	if i < len(c.rec.Fields) {
		key := c.rec.Fields[i].Key
		for k := range c.tr.Fields {
			if c.tr.Fields[k].Key == key {
				return &c.tr.Fields[k]
			}
		}
		return nil
	}
	b := i - len(c.rec.Fields)
	if b >= len(c.body) || c.body[b] < 0 {
		return nil
	}
	return &c.tr.Body[c.body[b]]
}

// LastLine returns the file line where a body segment of v ends (the line
// it starts on for a field, or when v's text is not at hand).
func LastLine(v *project.Version, s *segment.Segment) int {
	if s.Kind == segment.Field || v.Doc == nil || s.End <= s.Start {
		return s.Line
	}
	body := segment.Normalize(v.Doc.Body)
	if s.End > len(body) {
		return s.Line
	}
	end := s.End
	if end > 0 && body[end-1] == '\n' {
		end-- // the segment's last line ends with its newline
	}
	return v.Doc.BodyLine + bytes.Count(body[:end], []byte("\n"))
}
