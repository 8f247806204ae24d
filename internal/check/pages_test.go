package check

import "testing"

func TestOtherFragment(t *testing.T) {
	tests := []struct {
		body string
		want bool
	}{
		{"See [a](../x/tr.md#giriş).", true},
		{"See [a]( </tr/x/#a> ).", true},
		{"[a]: ../x/tr.md#b\n", true},
		{"[a]: https://example.org/x#b \"t\"\n", true},
		{"See [a](#own).", false},
		{"## Heading\n\n[a](x.md) and C# code.", false},
		{"[a](x.md \"t#1\")", false},
		{"]", false},
		{"](", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := otherFragment([]byte(tt.body)); got != tt.want {
			t.Errorf("otherFragment(%q) = %v, want %v", tt.body, got, tt.want)
		}
	}
}
