package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// renderText turns an extracted article tree into plain text: one paragraph
// per block element (p, headings, list items, quotes, table rows, ...),
// paragraphs separated by one blank line, runs of white space collapsed to
// one space, <br> kept as a single line break inside a paragraph. Inline
// elements (a, em, span ...) add no white space of their own, so
// "in<em>credible</em>" stays one word.
func renderText(root *html.Node) string {
	var r textRenderer
	r.walk(root)
	r.endParagraph()
	return strings.Join(r.paras, "\n\n")
}

type textRenderer struct {
	paras []string
	cur   strings.Builder
	space bool // a collapsed white space is pending
	nl    bool // the paragraph ends with a line break
	soft  bool // an inline element boundary is pending (see softSpace)
	last  rune // last rune written to cur
}

// blockAtoms start and end a paragraph.
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true,
	atom.Dt: true, atom.Dd: true, atom.Blockquote: true, atom.Pre: true, atom.Table: true,
	atom.Tr: true, atom.Thead: true, atom.Tbody: true, atom.Tfoot: true, atom.Caption: true,
	atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Figure: true, atom.Figcaption: true, atom.Main: true, atom.Nav: true, atom.Address: true,
	atom.Hr: true, atom.Form: true, atom.Fieldset: true, atom.Details: true, atom.Summary: true,
	atom.Body: true, atom.Html: true,
}

// skipAtoms never contribute text.
var skipAtoms = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true,
	atom.Button: true, atom.Select: true, atom.Textarea: true,
}

func (r *textRenderer) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.text(n.Data)
		return
	case html.ElementNode:
		// Use the tag name, not n.DataAtom: extractors rename elements
		// (n.Data = "p") without updating DataAtom.
		a := atom.Lookup([]byte(n.Data))
		if skipAtoms[a] {
			return
		}
		switch a {
		case atom.Br:
			r.lineBreak()
			return
		case atom.Pre:
			r.endParagraph()
			r.pre(n)
			r.endParagraph()
			return
		case atom.Td, atom.Th:
			// Cells of one row stay on one line.
			if r.cur.Len() > 0 {
				r.space = true
			}
		}
		block := blockAtoms[a] || (a == 0 && isCustomBlock(n.Data))
		inline := !block && a != atom.Td && a != atom.Th && a != atom.Sub && a != atom.Sup && a != atom.Wbr
		if block {
			r.endParagraph()
		} else if inline {
			r.softSpace()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			r.walk(c)
		}
		if block {
			r.endParagraph()
		} else if inline {
			r.softSpace()
		} else if a == atom.Td || a == atom.Th {
			r.space = r.cur.Len() > 0
		}
	case html.DocumentNode:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			r.walk(c)
		}
	}
}

// isCustomBlock reports whether an element unknown to the HTML spec should
// separate paragraphs (trafilatura may emit "head", "list", "item", "quote").
func isCustomBlock(tag string) bool {
	switch tag {
	case "list", "item", "quote", "row", "cell", "graphic":
		return true
	}
	return false
}

func (r *textRenderer) text(s string) {
	for len(s) > 0 {
		c, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		if isSpace(c) {
			if r.cur.Len() > 0 && !r.nl {
				r.space = true
			}
			continue
		}
		if r.soft && !r.space && !r.nl && !strings.ContainsRune(noSpaceBefore, c) && !strings.ContainsRune(noSpaceAfter, r.last) {
			r.space = true
		}
		r.soft = false
		if r.space {
			r.cur.WriteByte(' ')
			r.space = false
		}
		r.nl = false
		r.cur.WriteRune(c)
		r.last = c
	}
}

// Extractors (trafilatura among them) trim the white space at the edges of
// inline elements, so "<a>Jane Doe</a> (left)" arrives as "Jane Doe" and
// "(left)". A boundary between an inline element and its neighbours
// therefore becomes a space, except before closing punctuation and after
// opening punctuation. The price is "in<em>credible</em>" rendering as
// "in credible", which is much rarer than a link next to a word.
const (
	noSpaceBefore = ".,;:!?)]}%»”’'\"/-–…"
	noSpaceAfter  = "([{«“‘/-–$€£#@'\""
)

func (r *textRenderer) softSpace() {
	if r.cur.Len() > 0 {
		r.soft = true
	}
}

func (r *textRenderer) lineBreak() {
	if r.cur.Len() == 0 || r.nl {
		return
	}
	r.space = false
	r.cur.WriteByte('\n')
	r.nl = true
	r.soft = false
}

func (r *textRenderer) pre(n *html.Node) {
	var b strings.Builder
	var collect func(*html.Node)
	collect = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		} else if n.Type == html.ElementNode && n.Data == "br" {
			b.WriteByte('\n')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			collect(c)
		}
	}
	collect(n)
	if t := strings.Trim(b.String(), "\n\r"); strings.TrimSpace(t) != "" {
		r.paras = append(r.paras, strings.TrimRightFunc(t, unicode.IsSpace))
	}
}

func (r *textRenderer) endParagraph() {
	r.space = false
	r.nl = false
	r.soft = false
	p := strings.TrimSpace(r.cur.String())
	r.cur.Reset()
	if p != "" {
		r.paras = append(r.paras, p)
	}
}

// isSpace is HTML white space plus the Unicode spaces pages use for layout
// (no-break space, thin spaces, ideographic space).
func isSpace(c rune) bool {
	return unicode.IsSpace(c) || c == '\u200b' || c == '\ufeff'
}
