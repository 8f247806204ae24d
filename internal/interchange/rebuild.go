package interchange

import (
	"bytes"
	"fmt"
	"strings"

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
	Complete bool // every segment is translated: the file is recorded current
	Applied  int  // segments whose text changed
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
func Rebuild(cfg *config.Config, acc *Accepted, v *track.Version) (*Result, error) {
	tr := v.File
	if tr == nil || tr.Doc == nil {
		return nil, fmt.Errorf("%s: no translation file to build on", v.Path)
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
				lost = append(lost, diag.Errorf(rb.tr.Path, t.Line, 1, "this translated %s has no segment of the current source to go with, and rebuilding the translation around the source's structure would drop it; edit it by hand, or import a translation of every segment (export --all)", t.Kind))
			}
		}
		if len(lost) > 0 {
			return nil, joinErrs(lost)
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
func (rb *rebuild) finish(cfg *config.Config, v *track.Version, plan *bodyPlan) (*Result, error) {
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
	res.Complete = left == 0
	data, err = doc.SetRecord(frontmatter.Record{From: src.Lang, SourceHash: src.Fingerprint, Draft: !res.Complete})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", tr.Path, err)
	}
	if err := verify(cfg, rb.acc, tr.File, data, plan.want, plan.place); err != nil {
		return nil, err
	}
	res.Data = data
	return res, nil
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
