package extract

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// DefaultMinWords is the least body words (Words) for a page to be an
// article when the caller sets no minimum. The shortest human-extracted body
// of the 88 benchmark articles has 69 words; listing and index pages reached
// by link-following keep a few headlines once navigation is dropped.
const DefaultMinWords = 50

// markedShare is the share of the minimum that a page marking itself as a
// dated article needs (15 words at the default 50): a 42-word wire story or
// a two-sentence press statement is an article, and such pages say so in
// their markup.
const markedShare = 0.3

// IsArticle decides whether an extracted page is an article to store. A page
// is an article when its body has at least minWords words (minWords <= 0
// means DefaultMinWords), or when it marks itself as an article (og:type
// article, article:published_time, or JSON-LD of an Article type such as
// NewsArticle or BlogPosting), has a published date, and its body has at
// least 30% of minWords (at least one word). reason says why a page is not
// an article, for logs and `crawl -v`; it is "" when ok.
func IsArticle(r *Result, minWords int) (ok bool, reason string) {
	if minWords <= 0 {
		minWords = DefaultMinWords
	}
	marked := max(1, int(float64(minWords)*markedShare+0.5))
	dated := r.Marked && !r.Published.IsZero()
	switch {
	case r.Words >= minWords:
		return true, ""
	case dated && r.Words >= marked:
		return true, ""
	case dated:
		return false, fmt.Sprintf("%d words, minimum %d for a dated article page", r.Words, marked)
	case r.Marked:
		return false, fmt.Sprintf("%d words, minimum %d (%d for an article page with a published date; this one has none)", r.Words, minWords, marked)
	default:
		return false, fmt.Sprintf("%d words, minimum %d (%d for a page marked as a dated article)", r.Words, minWords, marked)
	}
}

// Words counts the words of text. In scripts written with spaces a word is
// a space-separated token holding a letter or digit. Scripts written without
// spaces between words are counted by characters: Han, Hiragana and
// Katakana two characters to a word (Chinese and Japanese words average
// under two characters), Thai, Lao, Khmer and Myanmar four letters to a
// word. A token mixing both ("2024年4月1日") counts its spaced part as one
// word and its unspaced characters as above.
func Words(text string) int {
	var words, cjk, sea int
	for _, tok := range strings.Fields(text) {
		spaced := false
		for _, r := range tok {
			switch {
			case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
				cjk++
			case unicode.In(r, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar):
				if unicode.IsLetter(r) {
					sea++
				}
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				spaced = true
			}
		}
		if spaced {
			words++
		}
	}
	return words + (cjk+1)/2 + (sea+3)/4
}

// articleTypes are the schema.org types (and their common subtypes) that
// mark a page as one article.
var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "blogposting": true, "reportagenewsarticle": true,
	"analysisnewsarticle": true, "opinionnewsarticle": true, "reviewnewsarticle": true,
	"backgroundnewsarticle": true, "liveblogposting": true, "report": true, "scholarlyarticle": true,
	"techarticle": true, "socialmediaposting": true, "pressrelease": true,
}

// markedAsArticle reports whether the page declares itself one article:
// <meta property="og:type" content="article">, an article:published_time
// meta element, or JSON-LD whose @type (or an @graph entry's) is an article
// type.
func markedAsArticle(doc *html.Node) bool {
	found := false
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && !found; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Meta:
				prop := strings.ToLower(attr(c, "property"))
				if prop == "" {
					prop = strings.ToLower(attr(c, "name"))
				}
				if prop == "og:type" && strings.HasPrefix(strings.ToLower(attr(c, "content")), "article") ||
					prop == "article:published_time" && attr(c, "content") != "" {
					found = true
				}
				continue
			case atom.Script:
				if strings.EqualFold(attr(c, "type"), "application/ld+json") && c.FirstChild != nil &&
					len(c.FirstChild.Data) <= 1<<20 && jsonLDArticle(c.FirstChild.Data) {
					found = true
				}
				continue
			case atom.Style, atom.Template, atom.Svg:
				continue
			}
			walk(c)
		}
	}
	walk(doc)
	return found
}

// jsonLDArticle reports whether a JSON-LD block describes an article.
func jsonLDArticle(s string) bool {
	var v any
	if err := json.Unmarshal([]byte(strings.TrimSpace(s)), &v); err != nil {
		return false
	}
	var visit func(v any, depth int) bool
	visit = func(v any, depth int) bool {
		if depth > 4 {
			return false
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				if visit(e, depth+1) {
					return true
				}
			}
		case map[string]any:
			switch t := x["@type"].(type) {
			case string:
				if articleTypes[strings.ToLower(t)] {
					return true
				}
			case []any:
				for _, e := range t {
					if s, ok := e.(string); ok && articleTypes[strings.ToLower(s)] {
						return true
					}
				}
			}
			if g, ok := x["@graph"]; ok {
				return visit(g, depth+1)
			}
		}
		return false
	}
	return visit(v, 0)
}
