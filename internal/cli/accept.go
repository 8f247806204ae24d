package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strconv"

	"github.com/ceviri/ceviri/internal/check"
	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/segment"
	"github.com/ceviri/ceviri/internal/track"
)

// acceptedFile holds the findings an editor accepted (check --accept); it
// is committed with the articles.
const acceptedFile = ".ceviri/accepted.json"

// acceptance is one accepted finding. Key ties it to the exact segments
// involved (findingKey): when the translation's segment or the source's
// changes, the key changes and the finding is reported again.
type acceptance struct {
	Rule    string `json:"rule"`
	ID      string `json:"id"`
	Lang    string `json:"lang"`
	Key     string `json:"key"`
	Message string `json:"message"` // as it was accepted, for people reading the file
}

// acceptedSet is the accepted findings of a project.
type acceptedSet struct {
	Entries []acceptance `json:"accepted"`
	keys    map[string]bool
}

// readAccepted reads the accepted findings; a missing file is an empty
// set, a broken one an error at its place.
func readAccepted(p *project.Project) (*acceptedSet, error) {
	s := &acceptedSet{keys: map[string]bool{}}
	data, err := fs.ReadFile(p.FS, acceptedFile)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return s, nil
		}
		return nil, &diag.PosError{File: acceptedFile, Line: 1, Col: 1, Err: err}
	}
	if err := json.Unmarshal(data, s); err != nil {
		return nil, posText(acceptedFile, 1, 1, "err_accepted_json", "Err", err)
	}
	for _, e := range s.Entries {
		s.keys[e.Key] = true
	}
	return s, nil
}

// add records a finding as accepted, once.
func (s *acceptedSet) add(f check.Finding, key string) bool {
	if s.keys[key] {
		return false
	}
	s.keys[key] = true
	s.Entries = append(s.Entries, acceptance{Rule: f.Rule, ID: f.ID, Lang: f.Lang, Key: key, Message: f.Message})
	return true
}

// bytes returns the file as ceviri writes it: sorted, indented.
func (s *acceptedSet) bytes() []byte {
	sort.Slice(s.Entries, func(i, j int) bool {
		a, b := s.Entries[i], s.Entries[j]
		if a.ID != b.ID {
			return a.ID < b.ID
		}
		if a.Lang != b.Lang {
			return a.Lang < b.Lang
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Key < b.Key
	})
	data, _ := json.MarshalIndent(s, "", "  ") // plain strings always marshal
	return append(data, '\n')
}

var (
	lineRef    = regexp.MustCompile(`\(line (\d+)\)`)
	lineNumber = regexp.MustCompile(`:\d+|\(line \d+\)|line \d+`)
)

// findingKey ties a finding of article a to the segments involved: the
// translation's segment at the finding's line and the source's segment at
// the first line the message cites ("(line N)"), or the whole source when
// it cites none (a state finding: accepted until the source changes),
// with the rule, the article, the language and the message without its
// line numbers (so an edit that only moves the text keeps the key).
func findingKey(f check.Finding, a *track.ArticleStatus) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00", f.Rule, f.ID, f.Lang, lineNumber.ReplaceAllString(f.Message, ""))
	if a != nil {
		if v := a.Versions[f.Lang]; v != nil && v.Parsed != nil && v.Parsed.Path == f.File {
			fmt.Fprintf(h, "tr %s\x00", segmentAt(v.Parsed, f.Line))
		}
		if src := a.SourceFile; src != nil {
			if m := lineRef.FindStringSubmatch(f.Message); m != nil {
				n, _ := strconv.Atoi(m[1])
				fmt.Fprintf(h, "src %s\x00", segmentAt(src, n))
			} else {
				fmt.Fprintf(h, "src %s\x00", src.Fingerprint)
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:20]
}

// segmentAt returns the hash of v's segment that holds line (the last one
// starting at or before it), or v's fingerprint when none does.
func segmentAt(v *project.Version, line int) string {
	best := ""
	for _, s := range append(append([]segment.Segment{}, v.Fields...), v.Body...) {
		if s.Line <= line && s.Line > 0 {
			best = s.Hash
		}
	}
	if best == "" {
		return v.Fingerprint
	}
	return best
}
