package config

import (
	"errors"

	"github.com/ceviri/ceviri/internal/clitext"
)

// yamlProblems are the messages of yaml.v3's scanner and parser that
// ceviri gives in its own words (config's message files, cfg_yaml_*): the
// common ones, whose English text is the parser's own, word for word.
// Front matter and ceviri.yaml report them after "invalid YAML: ". The
// prefix cfg_yaml_ is theirs alone: the site's message files (package
// locale, which cannot import config) find them by their English text.
var yamlProblems = map[string]string{
	"did not find expected key":                                    "cfg_yaml_expected_key",
	"did not find expected node content":                           "cfg_yaml_expected_node",
	"did not find expected '-' indicator":                          "cfg_yaml_expected_dash",
	"did not find expected ',' or ']'":                             "cfg_yaml_expected_comma_bracket",
	"did not find expected ',' or '}'":                             "cfg_yaml_expected_comma_brace",
	"did not find expected alphabetic or numeric character":        "cfg_yaml_expected_alnum",
	"did not find expected comment or line break":                  "cfg_yaml_expected_comment",
	"did not find expected whitespace or line break":               "cfg_yaml_expected_space",
	"did not find expected hexdecimal number":                      "cfg_yaml_expected_hex",
	"could not find expected ':'":                                  "cfg_yaml_expected_colon",
	"mapping values are not allowed in this context":               "cfg_yaml_mapping_values",
	"mapping keys are not allowed in this context":                 "cfg_yaml_mapping_keys",
	"block sequence entries are not allowed in this context":       "cfg_yaml_sequence_entries",
	"found character that cannot start any token":                  "cfg_yaml_cannot_start",
	"found unknown escape character":                               "cfg_yaml_unknown_escape",
	"found unexpected end of stream":                               "cfg_yaml_end_of_stream",
	"found unexpected document indicator":                          "cfg_yaml_document_indicator",
	"found a tab character that violates indentation":              "cfg_yaml_tab_indentation",
	"found a tab character where an indentation space is expected": "cfg_yaml_tab_expected_space",
	"found undefined tag handle":                                   "cfg_yaml_undefined_tag",
	"found invalid Unicode character escape code":                  "cfg_yaml_bad_unicode_escape",
	"control characters are not allowed":                           "cfg_yaml_control_chars",
}

// YAMLProblem returns a message of yaml.v3 (without its "yaml: line N: "
// prefix) as an error: in ceviri's words when it is one of the common
// ones, whose English reads exactly as the parser's, as it is otherwise.
func YAMLProblem(msg string) error {
	if id, ok := yamlProblems[msg]; ok {
		return clitext.NewError(id)
	}
	return errors.New(msg)
}
