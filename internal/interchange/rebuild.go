package interchange

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/frontmatter"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/segment"
	"github.com/ceviri/ceviri/internal/track"
)

// Result is a translation file rebuilt with imported segments.
type Result struct {
	Path     string
	Data     []byte
	Before   track.State
	After    track.State // the state the rebuilt file is in
	Complete bool        // every segment is translated, none with a problem: the file is recorded current
	// Record is the translation's new record. Data holds it, unless InLock
	// (project.RecordInLock): then it belongs in the lock file, and Data
	// is the file without it.
	Record  frontmatter.Record
	InLock  bool
	Applied int // segments whose text changed
	// Owed holds the units of segments whose source changed since the
	// translation was made and that came back untranslated (an empty
	// target, a fuzzy PO entry). The translation still has their old text,
	// so it can be recorded neither current nor a draft of the current
	// source (a draft owes only the segments still identical to the
	// source): the article is left as it was, Data is nil.
	Owed []Submitted
}

// rebuild holds what both ways of rebuilding a body work from.
type rebuild struct {
	acc             *Accepted
	src, tr         *project.Version
	al              alignment
	segs            []segment.Segment // the current source's segments
	nF              int               // how many of them are fields
	srcBody, trBody []byte            // the normalised bodies
}

// bodyPlan is a rebuilt body and what parsing it must give.
type bodyPlan struct {
	body    []byte
	want    []string    // the kinds of its segments
	place   map[int]int // source index -> index of its segment in body
	left    int         // body segments still to translate
	applied int         // body segments whose text changed
}

// Rebuild returns the translation of acc's article with the accepted
// targets put in. v is the translation's status; for a missing translation
// the caller passes a version whose File is a new draft made from the source
// (as `ceviri translate` makes it).
//
// The translation is patched in place when every segment with work to do
// can be found in it (see patch); otherwise its body is rebuilt from a copy
// of the source's, carrying over the translation's text of every segment it
// still has, and refused if that would drop translated text. Either way the
// result is parsed again and must have the expected segments. The record
// says current when nothing is left to translate, draft otherwise.
func Rebuild(cfg *config.Config, acc *Accepted, v *track.VersionStatus) (*Result, error) {
	tr := v.Parsed
	if tr == nil || tr.Doc == nil {
		return nil, clitext.NewError("ix_no_translation_file", "Path", v.Path)
	}
	src := acc.Article.SourceFile
	rb := &rebuild{acc: acc, src: src, tr: tr, al: alignTo(src, v), segs: src.Segments(), nF: len(src.Fields),
		srcBody: segment.Normalize(src.Doc.Body), trBody: segment.Normalize(tr.Doc.Body)}
	var patchErr error
	if plan := rb.patch(); plan != nil {
		res, err := rb.finish(cfg, v, plan)
		if err == nil {
			return res, nil
		}
		patchErr = err
	}
	plan, err := rb.fromSource()
	if err != nil {
		if patchErr != nil {
			return nil, patchErr
		}
		return nil, err
	}
	res, err := rb.finish(cfg, v, plan)
	if err != nil && patchErr != nil {
		return nil, patchErr
	}
	return res, err
}

// fromSource rebuilds the body from a copy of the source's, carrying over
// the text of every translated segment that has a place in it.
func (rb *rebuild) fromSource() (*bodyPlan, error) {
	links, segs, nF := rb.al.links, rb.segs, rb.nF
	placed := map[int]bool{}
	complete := true
	for j := nF; j < len(segs); j++ {
		if k := links[j].trBody; k >= 0 {
			placed[k] = true
		}
		if _, ok := rb.acc.Targets[j]; !ok && segs[j].Translatable() {
			complete = false
		}
	}
	if !complete {
		var lost []error
		for k, t := range rb.tr.Body {
			if !placed[k] && !rb.al.removed[k] && t.Translatable() {
				lost = append(lost, diag.Text(rb.tr.Path, t.Line, 1, "ix_would_drop", "Kind", kindText(t.Kind, t.Kind)))
			}
		}
		if len(lost) > 0 {
			return nil, sortedJoin(lost)
		}
	}
	plan := &bodyPlan{place: map[int]int{}}
	var edits []edit
	for j := nF; j < len(segs); j++ {
		s := segs[j]
		plan.want = append(plan.want, s.Kind)
		plan.place[j] = j - nF
		if !s.Translatable() {
			continue
		}
		if target, ok := rb.acc.Targets[j]; ok {
			edits = append(edits, edit{s.Start, s.End, target})
			plan.applied++
			continue
		}
		if l := links[j]; l.tr != nil && l.trBody >= 0 {
			edits = append(edits, edit{s.Start, s.End, carried(rb.trBody, *l.tr)})
			if l.pending {
				plan.left++
			}
			continue
		}
		plan.left++ // the source's text stays until it is translated
	}
	plan.body = splice(rb.srcBody, edits)
	return plan, nil
}

