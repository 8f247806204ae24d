package safefile

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/ceviri/ceviri/internal/clitext"
)

// Tx is a batch of files written all or nothing, also across a crash
// (kill -9, power loss) or an I/O error half way:
//
//  1. the journal is written in state "prepare", naming every file;
//  2. each new file is written and synced beside its target under a
//     temporary name, and each existing target gets a hard link (else a
//     copy) under a backup name;
//  3. the journal is rewritten in state "commit": from here on the batch
//     happens;
//  4. every temporary file is renamed over its target;
//  5. the backups and the journal are removed.
//
// A failure in 1-3 removes what was staged; a failure in 4 rewrites the
// journal to "rollback" and puts the backups back. A crash leaves the
// journal behind, and Recover, which every ceviri command runs before
// anything else, finishes the batch (commit) or undoes it (prepare,
// rollback). At every moment each target is either its old or its new
// content, never half of one.
type Tx struct {
	d       *Dir
	journal string
	files   map[string]txFile // by the name asked for
}

type txFile struct {
	data []byte
	perm fs.FileMode
}

// journal is the file a Tx keeps while it runs. Every name in it is
// checked again when it is read: a journal is a file on disk like any
// other, and a hostile or stray one must not make Recover touch anything
// but the temporary files and targets of a batch.
type journal struct {
	Format string        `json:"format"`
	ID     string        `json:"id"`
	State  string        `json:"state"`
	Dirs   []string      `json:"dirs,omitempty"` // made by the batch, parents first
	Files  []journalFile `json:"files"`
}

type journalFile struct {
	Path string `json:"path"` // the target, symlinks resolved
	Sum  string `json:"sum"`  // sha256 of the new content
	Old  bool   `json:"old"`  // the target existed and has a backup
}

const journalFormat = "ceviri journal 1"

// Journal states.
const (
	statePrepare  = "prepare"
	stateCommit   = "commit"
	stateRollback = "rollback"
)

// NewTx starts a batch of writes in d, journalled in the file journal
// (a name in d, e.g. ".ceviri/journal.json"). The caller holds the lock.
func (d *Dir) NewTx(journal string) *Tx {
	return &Tx{d: d, journal: journal, files: map[string]txFile{}}
}

// Add plans writing data to name. A new file gets perm; an existing one
// keeps its permissions.
func (t *Tx) Add(name string, data []byte, perm fs.FileMode) {
	t.files[name] = txFile{data: data, perm: perm}
}

// Len is the number of files planned.
func (t *Tx) Len() int { return len(t.files) }

func (j *journal) newName(p string) string { return tempName(p, j.ID+".new") }
func (j *journal) oldName(p string) string { return tempName(p, j.ID+".old") }

// Commit writes every planned file, or none.
func (t *Tx) Commit() error {
	if len(t.files) == 0 {
		return nil
	}
	d := t.d
	id := make([]byte, 8)
	if _, err := rand.Read(id); err != nil {
		return err
	}
	j := &journal{Format: journalFormat, ID: hex.EncodeToString(id), State: statePrepare}
	data := map[string]txFile{}
	asked := map[string]string{}
	var dirs []string
	madeDir := map[string]bool{}
	names := make([]string, 0, len(t.files))
	for name := range t.files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		target, err := d.Resolve(name)
		if err != nil {
			return err
		}
		if prev, ok := asked[target]; ok {
			return clitext.NewError("write_same_file", "First", prev, "Second", name, "Target", target)
		}
		asked[target] = name
		f := t.files[name]
		jf := journalFile{Path: target, Sum: sum(f.data)}
		switch fi, err := d.root.Lstat(target); {
		case err == nil && !fi.Mode().IsRegular():
			return clitext.NewError("write_not_regular", "Name", name)
		case err == nil:
			jf.Old = true
			f.perm = fi.Mode().Perm()
		case !errors.Is(err, fs.ErrNotExist):
			return err
		default:
			// Directories to make, parents first.
			var missing []string
			for dir := path.Dir(target); dir != "." && !madeDir[dir]; dir = path.Dir(dir) {
				fi, err := d.root.Lstat(dir)
				if err == nil {
					if !fi.IsDir() {
						return clitext.NewError("write_parent_not_dir", "Name", name, "Dir", dir)
					}
					break
				}
				if !errors.Is(err, fs.ErrNotExist) {
					return err
				}
				missing = append(missing, dir)
				madeDir[dir] = true
			}
			for i := len(missing) - 1; i >= 0; i-- {
				dirs = append(dirs, missing[i])
			}
		}
		data[target] = f
		j.Files = append(j.Files, jf)
	}
	sort.Slice(j.Files, func(a, b int) bool { return j.Files[a].Path < j.Files[b].Path })
	j.Dirs = dirs

	// 1. prepare
	if err := t.writeJournal(j); err != nil {
		// Nothing is staged; the journal may be in place all the same
		// (the directory's sync failed after the rename).
		_ = d.removeJournal(t.journal)
		return err
	}
	// 2. stage
	if err := t.stage(j, data); err != nil {
		return t.abandon(j, err, clitext.Msg("write_removing_staged"))
	}
	// 3. commit point
	j.State = stateCommit
	if err := t.writeJournal(j); err != nil {
		j.State = statePrepare
		return t.abandon(j, err, clitext.Msg("write_removing_staged"))
	}
	// 4. rename
	for _, f := range j.Files {
		if err := d.Rename(j.newName(f.Path), f.Path); err != nil {
			j.State = stateRollback
			if jerr := t.writeJournal(j); jerr != nil {
				// The journal still says commit: the next command finishes
				// the batch instead.
				return errors.Join(err, clitext.Wrap(jerr, "write_next_finishes"))
			}
			return t.abandon(j, err, clitext.Msg("write_putting_back"))
		}
	}
	// 5. The batch is done. A failure from here on (syncing the
	// directories, removing the backups and the journal) leaves the
	// journal in state commit, and the next command finishes the work.
	if err := d.syncAll(parentDirs(j)); err != nil {
		return nil
	}
	_ = t.d.finish(j, t.journal)
	return nil
}

