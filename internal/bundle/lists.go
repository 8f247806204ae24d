package bundle

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/ceviri/ceviri/internal/clitext"
)

// indexEntry is one article in index.json (docs/bundles.md).
type indexEntry struct {
	ID         string            `json:"id"`
	Title      string            `json:"title"`
	Summary    string            `json:"summary,omitempty"`
	Date       string            `json:"date,omitempty"`
	Authors    []Author          `json:"authors"`
	Tags       []string          `json:"tags"`
	URL        string            `json:"url"`
	Alternates map[string]string `json:"alternates"`
	State      string            `json:"state"`
	Fallback   bool              `json:"fallback"`
	Lang       string            `json:"content_lang"`
}

type indexJSON struct {
	Lang     string       `json:"lang"`
	Articles []indexEntry `json:"articles"`
}

// ListItem is one article on a language's list page.
type ListItem struct {
	ID, Title, Summary, Href, Date, DateLong, AuthorNames, ContentLang string
	Notice                                                             *Notice
}

// ListPage is what the list template gets: index.html of a bundle.
type ListPage struct {
	Lang           string
	Home           string
	Canonical      string
	Alternates     []Alternate
	OtherLanguages []Alternate
	Articles       []ListItem
}

// listFiles are the files lists renders.
var listFiles = []string{"feed.xml", "index.html", "index.json", "sitemap.xml"}

