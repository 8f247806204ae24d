package frontmatter

import "gopkg.in/yaml.v3"

// plainYAML returns a copy of n to write into another file: aliases replaced by
// copies of the values they stand for, anchors and comments dropped, so the
// copy does not depend on anchors that the other file lacks. For a node of
// front matter that Parse accepted, the copy is as large as the value with
// its aliases expanded, which Parse bounds (MaxAliasValues,
// MaxExpandedValues, MaxDepth).
func plainYAML(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	c := *n
	c.Anchor, c.HeadComment, c.LineComment, c.FootComment = "", "", "", ""
	c.Content = nil
	if len(n.Content) > 0 {
		c.Content = make([]*yaml.Node, len(n.Content))
		for i, k := range n.Content {
			c.Content[i] = plainYAML(k)
		}
	}
	return &c
}