// abandon undoes a batch that failed with err, then removes its journal;
// what it cannot undo the next command does, from the journal left.
func (t *Tx) abandon(j *journal, err error, what clitext.Text) error {
	if uerr := t.d.undo(j); uerr != nil {
		return errors.Join(err, clitext.Wrap(uerr, "write_undo_unfinished", "What", what))
	}
	_ = t.d.removeJournal(t.journal)
	return err
}

// stage writes the new files and the backups of the old ones, and syncs
// their directories.
func (t *Tx) stage(j *journal, data map[string]txFile) error {
	d := t.d
	for _, dir := range j.Dirs {
		if err := d.hook("mkdir", dir); err != nil {
			return err
		}
		if err := d.root.Mkdir(dir, 0o755); err != nil {
			return err
		}
	}
	// The files are synced all at once below: an fsync each made a
	// thousand-file `done --all` take most of a minute.
	var written []string
	for _, f := range j.Files {
		nf := data[f.Path]
		if err := d.createFile(j.newName(f.Path), nf.data, nf.perm, false); err != nil {
			return err
		}
		written = append(written, j.newName(f.Path))
		if f.Old {
			if err := d.backup(f.Path, j.oldName(f.Path)); err != nil {
				return err
			}
		}
	}
	if err := d.syncAll(append(written, parentDirs(j)...)); err != nil {
		return err
	}
	return nil
}

// backup makes old a hard link to name, or, where the file system has no
// hard links, a synced copy.
func (d *Dir) backup(name, old string) error {
	_ = d.root.Remove(old) // a stale one from a crash: the name is ceviri's
	if err := d.Link(name, old); err == nil {
		return nil
	}
	data, err := d.root.ReadFile(name)
	if err != nil {
		return err
	}
	return d.create(old, data, 0o644)
}

// parentDirs lists the directories holding a batch's files, and the
// parents of the directories it made.
func parentDirs(j *journal) []string {
	seen := map[string]bool{}
	var out []string
	add := func(dir string) {
		if !seen[dir] {
			seen[dir] = true
			out = append(out, dir)
		}
	}
	for _, f := range j.Files {
		add(path.Dir(f.Path))
	}
	for _, dir := range j.Dirs {
		add(path.Dir(dir))
	}
	sort.Strings(out)
	return out
}

func (t *Tx) writeJournal(j *journal) error {
	data, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		return err
	}
	return t.d.WriteFile(t.journal, append(data, '\n'), 0o644)
}

