package schema

import (
	"errors"
	"testing"

	"github.com/BurntSushi/toml"

	"folio.dev/folio/generator/diag"
)

// A syntax error is reported on the line the parser's message names, at
// the character that is wrong, with or without a byte order mark.
func TestErrorOffset(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ src, want string }{
		{"a = \"x\"\nb = y\n", "f:2:5"},
		{"\ufeffa = \"x\"\nb = y\n", "f:2:5"},
		{"\ufeffa=1\nb\n", "f:2:2"},
		{"\ufeffa = y\n", "f:1:6"},
		{"a = \"x\"\r\nb = y\r\n", "f:2:5"},
		{"hello = \"你好\"\nbye = “再见”\n", "f:2:7"},
		{"a = \"x\"\na = \"y\"\n", "f:2:1"},
		{"# 注释\nb\n", "f:2:2"},
	} {
		var m map[string]string
		_, err := toml.Decode(tt.src, &m)
		var pe toml.ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("%q: %v is not a ParseError", tt.src, err)
		}
		if got := diag.At("f", []byte(tt.src), ErrorOffset([]byte(tt.src), pe)).String(); got != tt.want {
			t.Errorf("%q (%v): at %s, want %s", tt.src, err, got, tt.want)
		}
	}
}
