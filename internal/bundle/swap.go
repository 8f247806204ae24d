package bundle

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"regexp"
	"strconv"
	"strings"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/safefile"
)

// A build replaces or removes only what ceviri built: a bundle directory
// whose manifest.json says so, an archive that holds such a manifest, or
// an empty directory. Anything else in their place is foreign: the build
// refuses it, or, with --force, moves it into WorkDir/replaced/ (never
// deletes it).

// owner is what is found at a name a build would replace.
type owner int

const (
	absent  owner = iota // nothing there
	ours                 // a bundle or archive ceviri built for that language, or an empty directory
	foreign              // anything else
)

// bundleOwner says whose out/<lang> is.
func bundleOwner(out *safefile.Dir, lang string) (owner, error) {
	fi, err := out.Lstat(lang)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return absent, nil
	case err != nil:
		return foreign, err
	case !fi.IsDir():
		return foreign, nil // a file or a symlink (even to a bundle: it would be replaced, not its target)
	}
	if data, err := readLimited(out.Root(), lang+"/manifest.json"); err == nil && isManifest(data, lang) {
		return ours, nil
	}
	f, err := out.Root().Open(lang)
	if err != nil {
		return foreign, err
	}
	defer f.Close()
	if _, err := f.Readdirnames(1); errors.Is(err, io.EOF) {
		return ours, nil // empty: nothing to lose
	}
	return foreign, nil
}

// maxManifest bounds what is read of a manifest.json found in an archive.
const maxManifest = 256 << 20

// archiveOwner says whose out/<lang><ext> is: ceviri's when it holds
// <lang>/manifest.json written by ceviri for lang.
func archiveOwner(out *safefile.Dir, lang, ext string) (owner, error) {
	name := lang + ext
	fi, err := out.Lstat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return absent, nil
	case err != nil:
		return foreign, err
	case !fi.Mode().IsRegular():
		return foreign, nil
	}
	f, err := out.Root().Open(name)
	if err != nil {
		return foreign, err
	}
	defer f.Close()
	want := lang + "/manifest.json"
	var data []byte
	switch ext {
	case ".zip":
		zr, err := zip.NewReader(f, fi.Size())
		if err != nil {
			return foreign, nil
		}
		for _, zf := range zr.File {
			if zf.Name == want {
				rc, err := zf.Open()
				if err != nil {
					return foreign, nil
				}
				data, err = io.ReadAll(io.LimitReader(rc, maxManifest))
				rc.Close()
				if err != nil {
					return foreign, nil
				}
				break
			}
		}
	default:
		gz, err := gzip.NewReader(f)
		if err != nil {
			return foreign, nil
		}
		tr := tar.NewReader(gz)
		for {
			h, err := tr.Next()
			if err != nil {
				return foreign, nil
			}
			if h.Name == want {
				if data, err = io.ReadAll(io.LimitReader(tr, maxManifest)); err != nil {
					return foreign, nil
				}
				break
			}
		}
	}
	if isManifest(data, lang) {
		return ours, nil
	}
	return foreign, nil
}

// isManifest reports whether data is a manifest.json that ceviri wrote for
// a bundle of lang: the mark of a directory or archive a build may replace.
// (Whether its file names can be trusted is parseManifest's question.)
//
// Only the top-level keys up to those three are read (ceviri writes them
// first): a manifest of 10,000 articles is megabytes, and a build looks at
// each language's twice.
func isManifest(data []byte, lang string) bool {
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return false
	}
	var format float64
	var gotLang, generator string
	for seen := 0; seen < 3 && dec.More(); {
		t, err := dec.Token()
		if err != nil {
			return false
		}
		var v any
		switch t {
		case "format":
			v = &format
		case "lang":
			v = &gotLang
		case "generator":
			v = &generator
		default:
			var skip json.RawMessage
			v = &skip
			seen--
		}
		if err := dec.Decode(v); err != nil {
			return false
		}
		seen++
	}
	return format == FormatVersion && gotLang == lang && strings.HasPrefix(generator, "ceviri ")
}

