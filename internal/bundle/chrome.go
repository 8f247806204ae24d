package bundle

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/locale"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// chrome is the site chrome of one language: its go-i18n messages, with
// every key that its own file lacks taken from the source language's file
// (else the first language in ceviri.yaml's order that has it), so a page
// never shows a raw key because one translator forgot one message.
type chrome struct {
	lang     string
	loc      *i18n.Localizer
	messages map[string]*i18n.Message // resolved, by id
	from     map[string]string        // id -> language it was borrowed from
	warn     *warnings
	memo     sync.Map // call -> result
}

// newChrome resolves the messages of lang from set. order lists the
// languages to borrow from, the source language first.
func newChrome(set *locale.Set, lang string, tag language.Tag, order []string, w *warnings) (*chrome, error) {
	c := &chrome{lang: lang, messages: map[string]*i18n.Message{}, from: map[string]string{}, warn: w}
	own := map[string]bool{}
	if mf := set.Files[lang]; mf != nil {
		for _, m := range mf.Messages {
			c.messages[m.ID] = m
			own[m.ID] = true
		}
	}
	for _, other := range order {
		mf := set.Files[other]
		if other == lang || mf == nil {
			continue
		}
		for _, m := range mf.Messages {
			if _, ok := c.messages[m.ID]; !ok {
				c.messages[m.ID] = m
				c.from[m.ID] = other
			}
		}
	}
	for _, id := range sortedKeys(c.from) {
		w.add(clitext.Msg("build_warn_borrowed", "Path", set.Paths[lang], "ID", strconv.Quote(id), "From", c.from[id]))
	}
	b := i18n.NewBundle(tag)
	msgs := make([]*i18n.Message, 0, len(c.messages))
	for _, id := range sortedKeys(c.messages) {
		msgs = append(msgs, c.messages[id])
	}
	if err := b.AddMessages(tag, msgs...); err != nil {
		return nil, fmt.Errorf("%s: %w", set.Paths[lang], err)
	}
	c.loc = i18n.NewLocalizer(b, tag.String())
	return c, nil
}

// T returns message id with data (name, value pairs). A message that no
// locale file has shows as its id, with a warning: a build script should
// not fail because of a missing label, and the id is easy to search for.
func (c *chrome) T(id string, pairs ...any) string {
	return c.localize(id, nil, pairs)
}

// N returns the plural message id for count, with Count set to count.
func (c *chrome) N(id string, count int, pairs ...any) string {
	return c.localize(id, count, append([]any{"Count", count}, pairs...))
}

func (c *chrome) localize(id string, count any, pairs []any) string {
	// go-i18n executes a template for every call; a site's pages ask for
	// the same few strings (and the same authors) thousands of times.
	var kb strings.Builder
	kb.WriteString(id)
	fmt.Fprintf(&kb, "\x00%v", count)
	for _, p := range pairs {
		fmt.Fprintf(&kb, "\x00%v", p)
	}
	key := kb.String()
	if v, ok := c.memo.Load(key); ok {
		return v.(string)
	}
	s := c.localizeNow(id, count, pairs)
	c.memo.Store(key, s)
	return s
}

func (c *chrome) localizeNow(id string, count any, pairs []any) string {
	data := map[string]any{}
	for i := 0; i+1 < len(pairs); i += 2 {
		data[fmt.Sprint(pairs[i])] = pairs[i+1]
	}
	s, err := c.loc.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data, PluralCount: count})
	if err != nil {
		var nf *i18n.MessageNotFoundErr
		if errors.As(err, &nf) || s == "" {
			c.warn.missing(id)
			return id
		}
		c.warn.add(clitext.Msg("build_warn_message", "ID", strconv.Quote(id), "Lang", c.lang, "Err", err))
	}
	return s
}

// forms returns the resolved messages as data for messages.json.
func (c *chrome) forms() map[string]map[string]string {
	out := map[string]map[string]string{}
	for id, m := range c.messages {
		f := map[string]string{}
		for name, s := range map[string]string{"zero": m.Zero, "one": m.One, "two": m.Two,
			"few": m.Few, "many": m.Many, "other": m.Other} {
			if s != "" {
				f[name] = s
			}
		}
		out[id] = f
	}
	return out
}

// warnings collects messages for the user, each once, safe for the
// rendering goroutines.
type warnings struct {
	mu   sync.Mutex
	seen map[string]clitext.Text // by their English text
	keys map[string]bool         // messages no locale file has
}

// missing records a message that no locale file has.
func (w *warnings) missing(id string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.keys == nil {
		w.keys = map[string]bool{}
	}
	w.keys[id] = true
}

// add records warning t, once whatever the number of times it is added.
func (w *warnings) add(t clitext.Text) {
	if w == nil {
		return
	}
	en := t.String()
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.seen == nil {
		w.seen = map[string]clitext.Text{}
	}
	w.seen[en] = t
}

// list returns the warnings sorted by their English text, in English
// (Result.Warnings) and in ceviri's words (Result.WarningTexts).
func (w *warnings) list() ([]string, []clitext.Text) {
	w.mu.Lock()
	defer w.mu.Unlock()
	en := sortedKeys(w.seen)
	texts := make([]clitext.Text, len(en))
	for i, s := range en {
		texts[i] = w.seen[s]
	}
	if len(w.keys) > 0 {
		t := clitext.Msg("build_warn_missing_keys", "IDs", strings.Join(sortedKeys(w.keys), ", "))
		en, texts = append(en, t.String()), append(texts, t)
	}
	return en, texts
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// joinNames joins author names for the by-line.
func joinNames(names []string) string { return strings.Join(names, ", ") }
