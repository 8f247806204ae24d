package cli

import (
	"context"

	"github.com/ceviri/ceviri/internal/gitlog"
	"github.com/ceviri/ceviri/internal/project"
	"github.com/ceviri/ceviri/internal/track"
)

// gitHistory is what git knows about a recorded source version.
type gitHistory struct {
	commits []gitlog.Commit  // commits that touched the source, newest first
	index   int              // the newest commit holding the recorded version; -1 when none does
	version *project.Version // that version, parsed; nil when index is -1
}

// since returns the commits after the recorded version.
func (h *gitHistory) since() []gitlog.Commit { return h.commits[:h.index] }

// commit returns the commit holding the recorded version.
func (h *gitHistory) commit() gitlog.Commit { return h.commits[h.index] }

// recordedInGit walks the git history of a source file, newest first, for
// the version whose fingerprint is hash, parsing each old version the way
// the current one is parsed.
func recordedInGit(ctx context.Context, repo *gitlog.Repo, p *project.Project, src *project.Version, hash string) (*gitHistory, error) {
	commits, err := repo.Log(ctx, src.Path)
	if err != nil {
		return nil, err
	}
	h := &gitHistory{commits: commits}
	h.index, _, err = repo.Find(ctx, commits, func(data []byte) bool {
		v := project.Parse(src.File, data, p.Config)
		if v.Err == nil && v.Fingerprint == hash {
			h.version = v
			return true
		}
		return false
	})
	if err != nil {
		return nil, err
	}
	return h, nil
}

// staleWords counts the words of a stale translation from its recorded
// source version, as track.AnalyzeArticle does with a stored copy: the words
// of the source segments added or changed since. It returns them with the
// number of changed segments.
func staleWords(rec, src *project.Version) (words, changed int) {
	changes := track.Compare(rec.Segments(), src.Segments())
	for _, c := range changes {
		if c.Op == track.Added || c.Op == track.Changed {
			words += c.New.Words
		}
	}
	return words, len(changes)
}
