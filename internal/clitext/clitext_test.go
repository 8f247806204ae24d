package clitext

import (
	"errors"
	"fmt"
	"io/fs"
	"testing"
)

func TestFromEnv(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want string
	}{
		{nil, "en"},
		{map[string]string{"LANG": "tr_TR.UTF-8"}, "tr"},
		{map[string]string{"LANG": "tr"}, "tr"},
		{map[string]string{"LANG": "TR_tr.utf8@euro"}, "tr"},
		{map[string]string{"LANG": "tr-TR"}, "tr"},
		{map[string]string{"LANG": "en_US.UTF-8"}, "en"},
		{map[string]string{"LANG": "C"}, "en"},
		{map[string]string{"LANG": "de_DE.UTF-8"}, "en"},
		{map[string]string{"LANG": "tr_TR.UTF-8", "LC_MESSAGES": "C"}, "en"},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_MESSAGES": "tr_TR.UTF-8"}, "tr"},
		{map[string]string{"LC_MESSAGES": "tr_TR.UTF-8", "LC_ALL": "POSIX"}, "en"},
		{map[string]string{"LC_ALL": "tr_TR.UTF-8", "CEVIRI_LANG": "en"}, "en"},
		{map[string]string{"LANG": "C", "CEVIRI_LANG": "tr"}, "tr"},
		{map[string]string{"LANG": "trk_XX"}, "en"},
	}
	for _, tt := range tests {
		if got := FromEnv(func(k string) string { return tt.env[k] }); got != tt.want {
			t.Errorf("FromEnv(%v) = %q, want %q", tt.env, got, tt.want)
		}
	}
}

func TestPrinter(t *testing.T) {
	en, tr := New("en"), New("tr")
	tests := []struct {
		p    *Printer
		got  string
		want string
	}{
		{en, en.N("words", 1), "1 word"},
		{en, en.N("words", 1250), "1250 words"},
		{en, en.N("segments", 0), "0 segments"},
		{tr, tr.N("words", 1), "1 kelime"},
		{tr, tr.N("words", 1250), "1.250 kelime"},
		{tr, tr.N("words", 1250000), "1.250.000 kelime"},
		{en, en.T("summary_to_translate", "Words", en.N("words", 3)), "; 3 words to translate"},
		{tr, tr.T("summary_to_translate", "Words", tr.N("words", 3)), "; çevrilecek 3 kelime"},
		{tr, tr.T("status_no_articles", "Dirs", "articles"), "articles altında makale yok"},
		{tr, tr.Upper("makale içi"), "MAKALE İÇİ"},
		{en, en.Upper("article"), "ARTICLE"},
		{en, en.T("summary_count", "Count", 4194304, "State", "x"), "4194304 x"},
		{tr, tr.T("summary_count", "Count", 4194304, "State", "x"), "4.194.304 x"},
		{tr, tr.T("summary_count", "Count", int64(1250), "State", "x"), "1.250 x"},
		{en, en.T("no_such_message"), "no_such_message"},
		{New("fr"), New("fr").T("state_current"), "current"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.p.Lang(), tt.got, tt.want)
		}
	}
}

// TestError: ceviri's own errors read in English through Error and in
// Turkish through Printer.Error, inside joined errors, errors with an In
// method and errors that wrap one behind a prefix; other errors as they
// are.
func TestError(t *testing.T) {
	inner := NewError("state_stale")
	tests := []struct {
		err    error
		en, tr string
	}{
		{inner, "stale", "eskimiş"},
		{fmt.Errorf("a.md: %w", inner), "a.md: stale", "a.md: eskimiş"},
		{fmt.Errorf("%w (while reading)", inner), "stale (while reading)", "stale (while reading)"},
		{errors.Join(errors.New("disk full"), inner), "disk full\nstale", "disk full\neskimiş"},
		{posLike{inner}, "x:1:1: stale", "x:1:1: eskimiş"},
		{Wrap(errors.New("disk full"), "err_nothing_written"), "disk full\nnothing was written", "disk full\nhiçbir şey yazılmadı"},
		{errors.New("plain"), "plain", "plain"},
		{&fs.PathError{Op: "open", Path: "a.md", Err: fs.ErrNotExist}, "open a.md: file does not exist", "open a.md: böyle bir dosya ya da dizin yok"},
		{fmt.Errorf("x: %w", fs.ErrPermission), "x: permission denied", "x: izin verilmedi"},
	}
	tr := New("tr")
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.en {
			t.Errorf("Error: got %q, want %q", got, tt.en)
		}
		if got := English().Error(tt.err); got != tt.en {
			t.Errorf("English: got %q, want %q", got, tt.en)
		}
		if got := tr.Error(tt.err); got != tt.tr {
			t.Errorf("Turkish: got %q, want %q", got, tt.tr)
		}
	}
	if got := tr.T("summary_count", "Count", 2, "State", byLang{}); got != "2 dil: tr" {
		t.Errorf("Localized in Turkish: got %q", got)
	}
	if got := English().T("summary_count", "Count", 2, "State", byLang{}); got != "2 language: en" {
		t.Errorf("Localized in English: got %q", got)
	}
	if w := Wrap(inner, "err_nothing_written"); !errors.Is(w, inner) {
		t.Errorf("Wrap: %v does not wrap its error", w)
	}
	if got := tr.Text(Msg("summary_to_translate", "Words", Msg("state_stale"))); got != "; çevrilecek eskimiş" {
		t.Errorf("Text in Text: got %q", got)
	}
	if got := tr.T("summary_to_translate", "Words", inner); got != "; çevrilecek eskimiş" {
		t.Errorf("error in T: got %q", got)
	}
}

// posLike is an error that writes itself with its inner error in another
// language, as diag.PosError does.
type posLike struct{ err error }

func (p posLike) Error() string                    { return p.In(error.Error) }
func (p posLike) In(msg func(error) string) string { return "x:1:1: " + msg(p.err) }

// byLang is a value each language writes its own way.
type byLang struct{}

func (byLang) InLang(lang string) string {
	if lang == "tr" {
		return "dil: tr"
	}
	return "language: en"
}
