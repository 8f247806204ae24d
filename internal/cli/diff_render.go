package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/segment"
	"github.com/ceviri/ceviri/internal/track"
	"github.com/ceviri/ceviri/internal/wordiff"
)

// writeDiff prints a diff for a reader: a header naming the two versions,
// then each change with its position, its text (word-level changes marked
// [-old-]{+new+}, or in colour on a terminal) and the translation's segment
// to edit, then the commits since the recorded version.
//
// Every text that comes from content (segments, paths, commit authors and
// subjects) is escaped with diag.Escape, so that control characters in an
// article cannot drive the reader's terminal; only the colours added here
// reach it as escape sequences.
func writeDiff(env *Env, d *diffJSON) {
	w := env.Stdout
	style := wordiff.Plain
	if env.Color() {
		style = wordiff.Color
	}
	src, path := diag.EscapeLine(d.SourcePath), diag.EscapeLine(d.Path)
	fmt.Fprintf(w, "%s\n", env.bold(fmt.Sprintf("%s changed since %s was translated (%s)", src, path, d.State)))
	fmt.Fprintf(w, "recorded %s\ncurrent  %s\n", diag.EscapeLine(d.From), diag.EscapeLine(d.To))
	if d.RecoveredFrom != "" {
		fmt.Fprintf(w, "(recorded version recovered from %s)\n", diag.EscapeLine(d.RecoveredFrom))
	}
	fmt.Fprintf(w, "%s, %s to translate\n", plural(len(d.Changes), "change", "changes"), plural(d.PendingWords, "word", "words"))
	for _, c := range d.Changes {
		fmt.Fprintln(w)
		fmt.Fprintln(w, env.cyan(changeHeader(d, c)))
		var text string
		switch c.Op {
		case track.Added:
			text = wordiff.Render([]wordiff.Span{{Op: wordiff.Insert, Text: diag.Escape(c.New)}}, style)
		case track.Removed:
			text = wordiff.Render([]wordiff.Span{{Op: wordiff.Delete, Text: diag.Escape(c.Old)}}, style)
		case track.Changed:
			text = wordiff.Render(escapeSpans(c.Diff), style)
		default:
			text = diag.Escape(c.New)
		}
		writeIndented(w, "  ", text)
		for _, line := range strings.Split(translationLine(d, c), "\n") {
			fmt.Fprintln(w, env.dim(line))
		}
	}
	if len(d.Commits) > 0 || d.Uncommitted {
		fmt.Fprintf(w, "\n%s\n", env.bold("commits to "+src+" since the recorded version:"))
		t := &table{}
		for _, c := range d.Commits {
			date, _, _ := strings.Cut(c.Date, "T")
			t.add("  "+diag.EscapeLine(c.Short()), diag.EscapeLine(date), diag.EscapeLine(c.Author), diag.EscapeLine(c.Subject))
		}
		t.write(w)
		if d.Uncommitted {
			fmt.Fprintln(w, "  (and changes not committed yet)")
		}
	}
}

// escapeSpans returns word-level spans with their text escaped.
func escapeSpans(spans []wordiff.Span) []wordiff.Span {
	out := make([]wordiff.Span, len(spans))
	for i, s := range spans {
		out[i] = wordiff.Span{Op: s.Op, Text: diag.Escape(s.Text)}
	}
	return out
}

// changeHeader is the first line of a change: what happened to which
// segment, and where it is in the source.
func changeHeader(d *diffJSON, c *track.DiffEntry) string {
	kind := strings.ReplaceAll(c.Kind, "_", " ")
	seg, src := diag.EscapeLine(c.Segment), diag.EscapeLine(d.SourcePath)
	switch c.Op {
	case track.Removed:
		return fmt.Sprintf("@@ removed %s %s (was %s:%d) @@", kind, seg, src, c.OldLine)
	case track.Moved:
		return fmt.Sprintf("@@ moved %s %s (%s:%d, was line %d) @@", kind, seg, src, c.NewLine, c.OldLine)
	default:
		return fmt.Sprintf("@@ %s %s %s (%s:%d) @@", c.Op, kind, seg, src, c.NewLine)
	}
}

// translationLine says what to do in the translation for a change; a
// translation segment of several lines (code) continues indented. The
// translation's text and path are escaped.
func translationLine(d *diffJSON, c *track.DiffEntry) string {
	e := *c
	e.Translation = diag.Escape(c.Translation)
	ed := *d
	ed.Path = diag.EscapeLine(d.Path)
	return strings.ReplaceAll(translationText(&ed, &e), "\n", "\n    ")
}

func translationText(d *diffJSON, c *track.DiffEntry) string {
	switch {
	case c.Translation != "" && c.Op == track.Removed:
		return fmt.Sprintf("  %s:%d (remove): %s", d.Path, c.TranslationLine, c.Translation)
	case c.Translation != "" && c.Op == track.Moved:
		return fmt.Sprintf("  %s:%d (move): %s", d.Path, c.TranslationLine, c.Translation)
	case c.Translation != "":
		return fmt.Sprintf("  %s:%d: %s", d.Path, c.TranslationLine, c.Translation)
	case c.InsertAfterLine > 0:
		return fmt.Sprintf("  %s: not translated yet; add it after line %d", d.Path, c.InsertAfterLine)
	case c.Kind == segment.Field && c.Op != track.Removed:
		return fmt.Sprintf("  %s: has no %s field yet; add it", d.Path, diag.EscapeLine(fieldName(c.Segment)))
	case c.Op == track.Added:
		return fmt.Sprintf("  %s: not translated yet", d.Path)
	default:
		return fmt.Sprintf("  %s: no corresponding segment found", d.Path)
	}
}

// writeIndented writes text with every line indented.
func writeIndented(w io.Writer, indent, text string) {
	for _, line := range strings.Split(text, "\n") {
		fmt.Fprintln(w, indent+line)
	}
}

func (e *Env) cyan(text string) string {
	if !e.Color() {
		return text
	}
	return "\x1b[36m" + text + "\x1b[0m"
}

func (e *Env) dim(text string) string {
	if !e.Color() {
		return text
	}
	return "\x1b[2m" + text + "\x1b[0m"
}

// fieldName is the front-matter key of a field segment ("tags" for "tags.1").
func fieldName(key string) string {
	name, _, _ := strings.Cut(key, ".")
	return name
}
