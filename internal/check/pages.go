package check

import (
	"bytes"
	"sync"

	"github.com/ceviri/ceviri/internal/anchor"
	"github.com/ceviri/ceviri/internal/config"
	"github.com/ceviri/ceviri/internal/pagelink"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/segment"
	"golang.org/x/text/unicode/norm"
)

// Pages knows the other articles of a project well enough to resolve the
// fragment of a link into one of them ("../state/tr.md#durum",
// "/tr/learn/state/#durum") to a heading of the page the link lands on, by
// the rule the build gives headings their ids (build.anchors). It reads a
// linked page once, when a link first names it, and is safe for
// concurrent use.
type Pages struct {
	cfg   *config.Config
	rule  anchor.Rule
	read  func(name string) ([]byte, error)
	ix    *pagelink.Index
	files map[string]string // article id + "\x00" + language -> file

	mu  sync.Mutex
	ids map[string]*pageIDs // file -> its heading ids
}

// pageIDs are the heading ids of one file; ok is false when it could not be
// read or parsed (what is wrong with it is reported where it is read).
type pageIDs struct {
	once sync.Once
	list []string
	set  map[string]bool
	ok   bool
}

// NewPages returns the Pages of a project's files (project.Scan), read
// with read (Project.ReadFile: confined to the project).
func NewPages(cfg *config.Config, read func(name string) ([]byte, error), files []project.File) *Pages {
	rule, err := anchor.Parse(cfg.Build.Anchors)
	if err != nil {
		rule = anchor.ASCII
	}
	p := &Pages{cfg: cfg, rule: rule, read: read, ix: pagelink.New(cfg.Languages, cfg.Build.BaseURL),
		files: make(map[string]string, len(files)), ids: map[string]*pageIDs{}}
	for _, f := range files {
		p.ix.Add(f.ID, f.Path)
		p.files[f.ID+"\x00"+f.Lang] = f.Path
	}
	return p
}

// target returns the file a link from a page in lang lands on, for the
// article id: its version in lang, else its version in the source language
// (the fallback page shows the source), else in the first language of
// ceviri.yaml that has one.
func (p *Pages) target(id, lang string) (file, fileLang string) {
	for _, l := range append([]string{lang, p.cfg.SourceLanguage}, p.cfg.Languages...) {
		if f, ok := p.files[id+"\x00"+l]; ok {
			return f, l
		}
	}
	return "", ""
}

// headings returns the heading ids of file (a version in lang), or ok
// false when it cannot be read.
func (p *Pages) headings(file, lang string) (list []string, set map[string]bool, ok bool) {
	p.mu.Lock()
	e := p.ids[file]
	if e == nil {
		e = &pageIDs{}
		p.ids[file] = e
	}
	p.mu.Unlock()
	e.once.Do(func() {
		data, err := p.read(file)
		if err != nil {
			return
		}
		v := project.Parse(project.File{Lang: lang, Path: file}, data, p.cfg)
		if v.Err != nil || v.Doc == nil {
			return
		}
		ids, err := anchor.HeadingIDs(v.Doc.Body, segment.FormatOf(file), p.rule, p.cfg.Tag(lang))
		if err != nil {
			return
		}
		e.list, e.set, e.ok = ids, map[string]bool{}, true
		for _, id := range ids {
			e.set[norm.NFC.String(id)] = true
		}
	})
	return e.list, e.set, e.ok
}

// otherFragment reports whether body has a link destination with a path
// and a fragment (inline "](x.md#a" or reference "]: x.md#a"), so that a
// page without one is not parsed for it. It looks only after each "]".
func otherFragment(body []byte) bool {
	for i := 0; ; {
		j := bytes.IndexByte(body[i:], ']')
		if j < 0 {
			return false
		}
		i += j + 1
		if i >= len(body) || body[i] != '(' && body[i] != ':' {
			continue
		}
		k := i + 1
		for k < len(body) && (body[k] == ' ' || body[k] == '\t' || body[k] == '<') {
			k++
		}
		for start := k; k < len(body); k++ {
			c := body[k]
			if c == '#' {
				if k > start {
					return true
				}
				break
			}
			if c == ')' || c == '>' || c == ' ' || c == '\n' || c == '\t' {
				break
			}
		}
	}
}
