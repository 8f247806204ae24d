package track

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/segment"
)

// StoreDir holds a copy of every source version a translation records,
// named by its fingerprint, so ceviri can show what changed without git.
// It is committed with the articles.
const StoreDir = ".ceviri/sources"

// SnapshotPathOf returns where the copy of a version of the source at
// srcPath with the given fingerprint is kept: SnapshotPath, with .mdx for
// an MDX source, so that the copy reads as its source does.
func SnapshotPathOf(hash, srcPath string) string {
	p := SnapshotPath(hash)
	if segment.FormatOf(srcPath) == segment.MDX {
		p = strings.TrimSuffix(p, ".md") + ".mdx"
	}
	return p
}

// SnapshotPath returns where the copy of the Markdown source version with
// the given fingerprint ("sha256:<hex>") is kept.
func SnapshotPath(hash string) string {
	hex := strings.TrimPrefix(hash, "sha256:")
	if len(hex) < 3 {
		return path.Join(StoreDir, hex+".md")
	}
	return path.Join(StoreDir, hex[:2], hex[2:]+".md")
}

// ErrNoSnapshot means no stored copy exists for a recorded fingerprint.
// A *MissingCopyError is one (errors.Is).
var ErrNoSnapshot = clitext.NewError("track_no_snapshot")

// MissingCopyError is the error of a translation record whose source
// version has no stored copy: it names the record, the file looked for,
// and the ways to recover.
type MissingCopyError struct {
	Path       string // the file holding the record: the translation, or the lock file
	Line       int    // the line of the translation record (1 when unknown)
	Hash       string // the recorded fingerprint
	ID, Lang   string // the article and the translation's language
	SourcePath string // the article's current source
}

// Copy returns the stored copy that was looked for.
func (e *MissingCopyError) Copy() string { return SnapshotPathOf(e.Hash, e.SourcePath) }

func (e *MissingCopyError) Error() string { return e.In(error.Error) }

// In returns e's message with its words written by msg (in the reader's
// language: clitext.Printer.Error).
func (e *MissingCopyError) In(msg func(error) string) string {
	return fmt.Sprintf("%s:%d: %s", e.Path, e.Line,
		msg(clitext.NewError("track_missing_copy", "Problem", e.ProblemText(), "Hint", e.HintText())))
}

// Problem says what is missing, without the record's position.
func (e *MissingCopyError) Problem() string { return e.ProblemText().String() }

// ProblemText is Problem in ceviri's words, for the reader's language.
func (e *MissingCopyError) ProblemText() clitext.Text {
	return clitext.Msg("track_missing_copy_problem", "Copy", e.Copy())
}

// Hint says how to recover the version, or do without it.
func (e *MissingCopyError) Hint() string { return e.HintText().String() }

// HintText is Hint in ceviri's words, for the reader's language.
func (e *MissingCopyError) HintText() clitext.Text {
	return clitext.Msg("track_missing_copy_hint", "ID", e.ID, "Lang", e.Lang, "Source", e.SourcePath)
}

// Is makes a MissingCopyError ErrNoSnapshot.
func (e *MissingCopyError) Is(target error) bool { return target == ErrNoSnapshot }

// LoadRecorded returns the stored copy of the source version that the
// record of the translation tr names, parsed as a version of src under the
// project's current configuration.
//
// The copy is found by the recorded fingerprint, which was computed under
// the configuration of its time: parsed now, it may have another one (a
// field became translatable, for example). That is expected; the caller
// compares the copy with the current source, both segmented the same way.
// A copy byte for byte the same as the current source is not segmented
// again: it is the source (cheap, and decisive whatever the
// configuration).
func LoadRecorded(p *project.Project, src, tr *project.Version) (*project.Version, error) {
	hash := tr.Record.SourceHash
	sp := SnapshotPathOf(hash, src.Path)
	if other := SnapshotPath(hash); other != sp {
		// An MDX source: its copy is .mdx, unless it was Markdown when
		// the translation was recorded.
		if _, err := fs.Stat(p.FS, sp); errors.Is(err, fs.ErrNotExist) {
			if _, err := fs.Stat(p.FS, other); err == nil {
				sp = other
			}
		}
	}
	sf := project.File{ID: src.ID, Lang: src.Lang, Path: sp}
	var err error
	v := p.Cached(sf, func() *project.Version {
		var data []byte
		if data, err = p.ReadFile(sp); err != nil {
			return &project.Version{File: sf, Err: err}
		}
		if same(p, src, data) {
			return copyOf(src, sf)
		}
		return p.ParseVersion(sf, data)
	})
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			at, line := tr.Path, tr.Record.Line
			if line < 1 {
				line = 1
			} else if tr.Record.File != "" {
				at = tr.Record.File // the lock file
			}
			return nil, &MissingCopyError{Path: at, Line: line, Hash: hash, ID: tr.ID, Lang: tr.Lang, SourcePath: src.Path}
		}
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &diag.PosError{File: sp, Line: 1, Col: 1, Err: err}
	}
	if v.Err != nil {
		return nil, v.Err
	}
	return v, nil
}

// withSegments returns v with its segments, to be compared: v itself when
// it has them all, else v read and parsed again. The status cache keeps a
// version's segments only where it expects status to compare them
// (internal/cache), and a source or stored copy it guessed wrong about is
// read here, bypassing it.
func withSegments(p *project.Project, v *project.Version) (*project.Version, error) {
	if hasSegments(v) {
		return v, nil
	}
	data, err := p.ReadFile(v.Path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &diag.PosError{File: v.Path, Line: 1, Col: 1, Err: err}
	}
	nv := p.ParseVersion(v.File, data)
	switch {
	case nv.Err != nil:
		return nil, nv.Err
	case nv.Fingerprint != v.Fingerprint:
		return nil, diag.Text(v.Path, 1, 1, "track_changed_while_read")
	}
	return nv, nil
}

// hasSegments reports whether v carries all its segments: their
// fingerprint is v's.
func hasSegments(v *project.Version) bool {
	return segment.Fingerprint(v.Fields, v.Body) == v.Fingerprint
}

// same reports whether data, a stored copy, is byte for byte the current
// source src; then src, already segmented, stands for it. Only a record
// that names another fingerprint than the source's gets here, so a current
// translation costs no read.
func same(p *project.Project, src *project.Version, data []byte) bool {
	// src's segments must be all there: a version from the status cache
	// may have been loaded without them.
	if !hasSegments(src) {
		return false
	}
	cur, err := p.ReadFile(src.Path)
	return err == nil && bytes.Equal(cur, data)
}

// copyOf returns src as the file f: the parse its bytes would give there.
func copyOf(src *project.Version, f project.File) *project.Version {
	cp := *src
	cp.File = f
	cp.Record = nil
	cp.Fields = slices.Clone(src.Fields)
	cp.Body = slices.Clone(src.Body)
	return &cp
}