// checkOwners refuses, before anything is written, to replace what ceviri
// did not build: each language's bundle directory, and the archive this
// build writes. With force nothing is refused; the swap moves what is
// foreign aside. The answer is the list of what will be moved.
func checkOwners(out *safefile.Dir, langs []string, archive string, force bool) ([]string, error) {
	var errs []error
	var moved []string
	for _, lang := range langs {
		o, err := bundleOwner(out, lang)
		if err != nil {
			return nil, err
		}
		if o == foreign {
			if force {
				moved = append(moved, lang)
			} else {
				errs = append(errs, clitext.NewError("build_err_foreign_bundle", "Path", out.OSPath(lang)))
			}
		}
		if archive == "" {
			continue
		}
		name := lang + "." + archive
		if o, err = archiveOwner(out, lang, "."+archive); err != nil {
			return nil, err
		} else if o == foreign {
			if force {
				moved = append(moved, name)
			} else {
				errs = append(errs, clitext.NewError("build_err_foreign_archive", "Path", out.OSPath(name)))
			}
		}
	}
	if len(errs) > 0 {
		errs = append(errs, clitext.NewError("build_err_nothing_written", "Dir", out.OSPath(replacedDir)))
		return nil, errors.Join(errs...)
	}
	return moved, nil
}

// swapJournal is WorkDir/swap.json, written before the first language's
// bundle is swapped in and removed after the last: a build killed in
// between is finished by the next one (recoverSwap), so that the output
// never keeps a mix of new and old bundles.
type swapJournal struct {
	Format string     `json:"format"`
	Langs  []swapLang `json:"langs"`
}

type swapLang struct {
	Lang     string `json:"lang"`
	Manifest string `json:"manifest"`          // sha256 of the new bundle's manifest.json
	Archive  string `json:"archive,omitempty"` // the archive written: "tar.gz", "zip" or ""
	Force    bool   `json:"force,omitempty"`   // move a foreign bundle or archive aside
}

const swapFormat = "ceviri swap 1"

var langRE = regexp.MustCompile(`^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$`)

// swapAll puts every staged bundle (and archive) in place, all or, after a
// crash, the next build finishes it.
func (s *stage) swapAll(j *swapJournal) error {
	data, err := json.MarshalIndent(j, "", "  ")
	if err != nil {
		return err
	}
	if err := s.out.WriteFile(swapName, append(data, '\n'), 0o644); err != nil {
		return err
	}
	return finishSwap(s.out, j)
}

// recoverSwap finishes the swap a killed build left.
func recoverSwap(out *safefile.Dir) error {
	data, err := out.ReadFile(swapName)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	var j swapJournal
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&j); err != nil || j.Format != swapFormat {
		return clitext.NewError("build_err_journal", "Path", out.OSPath(swapName))
	}
	for _, l := range j.Langs {
		if !langRE.MatchString(l.Lang) || !hexRE.MatchString(l.Manifest) || (l.Archive != "" && l.Archive != "tar.gz" && l.Archive != "zip") {
			return clitext.NewError("build_err_journal", "Path", out.OSPath(swapName))
		}
	}
	return finishSwap(out, &j)
}

var hexRE = regexp.MustCompile(`^[0-9a-f]{64}$`)

// finishSwap does (or, after a crash, completes) every step of a swap;
// each step checks whether it was done already.
func finishSwap(out *safefile.Dir, j *swapJournal) error {
	for _, l := range j.Langs {
		if err := swapOne(out, l); err != nil {
			return err
		}
	}
	for _, l := range j.Langs {
		for _, ext := range archiveExts {
			name := l.Lang + ext
			if ext == "."+l.Archive {
				if _, err := out.Lstat(archiveTmp(name)); err != nil {
					continue // moved in already
				}
				switch o, err := archiveOwner(out, l.Lang, ext); {
				case err != nil:
					return err
				case o == foreign && !l.Force:
					return clitext.NewError("build_err_not_our_archive", "Path", out.OSPath(name))
				case o == foreign:
					if err := moveAside(out, name, l.Lang, ext); err != nil {
						return err
					}
				}
				if err := out.Rename(archiveTmp(name), name); err != nil {
					return clitext.Wrap(err, "build_err_moving_in", "Name", name)
				}
				continue
			}
			// An archive of an earlier build no longer matches the bundle:
			// it goes, if it is ceviri's.
			if o, err := archiveOwner(out, l.Lang, ext); err != nil {
				return err
			} else if o == ours {
				if err := out.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
					return err
				}
			}
		}
	}
	if err := out.SyncDir("."); err != nil {
		return err
	}
	if err := out.Remove(swapName); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return out.SyncDir(WorkDir)
}

