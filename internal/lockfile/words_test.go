package lockfile

import (
	"testing"

	"github.com/ceviri/ceviri/internal/clitext"
)

// TestErrorsInTurkish checks that ceviri.lock's errors are written in
// Turkish for a Turkish reader and read as they always did in English.
func TestErrorsInTurkish(t *testing.T) {
	tr := clitext.New("tr")
	for _, tc := range []struct{ src, en, tr string }{
		{"  tr: {from: en, source_hash: \"" + h1 + "\"}\n",
			"ceviri.lock:1:1: record without an article: put it under a line `\"ID\":`",
			"ceviri.lock:1:1: makalesi olmayan kayıt: onu bir `\"ID\":` satırının altına koyun"},
		{"\"a\":\n  tr: {from: en, source_hash: \"sha256:x\"}\n",
			`ceviri.lock:2:32: source_hash "sha256:x" is not a fingerprint (sha256: and 64 hex digits)`,
			`ceviri.lock:2:32: source_hash "sha256:x" bir parmak izi değil (sha256: ve 64 onaltılık rakam olmalı)`},
		{"\"a\":\n  tr: {from: en, source_hash: \"" + h1 + "\"}\n  tr: {from: en, source_hash: \"" + h2 + "\"}\n",
			"ceviri.lock:3:3: \"a\" in tr is recorded twice (a merge that kept both sides?): keep one of the two lines, or delete both and run `ceviri done a --lang tr`",
			"ceviri.lock:3:3: \"a\" makalesinin tr çevirisi iki kez kaydedilmiş (iki tarafı da tutan bir birleştirme mi?): iki satırdan birini tutun ya da ikisini de silip `ceviri done a --lang tr` komutunu çalıştırın"},
		{"<<<<<<< HEAD\n",
			"ceviri.lock:1:1: unresolved merge conflict: keep the lines of both sides (one per translation), or take either side and run `ceviri done` again for the articles in question",
			"ceviri.lock:1:1: çözülmemiş birleştirme çakışması: iki tarafın satırlarını da tutun (her çeviri için bir satır) ya da bir tarafı alıp ilgili makaleler için `ceviri done` komutunu yeniden çalıştırın"},
		{"\"a\":\n  tr: {from: tr, source_hash: \"" + h1 + "\"}\n",
			`ceviri.lock:2:3: translation "tr" of "a" is recorded as made from its own language`,
			`ceviri.lock:2:3: "a" makalesinin "tr" çevirisi kendi dilinden yapılmış olarak kaydedilmiş`},
	} {
		_, err := Parse("ceviri.lock", []byte(tc.src))
		if err == nil {
			t.Errorf("%q: no error", tc.src)
			continue
		}
		if got := err.Error(); got != tc.en {
			t.Errorf("%q: English\n got %s\nwant %s", tc.src, got, tc.en)
		}
		if got := tr.Error(err); got != tc.tr {
			t.Errorf("%q: Turkish\n got %s\nwant %s", tc.src, got, tc.tr)
		}
	}
}
