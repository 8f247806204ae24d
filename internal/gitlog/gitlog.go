// Package gitlog reads the history of a file from git, for what git adds to
// ceviri without being required: the commits that touched a source since a
// translation's recorded version, and the old text of a source version
// whose stored copy is missing. It runs the git program; when git is not
// installed or the directory is not in a work tree, Open says so and
// callers carry on without history.
package gitlog

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"

	"github.com/ceviri/ceviri/internal/clitext"
)

// ErrNoRepo means history is not available: git is not installed, the
// directory is not inside a git work tree, or the repository has no commit.
var ErrNoRepo = clitext.NewError("git_no_history")

// Repo is a git work tree that holds a directory.
type Repo struct {
	dir string // the directory git commands run in
	git string // path of the git program
}

// Open returns the git work tree holding dir, or ErrNoRepo when there is no
// history to read.
func Open(ctx context.Context, dir string) (*Repo, error) {
	git, err := exec.LookPath("git")
	if err != nil {
		return nil, ErrNoRepo
	}
	r := &Repo{dir: dir, git: git}
	out, err := r.run(ctx, nil, "rev-parse", "--is-inside-work-tree")
	if err != nil || strings.TrimSpace(string(out)) != "true" {
		return nil, ErrNoRepo
	}
	// A repository without a commit has no history: git log would fail.
	if _, err := r.run(ctx, nil, "rev-parse", "-q", "--verify", "HEAD"); err != nil {
		return nil, ErrNoRepo
	}
	return r, nil
}

// Commit is one commit that touched a file.
type Commit struct {
	Hash    string `json:"hash"`
	Author  string `json:"author"`
	Date    string `json:"date"` // author date, RFC 3339
	Subject string `json:"subject"`

	// Blob is the object id of the file as this commit left it; empty
	// when the commit deleted it (or is a merge git shows no change for).
	Blob string `json:"-"`
}

// Short returns the abbreviated hash.
func (c Commit) Short() string {
	if len(c.Hash) > 7 {
		return c.Hash[:7]
	}
	return c.Hash
}

// Log returns the commits that touched path (relative to the directory the
// Repo was opened in), newest first, following renames.
func (r *Repo) Log(ctx context.Context, path string) ([]Commit, error) {
	out, err := r.run(ctx, nil, "log", "--follow", "--no-color", "--no-abbrev", "--raw",
		"--format=%x1e%H%x1f%an%x1f%aI%x1f%s", "--", path)
	if err != nil {
		return nil, err
	}
	return parseLog(out), nil
}

// parseLog reads the output of Log: one record per commit, starting with
// \x1e, a header of \x1f-separated fields, then --raw lines
// (":100644 100644 <old blob> <new blob> M\tpath").
func parseLog(out []byte) []Commit {
	var cs []Commit
	for _, rec := range strings.Split(string(out), "\x1e") {
		if strings.TrimSpace(rec) == "" {
			continue
		}
		head, rest, _ := strings.Cut(rec, "\n")
		f := strings.Split(head, "\x1f")
		if len(f) != 4 || f[0] == "" {
			continue
		}
		c := Commit{Hash: f[0], Author: f[1], Date: f[2], Subject: f[3]}
		for _, line := range strings.Split(rest, "\n") {
			if !strings.HasPrefix(line, ":") {
				continue
			}
			meta, _, _ := strings.Cut(line, "\t")
			parts := strings.Fields(meta)
			if len(parts) >= 5 && strings.Trim(parts[3], "0") != "" {
				c.Blob = parts[3]
			}
			break
		}
		cs = append(cs, c)
	}
	return cs
}

// Blobs reads the contents of objects by id, in one git process. A missing
// object is an error.
func (r *Repo) Blobs(ctx context.Context, ids []string) ([][]byte, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	in := strings.Join(ids, "\n") + "\n"
	out, err := r.run(ctx, strings.NewReader(in), "cat-file", "--batch")
	if err != nil {
		return nil, err
	}
	return parseBatch(out, len(ids))
}