// finish puts a rebuilt body into the translation file, sets the
// translated fields and the record, and checks the result.
func (rb *rebuild) finish(cfg *config.Config, v *track.VersionStatus, plan *bodyPlan) (*Result, error) {
	tr, src, links, segs := rb.tr, rb.src, rb.al.links, rb.segs
	res := &Result{Path: v.Path, Before: v.State, Applied: plan.applied}
	left := plan.left
	body := plan.body
	if bytes.Contains(tr.Doc.Raw, []byte("\r\n")) {
		body = bytes.ReplaceAll(body, []byte("\n"), []byte("\r\n"))
	}
	raw := tr.Doc.Raw
	data := append(append([]byte{}, raw[:len(raw)-len(tr.Doc.Body)]...), body...)
	fields := map[string]string{}
	for j := 0; j < rb.nF; j++ {
		target, ok := rb.acc.Targets[j]
		if !ok {
			if segs[j].Translatable() && links[j].pending {
				left++
			}
			continue
		}
		if links[j].tr == nil || links[j].tr.Text != target {
			fields[segs[j].Key] = target
			res.Applied++
		}
	}
	doc, err := frontmatter.Parse(tr.Path, data)
	if err != nil {
		return nil, err
	}
	if len(fields) > 0 {
		if data, err = setFields(doc, src.Doc, fields); err != nil {
			return nil, err
		}
		if doc, err = frontmatter.Parse(tr.Path, data); err != nil {
			return nil, err
		}
	}
	// A unit taken with a problem (--draft-on-problems) leaves a draft.
	res.Complete = left == 0 && !rb.acc.Draft
	owed, err := rb.owed(cfg, data)
	if err != nil {
		return nil, err
	}
	if len(owed) > 0 {
		for _, j := range owed {
			res.Owed = append(res.Owed, rb.acc.Units[j])
		}
		sort.Slice(res.Owed, func(i, j int) bool { return before(res.Owed[i], res.Owed[j]) })
		res.After = v.State
		return res, nil
	}
	res.After = track.Draft
	if res.Complete {
		res.After = track.Current
	}
	res.Record = frontmatter.Record{From: src.Lang, SourceHash: src.Fingerprint, Draft: !res.Complete}
	if res.InLock = project.RecordInLock(cfg, doc.HasFrontMatter); !res.InLock {
		if data, err = doc.SetRecord(res.Record); err != nil {
			return nil, fmt.Errorf("%s: %w", tr.Path, err)
		}
	}
	if err := verify(cfg, rb.acc, tr.File, data, plan.want, plan.place); err != nil {
		return nil, err
	}
	res.Data = data
	return res, nil
}

// owed returns the source segments with work to do whose old translation
// the rebuilt translation data still holds, untranslated by the import. Recorded as a draft of the current source, such a segment would
// look done: a draft owes only the segments still identical to the source.
// A segment owed without a unit in the import was not in the export: the
// source changed since (or the unit was taken out of the file), and that
// is an error, reported at the article's first unit.
func (rb *rebuild) owed(cfg *config.Config, data []byte) ([]int, error) {
	got := project.Parse(rb.tr.File, data, cfg)
	if got.Err != nil {
		return nil, clitext.Wrap(got.Err, "ix_rebuilt_unreadable")
	}
	same := map[string]bool{}
	for _, s := range got.Segments() {
		same[s.Hash] = true
	}
	var owed []int
	var errs []error
	for j, s := range rb.segs {
		if _, ok := rb.acc.Targets[j]; ok || !s.Translatable() || !rb.al.links[j].pending || same[s.Hash] {
			continue
		}
		owed = append(owed, j)
		if _, ok := rb.acc.Units[j]; ok {
			continue
		}
		at := rb.firstUnit()
		slot := "b" + strconv.Itoa(j-rb.nF)
		if j < rb.nF {
			slot = s.Key
		}
		errs = append(errs, diag.Text(at.File, at.Line, at.Col, "ix_owed_no_unit",
			"Article", strconv.Quote(rb.acc.Article.ID), "Path", diag.EscapeLine(rb.src.Path), "Line", s.Line, "Slot", diag.EscapeLine(slot),
			"Kind", kindText(s.Kind, strings.ReplaceAll(s.Kind, "_", " ")), "Text", strconv.Quote(clip(s.Text)), "Lang", rb.acc.Lang))
	}
	return owed, sortedJoin(errs)
}

// firstUnit returns the article's unit that comes first in the imported
// files.
func (rb *rebuild) firstUnit() Submitted {
	var first Submitted
	ok := false
	for _, u := range rb.acc.Units {
		if !ok || before(u, first) {
			first, ok = u, true
		}
	}
	return first
}

// before orders units by their place in the imported files.
func before(a, b Submitted) bool {
	if a.File != b.File {
		return a.File < b.File
	}
	if a.Line != b.Line {
		return a.Line < b.Line
	}
	return a.Col < b.Col
}

// carried is the text of a translation's segment to carry into a body
// rebuilt from the source: its lines as they are (so reflowed text stays
// reflowed) when it is a top-level block or one line, else its text on one
// line, since the continuation lines of a list item or quote hold the
// translation's own indentation.
func carried(body []byte, s segment.Segment) string {
	if s.Start < 0 || s.End > len(body) || s.Start > s.End {
		return s.Text
	}
	raw := string(body[s.Start:s.End])
	if s.Kind == segment.Paragraph || s.Kind == segment.Heading || !strings.Contains(raw, "\n") {
		return raw
	}
	return s.Text
}
