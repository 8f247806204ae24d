package gitlog

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
)

// What adopting a site asks of history (ceviri done --from-git and
// --from-field): when each translation file was last committed, which of
// them changed since, which commit a front-matter field names, and the
// source as a given commit held it. Each question is one git process for
// all the files, so that a site of thousands of pages costs a few
// processes, not thousands.

// LastCommits returns, for each of paths (relative to the directory the
// Repo was opened in) that a commit reachable from HEAD touched, the newest
// such commit in git log's order (commit date, newest first). A path never
// committed is absent, as is one holding a line break, a NUL or the byte
// 0x1e, which git's output cannot tell from its own separators. History
// is read once for all paths, and only as far back as the oldest of them
// needs. Commit.Blob is not set.
func (r *Repo) LastCommits(ctx context.Context, paths []string) (map[string]Commit, error) {
	w := newNameWalk(paths)
	if len(w.want) == 0 {
		return w.found, nil
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	cmd := r.command(ctx, "log", "--no-color", "--no-renames", "--relative", "--name-only", "-z",
		"--format=%x1e%H%x1f%an%x1f%aI%x1f%s", "--", ".")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("git log: %w", err)
	}
	br := bufio.NewReader(stdout)
	var readErr error
	for !w.complete() {
		tok, err := br.ReadString(0)
		if tok != "" {
			w.token(strings.TrimSuffix(tok, "\x00"))
		}
		if err != nil {
			if !errors.Is(err, io.EOF) {
				readErr = err
			}
			break
		}
	}
	complete := w.complete()
	if complete {
		cancel() // git may be far from the end of history: stop it
	}
	waitErr := cmd.Wait()
	switch {
	case complete:
		return w.found, nil
	case readErr != nil:
		return nil, fmt.Errorf("git log: %w", readErr)
	case waitErr != nil:
		msg, _, _ := strings.Cut(strings.TrimSpace(stderr.String()), "\n")
		if msg == "" {
			msg = waitErr.Error()
		}
		return nil, fmt.Errorf("git log: %s", msg)
	}
	return w.found, nil
}

// nameWalk reads the output of git log --name-only -z with LastCommits'
// format, token by token (a token ends at a NUL): a header token starts
// with 0x1e (after the newline that ends the previous commit's names, if
// any), and the names of a commit follow its header, the first of them
// after a newline.
type nameWalk struct {
	want  map[string]bool
	found map[string]Commit
	cur   Commit
	ok    bool // cur is a well-formed header
	first bool // the next token is the first name after a header
}

func newNameWalk(paths []string) *nameWalk {
	w := &nameWalk{want: map[string]bool{}, found: map[string]Commit{}}
	for _, p := range paths {
		if p != "" && !strings.ContainsAny(p, "\n\x00\x1e") {
			w.want[p] = true
		}
	}
	return w
}

func (w *nameWalk) complete() bool { return len(w.found) == len(w.want) }

func (w *nameWalk) token(tok string) {
	if t := strings.TrimPrefix(tok, "\n"); strings.HasPrefix(t, "\x1e") {
		f := strings.Split(t[1:], "\x1f")
		w.ok = len(f) == 4 && f[0] != ""
		if w.ok {
			w.cur = Commit{Hash: f[0], Author: f[1], Date: f[2], Subject: f[3]}
		}
		w.first = true
		return
	}
	if w.first {
		tok = strings.TrimPrefix(tok, "\n")
		w.first = false
	}
	if !w.ok || !w.want[tok] {
		return
	}
	if _, seen := w.found[tok]; !seen {
		w.found[tok] = w.cur
	}
}

// lastCommits is LastCommits over git's whole output, for tests.
func lastCommits(out []byte, paths []string) map[string]Commit {
	w := newNameWalk(paths)
	for _, tok := range strings.Split(string(out), "\x00") {
		if tok != "" {
			w.token(tok)
		}
	}
	return w.found
}