// parseBatch reads `git cat-file --batch` output: for each object a header
// "<id> <type> <size>" and size bytes, then a newline.
func parseBatch(out []byte, n int) ([][]byte, error) { return readBatch(out, n, false) }

// readBatch is parseBatch; with missingOK, an object git reports missing
// ("<name> missing") is a nil entry instead of an error.
func readBatch(out []byte, n int, missingOK bool) ([][]byte, error) {
	rd := bytes.NewReader(out)
	br := bufio.NewReader(rd)
	res := make([][]byte, 0, n)
	for i := 0; i < n; i++ {
		head, err := br.ReadString('\n')
		if err != nil {
			return nil, fmt.Errorf("git cat-file: short output")
		}
		f := strings.Fields(head)
		if missingOK && strings.HasSuffix(head, " missing\n") {
			res = append(res, nil)
			continue
		}
		if len(f) != 3 {
			return nil, fmt.Errorf("git cat-file: %s", strings.TrimSpace(head))
		}
		size, err := strconv.Atoi(f[2])
		if err != nil || size < 0 || size > rd.Len()+br.Buffered() {
			return nil, fmt.Errorf("git cat-file: bad header %q", strings.TrimSpace(head))
		}
		buf := make([]byte, size)
		if _, err := io.ReadFull(br, buf); err != nil {
			return nil, fmt.Errorf("git cat-file: short object %s", f[0])
		}
		if _, err := br.ReadByte(); err != nil {
			return nil, fmt.Errorf("git cat-file: short output")
		}
		res = append(res, buf)
	}
	return res, nil
}

// Uncommitted reports whether path (relative to the directory the Repo
// was opened in) differs in the work tree or index from the last commit.
func (r *Repo) Uncommitted(ctx context.Context, path string) (bool, error) {
	out, err := r.run(ctx, nil, "status", "--porcelain", "--untracked-files=no", "--", path)
	if err != nil {
		return false, err
	}
	return len(bytes.TrimSpace(out)) > 0, nil
}

// Find returns the newest of cs (as returned by Log) whose version of the
// file satisfies match, its index in cs and its contents; the index is -1
// when no version matches. Contents are read in batches, newest first, so a
// long history is read only as far back as needed.
func (r *Repo) Find(ctx context.Context, cs []Commit, match func([]byte) bool) (int, []byte, error) {
	const batch = 32
	for start := 0; start < len(cs); start += batch {
		end := min(start+batch, len(cs))
		var ids []string
		var idx []int
		for i := start; i < end; i++ {
			if cs[i].Blob != "" {
				ids = append(ids, cs[i].Blob)
				idx = append(idx, i)
			}
		}
		blobs, err := r.Blobs(ctx, ids)
		if err != nil {
			return -1, nil, err
		}
		for k, b := range blobs {
			if match(b) {
				return idx[k], b, nil
			}
		}
	}
	return -1, nil, nil
}

// run runs git in the repo's directory and returns its stdout; on failure
// the error carries git's first line of stderr.
func (r *Repo) run(ctx context.Context, stdin io.Reader, args ...string) ([]byte, error) {
	cmd := r.command(ctx, args...)
	cmd.Stdin = stdin
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg, _, _ := strings.Cut(strings.TrimSpace(stderr.String()), "\n")
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("git %s: %s", args[0], msg)
	}
	return stdout.Bytes(), nil
}

// command returns git with args, to run in the repo's directory.
func (r *Repo) command(ctx context.Context, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, r.git, append([]string{"-c", "core.quotepath=off", "-c", "log.showSignature=false"}, args...)...)
	cmd.Dir = r.dir
	// No lock files and no pager: ceviri only reads, perhaps while another
	// git command runs. Paths are literal: an article id may hold "*" or ":".
	cmd.Env = append(os.Environ(), "GIT_OPTIONAL_LOCKS=0", "GIT_PAGER=cat", "LC_ALL=C", "GIT_LITERAL_PATHSPECS=1")
	return cmd
}
