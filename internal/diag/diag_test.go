package diag

import (
	"errors"
	"fmt"
	"testing"
)

func TestPosError(t *testing.T) {
	tests := []struct {
		err  *PosError
		want string
	}{
		{Errorf("a.md", 3, 7, "bad %q", "x"), `a.md:3:7: bad "x"`},
		{Errorf("a.md", 0, 0, "unknown position"), "a.md:1:1: unknown position"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
	inner := errors.New("inner")
	if !errors.Is(&PosError{File: "f", Err: inner}, inner) {
		t.Error("PosError does not unwrap")
	}
}

func TestExitCode(t *testing.T) {
	tests := []struct {
		err  error
		want int
	}{
		{nil, ExitOK},
		{&Problems{Msg: "3 errors"}, ExitProblems},
		{fmt.Errorf("wrapped: %w", &Problems{}), ExitProblems},
		{Usagef("bad flag"), ExitUsage},
		{Errorf("a.md", 1, 1, "bad"), ExitUsage},
		{errors.New("anything else"), ExitUsage},
	}
	for _, tt := range tests {
		if got := ExitCode(tt.err); got != tt.want {
			t.Errorf("ExitCode(%v) = %d, want %d", tt.err, got, tt.want)
		}
	}
}

func TestSort(t *testing.T) {
	errs := []error{
		errors.New("plain"),
		Errorf("b.md", 1, 1, "x"),
		Errorf("a.md", 9, 1, "x"),
		Errorf("a.md", 2, 5, "x"),
		Errorf("a.md", 2, 3, "x"),
	}
	Sort(errs)
	want := []string{"a.md:2:3: x", "a.md:2:5: x", "a.md:9:1: x", "b.md:1:1: x", "plain"}
	for i, w := range want {
		if errs[i].Error() != w {
			t.Errorf("errs[%d] = %q, want %q", i, errs[i], w)
		}
	}
}
