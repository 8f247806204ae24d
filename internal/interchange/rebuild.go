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
	al := alignTo(src, v)
	links := al.links
	segs := src.Segments()
	nF := len(src.Fields)
	res := &Result{Path: v.Path, Before: v.State}

	srcBody := segment.Normalize(src.Doc.Body)
	trBody := segment.Normalize(tr.Doc.Body)
	var edits []edit
	var want []string      // the kinds of the rebuilt body's segments
	place := map[int]int{} // source index -> index in the rebuilt body
	left := 0              // segments still to translate
	var body []byte
	at := placeChanged(links, nF)
	if canPatch(al, at, acc.Targets, tr, trBody, nF) {
		// Patch the translation: every source segment with work to do has
		// its translated segment, in order; each edit touches only that
		// segment's lines. A segment the translation left out when it was
		// made, and that did not change since, stays left out.
		for j := nF; j < len(segs); j++ {
			if at[j] < 0 {
				continue
			}
			t := tr.Body[at[j]]
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
		for k := range al.removed {
			edits = append(edits, deletion(trBody, tr.Body[k]))
		}
		body = splice(trBody, edits)
		newIndex := map[int]int{}
		for k, t := range tr.Body {
			if !al.removed[k] {
				newIndex[k] = len(want)
				want = append(want, t.Kind)
			}
		}
		for j := range acc.Targets {
			if j >= nF && at[j] >= 0 {
				place[j] = newIndex[at[j]]
			}
		}
	} else {
		// Rebuild from a copy of the source's body, carrying over the text
		// of every translated segment that has a place in it.
		placed := map[int]bool{}
		complete := true
		for j := nF; j < len(segs); j++ {
			if k := links[j].trBody; k >= 0 {
				placed[k] = true
			}
			if _, ok := acc.Targets[j]; !ok && segs[j].Translatable() {
				complete = false
			}
		}
		if !complete {
			var lost []error
			for k, t := range tr.Body {
				if !placed[k] && !al.removed[k] && t.Translatable() {
					lost = append(lost, diag.Errorf(tr.Path, t.Line, 1, "this translated %s has no segment of the current source to go with, and rebuilding the translation around the source's structure would drop it; edit it by hand, or import a translation of every segment (export --all)", t.Kind))
				}
			}
			if len(lost) > 0 {
				return nil, joinErrs(lost)
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
		body = splice(srcBody, edits)
		for j := nF; j < len(segs); j++ {
			want = append(want, segs[j].Kind)
			place[j] = j - nF
		}
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
	if err := verify(cfg, acc, tr.File, data, want, place); err != nil {
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

// edit replaces body[start:end] with text.
type edit struct {
	start, end int
	text       string
}

// splice applies edits to b; overlapping edits are skipped.
func splice(b []byte, edits []edit) []byte {
	sort.Slice(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	var out bytes.Buffer
	pos := 0
	for _, e := range edits {
		if e.start < pos || e.end > len(b) || e.start > e.end {
			continue
		}
		out.Write(b[pos:e.start])
		out.WriteString(e.text)
		pos = e.end
	}
	out.Write(b[pos:])
	return out.Bytes()
}

// canPatch reports whether the translation's body can be edited in place:
// nothing moved in the source; every source body segment that is pending,
// translated by the import or changed code has its translated segment, and
// the translated segments are in the source's order; and each translated
// segment whose source segment was removed is a block of whole lines that
// can go.
func canPatch(al alignment, at []int, targets map[int]string, tr *project.Version, body []byte, nF int) bool {
	if al.moved {
		return false
	}
	last := -1
	for j, l := range al.links {
		if j < nF {
			continue
		}
		if at[j] < 0 {
			if _, ok := targets[j]; ok || l.pending || l.op == track.Changed || l.op == track.Added {
				return false
			}
			continue
		}
		if at[j] <= last {
			return false
		}
		last = at[j]
	}
	for k := range al.removed {
		t := tr.Body[k]
		switch t.Kind {
		case segment.Paragraph, segment.ListItem, segment.Quote, segment.Footnote:
		case segment.Heading:
			if !bytes.Contains(body[lineStart(body, t.Start):t.Start], []byte("#")) {
				return false // a setext heading: its underline would stay
			}
		default:
			return false
		}
	}
	return true
}

// placeChanged returns where each source body segment goes in the
// translation: its translated segment, except that within a run of changed
// (and added) segments the translated segments of the changed ones are
// taken in the order they stand in the translation. The comparison pairs a
// changed segment with the old one it resembles most, which may cross; its
// text is replaced anyway, so only the order matters.
func placeChanged(links []link, nF int) []int {
	at := make([]int, len(links))
	for j, l := range links {
		at[j] = l.trBody
	}
	for j := nF; j < len(links); {
		if links[j].op != track.Changed && links[j].op != track.Added {
			j++
			continue
		}
		var js, ks []int
		k := j
		for ; k < len(links) && (links[k].op == track.Changed || links[k].op == track.Added); k++ {
			if links[k].op == track.Changed && links[k].trBody >= 0 {
				js = append(js, k)
				ks = append(ks, links[k].trBody)
			}
		}
		sort.Ints(ks)
		for i, jj := range js {
			at[jj] = ks[i]
		}
		j = k
	}
	return at
}

// deletion removes a segment's lines, and a blank line after them when one
// comes before, so that blocks stay one blank line apart.
func deletion(body []byte, s segment.Segment) edit {
	start, end := lineStart(body, s.Start), s.End
	if i := bytes.IndexByte(body[end:], '\n'); i >= 0 {
		end += i + 1
	} else {
		end = len(body)
	}
	if start >= 2 && body[start-1] == '\n' && body[start-2] == '\n' && end < len(body) && body[end] == '\n' {
		end++
	}
	return edit{start, end, ""}
}

// lineStart returns the offset of the start of the line holding off.
func lineStart(b []byte, off int) int {
	return bytes.LastIndexByte(b[:off], '\n') + 1
}

// verify parses the rebuilt file and checks that it has the body segments
// it should have (want: their kinds, in order) and that each imported
// segment (index in the source -> index in want) reads as it was
// translated: a translation that Markdown would read as something else (a
// paragraph that starts with "# ") is reported at its unit.
func verify(cfg *config.Config, acc *Accepted, f project.File, data []byte, want []string, place map[int]int) error {
	src := acc.Article.SourceFile
	got := project.Parse(f, data, cfg)
	if got.Err != nil {
		return fmt.Errorf("rebuilt translation does not parse: %w", got.Err)
	}
	segs := src.Segments()
	nF := len(src.Fields)
	count := len(got.Body) == len(want)
	shape := count
	for i := 0; shape && i < len(want); i++ {
		shape = got.Body[i].Kind == want[i]
	}
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
		k, ok := place[j]
		if !ok || !count {
			continue
		}
		if g := got.Body[k]; g.Kind != want[k] || g.Text != target {
			errs = append(errs, diag.Errorf(s.File, s.Line, s.Col, "unit %q: in Markdown the translation does not stay one %s (it reads as a %s: %q); rephrase its start or escape it with a backslash", s.ID, segs[j].Kind, g.Kind, clip(g.Text)))
		}
	}
	if !shape && len(errs) == 0 {
		errs = append(errs, diag.Errorf(f.Path, 1, 1, "rebuilding the translation would change its structure (%d segments instead of %d); an imported segment reads as Markdown structure (a line starting with \"#\", \"- \" or \"1. \", a blank line): check the units of this article", len(got.Body), len(want)))
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
