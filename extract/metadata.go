package extract

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/unicode/norm"
)

func jsonMarshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// invisible are characters removed from output text: the soft hyphen (a
// line-break hint that splits words for every tokenizer) and zero-width
// joiners/marks used for layout.
var invisible = strings.NewReplacer("\u00ad", "", "\u200c", "", "\u200d", "", "\u2060", "", "\ufeff", "")

// cleanText normalises extracted body text: invalid UTF-8 replaced by
// U+FFFD, NFC, invisible characters removed, surrounding white space trimmed.
func cleanText(s string) string {
	s = strings.ToValidUTF8(invisible.Replace(s), "\ufffd")
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	return strings.TrimSpace(s)
}

// cleanLine is cleanText for one-line fields: all white space runs become
// one space.
func cleanLine(s string) string {
	return strings.Join(strings.Fields(cleanText(s)), " ")
}

var (
	// rxAuthorSplit separates several authors in one byline.
	rxAuthorSplit = regexp.MustCompile(`\s*(?:;|\||,|/|&|\s(?:and|und|et|y|e|i|en|og|och|ja|und)\s)\s*`)
	// rxAuthorPrefix is a byline's leading "By" (and its equivalents in
	// other languages), with an optional colon.
	rxAuthorPrefix = regexp.MustCompile(`(?i)^(?:by|written by|story by|words by|von|par|por|door|di|av|af|przez|tekst|текст|автор)\s*:?\s+`)
	// rxAuthorSuffix is a trailing role or affiliation: "Jane Doe, Staff
	// Writer" is already split at the comma; this removes "for Reuters",
	// "- Staff" style tails and parenthesised notes.
	rxAuthorSuffix = regexp.MustCompile(`(?i)\s*(?:\(.*\)|\s[-–—]\s.*|\bfor\s+(?:the\s+)?[A-Z].*)$`)
)

// notNames are byline fragments that are roles, not people.
var notNames = map[string]bool{
	"staff": true, "staff writer": true, "staff reporter": true, "reporter": true, "editor": true,
	"correspondent": true, "contributor": true, "admin": true, "administrator": true,
	"updated": true, "published": true, "photo": true, "photos": true, "more": true,
	"guest author": true, "guest": true, "anonymous": true, "unknown": true,
}

// isContact reports whether a byline fragment is an e-mail address, a URL
// or a social-media handle rather than a name.
func isContact(s string) bool {
	l := strings.ToLower(strings.TrimSpace(s))
	return strings.Contains(l, "@") || strings.Contains(l, "http") || strings.Contains(l, "www.") ||
		strings.Contains(l, "://") || strings.HasSuffix(l, ".com")
}