// swapOne puts lang's staged bundle at out/<lang>. An existing bundle is
// exchanged with the new one in one atomic rename where the system can
// (renameat2 RENAME_EXCHANGE on Linux), so at every instant out/<lang> is
// the whole old bundle or the whole new one; the old one ends up in
// WorkDir/next-<lang>, where the next build updates it. Elsewhere the old
// bundle is renamed aside first (WorkDir/next-<lang>.old); a crash between
// the renames is finished by the next build.
func swapOne(out *safefile.Dir, l swapLang) error {
	target, staged := l.Lang, dirName(l.Lang)
	aside := staged + ".old"
	if manifestSum(out, target) != l.Manifest {
		if manifestSum(out, staged) != l.Manifest {
			return clitext.NewError("build_err_swap_lost", "Lang", l.Lang, "Path", out.OSPath(staged))
		}
		// Checked before the build, and again here: what is exchanged out
		// of the way becomes the next build's tree, which it empties.
		switch o, err := bundleOwner(out, l.Lang); {
		case err != nil:
			return err
		case o == foreign && !l.Force:
			return clitext.NewError("build_err_not_our_bundle", "Path", out.OSPath(target))
		case o == foreign:
			if err := moveAside(out, target, l.Lang, ""); err != nil {
				return err
			}
		}
		if _, err := out.Lstat(target); err == nil {
			if err := exchange(out, target, staged); err != nil {
				if !errors.Is(err, errors.ErrUnsupported) {
					return clitext.Wrap(err, "build_err_swapping", "Lang", l.Lang)
				}
				if err := out.Rename(target, aside); err != nil {
					return clitext.Wrap(err, "build_err_moving_old", "Lang", l.Lang)
				}
				if err := out.Rename(staged, target); err != nil {
					return clitext.Wrap(err, "build_err_moving_new", "Lang", l.Lang)
				}
			}
		} else if err := out.Rename(staged, target); err != nil {
			return clitext.Wrap(err, "build_err_moving_new", "Lang", l.Lang)
		}
	}
	// The old bundle, if it was moved aside, becomes the next tree.
	if _, err := out.Lstat(aside); err == nil {
		if _, err := out.Lstat(staged); errors.Is(err, fs.ErrNotExist) {
			return out.Rename(aside, staged)
		}
		return out.RemoveAll(aside)
	}
	return nil
}

// moveAside moves name, which is foreign, into WorkDir/replaced/, under a
// name not taken yet: --force never deletes what ceviri did not build.
func moveAside(out *safefile.Dir, name, lang, ext string) error {
	if err := out.MkdirAll(replacedDir, 0o755); err != nil {
		return err
	}
	to := replacedDir + "/" + name
	for i := 1; ; i++ {
		if _, err := out.Lstat(to); errors.Is(err, fs.ErrNotExist) {
			break
		}
		to = replacedDir + "/" + name + "." + strconv.Itoa(i)
	}
	return out.Rename(name, to)
}

// manifestSum is the sha256 of dir/manifest.json, "" when there is none.
func manifestSum(out *safefile.Dir, dir string) string {
	fi, err := out.Lstat(dir)
	if err != nil || !fi.IsDir() {
		return ""
	}
	data, err := out.ReadFile(dir + "/manifest.json")
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// readManifest reads dir/manifest.json through root; nil when there is
// none, it cannot be parsed, or it names a file a bundle cannot hold.
func readManifest(root *os.Root, dir string) *Manifest {
	data, err := readLimited(root, dir+"/manifest.json")
	if err != nil {
		return nil
	}
	return parseManifest(data)
}

// readLimited reads a regular file of at most maxManifest bytes.
func readLimited(root *os.Root, name string) ([]byte, error) {
	f, err := root.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() || fi.Size() > maxManifest {
		return nil, fmt.Errorf("%s: not a manifest", name)
	}
	return io.ReadAll(io.LimitReader(f, maxManifest))
}

// parseManifest parses a manifest.json; nil when it is not one ceviri
// wrote or names a file a bundle cannot hold.
func parseManifest(data []byte) *Manifest {
	var m Manifest
	if err := json.NewDecoder(bytes.NewReader(data)).Decode(&m); err != nil || m.Format != FormatVersion || m.Files == nil {
		return nil
	}
	if !strings.HasPrefix(m.Generator, "ceviri ") || !langRE.MatchString(m.Lang) {
		return nil
	}
	for rel, sum := range m.Files {
		if !validBundlePath(rel) || !strings.HasPrefix(sum, "sha256:") {
			return nil
		}
	}
	for _, a := range m.Articles {
		if !validBundlePath(a.ID) {
			return nil
		}
	}
	return &m
}
