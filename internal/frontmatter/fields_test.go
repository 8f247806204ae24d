package frontmatter

import "testing"

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		wantDay int
		ok      bool
	}{
		{"2025-12-03", 3, true},
		{"2025-12-03T23:30:00+03:00", 3, true}, // the day where it was written
		{"03.12.2025", 0, false},
		{"2025-13-01", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if (err == nil) != tt.ok {
			t.Errorf("ParseDate(%q) error = %v, want ok=%v", tt.in, err, tt.ok)
			continue
		}
		if tt.ok && got.Day() != tt.wantDay {
			t.Errorf("ParseDate(%q) day = %d, want %d", tt.in, got.Day(), tt.wantDay)
		}
	}
}
