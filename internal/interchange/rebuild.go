package interchange

import (
	"bytes"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/frontmatter"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/segment"
	"github.com/ceviri/ceviri/internal/track"
	"gopkg.in/yaml.v3"
)

// Result is a translation file rebuilt with imported segments.
type Result struct {
	Path     string
	Data     []byte
	Before   track.State
	Complete bool // every segment is translated: the file is recorded current
	Applied  int  // segments whose text changed
}

// Rebuild returns the translation of acc's article with the accepted
// targets put in. v is the translation's status; for a missing translation
// the caller passes a version whose File is a new draft made from the source
// (as `ceviri translate` makes it).
//
// When the translation's body lines up with the current source segment by
// segment, each translated segment's lines are replaced in place and every
// other byte stays as it was. When segments were added, removed or moved in
// the source since the translation was made, the body is rebuilt from a
// copy of the source's, carrying over the translation's text of every
// segment it still has; a translation whose structure cannot be matched is
// refused unless every segment comes with the import. The record says
// current when nothing is left to translate, draft otherwise.
func Rebuild(cfg *config.Config, acc *Accepted, v *track.Version) (*Result, error) {
	src := acc.Article.SourceFile
	tr := v.File
	if tr == nil || tr.Doc == nil {
		return nil, fmt.Errorf("%s: no translation file to build on", v.Path)
	}
	links, aligned := align(src, v)
	segs := src.Segments()
	nF := len(src.Fields)
	res := &Result{Path: v.Path, Before: v.State}

	srcBody := segment.Normalize(src.Doc.Body)
	trBody := segment.Normalize(tr.Doc.Body)
	inPlace := aligned && len(tr.Body) == len(src.Body)
	for j := nF; j < len(segs) && inPlace; j++ {
		inPlace = links[j].trBody == j-nF
	}
	type edit struct {
		start, end int
		text       string
	}
	var edits []edit
	left := 0 // segments still to translate
	var body []byte
	if inPlace {
		for j := nF; j < len(segs); j++ {
			t := tr.Body[j-nF]
			if target, ok := acc.Targets[j]; ok {
				if target != t.Text {
					edits = append(edits, edit{t.Start, t.End, target})
					res.Applied++
				}
				continue
			}
			if !segs[j].Translatable() {
				if links[j].op == track.Changed {
					edits = append(edits, edit{t.Start, t.End, string(srcBody[segs[j].Start:segs[j].End])})
				}
				continue
			}
			if links[j].pending {
				left++
			}
		}
		body = splice(trBody, edits, func(e edit) (int, int, string) { return e.start, e.end, e.text })
	} else {
		if !aligned && len(tr.Body) > 0 {
			var missing []int
			for j := nF; j < len(segs); j++ {
				if _, ok := acc.Targets[j]; !ok && segs[j].Translatable() {
					missing = append(missing, j)
				}
			}
			if len(missing) > 0 {
				return nil, diag.Errorf(tr.Path, tr.Doc.BodyLine, 1,
					"the body's structure differs from the source version it was translated from, so the %d segment(s) not in the import cannot be placed; translate the whole article (export --all) or fix the structure by hand",
					len(missing))
			}
		}
		for j := nF; j < len(segs); j++ {
			s := segs[j]
			if !s.Translatable() {
				continue
			}
			if target, ok := acc.Targets[j]; ok {
				edits = append(edits, edit{s.Start, s.End, target})
				res.Applied++
				continue
			}
			if l := links[j]; l.tr != nil && l.trBody >= 0 {
				edits = append(edits, edit{s.Start, s.End, carried(trBody, *l.tr)})
				if l.pending {
					left++
				}
				continue
			}
			left++ // the source's text stays until it is translated
		}
		body = splice(srcBody, edits, func(e edit) (int, int, string) { return e.start, e.end, e.text })
	}
	if bytes.Contains(tr.Doc.Raw, []byte("\r\n")) {
		body = bytes.ReplaceAll(body, []byte("\n"), []byte("\r\n"))
	}
	raw := tr.Doc.Raw
	data := append(append([]byte{}, raw[:len(raw)-len(tr.Doc.Body)]...), body...)

	// Front-matter fields.
	fields := map[string]string{}
	for j := 0; j < nF; j++ {
		target, ok := acc.Targets[j]
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
	if err := verify(cfg, acc, tr.File, data); err != nil {
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

// splice replaces byte ranges of b, which must not overlap.
func splice[E any](b []byte, edits []E, at func(E) (int, int, string)) []byte {
	sort.Slice(edits, func(i, j int) bool {
		si, _, _ := at(edits[i])
		sj, _, _ := at(edits[j])
		return si < sj
	})
	var out bytes.Buffer
	pos := 0
	for _, e := range edits {
		start, end, text := at(e)
		if start < pos || end > len(b) || start > end {
			continue
		}
		out.Write(b[pos:start])
		out.WriteString(text)
		pos = end
	}
	out.Write(b[pos:])
	return out.Bytes()
}

// verify parses the rebuilt file and checks that the source's structure is
// kept and that each imported segment reads as it was translated: a
// translation that Markdown would read as something else (a paragraph that
// starts with "# ") is reported at its unit.
func verify(cfg *config.Config, acc *Accepted, f project.File, data []byte) error {
	src := acc.Article.SourceFile
	got := project.Parse(f, data, cfg)
	if got.Err != nil {
		return fmt.Errorf("rebuilt translation does not parse: %w", got.Err)
	}
	segs := src.Segments()
	nF := len(src.Fields)
	var errs []error
	for j, target := range acc.Targets {
		s := acc.From[j]
		if j < nF {
			ok := false
			for _, g := range got.Fields {
				ok = ok || (g.Key == segs[j].Key && g.Text == target)
			}
			if !ok {
				errs = append(errs, diag.Errorf(s.File, s.Line, s.Col, "unit %q: field %s could not be set", s.ID, segs[j].Key))
			}
			continue
		}
		if !sameShape(got.Body, src.Body) {
			break
		}
		if g := got.Body[j-nF]; g.Text != target {
			errs = append(errs, diag.Errorf(s.File, s.Line, s.Col, "unit %q: in Markdown the translation does not stay one %s (it reads %q); rephrase its start or escape it", s.ID, segs[j].Kind, g.Text))
		}
	}
	if !sameShape(got.Body, src.Body) && len(errs) == 0 {
		errs = append(errs, diag.Errorf(f.Path, 1, 1, "rebuilding the translation would change its structure (%d segments instead of the source's %d); a translated segment reads as Markdown structure: check the imported units of this article", len(got.Body), len(src.Body)))
	}
	return joinErrs(errs)
}

// setFields sets translatable fields in the front matter: "title" is a
// top-level field, "tags.1" an item of a list. A field the translation does
// not have yet is copied from the source first.
func setFields(doc, srcDoc *frontmatter.Doc, fields map[string]string) ([]byte, error) {
	if doc.Root == nil {
		doc.Root = &yaml.Node{Kind: yaml.MappingNode}
	}
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		name, idx := key, -1
		if _, ok := srcDoc.Get(key); !ok {
			if i := strings.LastIndexByte(key, '.'); i > 0 {
				if n, err := strconv.Atoi(key[i+1:]); err == nil {
					name, idx = key[:i], n
				}
			}
		}
		f, ok := doc.Get(name)
		if !ok {
			sf, ok := srcDoc.Get(name)
			if !ok {
				return nil, fmt.Errorf("%s: field %q is in neither the translation nor the source", doc.Name, name)
			}
			k, v := clone(sf.Key), clone(sf.Value)
			doc.Root.Content = append(doc.Root.Content, k, v)
			f = frontmatter.Field{Key: k, Value: v}
		}
		n := f.Value
		if idx >= 0 {
			if n.Kind != yaml.SequenceNode || idx >= len(n.Content) {
				return nil, diag.Errorf(doc.Name, n.Line, n.Column, "field %s has no item %d to translate", name, idx)
			}
			n = n.Content[idx]
		}
		if n.Kind != yaml.ScalarNode {
			return nil, diag.Errorf(doc.Name, n.Line, n.Column, "field %s is not a string", key)
		}
		n.Value, n.Tag = fields[key], "!!str"
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc.Root); err != nil {
		return nil, fmt.Errorf("%s: encoding front matter: %w", doc.Name, err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("%s: encoding front matter: %w", doc.Name, err)
	}
	fm := buf.Bytes()
	raw := doc.Raw
	if !doc.HasFrontMatter {
		return append(append(append([]byte("---\n"), fm...), "---\n\n"...), raw...), nil
	}
	if bytes.Contains(raw[:doc.FMEnd], []byte("\r\n")) {
		fm = bytes.ReplaceAll(fm, []byte("\n"), []byte("\r\n"))
	}
	return append(append(append([]byte{}, raw[:doc.FMStart]...), fm...), raw[doc.FMEnd:]...), nil
}

// clone copies a YAML node without its comments.
func clone(n *yaml.Node) *yaml.Node {
	c := *n
	c.HeadComment, c.LineComment, c.FootComment = "", "", ""
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, k := range n.Content {
		c.Content[i] = clone(k)
	}
	return &c
}