// dateWords trail bylines that run into a dateline ("Jane Doe Published
// Monday, November 18") once trafilatura has removed the digits. Words that
// are also names (May, June, August, April, Sun) are left alone.
var dateWords = map[string]bool{
	"published": true, "updated": true, "posted": true, "on": true, "at": true, "am": true, "pm": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"mon": true, "tue": true, "thu": true, "fri": true,
	"january": true, "february": true, "march": true, "july": true,
	"september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// trimDateWords removes trailing dateWords (case-insensitively).
func trimDateWords(a string) string {
	f := strings.Fields(a)
	for len(f) > 0 && dateWords[strings.ToLower(strings.Trim(f[len(f)-1], ".,:;"))] {
		f = f[:len(f)-1]
	}
	return strings.Join(f, " ")
}

// roleWords end a byline fragment that describes a job, not a person
// ("AP Auto Writer", "Senior Correspondent").
var roleWords = map[string]bool{
	"writer": true, "reporter": true, "editor": true, "correspondent": true, "columnist": true,
	"contributor": true, "staff": true, "photographer": true, "journalist": true, "intern": true,
	"producer": true, "critic": true, "analyst": true,
}

func isRole(lower string) bool {
	f := strings.Fields(lower)
	return len(f) > 0 && (roleWords[f[len(f)-1]] || roleWords[strings.TrimSuffix(f[len(f)-1], "s")])
}

// fixShouting turns an all-capitals name ("TOM KRISHER") into title case;
// short all-capitals tokens such as agency acronyms ("AP", "AFP") stay.
func fixShouting(a string) string {
	if strings.ToUpper(a) != a || strings.ToLower(a) == a {
		return a
	}
	words := strings.Fields(a)
	if len(words) < 2 {
		return a
	}
	for i, w := range words {
		if utf8.RuneCountInString(w) <= 3 && len(words) > 2 {
			continue
		}
		r, size := utf8.DecodeRuneInString(w)
		words[i] = string(r) + strings.ToLower(w[size:])
	}
	return strings.Join(words, " ")
}

// splitAuthors turns trafilatura's author string ("A; B" or a raw byline
// such as "By Jane Doe and John Roe") into one clean name per entry.
// It never returns nil.
func splitAuthors(s string) []string {
	out := []string{}
	seen := map[string]bool{}
	s = cleanLine(s)
	if s == "" {
		return out
	}
	var parts []string
	for _, chunk := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '|' }) {
		if isContact(chunk) {
			continue
		}
		parts = append(parts, rxAuthorSplit.Split(chunk, -1)...)
	}
	for _, part := range parts {
		a := strings.TrimSpace(part)
		for {
			b := rxAuthorPrefix.ReplaceAllString(a, "")
			if b == a {
				break
			}
			a = b
		}
		a = strings.TrimSpace(rxAuthorSuffix.ReplaceAllString(a, ""))
		a = trimDateWords(strings.Trim(a, " .,:;-–—·•"))
		if a == "" || isContact(a) || strings.ContainsAny(a, "<>{}") {
			continue
		}
		if utf8.RuneCountInString(a) > 60 || len(strings.Fields(a)) > 6 {
			continue // a sentence, not a name
		}
		if !strings.ContainsFunc(a, unicode.IsLetter) {
			continue
		}
		key := strings.ToLower(a)
		if notNames[key] || seen[key] || isRole(key) {
			continue
		}
		a = fixShouting(a)
		seen[key] = true
		out = append(out, a)
	}
	return out
}

// langSample is how much text a language detection reads (bytes).
const langSample = 2000

// detectLanguage returns the ISO 639-1 code of text. detected is the
// extractor's own whatlanggo detection on the whole text ("" when it ran
// none): for a text of langSample bytes or more it is used as it is, so a
// page costs one detection (on the 88 benchmark pages every such text was
// detected with whatlanggo confidence 1 and agrees with the old sampled
// detection; see TestLanguageOneDetection). A shorter text is detected again
// here to learn whatlanggo's confidence: a reliable detection wins, else the
// page's declared language (<html lang>, Content-Language meta, og:locale),
// else "". An unreliable detection is never stored: whatlanggo's top guess
// at low confidence differs from one process to the next, and analyze
// trusts a stored language (analyze/language.go).
func detectLanguage(text, detected, declared string) string {
	if detected != "" && len(text) >= langSample {
		return detected
	}
	sample := text
	if len(sample) > langSample {
		sample = sample[:langSample]
		for len(sample) > 0 && !utf8.ValidString(sample) {
			sample = sample[:len(sample)-1]
		}
	}
	info := whatlanggo.Detect(sample)
	lang := info.Lang.Iso6391()
	if lang != "" && info.IsReliable() {
		return lang
	}
	return declared
}

// declaredLanguage reads the page's own language declaration and returns its
// primary subtag when it is a two-letter code.
func declaredLanguage(doc *html.Node) string {
	var lang string
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				if v := attr(n, "lang"); v != "" {
					lang = v
					return true
				}
				if v := attr(n, "xml:lang"); v != "" {
					lang = v
					return true
				}
			case atom.Meta:
				if strings.EqualFold(attr(n, "http-equiv"), "content-language") ||
					strings.EqualFold(attr(n, "property"), "og:locale") ||
					strings.EqualFold(attr(n, "name"), "language") {
					if v := attr(n, "content"); v != "" && lang == "" {
						lang = v
					}
				}
			case atom.Body:
				return true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(doc)
	lang = strings.ToLower(strings.TrimSpace(lang))
	if i := strings.IndexAny(lang, "-_,; "); i >= 0 {
		lang = lang[:i]
	}
	if len(lang) != 2 || lang[0] < 'a' || lang[0] > 'z' || lang[1] < 'a' || lang[1] > 'z' {
		return ""
	}
	return lang
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}
