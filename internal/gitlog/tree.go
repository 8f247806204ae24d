package gitlog

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"

	"github.com/ceviri/ceviri/internal/clitext"
)

// What comparing with a revision asks of git (ceviri status --since, and
// the pre-commit check): the commit a revision names, and the files of the
// project's directory as that commit, or the index, holds them. Each is one
// git process; the files' contents are then read with Blobs.

// RevError is a revision that names no commit of the repository.
type RevError struct {
	Rev string
	// Shallow: the repository is a shallow clone, which may lack the
	// commit although the remote has it.
	Shallow bool
}

func (e *RevError) Error() string { return e.In(error.Error) }

// In returns e's message written by msg (in the reader's language:
// clitext.Printer.Error).
func (e *RevError) In(msg func(error) string) string {
	if e.Shallow {
		return msg(clitext.NewError("git_unknown_revision_shallow", "Rev", strconv.Quote(e.Rev)))
	}
	return msg(clitext.NewError("git_unknown_revision", "Rev", strconv.Quote(e.Rev)))
}

// Resolve returns the full hash of the commit rev names.
func (r *Repo) Resolve(ctx context.Context, rev string) (string, error) {
	if rev == "" || strings.ContainsAny(rev, "\x00\n") {
		return "", &RevError{Rev: rev}
	}
	out, err := r.run(ctx, nil, "rev-parse", "--verify", "-q", "--end-of-options", rev+"^{commit}")
	if err == nil {
		if h := strings.TrimSpace(string(out)); h != "" {
			return h, nil
		}
	}
	e := &RevError{Rev: rev}
	if out, err := r.run(ctx, nil, "rev-parse", "--is-shallow-repository"); err == nil {
		e.Shallow = strings.TrimSpace(string(out)) == "true"
	}
	return "", e
}

// Entry is a file of a tree or of the index.
type Entry struct {
	Path string // relative to the directory the Repo was opened in, slash-separated
	Mode string // git's octal mode: 100644, 100755, 120000 (a symlink)
	Blob string // the object id of its contents
	Size int64  // in bytes; -1 when not known (the index does not say)
}

// Symlink reports whether the entry is a symbolic link (its blob is the
// link's target).
func (e Entry) Symlink() bool { return e.Mode == "120000" }

// Tree returns the files (blobs and symlinks; submodules are left out)
// that commit holds under the directory the Repo was opened in, with paths
// relative to it, in git's order.
func (r *Repo) Tree(ctx context.Context, commit string) ([]Entry, error) {
	out, err := r.run(ctx, nil, "ls-tree", "-r", "-z", "-l", "--end-of-options", commit, "--", ".")
	if err != nil {
		return nil, err
	}
	return parseTree(out)
}

// parseTree reads ls-tree -r -z -l: "<mode> <type> <id> <size>\t<path>\x00".
func parseTree(out []byte) ([]Entry, error) {
	var es []Entry
	for _, rec := range strings.Split(string(out), "\x00") {
		if rec == "" {
			continue
		}
		meta, path, ok := strings.Cut(rec, "\t")
		f := strings.Fields(meta)
		if !ok || len(f) != 4 || path == "" {
			return nil, fmt.Errorf("git ls-tree: unexpected line %q", rec)
		}
		if f[1] != "blob" {
			continue // a submodule's commit
		}
		size, err := strconv.ParseInt(f[3], 10, 64)
		if err != nil || size < 0 {
			return nil, fmt.Errorf("git ls-tree: bad size in %q", rec)
		}
		es = append(es, Entry{Path: path, Mode: f[0], Blob: f[2], Size: size})
	}
	return es, nil
}

// Index returns the files the index holds under the directory the Repo
// was opened in, as a commit made now would record them. Entries of an
// unresolved merge (stages 1-3) are left out; submodules too.
func (r *Repo) Index(ctx context.Context) ([]Entry, error) {
	out, err := r.run(ctx, nil, "ls-files", "-s", "-z", "--", ".")
	if err != nil {
		return nil, err
	}
	return parseIndex(out)
}