// listsKey hashes everything lists reads besides the inputs every page
// depends on: for each entry, in order, what is shown of it. Two builds with
// the same key give the same list files, so a rebuild after an edit that
// changes no title, summary, date, author, tag, state or alternate (most
// edits) takes them from an earlier bundle. Whatever lists comes to read
// must be hashed here too; TestIncrementalSequence edits each of them.
func (s *site) listsKey(l *lang, inputs string) string {
	h := sha256.New()
	writeField(h, "lists 1")
	writeField(h, inputs)
	writeField(h, l.plan.lang)
	for _, e := range l.plan.entries {
		v := e.version()
		writeField(h, e.a.ID)
		writeField(h, e.lang+" "+e.from+" "+string(e.state)+" "+strconv.FormatBool(e.fallback))
		writeField(h, v.Title)
		writeField(h, v.Summary)
		date, when := e.date()
		writeField(h, date)
		writeField(h, when.Format(time.RFC3339Nano))
		writeField(h, strconv.Itoa(len(e.a.Authors)))
		for _, a := range e.a.Authors {
			writeField(h, a.Name)
		}
		writeField(h, strconv.Itoa(len(e.a.Tags)))
		for _, t := range e.a.Tags {
			writeField(h, t)
		}
		writeField(h, strings.Join(alternates(e.a, s.plans, s.policy), " "))
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// reuseLists stages the list files of an earlier bundle built with the same
// listsKey: those of the tree being written (old, its manifest) as they
// are, else those of the live bundle in live by hard links. It reports
// whether it did.
func reuseLists(st *stage, lang, key string, old *Manifest) (bool, error) {
	if old != nil && old.Lists == key && hasFiles(old, listFiles) {
		for _, f := range listFiles {
			st.keep(lang, f, old.Files[f])
		}
		return true, nil
	}
	m := readManifest(st.out.Root(), lang)
	if m == nil || m.Lists != key || !hasFiles(m, listFiles) {
		return false, nil
	}
	for _, f := range listFiles {
		if err := st.link(lang, f, m.Files[f]); err != nil {
			return false, err
		}
	}
	return true, nil
}

func hasFiles(m *Manifest, names []string) bool {
	for _, f := range names {
		if !strings.HasPrefix(m.Files[f], "sha256:") {
			return false
		}
	}
	return true
}

// lists renders the files of a bundle that list its articles: index.json,
// index.html, sitemap.xml and feed.xml. Everything it reads of the entries
// is hashed by listsKey.
func (s *site) lists(l *lang) (map[string][]byte, error) {
	idx := indexJSON{Lang: l.plan.lang, Articles: []indexEntry{}}
	lp := &ListPage{Lang: l.plan.lang, Home: "./", Canonical: s.pageURL(l.plan.lang, "")}
	for _, other := range s.plans {
		if other.excluded == "" {
			a := Alternate{Lang: other.lang, Name: s.langs[other.lang].name, URL: s.pageURL(other.lang, ""), Href: "../" + other.lang + "/"}
			lp.Alternates = append(lp.Alternates, a)
			if other.lang != l.plan.lang {
				lp.OtherLanguages = append(lp.OtherLanguages, a)
			}
		}
	}
	for _, e := range l.plan.entries {
		v := e.version()
		date, when := e.date()
		ie := indexEntry{ID: e.a.ID, Title: v.Title, Summary: v.Summary, Date: date,
			Authors: nonNil(e.a.Authors), Tags: nonNil(e.a.Tags), URL: s.pageURL(e.lang, e.a.ID),
			Alternates: map[string]string{}, State: string(e.state), Fallback: e.fallback, Lang: e.from}
		for _, a := range alternates(e.a, s.plans, s.policy) {
			ie.Alternates[a] = s.pageURL(a, e.a.ID)
		}
		idx.Articles = append(idx.Articles, ie)
		it := ListItem{ID: e.a.ID, Title: v.Title, Summary: v.Summary, Href: escapePath(e.a.ID + "/"), Date: date, ContentLang: e.from}
		if !when.IsZero() {
			it.DateLong = l.date(when)
		}
		var names []string
		for _, a := range e.a.Authors {
			names = append(names, a.Name)
		}
		it.AuthorNames = joinNames(names)
		if e.fallback {
			it.Notice = &Notice{Kind: "fallback", Text: l.chrome.T("notice_fallback")}
		}
		lp.Articles = append(lp.Articles, it)
	}
	out := map[string][]byte{}
	var err error
	if out["index.json"], err = marshal(idx); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := l.tmpl.ExecuteTemplate(&buf, "list.html", lp); err != nil {
		return nil, clitext.Wrap(err, "build_err_render", "Dir", TemplateDir, "Page", l.plan.lang+"/index.html")
	}
	out["index.html"] = buf.Bytes()
	out["sitemap.xml"] = s.sitemap(l, lp.Alternates)
	out["feed.xml"] = s.feed(l)
	return out, nil
}

func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// sitemap lists the list page and every article with a real version in
// the language (fallback pages point to their source with rel=canonical,
// so search engines are not sent to them), each with its hreflang
// alternates, as Google documents for multilingual sitemaps. One sitemap
// file holds at most 50,000 URLs; a larger site needs a sitemap index.
func (s *site) sitemap(l *lang, home []Alternate) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	url := func(loc, lastmod string, alts []Alternate) {
		b.WriteString("<url><loc>" + esc(loc) + "</loc>")
		if lastmod != "" {
			b.WriteString("<lastmod>" + esc(lastmod) + "</lastmod>")
		}
		for _, a := range alts {
			fmt.Fprintf(&b, `<xhtml:link rel="alternate" hreflang="%s" href="%s"/>`, esc(a.Lang), esc(a.URL))
		}
		b.WriteString("</url>\n")
	}
	url(s.pageURL(l.plan.lang, ""), "", home)
	for _, e := range l.plan.entries {
		if e.fallback {
			continue
		}
		date, _ := e.date()
		url(s.pageURL(e.lang, e.a.ID), date, s.alternates(e, e.a.ID))
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// feedSize is how many of the newest articles feed.xml carries.
const feedSize = 50

// feed is an Atom feed of the newest dated articles. Its updated time is
// the newest article's date, never the clock, so a rebuild gives the same
// bytes. Each entry links to its page in the feed's language first.
func (s *site) feed(l *lang) []byte {
	var dated []*entry
	for _, e := range l.plan.entries {
		if _, when := e.date(); !when.IsZero() {
			dated = append(dated, e)
		}
	}
	// entries are sorted newest first already
	if len(dated) > feedSize {
		dated = dated[:feedSize]
	}
	// Atom wants the time the feed last changed; with no dated article
	// there is none to tell (the clock would break reproducible builds,
	// 1970 would be a lie), so the element is left out.
	updated := ""
	if len(dated) > 0 {
		_, when := dated[0].date()
		updated = "<updated>" + when.UTC().Format(time.RFC3339) + "</updated>\n"
	}
	name := l.chrome.T("site_name")
	var b bytes.Buffer
	b.WriteString(xml.Header)
	fmt.Fprintf(&b, "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"%s\">\n", esc(l.plan.lang))
	fmt.Fprintf(&b, "<id>%s</id>\n<title>%s</title>\n%s", esc(s.atomID(l.plan.lang, "")), esc(name), updated)
	fmt.Fprintf(&b, "<author><name>%s</name></author>\n", esc(name))
	fmt.Fprintf(&b, "<link rel=\"alternate\" type=\"text/html\" href=\"%s\"/>\n", esc(s.pageURL(l.plan.lang, "")))
	fmt.Fprintf(&b, "<link rel=\"self\" type=\"application/atom+xml\" href=\"%s\"/>\n", esc(s.pageURL(l.plan.lang, "")+"feed.xml"))
	for _, e := range dated {
		v := e.version()
		_, when := e.date()
		fmt.Fprintf(&b, "<entry xml:lang=\"%s\">\n<id>%s</id>\n<title>%s</title>\n<updated>%s</updated>\n",
			esc(e.from), esc(s.atomID(e.lang, e.a.ID)), esc(v.Title), when.UTC().Format(time.RFC3339))
		for _, a := range e.a.Authors {
			fmt.Fprintf(&b, "<author><name>%s</name></author>\n", esc(a.Name))
		}
		// The page in the feed's language first, and named so: a reader
		// that picks a link by language, or the first, takes this one.
		fmt.Fprintf(&b, "<link rel=\"alternate\" type=\"text/html\" hreflang=\"%s\" href=\"%s\"/>\n", esc(e.lang), esc(s.pageURL(e.lang, e.a.ID)))
		for _, a := range alternates(e.a, s.plans, s.policy) {
			if a != e.lang {
				fmt.Fprintf(&b, "<link rel=\"alternate\" type=\"text/html\" hreflang=\"%s\" href=\"%s\"/>\n", esc(a), esc(s.pageURL(a, e.a.ID)))
			}
		}
		if v.Summary != "" {
			fmt.Fprintf(&b, "<summary>%s</summary>\n", esc(v.Summary))
		}
		b.WriteString("</entry>\n")
	}
	b.WriteString("</feed>\n")
	return b.Bytes()
}

// atomID is a permanent id for the feed or an entry: its URL when the site
// has a base URL, else a tag URI that does not depend on where it is served.
func (s *site) atomID(lang, id string) string {
	if strings.HasPrefix(s.baseURL, "http://") || strings.HasPrefix(s.baseURL, "https://") {
		return s.pageURL(lang, id)
	}
	return "urn:ceviri:" + lang + ":" + id
}

// messagesJSON is messages.json: the chrome strings of the language with
// the source language's (or another's) filled in where its file lacks one.
type messagesJSON struct {
	Lang     string                       `json:"lang"`
	Messages map[string]map[string]string `json:"messages"` // id -> CLDR plural form -> text
	Borrowed map[string]string            `json:"borrowed,omitempty"`
}

func (l *lang) messages() ([]byte, error) {
	m := messagesJSON{Lang: l.plan.lang, Messages: l.chrome.forms(), Borrowed: l.chrome.from}
	if len(m.Borrowed) == 0 {
		m.Borrowed = nil
	}
	return marshal(m)
}

// Manifest is manifest.json: what a bundle holds and what it was built from.
type Manifest struct {
	Format    int               `json:"format"`
	Lang      string            `json:"lang"`
	Generator string            `json:"generator"`
	Inputs    string            `json:"inputs"`          // hash of everything every page depends on
	Lists     string            `json:"lists,omitempty"` // hash of what the list files show (listsKey)
	Articles  []ManifestArticle `json:"articles"`
	Files     map[string]string `json:"files"` // path in the bundle -> "sha256:<hex>"
}

// ManifestArticle is one article of a bundle.
type ManifestArticle struct {
	ID                string `json:"id"`
	SourceFingerprint string `json:"source_fingerprint"`
	State             string `json:"state"`
	Fallback          bool   `json:"fallback"`
	Inputs            string `json:"inputs"` // hash of the article's files
}

// FormatVersion is the version of the bundle layout in manifest.json.
const FormatVersion = 1

func (s *site) manifest(l *lang, generator, inputs, lists string, files map[string]string) ([]byte, error) {
	m := Manifest{Format: FormatVersion, Lang: l.plan.lang, Generator: generator, Inputs: inputs, Lists: lists,
		Articles: []ManifestArticle{}, Files: files}
	for _, e := range l.plan.entries {
		m.Articles = append(m.Articles, ManifestArticle{ID: e.a.ID, SourceFingerprint: e.a.Fingerprint,
			State: string(e.state), Fallback: e.fallback, Inputs: "sha256:" + e.a.Key})
	}
	sort.Slice(m.Articles, func(i, j int) bool { return m.Articles[i].ID < m.Articles[j].ID })
	return marshal(m)
}
