package bundle

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ceviri/ceviri/internal/anchor"
	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/frontmatter"
	"github.com/ceviri/ceviri/internal/pagelink"
	"github.com/ceviri/ceviri/internal/segment"
	"github.com/ceviri/ceviri/internal/track"
	"golang.org/x/text/language"
)

// lang is everything needed to render one language's pages.
type lang struct {
	plan   *langPlan
	chrome *chrome
	tmpl   *template.Template
	date   func(time.Time) string
	name   string // the language's name in itself ("Türkçe")
}

// Reference is one source an article cites.
type Reference = frontmatter.Reference

// Alternate is the same article (or list) in one language.
type Alternate struct {
	Lang string // BCP 47 tag
	Name string // the language's name in itself
	URL  string // absolute when build.base_url is set, else from the site root
	Href string // relative to the page, for links a reader follows
}

// Notice is the note on a stale or fallback page.
type Notice struct {
	Kind string // "stale" or "fallback"
	Text string
}

// Page is what the article template gets.
type Page struct {
	Lang           string // the bundle's language (<html lang>)
	ContentLang    string // the language of the text shown (differs on a fallback page)
	ID             string
	Title          string
	Summary        string
	Description    string // the description field; the page's meta description is it, else Summary
	AuthorRole     string
	Date           string // as written in the front matter
	DateLong       string // in the bundle language's long form: "3 Aralık 2025"
	Authors        []Author
	AuthorNames    string // names joined for the by-line
	Tags           []string
	References     []Reference
	Body           template.HTML // rendered Markdown, raw HTML left out
	State          string
	Fallback       bool
	Notice         *Notice
	URL            string
	Canonical      string
	Alternates     []Alternate // every language with a real version, this one included
	OtherLanguages []Alternate // the alternates other than this language
	Home           string      // relative link to this language's list page
	Words          int
	Minutes        int // reading time, at 200 words a minute
}

// pageJSON is <id>/index.json: the article as data for a headless front end.
type pageJSON struct {
	ID          string            `json:"id"`
	Lang        string            `json:"lang"`
	ContentLang string            `json:"content_lang"`
	Title       string            `json:"title"`
	Summary     string            `json:"summary,omitempty"`
	Description string            `json:"description,omitempty"`
	AuthorRole  string            `json:"author_role,omitempty"`
	Date        string            `json:"date,omitempty"`
	DateLong    string            `json:"date_long,omitempty"`
	Authors     []Author          `json:"authors"`
	Tags        []string          `json:"tags"`
	References  []Reference       `json:"references"`
	URL         string            `json:"url"`
	Alternates  map[string]string `json:"alternates"`
	State       string            `json:"state"`
	Fallback    bool              `json:"fallback"`
	Notice      string            `json:"notice,omitempty"`
	Words       int               `json:"words"`
	Fields      map[string]any    `json:"fields,omitempty"`
	HTML        string            `json:"html"`
}

// wellKnown fields have their own place in a page; every other front-matter
// field goes to index.json's "fields" as data.
var wellKnown = map[string]bool{"title": true, "summary": true, "author_role": true, "date": true,
	"authors": true, "author": true, "tags": true, "references": true, "translation": true}

// site is the shared state of one build's rendering.
type site struct {
	read    func(name string) ([]byte, error) // reads a file of the project
	local   func(key string) bool             // reports a local field (config.Config.IsLocal)
	plans   []*langPlan
	langs   map[string]*lang
	policy  string
	baseURL string
	html    string      // build.html
	anchors anchor.Rule // build.anchors
	links   *linkMap
	exists  func(name string) bool // reports a file of the project
	warn    *warnings
}

// pageURL is the address of an article (id "" is the language's list page).
// An id with letters beyond ASCII ("haber/çağ") is percent-encoded, as
// sitemaps and Atom ids must be valid URLs.
func (s *site) pageURL(lang, id string) string {
	p := "/" + lang + "/"
	if id != "" {
		p += id + "/"
	}
	return strings.TrimSuffix(s.baseURL, "/") + escapePath(p)
}

// escapePath percent-encodes a URL path, keeping its slashes.
func escapePath(p string) string { return (&url.URL{Path: p}).EscapedPath() }

// rel is the relative link from a page of lang at id to another language's
// page (id "" is a list page).
func rel(fromID, toLang, toID string) string {
	depth := 1
	if fromID != "" {
		depth += strings.Count(fromID, "/") + 1
	}
	p := strings.Repeat("../", depth) + toLang + "/"
	if toID != "" {
		p += toID + "/"
	}
	return escapePath(p)
}

