package project

import "io/fs"

// Cache remembers parsed language versions between runs, so that a command
// can skip reading files that did not change (internal/cache implements it
// for `ceviri status`).
//
// A version a Cache returns may be a summary: its Doc is nil and its
// segments carry no Text or Plain (kind, key, hash, line, words and offsets
// are kept), which is all that states and counts need. Set Project.Cache
// only for commands that need nothing more.
type Cache interface {
	// Load returns the version of f: a copy of an earlier parse when the
	// file is known to be unchanged, else the result of parse, which it may
	// keep for the next run. info is what Scan learnt of the file (nil
	// when nothing), so that an unchanged file costs no system call beyond
	// the directory listing.
	Load(f File, info fs.FileInfo, parse func() *Version) *Version
}

// Cached returns the version of f through p.Cache when one is set, else
// the result of parse, with the record that counts (ApplyLock): a cache
// keeps the file's own record, and the lock file may have changed since.
func (p *Project) Cached(f File, parse func() *Version) *Version {
	if p.Cache == nil {
		return parse()
	}
	v := p.Cache.Load(f, p.infos[f.Path], parse)
	p.ApplyLock(v)
	return v
}

// scanned records what Scan learnt of a file, when a cache will use it.
// Set the cache before scanning for it to be used.
func (p *Project) scanned(name string, info fs.FileInfo) {
	if p.Cache == nil || info == nil {
		return
	}
	if p.infos == nil {
		p.infos = map[string]fs.FileInfo{}
	}
	p.infos[name] = info
}
