package cli

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"time"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/diag"
	"github.com/ceviri/ceviri/internal/frontmatter"
	"github.com/ceviri/ceviri/internal/gitlog"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/track"
)

// Adopting a site that translated before it used ceviri: done --from-git
// and --from-field record each translation against the source version it
// was made from, read from git, rather than today's source, so that a
// translation that was already behind is stale (with its diff) from the
// first status. See docs/translators.md, "Adopting a site".

// adoptFrom is where done looks for the source version a translation was
// made from.
type adoptFrom struct {
	git   bool   // --from-git: the source as the translation's last commit held it
	field string // --from-field: the commit a front-matter field names (a dotted path)
}

func (f adoptFrom) on() bool { return f.git || f.field != "" }

// check refuses a field path with an empty part ("l10n..sourceCommit").
func (f adoptFrom) check() error {
	if f.field == "" {
		return nil
	}
	for _, part := range strings.Split(f.field, ".") {
		if strings.TrimSpace(part) == "" {
			return usageText("err_from_field_path", "Field", q(f.field))
		}
	}
	return nil
}

// adoptItem is a translation done records.
type adoptItem struct {
	a  *track.ArticleStatus
	v  *track.VersionStatus
	at int // the article's index, for done's messages
}

// adoption is the source version a translation is recorded against.
type adoption struct {
	src    *project.Version   // the version to record: one read from git, or today's source
	commit gitlog.Commit      // the commit it was read from; Hash "" for today's source
	via    string             // how the commit was found: "git" or the field's path
	today  *clitext.TextError // why today's source is recorded: git did not know; nil otherwise
}

// behind reports whether the recorded version is not today's source.
func (ad adoption) behind(today *project.Version) bool {
	return ad.commit.Hash != "" && ad.src.Fingerprint != today.Fingerprint
}

// commitID matches what a field may name a commit by: a hash, or an
// abbreviation of one git accepts. Nothing else (branch names, rev
// expressions, options) is asked of git.
var commitID = regexp.MustCompile(`^[0-9a-fA-F]{4,64}$`)

// adopt finds, for each item, the source version to record. A field that
// names a commit git does not know, a source absent from that commit or
// unreadable there, is a positioned error at the field; where git cannot
// say (a file never committed, or changed since), today's source is
// recorded and adoption.today says why. Without git history it is a usage
// error.
func adopt(ctx context.Context, p *project.Project, items []adoptItem, from adoptFrom) ([]adoption, error) {
	repo, err := gitlog.Open(ctx, p.Root)
	if err != nil {
		flag := "--from-git"
		if !from.git {
			flag = "--from-field"
		}
		return nil, usageText("err_adopt_no_git", "Flag", flag, "Err", err)
	}
	out := make([]adoption, len(items))
	for i, it := range items {
		out[i].src = it.a.SourceFile
	}
	var viaGit []int
	if from.field != "" {
		rest, err := fromField(ctx, repo, p, items, from, out)
		if err != nil {
			return nil, err
		}
		viaGit = rest
	} else {
		for i := range items {
			viaGit = append(viaGit, i)
		}
	}
	if from.git && len(viaGit) > 0 {
		if err := fromHistory(ctx, repo, p, items, viaGit, out); err != nil {
			return nil, textWrap(err, "err_adopt_history")
		}
	}
	return out, nil
}

