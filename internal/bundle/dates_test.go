package bundle

import (
	"testing"
	"time"

	"golang.org/x/text/language"
)

func TestLongDate(t *testing.T) {
	d := time.Date(2025, 12, 3, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		tag  string
		want string
	}{
		{"tr", "3 Aralık 2025"},
		{"en", "3 December 2025"},
		{"en-GB", "3 December 2025"},
		{"en-US", "December 3, 2025"},
		{"de", "3. Dezember 2025"},
		{"tr-CY", "3 Aralık 2025"}, // falls back to the base language
		{"ja", "2025-12-03"},       // not linked in: ISO
	}
	for _, tt := range tests {
		t.Run(tt.tag, func(t *testing.T) {
			if got := dateFormatter(language.MustParse(tt.tag))(d); got != tt.want {
				t.Errorf("long date in %s = %q, want %q", tt.tag, got, tt.want)
			}
		})
	}
}
