package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ceviri/ceviri/internal/clitext"
)

// TestErrorsInTurkish: the refusals of confined writes read as before in
// English and in Turkish for a Turkish reader. Fails on the code before
// they were ceviri's words (English in Turkish).
func TestErrorsInTurkish(t *testing.T) {
	outside := t.TempDir()
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"articles/out":      "-> " + outside,
		"leak.md":           "-> " + filepath.Join(outside, "x.md"),
		"articles/a/tr.md":  "x",
		"file":              "x",
		".ceviri/journal.x": `{"format":"other"}`,
	})
	if err := os.Mkdir(filepath.Join(dir, "adir"), 0o755); err != nil {
		t.Fatal(err)
	}
	d, err := OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	path := d.Path()
	_, leadsOut := d.Resolve("articles/out/tr.md")
	linkErr := d.WriteFile("leak.md", []byte("x"), 0o644)
	_, notRel := d.Resolve("../x")
	notDir := d.MkdirAll("file", 0o755)
	notRegular := d.WriteFile("adir", []byte("x"), 0o644)
	_, badJournal := d.Recover(".ceviri/journal.x")
	tests := []struct {
		name   string
		err    error
		en, tr string
	}{
		{"leads out", leadsOut,
			"articles/out/tr.md leads out of " + path + " through the symlink articles/out (-> " + outside + "); ceviri writes only inside it",
			"articles/out/tr.md, articles/out sembolik bağlantısı (-> " + outside + ") yoluyla " + path + " dışına çıkıyor; ceviri yalnızca o dizinin içine yazar"},
		{"symlink", linkErr,
			"leak.md is a symlink to " + filepath.Join(outside, "x.md") + ", outside " + path + "; ceviri writes only inside it",
			"leak.md, " + path + " dışındaki " + filepath.Join(outside, "x.md") + " yoluna giden bir sembolik bağlantı; ceviri yalnızca o dizinin içine yazar"},
		{"not relative", notRel, `"../x" is not a relative path inside the directory`, `"../x" dizin içinde göreli bir yol değil`},
		{"not a directory", notDir, "file exists and is not a directory", "file zaten var ve bir dizin değil"},
		{"not a regular file", notRegular, "adir exists and is not a regular file", "adir zaten var ve normal bir dosya değil"},
		{"journal", badJournal,
			`.ceviri/journal.x: not a journal ceviri wrote (format "other"); ceviri did not touch anything (move the file away if no ceviri command was interrupted)`,
			`.ceviri/journal.x: ceviri'nin yazdığı bir günlük değil (biçim "other"); ceviri hiçbir şeye dokunmadı (yarıda kalan bir ceviri komutu yoksa dosyayı başka bir yere taşıyın)`},
	}
	en, tr := clitext.New("en"), clitext.New("tr")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.err == nil {
				t.Fatal("no error")
			}
			if got := en.Error(tt.err); got != tt.en || tt.err.Error() != tt.en {
				t.Errorf("English:\n%s\nwant\n%s", got, tt.en)
			}
			if got := tr.Error(tt.err); got != tt.tr {
				t.Errorf("Turkish:\n%s\nwant\n%s", got, tt.tr)
			}
		})
	}
	if !errors.Is(leadsOut, ErrEscapes) || !errors.Is(linkErr, ErrEscapes) {
		t.Error("an escape is not ErrEscapes")
	}

	// The lock another command holds.
	l, err := d.Lock(".ceviri/lock", 0)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Release()
	d2, err := OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer d2.Close()
	_, err = d2.Lock(".ceviri/lock", 10*time.Millisecond)
	if !errors.Is(err, ErrLocked) {
		t.Skipf("the lock is not held across two opens here: %v", err)
	}
	lock := filepath.Join(path, ".ceviri", "lock")
	if got, want := en.Error(err), "another ceviri command is changing this project (lock "+lock+" is held)"; got != want || err.Error() != want {
		t.Errorf("English:\n%s\nwant\n%s", got, want)
	}
	if got, want := tr.Error(err), "başka bir ceviri komutu bu projeyi değiştiriyor ("+lock+" kilidi tutuluyor)"; got != want {
		t.Errorf("Turkish:\n%s\nwant\n%s", got, want)
	}
}