// fromField reads the commit each translation's field names and the
// source as that commit held it, into out. It returns the items without
// the field (to be read from history with --from-git; recorded against
// today's source otherwise), and every field error, positioned, at once.
func fromField(ctx context.Context, repo *gitlog.Repo, p *project.Project, items []adoptItem, from adoptFrom, out []adoption) ([]int, error) {
	var rest, asked []int
	var names []string
	var errs []error
	pos := map[int]*frontmatter.Node{}
	for i, it := range items {
		n := fieldAt(it.v.Parsed.Doc, from.field)
		if n == nil || n.Blank() {
			if !from.git {
				out[i].today = because("adopt_no_field", "Field", from.field)
				if n != nil {
					out[i].today = because("adopt_empty_field", "Field", from.field)
				}
			}
			rest = append(rest, i)
			continue
		}
		if n.Kind != frontmatter.Scalar || !commitID.MatchString(n.Value) {
			what := textErr("adopt_value_is", "Value", q(n.Value))
			switch n.Kind {
			case frontmatter.List:
				what = textErr("adopt_list_is")
			case frontmatter.Map:
				what = textErr("adopt_map_is")
			}
			errs = append(errs, posText(it.v.Path, n.Line, n.Column, "err_adopt_not_commit", "Field", from.field, "What", what))
			continue
		}
		pos[i] = n
		asked = append(asked, i)
		names = append(names, n.Value)
	}
	if len(names) > 0 {
		hashes, err := repo.ResolveCommits(ctx, names)
		if err != nil {
			return nil, err
		}
		var specs []string
		var found []int
		for k, i := range asked {
			n := pos[i]
			if hashes[k] == "" {
				errs = append(errs, posText(items[i].v.Path, n.Line, n.Column, "err_adopt_unknown_commit", "Field", from.field, "Commit", n.Value))
				continue
			}
			out[i].commit = gitlog.Commit{Hash: hashes[k]}
			out[i].via = from.field
			found = append(found, i)
			specs = append(specs, hashes[k]+":./"+items[i].a.SourceFile.Path)
		}
		objs, err := repo.Objects(ctx, specs)
		if err != nil {
			return nil, err
		}
		for k, i := range found {
			n, src := pos[i], items[i].a.SourceFile
			if objs[k] == nil {
				errs = append(errs, posText(items[i].v.Path, n.Line, n.Column, "err_adopt_no_source", "Field", from.field, "Commit", out[i].commit.Short(), "Path", diag.EscapeLine(src.Path)))
				continue
			}
			old := p.ParseVersion(src.File, objs[k])
			if old.Err != nil {
				errs = append(errs, posText(items[i].v.Path, n.Line, n.Column, "err_adopt_unreadable", "Field", from.field, "Path", diag.EscapeLine(src.Path), "Commit", out[i].commit.Short(), "Err", old.Err))
				continue
			}
			out[i].src = old
		}
	}
	if len(errs) > 0 {
		diag.Sort(errs)
		return nil, &diag.UsageError{Err: errors.Join(append(errs, textErr("err_adopt_fields"))...)}
	}
	return rest, nil
}

// fieldAt returns the value at a dotted path of front-matter keys
// (l10n.sourceCommit: the sourceCommit entry of the l10n map), keys
// matched ignoring case as Hugo does; nil when there is none.
func fieldAt(doc *frontmatter.Doc, path string) *frontmatter.Node {
	if doc == nil {
		return nil
	}
	parts := strings.Split(path, ".")
	f, ok := doc.Get(parts[0])
	if !ok {
		return nil
	}
	n := f.Value
	for _, key := range parts[1:] {
		if n == nil || n.Kind != frontmatter.Map {
			return nil
		}
		var next *frontmatter.Node
		for _, e := range n.Entries {
			if strings.EqualFold(e.Key.Value, key) {
				next = e.Value
				break
			}
		}
		n = next
	}
	return n
}