// parseIndex reads ls-files -s -z: "<mode> <id> <stage>\t<path>\x00".
func parseIndex(out []byte) ([]Entry, error) {
	var es []Entry
	for _, rec := range strings.Split(string(out), "\x00") {
		if rec == "" {
			continue
		}
		meta, path, ok := strings.Cut(rec, "\t")
		f := strings.Fields(meta)
		if !ok || len(f) != 3 || path == "" {
			return nil, fmt.Errorf("git ls-files: unexpected line %q", rec)
		}
		if f[2] != "0" || f[0] == "160000" {
			continue
		}
		es = append(es, Entry{Path: path, Mode: f[0], Blob: f[1], Size: -1})
	}
	return es, nil
}

// OpenWorkTree is Open for a work tree that may have no commit yet (its
// first commit is being made): what the index holds is there already.
func OpenWorkTree(ctx context.Context, dir string) (*Repo, error) {
	git, err := exec.LookPath("git")
	if err != nil {
		return nil, ErrNoRepo
	}
	r := &Repo{dir: dir, git: git}
	out, err := r.run(ctx, nil, "rev-parse", "--is-inside-work-tree")
	if err != nil || strings.TrimSpace(string(out)) != "true" {
		return nil, ErrNoRepo
	}
	return r, nil
}

// EachBlob reads the contents of objects by id, in one git process, and
// hands each to fn in order as it arrives, so that only one is held at a
// time beyond what fn keeps. An object larger than limit bytes is skipped
// unread: fn gets nil and its size. A missing object is an error.
func (r *Repo) EachBlob(ctx context.Context, ids []string, limit int64, fn func(i int, data []byte, size int64)) error {
	if len(ids) == 0 {
		return nil
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	cmd := r.command(ctx, "cat-file", "--batch")
	cmd.Stdin = strings.NewReader(strings.Join(ids, "\n") + "\n")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("git cat-file: %w", err)
	}
	readErr := readEach(bufio.NewReaderSize(out, 64<<10), len(ids), limit, fn)
	if readErr != nil {
		cancel()
	}
	waitErr := cmd.Wait()
	switch {
	case readErr != nil:
		return readErr
	case waitErr != nil:
		msg, _, _ := strings.Cut(strings.TrimSpace(stderr.String()), "\n")
		if msg == "" {
			msg = waitErr.Error()
		}
		return fmt.Errorf("git cat-file: %s", msg)
	}
	return nil
}

// readEach reads n objects of `git cat-file --batch` output: for each a
// header "<id> <type> <size>", size bytes, then a newline.
func readEach(br *bufio.Reader, n int, limit int64, fn func(i int, data []byte, size int64)) error {
	for i := range n {
		head, err := br.ReadString('\n')
		if err != nil {
			return fmt.Errorf("git cat-file: short output")
		}
		f := strings.Fields(head)
		if len(f) != 3 {
			return fmt.Errorf("git cat-file: %s", strings.TrimSpace(head))
		}
		size, err := strconv.ParseInt(f[2], 10, 64)
		if err != nil || size < 0 {
			return fmt.Errorf("git cat-file: bad header %q", strings.TrimSpace(head))
		}
		if size > limit {
			if _, err := io.CopyN(io.Discard, br, size); err != nil {
				return fmt.Errorf("git cat-file: short object %s", f[0])
			}
			fn(i, nil, size)
		} else {
			buf := make([]byte, size)
			if _, err := io.ReadFull(br, buf); err != nil {
				return fmt.Errorf("git cat-file: short object %s", f[0])
			}
			fn(i, buf, size)
		}
		if _, err := br.ReadByte(); err != nil {
			return fmt.Errorf("git cat-file: short output")
		}
	}
	return nil
}
