package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/ceviri/ceviri/internal/clitext"
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
	w, tx := env.Stdout, env.text()
	style := wordiff.Plain
	if env.Color() {
		style = wordiff.Color
	}
	src, path := diag.EscapeLine(d.SourcePath), diag.EscapeLine(d.Path)
	fmt.Fprintf(w, "%s\n", env.bold(tx.T("diff_heading", "Source", src, "Path", path, "State", stateName(tx, d.State))))
	fmt.Fprintln(w, tx.T("diff_recorded", "Hash", diag.EscapeLine(d.From)))
	fmt.Fprintln(w, tx.T("diff_current", "Hash", diag.EscapeLine(d.To)))
	if d.RecoveredFrom != "" {
		fmt.Fprintln(w, tx.T("diff_recovered_from", "From", diag.EscapeLine(d.RecoveredFrom)))
	}
	fmt.Fprintln(w, tx.T("diff_summary", "Changes", tx.N("changes", len(d.Changes)), "Words", tx.N("words", d.PendingWords)))
	for _, c := range d.Changes {
		fmt.Fprintln(w)
		fmt.Fprintln(w, env.cyan(changeHeader(tx, d, c)))
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
		for _, line := range strings.Split(translationLine(tx, d, c), "\n") {
			fmt.Fprintln(w, env.dim(line))
		}
	}
	if len(d.Commits) > 0 || d.Uncommitted {
		fmt.Fprintf(w, "\n%s\n", env.bold(tx.T("diff_commits", "Source", src)))
		t := &table{}
		for _, c := range d.Commits {
			date, _, _ := strings.Cut(c.Date, "T")
			t.add("  "+diag.EscapeLine(c.Short()), diag.EscapeLine(date), diag.EscapeLine(c.Author), diag.EscapeLine(c.Subject))
		}
		t.write(w)
		if d.Uncommitted {
			fmt.Fprintln(w, "  "+tx.T("diff_uncommitted"))
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
func changeHeader(tx *clitext.Printer, d *diffJSON, c *track.DiffEntry) string {
	kind := kindName(tx, c.Kind)
	seg, src := diag.EscapeLine(c.Segment), diag.EscapeLine(d.SourcePath)
	switch c.Op {
	case track.Removed:
		return tx.T("diff_head_removed", "Kind", kind, "Segment", seg, "Source", src, "Line", c.OldLine)
	case track.Moved:
		return tx.T("diff_head_moved", "Kind", kind, "Segment", seg, "Source", src, "Line", c.NewLine, "OldLine", c.OldLine)
	case track.Added:
		return tx.T("diff_head_added", "Kind", kind, "Segment", seg, "Source", src, "Line", c.NewLine)
	case track.Changed:
		return tx.T("diff_head_changed", "Kind", kind, "Segment", seg, "Source", src, "Line", c.NewLine)
	default:
		return fmt.Sprintf("@@ %s %s %s (%s:%d) @@", c.Op, kind, seg, src, c.NewLine)
	}
}

// segmentKinds are the kinds of segment that have a name in the message
// files (kind_paragraph); another kind shows as it is, _ read as a space.
var segmentKinds = map[string]bool{
	segment.Field: true, segment.Heading: true, segment.Paragraph: true, segment.ListItem: true,
	segment.TableCell: true, segment.Quote: true, segment.Footnote: true, segment.Code: true,
	segment.HTML: true, segment.LinkRef: true,
}

// kindName names a segment kind in tx's language ("list item", "liste
// öğesi").
func kindName(tx *clitext.Printer, kind string) string {
	if segmentKinds[kind] {
		return tx.T("kind_" + kind)
	}
	return strings.ReplaceAll(kind, "_", " ")
}

// translationLine says what to do in the translation for a change; a
// translation segment of several lines (code) continues indented. The
// translation's text and path are escaped.
func translationLine(tx *clitext.Printer, d *diffJSON, c *track.DiffEntry) string {
	e := *c
	e.Translation = diag.Escape(c.Translation)
	ed := *d
	ed.Path = diag.EscapeLine(d.Path)
	return strings.ReplaceAll(translationText(tx, &ed, &e), "\n", "\n    ")
}

func translationText(tx *clitext.Printer, d *diffJSON, c *track.DiffEntry) string {
	switch {
	case c.Translation != "" && c.Op == track.Removed:
		return "  " + tx.T("diff_tr_remove", "Path", d.Path, "Line", c.TranslationLine, "Text", c.Translation)
	case c.Translation != "" && c.Op == track.Moved:
		return "  " + tx.T("diff_tr_move", "Path", d.Path, "Line", c.TranslationLine, "Text", c.Translation)
	case c.Translation != "":
		return fmt.Sprintf("  %s:%d: %s", d.Path, c.TranslationLine, c.Translation)
	case c.InsertAfterLine > 0:
		return "  " + tx.T("diff_tr_insert_after", "Path", d.Path, "Line", c.InsertAfterLine)
	case c.Kind == segment.Field && c.Op != track.Removed:
		return "  " + tx.T("diff_tr_no_field", "Path", d.Path, "Field", diag.EscapeLine(fieldName(c.Segment)))
	case c.Op == track.Added:
		return "  " + tx.T("diff_tr_not_translated", "Path", d.Path)
	default:
		return "  " + tx.T("diff_tr_no_segment", "Path", d.Path)
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