// fromHistory finds, for the items at idx, the source as the commit that
// last changed the translation file held it, into out. A file never
// committed, or changed since its last commit, is recorded against today's
// source, and out says why.
func fromHistory(ctx context.Context, repo *gitlog.Repo, p *project.Project, items []adoptItem, idx []int, out []adoption) error {
	paths := make([]string, 0, len(idx))
	for _, i := range idx {
		paths = append(paths, items[i].v.Path)
	}
	tracked, err := repo.Tracked(ctx)
	if err != nil {
		return err
	}
	changed, err := repo.Changed(ctx)
	if err != nil {
		return err
	}
	last, err := repo.LastCommits(ctx, paths)
	if err != nil {
		return err
	}
	var specs []string
	var asked []int
	for _, i := range idx {
		path := items[i].v.Path
		c, ok := last[path]
		switch {
		case strings.ContainsAny(path, "\n\r\x1e"):
			// git log -z and cat-file --batch cannot carry such a name.
			out[i].today = because("adopt_control_char")
		case !tracked[path] || !ok:
			out[i].today = because("adopt_never_committed")
		case changed[path]:
			out[i].today = because("adopt_changed", "Commit", c.Short())
		default:
			out[i].commit, out[i].via = c, "git"
			asked = append(asked, i)
			specs = append(specs, c.Hash+":./"+items[i].a.SourceFile.Path)
		}
	}
	objs, err := repo.Objects(ctx, specs)
	if err != nil {
		return err
	}
	for k, i := range asked {
		src := items[i].a.SourceFile
		data := objs[k]
		if data == nil {
			// Not under this name in that commit: the source was renamed
			// (or added) since. Its own history, followed across renames,
			// has the version of that day.
			if data, err = sourceAsOf(ctx, repo, src.Path, out[i].commit); err != nil {
				return err
			}
			if data == nil {
				out[i].today = because("adopt_source_not_in_git", "Path", diag.EscapeLine(src.Path), "Commit", out[i].commit.Short())
				out[i].commit = gitlog.Commit{}
				continue
			}
		}
		old := p.ParseVersion(src.File, data)
		if old.Err != nil {
			out[i].today = because("adopt_source_unreadable", "Commit", out[i].commit.Short(), "Err", diag.EscapedLine(old.Err))
			out[i].commit = gitlog.Commit{}
			continue
		}
		out[i].src = old
	}
	return nil
}

// sourceAsOf returns the newest version of the source at path, following
// renames, committed no later than at (by author date); nil when there is
// none.
func sourceAsOf(ctx context.Context, repo *gitlog.Repo, path string, at gitlog.Commit) ([]byte, error) {
	when, err := time.Parse(time.RFC3339, at.Date)
	if err != nil {
		return nil, nil
	}
	commits, err := repo.Log(ctx, path)
	if err != nil {
		return nil, err
	}
	for _, c := range commits {
		d, err := time.Parse(time.RFC3339, c.Date)
		if err != nil || d.After(when) {
			continue
		}
		if c.Blob == "" {
			return nil, nil // deleted then: there was no source
		}
		blobs, err := repo.Blobs(ctx, []string{c.Blob})
		if err != nil {
			return nil, err
		}
		return blobs[0], nil
	}
	return nil, nil
}

// because is why today's source is recorded, in ceviri's words.
func because(id string, pairs ...any) *clitext.TextError {
	return &clitext.TextError{Text: clitext.Msg(id, pairs...)}
}

// describe says, for done's message, which source version a translation
// was recorded against.
func (ad adoption) describe(today *project.Version, tx *clitext.Printer) string {
	src := diag.EscapeLine(today.Path)
	switch {
	case ad.today != nil:
		return tx.T("adopt_today", "Source", src, "Why", tx.Error(ad.today))
	case ad.behind(today):
		return tx.T("adopt_behind", "Source", src, "Commit", ad.where(tx))
	}
	return tx.T("adopt_unchanged", "Source", src, "Commit", ad.where(tx))
}

// where names the commit a version was read from.
func (ad adoption) where(tx *clitext.Printer) string {
	if ad.via != "git" {
		return tx.T("adopt_commit_field", "Commit", ad.commit.Short(), "Field", ad.via)
	}
	day, _, _ := strings.Cut(ad.commit.Date, "T")
	return tx.T("adopt_commit_last", "Commit", ad.commit.Short(), "Day", day)
}
