package frontmatter

import (
	"errors"
	"strings"

	"github.com/ceviri/ceviri/internal/clitext"
)

// tomlProblems are the common messages of go-toml's parser that ceviri
// gives in its own words (frontmatter's message files, fm_toml_*), whose
// English text is the parser's own, word for word.
var tomlProblems = map[string]string{
	"basic strings cannot have new lines":              "fm_toml_basic_newline",
	"literal strings cannot have new lines":            "fm_toml_literal_newline",
	"unterminated basic string":                        "fm_toml_unterminated_basic",
	"unterminated literal string":                      "fm_toml_unterminated_literal",
	"expected '=' after key":                           "fm_toml_expected_equals",
	"expected ']' to close table name":                 "fm_toml_close_table",
	"expected ']]' to close array table name":          "fm_toml_close_array_table",
	"expected ',' or ']' after array value":            "fm_toml_array_comma",
	"expected ',' or '}' after inline table key-value": "fm_toml_inline_comma",
	"array is incomplete":                              "fm_toml_array_incomplete",
	"inline table is incomplete":                       "fm_toml_inline_incomplete",
	"expected value, not end of input":                 "fm_toml_value_end",
	"impossible date":                                  "fm_toml_impossible_date",
	"integers cannot have leading zeroes":              "fm_toml_leading_zero",
	"strings must be quoted":                           "fm_toml_strings_quoted",
	"dates are expected to have the format YYYY-MM-DD": "fm_toml_date_format",
}

// charProblem is a parser's message about one character (U+0048 'H', or
// 'x' for encoding/json): its text before and after the character.
type charProblem struct{ before, after, id string }

// tomlCharProblems are go-toml's common messages about a character.
var tomlCharProblems = []charProblem{
	{"unexpected character ", " at start of value", "fm_toml_unexpected_char"},
	{"expected newline but got ", "", "fm_toml_expected_newline"},
	{"invalid escape character ", "", "fm_toml_invalid_escape"},
	{"invalid character at start of key: ", "", "fm_toml_key_start"},
	{"expected value but got ", "", "fm_toml_expected_value"},
}

// jsonCharProblems are encoding/json's syntax errors (invalid character 'x'
// after object key).
var jsonCharProblems = []charProblem{
	{"invalid character ", " looking for beginning of value", "fm_json_char_value"},
	{"invalid character ", " looking for beginning of object key string", "fm_json_char_key"},
	{"invalid character ", " after object key", "fm_json_char_after_key"},
	{"invalid character ", " after object key:value pair", "fm_json_char_after_pair"},
	{"invalid character ", " after array element", "fm_json_char_after_element"},
	{"invalid character ", " in string escape code", "fm_json_char_escape"},
	{"invalid character ", " in string literal", "fm_json_char_string"},
	{"invalid character ", " after top-level value", "fm_json_char_after_value"},
}

// tomlProblem returns a message of go-toml as an error: in ceviri's words
// when it is a common one, as it is otherwise.
func tomlProblem(msg string) error {
	if id, ok := tomlProblems[msg]; ok {
		return clitext.NewError(id)
	}
	return charError(tomlCharProblems, msg)
}

// jsonProblem returns a syntax error of encoding/json (without "json: ")
// as an error: in ceviri's words when it is a common one, as it is
// otherwise.
func jsonProblem(msg string) error { return charError(jsonCharProblems, msg) }

// charError returns msg as the message of table it matches, whose
// template shows the character as {{.Char}}, or as it is.
func charError(table []charProblem, msg string) error {
	for _, p := range table {
		if rest, ok := strings.CutPrefix(msg, p.before); ok {
			if char, ok := strings.CutSuffix(rest, p.after); ok && char != "" {
				return clitext.NewError(p.id, "Char", char)
			}
		}
	}
	return errors.New(msg)
}
