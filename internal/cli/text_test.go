package cli

import (
	"bytes"
	"errors"
	"testing"

	"github.com/ceviri/ceviri/internal/clitext"
	"github.com/ceviri/ceviri/internal/diag"
)

// TestMessageIDs checks that the messages cobraErrors names are in the
// English message files (clitext's TestMessageIDsEverywhere checks the ids
// the cli's calls ask for).
func TestMessageIDs(t *testing.T) {
	msgs, err := clitext.Forms("en")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range cobraErrors {
		if _, ok := msgs[e.id]; !ok {
			t.Errorf("cobraErrors: message %q is not in messages/en.yaml", e.id)
		}
	}
}

// TestTextError checks that ceviri's own errors read in English through
// Error (as they always did) and in Turkish where printErr writes them,
// inside usage, positioned and joined errors, and that they still wrap
// the error they carry.
func TestTextError(t *testing.T) {
	inner := errors.New("disk full")
	joined := errors.Join(posText("ceviri.yaml", 3, 5, "err_unknown_rule", "Rule", q("nums"), "Known", "links"),
		textWrap(inner, "err_nothing_written"))
	tests := []struct {
		err    error
		en, tr string
	}{
		{usageText("err_no_article", "ID", q("a"), "Where", "articles/a/"),
			"ceviri: no article \"a\" (looked for articles/a/)\n",
			"ceviri: \"a\" diye bir makale yok (bakılan yer: articles/a/)\n"},
		{&diag.UsageError{Err: joined},
			"ceviri.yaml:3:5: unknown rule \"nums\" in check.rules (known: links)\nceviri: disk full\nnothing was written\n",
			"ceviri.yaml:3:5: check.rules içinde bilinmeyen kural \"nums\" (bilinenler: links)\nceviri: disk full\nhiçbir şey yazılmadı\n"},
		{textWrap(errors.New("no ceviri.yaml here"), "err_no_project"),
			"ceviri: no ceviri.yaml here\nhint: run `ceviri init` to start one, or pass --root DIR\n",
			"ceviri: no ceviri.yaml here\nipucu: yeni bir proje için `ceviri init` çalıştırın ya da --root DIR verin\n"},
		{errors.New("x\nhint: someone else's hint"), "ceviri: x\nhint: someone else's hint\n", "ceviri: x\nipucu: someone else's hint\n"},
		{errors.New(`unknown command "statsu" for "ceviri"` + "\n\nDid you mean this?\n\tstatus\n"),
			"ceviri: unknown command \"statsu\" for \"ceviri\"\n\nDid you mean this?\n\tstatus\n\n",
			"ceviri: \"ceviri\" için bilinmeyen komut: \"statsu\"\n\nBunu mu demek istediniz?\n\tstatus\n\n"},
		{errors.New(`required flag(s) "lang" not set`), "ceviri: required flag(s) \"lang\" not set\n", "ceviri: zorunlu seçenek verilmedi: \"lang\"\n"},
		{errors.New("accepts at most 1 arg(s), received 2"), "ceviri: accepts at most 1 arg(s), received 2\n", "ceviri: en çok 1 argüman alır, 2 verildi\n"},
		{&diag.UsageError{Err: errors.New("flag needs an argument: --lang\nhint: see `ceviri check --help`")},
			"ceviri: flag needs an argument: --lang\nhint: see `ceviri check --help`\n",
			"ceviri: seçenek bir değer ister: --lang\nipucu: see `ceviri check --help`\n"},
		// A message that only contains such words is not cobra's.
		{errors.New("articles/a.md: the unknown flag: x"), "ceviri: articles/a.md: the unknown flag: x\n", "ceviri: articles/a.md: the unknown flag: x\n"},
	}
	for _, tt := range tests {
		for lang, want := range map[string]string{"en": tt.en, "tr": tt.tr} {
			var b bytes.Buffer
			printErrIn(&b, tt.err, clitext.New(lang))
			if b.String() != want {
				t.Errorf("%s: got %q, want %q", lang, b.String(), want)
			}
		}
		var b bytes.Buffer
		printErr(&b, tt.err)
		if b.String() != tt.en {
			t.Errorf("printErr: got %q, want %q", b.String(), tt.en)
		}
	}
	if !errors.Is(joined, inner) {
		t.Error("textWrap does not wrap its error")
	}
	var u *diag.UsageError
	if !errors.As(usageText("err_check_format", "Format", q("x")), &u) {
		t.Error("usageText is not a usage error")
	}
}