// Changed returns the paths in the directory the Repo was opened in (and
// below it, relative to it) whose content in the work tree or the index
// differs from HEAD's: changes not committed yet. A file git does not
// track is not listed.
func (r *Repo) Changed(ctx context.Context) (map[string]bool, error) {
	out, err := r.run(ctx, nil, "diff", "HEAD", "--no-color", "--no-ext-diff", "--no-renames", "--relative", "--name-only", "-z", "--", ".")
	if err != nil {
		return nil, err
	}
	m := map[string]bool{}
	for _, p := range strings.Split(string(out), "\x00") {
		if p != "" {
			m[p] = true
		}
	}
	return m, nil
}

// Tracked returns the files git tracks (those in its index) in the
// directory the Repo was opened in and below it, relative to it. A file
// that some commit once held, deleted since and made again without being
// added, is not tracked: LastCommits alone would date it by the deletion.
func (r *Repo) Tracked(ctx context.Context) (map[string]bool, error) {
	out, err := r.run(ctx, nil, "ls-files", "-z", "--cached", "--", ".")
	if err != nil {
		return nil, err
	}
	m := map[string]bool{}
	for _, p := range strings.Split(string(out), "\x00") {
		if p != "" {
			m[p] = true
		}
	}
	return m, nil
}

// Objects reads objects by name, in one git process: any name git
// understands, such as "<commit>:./<path>" for a file as a commit held it
// (./ makes the path relative to the directory the Repo was opened in).
// An object git does not know (a file absent from that commit) is nil, as
// is a name holding a line break, which the batch cannot be asked.
func (r *Repo) Objects(ctx context.Context, names []string) ([][]byte, error) {
	out := make([][]byte, len(names))
	var ask []string
	var at []int
	for i, n := range names {
		if n != "" && !strings.ContainsAny(n, "\n\r\x00") {
			ask = append(ask, n)
			at = append(at, i)
		}
	}
	if len(ask) == 0 {
		return out, nil
	}
	data, err := r.run(ctx, strings.NewReader(strings.Join(ask, "\n")+"\n"), "cat-file", "--batch")
	if err != nil {
		return nil, err
	}
	objs, err := readBatch(data, len(ask), true)
	if err != nil {
		return nil, err
	}
	for k, o := range objs {
		out[at[k]] = o
	}
	return out, nil
}

// ResolveCommits returns the full hash of each commit named (a hash, or
// an abbreviation of one), in one git process; "" for a name git does not
// know as a commit: unknown, ambiguous, another kind of object, or a name
// holding white space.
func (r *Repo) ResolveCommits(ctx context.Context, names []string) ([]string, error) {
	out := make([]string, len(names))
	var ask []string
	var at []int
	for i, n := range names {
		if n != "" && !strings.ContainsAny(n, " \t\n\r\x00") {
			ask = append(ask, n+"^{commit}")
			at = append(at, i)
		}
	}
	if len(ask) == 0 {
		return out, nil
	}
	data, err := r.run(ctx, strings.NewReader(strings.Join(ask, "\n")+"\n"), "cat-file", "--batch-check")
	if err != nil {
		return nil, err
	}
	hashes, err := parseCheck(data, len(ask))
	if err != nil {
		return nil, err
	}
	for k, h := range hashes {
		out[at[k]] = h
	}
	return out, nil
}

// parseCheck reads `git cat-file --batch-check` output for n names: one
// line each, "<id> <type> <size>" for an object, "<name> missing" or
// "<name> ambiguous" otherwise. It returns the id of each commit, "" for
// anything else.
func parseCheck(out []byte, n int) ([]string, error) {
	lines := strings.Split(string(out), "\n")
	if len(lines) < n {
		return nil, fmt.Errorf("git cat-file: short output")
	}
	res := make([]string, n)
	for i := range n {
		f := strings.Fields(lines[i])
		if len(f) == 3 && f[1] == "commit" {
			res[i] = f[0]
		}
	}
	return res, nil
}