func (s *site) alternates(e *entry, fromID string) []Alternate {
	var out []Alternate
	for _, l := range alternates(e.a, s.plans, s.policy) {
		out = append(out, Alternate{Lang: l, Name: s.langs[l].name, URL: s.pageURL(l, e.a.ID), Href: rel(fromID, l, e.a.ID)})
	}
	return out
}

// docCache holds the files of one article read in the second pass and
// their rendered bodies, so that an article's pages in several languages
// read, parse and render each of its files once (a source version is the
// text of its own page, of every fallback page, and the shared fields of
// every translation).
type docCache struct {
	docs   map[string]*frontmatter.Doc
	bodies map[string][]byte // by file and bundle language (links point into it)
	assets map[string][]byte
}

// asset reads an article's asset once for all its pages.
func (c *docCache) asset(s *site, name string) ([]byte, error) {
	if b, ok := c.assets[name]; ok {
		return b, nil
	}
	b, err := s.read(name)
	if err != nil {
		return nil, &diag.PosError{File: name, Line: 1, Col: 1, Err: err}
	}
	if c.assets == nil {
		c.assets = map[string][]byte{}
	}
	c.assets[name] = b
	return b, nil
}

// readDoc reads and parses a version's file again for the second pass.
func (s *site) readDoc(c *docCache, p string) (*frontmatter.Doc, error) {
	if d := c.docs[p]; d != nil {
		return d, nil
	}
	data, err := s.read(p)
	if err != nil {
		return nil, &diag.PosError{File: p, Line: 1, Col: 1, Err: err}
	}
	d, err := frontmatter.Parse(p, data)
	if err != nil {
		return nil, err
	}
	if c.docs == nil {
		c.docs = map[string]*frontmatter.Doc{}
	}
	c.docs[p] = d
	return d, nil
}

// body renders a version's body once for each bundle language: what its
// links point to depends on it. It warns about raw HTML left out and
// images that are not there.
func (c *docCache) body(s *site, doc *frontmatter.Doc, tag language.Tag, e *entry) ([]byte, error) {
	key := doc.Name + "\x00" + e.lang
	if b, ok := c.bodies[key]; ok {
		return b, nil
	}
	pc := &pageCtx{html: s.html, anchors: s.anchors, links: s.links, lang: e.lang, id: e.a.ID, file: doc.Name}
	err := pc.render(doc.Body, tag, segment.FormatOf(doc.Name))
	if le, ok := segment.AsLimit(err); ok {
		// Found by the first pass too, unless the file changed between
		// the two: at its place in the file either way.
		return nil, &diag.PosError{File: doc.Name, Line: doc.BodyLine + le.Line - 1, Col: le.Col, Err: le.Cause()}
	}
	if err != nil {
		return nil, clitext.Wrap(err, "build_err_render_body", "Path", doc.Name)
	}
	s.bodyWarnings(pc, doc, e.a)
	if c.bodies == nil {
		c.bodies = map[string][]byte{}
	}
	c.bodies[key] = pc.out
	return pc.out, nil
}

// bodyWarnings warns about what a body's page cannot show as written: raw
// HTML left out (build.html: omit), and relative images that are not in
// the project or not beside the page.
func (s *site) bodyWarnings(pc *pageCtx, doc *frontmatter.Doc, a *article) {
	if pc.raw > 0 && s.html == HTMLOmit {
		t := clitext.Msg("build_warn_raw_html", "Path", doc.Name, "Count", pc.raw)
		if pc.raw == 1 {
			t = clitext.Msg("build_warn_raw_html_one", "Path", doc.Name)
		}
		s.warn.add(t)
	}
	for _, im := range pc.images {
		p, _ := pagelink.SplitRef(im.dest)
		name := path.Join(path.Dir(doc.Name), p)
		line := doc.BodyLine + im.line - 1
		switch {
		case slices.Contains(a.Assets, name):
		case strings.HasPrefix(name, "../") || name == ".." || s.exists == nil || !s.exists(name):
			s.warn.add(clitext.Msg("build_warn_image_missing", "Path", doc.Name, "Line", line, "Dest", strconv.Quote(im.dest), "Name", name))
		default:
			s.warn.add(clitext.Msg("build_warn_image_shared", "Path", doc.Name, "Line", line, "Dest", strconv.Quote(im.dest), "Name", name))
		}
	}
}