// undo removes what a batch in state prepare staged, or, in state
// rollback, puts the old files back and removes the new ones.
func (d *Dir) undo(j *journal) error {
	var errs []error
	for _, f := range j.Files {
		nw, old := j.newName(f.Path), j.oldName(f.Path)
		switch {
		case j.State == stateRollback && f.Old:
			if exists(d, old) {
				if err := d.Rename(old, f.Path); err != nil {
					errs = append(errs, err)
				}
			}
		case j.State == stateRollback && !exists(d, nw):
			// The new file was renamed in where there was none: remove it,
			// if it is still what the batch wrote.
			if data, err := d.root.ReadFile(f.Path); err == nil && sum(data) == f.Sum {
				if err := d.Remove(f.Path); err != nil {
					errs = append(errs, err)
				}
			}
		}
		for _, name := range []string{nw, old} {
			if err := d.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, err)
			}
		}
	}
	for i := len(j.Dirs) - 1; i >= 0; i-- {
		_ = d.root.Remove(j.Dirs[i]) // only if empty
	}
	return errors.Join(errs...)
}

// finish removes the backups and temporary files of a committed batch and
// then the journal.
func (d *Dir) finish(j *journal, name string) error {
	var errs []error
	for _, f := range j.Files {
		for _, tmp := range []string{j.newName(f.Path), j.oldName(f.Path)} {
			if err := d.Remove(tmp); err != nil && !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, err)
			}
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	return d.removeJournal(name)
}

func (d *Dir) removeJournal(name string) error {
	if err := d.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	_ = d.SyncDir(path.Dir(name)) // the batch is whole either way
	return nil
}

// Recover finishes or undoes the batch a crashed command left in the
// journal file name, if there is one, and returns the state it found it
// in: "commit" (the batch was completed), "prepare" or "rollback" (it was
// undone), or "" when there was no journal. The
// caller holds the lock. A journal that is not one ceviri wrote (a foreign
// format, names that are not a batch's) is an error, and nothing is
// touched.
func (d *Dir) Recover(name string) (string, error) {
	// A journal being written when a command crashed: the batch had not
	// started, or the journal before it says what to do.
	if err := d.root.Remove(tempName(name, "tmp")); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	data, err := d.root.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	j, err := parseJournal(data)
	if err != nil {
		return "", clitext.Wrap(err, "write_bad_journal", "Name", name)
	}
	switch j.State {
	case statePrepare, stateRollback:
		if err := d.undo(j); err != nil {
			return "", err
		}
		return j.State, d.removeJournal(name)
	default: // commit
		for _, f := range j.Files {
			if nw := j.newName(f.Path); exists(d, nw) {
				if err := d.Rename(nw, f.Path); err != nil {
					return "", err
				}
			}
		}
		for _, dir := range parentDirs(j) {
			if err := d.SyncDir(dir); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return "", err
			}
		}
		return j.State, d.finish(j, name)
	}
}

var (
	idRE  = regexp.MustCompile(`^[0-9a-f]{16}$`)
	sumRE = regexp.MustCompile(`^[0-9a-f]{64}$`)
)

// parseJournal reads a journal and checks every name in it.
func parseJournal(data []byte) (*journal, error) {
	var j journal
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&j); err != nil {
		return nil, clitext.NewError("write_journal_not_ours", "Err", err)
	}
	switch {
	case j.Format != journalFormat:
		return nil, clitext.NewError("write_journal_format", "Format", strconv.Quote(j.Format))
	case !idRE.MatchString(j.ID):
		return nil, clitext.NewError("write_journal_id", "ID", strconv.Quote(j.ID))
	case j.State != statePrepare && j.State != stateCommit && j.State != stateRollback:
		return nil, clitext.NewError("write_journal_state", "State", strconv.Quote(j.State))
	}
	parents := map[string]bool{}
	for _, f := range j.Files {
		if err := checkName(f.Path); err != nil || f.Path == "." {
			return nil, clitext.NewError("write_journal_name", "Name", strconv.Quote(f.Path))
		}
		if !sumRE.MatchString(f.Sum) {
			return nil, clitext.NewError("write_journal_sum", "Name", strconv.Quote(f.Path))
		}
		for dir := path.Dir(f.Path); dir != "."; dir = path.Dir(dir) {
			parents[dir] = true
		}
	}
	for _, dir := range j.Dirs {
		if !parents[dir] {
			return nil, clitext.NewError("write_journal_dir", "Dir", strconv.Quote(dir))
		}
	}
	return &j, nil
}

func exists(d *Dir, name string) bool {
	_, err := d.root.Lstat(name)
	return err == nil
}

func sum(data []byte) string {
	s := sha256.Sum256(data)
	return hex.EncodeToString(s[:])
}

// IsTemp reports whether a base name is one of the temporary or backup
// files that ceviri's writes use.
func IsTemp(base string) bool {
	return strings.HasPrefix(base, ".") && strings.Contains(base, ".ceviri-")
}