// renderArticle renders e's index.html and index.json. c may be shared by
// the pages of one article.
func (s *site) renderArticle(e *entry, c *docCache) (html, data []byte, err error) {
	if c == nil {
		c = &docCache{}
	}
	l := s.langs[e.lang]
	shown := e.version()
	doc, err := s.readDoc(c, shown.Path)
	if err != nil {
		return nil, nil, err
	}
	srcDoc := doc
	if e.from != e.a.Source {
		if srcDoc, err = s.readDoc(c, e.a.Versions[e.a.Source].Path); err != nil {
			return nil, nil, err
		}
	}
	body, err := c.body(s, doc, language.Make(e.from), e)
	if err != nil {
		return nil, nil, err
	}
	refs, err := srcDoc.References()
	if err != nil {
		return nil, nil, err
	}
	// The version whose local fields the page shows: its language's own,
	// never the source's on another language's page.
	var ownDoc *frontmatter.Doc
	switch own := e.own(); {
	case own == nil:
	case !e.fallback:
		ownDoc = doc
	default:
		if ownDoc, err = s.readDoc(c, own.Path); err != nil {
			return nil, nil, err
		}
	}
	date, when := e.date()
	pg := &Page{Lang: e.lang, ContentLang: e.from, ID: e.a.ID,
		Title: scalar(doc, "title"), Summary: scalar(doc, "summary"), Description: scalar(doc, "description"),
		AuthorRole: scalar(doc, "author_role"),
		Date:       date, Authors: e.a.Authors, Tags: e.a.Tags, References: refs,
		Body: template.HTML(body), State: string(e.state), Fallback: e.fallback,
		URL: s.pageURL(e.lang, e.a.ID), Home: rel(e.a.ID, e.lang, ""), Words: shown.Words,
		Minutes: (shown.Words + 199) / 200}
	if pg.Minutes < 1 {
		pg.Minutes = 1
	}
	if !when.IsZero() {
		pg.DateLong = l.date(when)
	}
	var names []string
	for _, a := range e.a.Authors {
		names = append(names, a.Name)
	}
	pg.AuthorNames = joinNames(names)
	switch {
	case e.fallback:
		pg.Notice = &Notice{Kind: "fallback", Text: l.chrome.T("notice_fallback")}
		pg.Canonical = s.pageURL(e.from, e.a.ID)
	case e.state == track.Stale:
		pg.Notice = &Notice{Kind: "stale", Text: l.chrome.T("notice_stale")}
	}
	pg.Alternates = s.alternates(e, e.a.ID)
	for _, a := range pg.Alternates {
		if a.Lang != e.lang {
			pg.OtherLanguages = append(pg.OtherLanguages, a)
		}
	}
	var buf bytes.Buffer
	if err := l.tmpl.ExecuteTemplate(&buf, "article.html", pg); err != nil {
		return nil, nil, clitext.Wrap(err, "build_err_render", "Dir", TemplateDir, "Page", e.lang+"/"+e.a.ID)
	}
	pj := pageJSON{ID: e.a.ID, Lang: e.lang, ContentLang: e.from, Title: pg.Title, Summary: pg.Summary, Description: pg.Description,
		AuthorRole: pg.AuthorRole, Date: pg.Date, DateLong: pg.DateLong, Authors: nonNil(pg.Authors),
		Tags: nonNil(pg.Tags), References: nonNil(refs), URL: pg.URL, Alternates: map[string]string{},
		State: pg.State, Fallback: pg.Fallback, Words: pg.Words, HTML: string(body)}
	if pg.Notice != nil {
		pj.Notice = pg.Notice.Text
	}
	for _, a := range pg.Alternates {
		pj.Alternates[a.Lang] = a.URL
	}
	if pj.Fields, err = extraFields(s.local, srcDoc, doc, ownDoc); err != nil {
		return nil, nil, err
	}
	js, err := marshal(pj)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", shown.Path, err)
	}
	return buf.Bytes(), js, nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// marshal encodes v as indented JSON without HTML escaping (the text is
// data; a page's HTML is escaped by its template) and with sorted map keys.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// extraFields returns the front-matter fields that are not well known, as
// data (frontmatter.Node.Data), whatever format each file writes: the
// source's shared fields, overlaid with the shown version's own; and the
// local fields (local reports which) of own alone, the version of the
// page's language (nil when it has no file): a translation's page never
// takes the source's slug, url or lang.
func extraFields(local func(string) bool, src, shown, own *frontmatter.Doc) (map[string]any, error) {
	out := map[string]any{}
	for i, d := range []*frontmatter.Doc{src, shown, own} {
		if d == nil {
			continue
		}
		for _, f := range d.Fields() {
			k := strings.ToLower(f.Key.Value)
			if wellKnown[k] || (i == 2) != local(k) {
				continue
			}
			v, err := f.Value.Data()
			if err != nil {
				return nil, &diag.PosError{File: d.Name, Line: f.Value.Line, Col: f.Value.Column, Err: fmt.Errorf("%s: %w", k, err)}
			}
			out[k] = v
		}
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}
