// Package nlp is xenoscope's text layer: a fast hand-written tokenizer and
// sentence segmenter with byte offsets into the input, lowercased and
// normalised token forms, and access to prose v3's part-of-speech tagger and
// entity extractor, loaded once per process and safe for concurrent use.
//
// Why hand-written: prose's full pipeline (punkt segmentation + tokenizer +
// tagger + NER) is the slow part of scoring; our classifiers only need
// tokens and sentences everywhere, and tags or entities only on a few
// candidate sentences. Parse does the cheap part for a whole document;
// Tag and Entities run prose on the spans that need it. See
// docs/analysis.md for the v2 vs v3 measurement behind this choice.
//
// Offsets invariant: for every token t and sentence s produced from text,
// text[t.Start:t.End] is the token's verbatim text and text[s.Start:s.End]
// the sentence's (trimmed of surrounding white space).
package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	Word    Kind = iota // letters, digits inside words, internal ' and -
	Number              // digits with optional , . separators
	Punct               // a run of punctuation or symbols (also emoticons like ":)")
	Hashtag             // #tag
	Handle              // @user
	URL                 // http(s)://..., www....
)

func (k Kind) String() string {
	switch k {
	case Word:
		return "word"
	case Number:
		return "number"
	case Punct:
		return "punct"
	case Hashtag:
		return "hashtag"
	case Handle:
		return "handle"
	case URL:
		return "url"
	}
	return "?"
}

// Token is one token of the input.
type Token struct {
	Start, End int    // byte offsets into the input
	Lower      string // lowercased form; curly apostrophes become '
	Kind       Kind
	Tag        string // Penn Treebank POS tag, "" unless Tag was called
}

// Text returns the token's verbatim text in src.
func (t Token) Text(src string) string { return src[t.Start:t.End] }

// Sentence is a span of the input and the range of its tokens in Doc.Tokens.
type Sentence struct {
	Start, End        int  // byte offsets into the input (trimmed)
	TokStart, TokEnd  int  // Doc.Tokens[TokStart:TokEnd]
	ParagraphBoundary bool // the sentence starts a new paragraph (blank line or line break before it)
}

// Doc is a parsed text.
type Doc struct {
	Text      string
	Tokens    []Token
	Sentences []Sentence
}

// SentenceTokens returns the tokens of sentence i.
func (d *Doc) SentenceTokens(i int) []Token {
	s := d.Sentences[i]
	return d.Tokens[s.TokStart:s.TokEnd]
}

// SentenceText returns the verbatim text of sentence i.
func (d *Doc) SentenceText(i int) string {
	s := d.Sentences[i]
	return d.Text[s.Start:s.End]
}

// Words counts word and number tokens (hashtags and handles included, URLs
// and punctuation not), the denominator of per-1,000-word rates.
func Words(toks []Token) int {
	n := 0
	for _, t := range toks {
		if t.Kind == Word || t.Kind == Number || t.Kind == Hashtag || t.Kind == Handle {
			n++
		}
	}
	return n
}

// Parse tokenizes text and splits it into sentences. It never fails; invalid
// UTF-8 bytes become single-byte punctuation tokens.
func Parse(text string) *Doc { return ParseWith(text, Options{}) }

// Options select conventions of ParseWith beyond Parse's.
type Options struct {
	// Treebank writes tokens as newswire treebanks do (CoNLL-2003, Penn),
	// the name tagger's input: clitics are tokens of their own ("Clinton
	// 's", "do n't"; "'s" written apart is one token) and an abbreviation
	// or initial keeps its period ("Sen.", "J.").
	Treebank bool
	// Boundary, when set, decides each sentence boundary that punctuation
	// proposes: the sentence ends before token next (toks[next-1] is the
	// final punctuation or a closing mark after it) only when it returns
	// true. Line breaks always end a sentence.
	Boundary func(text string, toks []Token, next int) bool
}

// ParseWith is Parse with options: one tokenizer and one sentence splitter
// for the classifiers (Parse) and the name tagger and quote rules.
func ParseWith(text string, o Options) *Doc {
	d := &Doc{Text: text}
	d.Tokens = Tokenize(text)
	if o.Treebank {
		d.Tokens = treebank(text, d.Tokens)
	} else {
		d.Tokens = joinSpacedClitics(text, d.Tokens)
	}
	d.Sentences = segment(text, d.Tokens, o.Boundary)
	return d
}

// spacedClitics are the clitics joined back to their word when a text
// writes them apart ("doesn ’ t", "they ’ re"), as some collected posts
// do: the negation of "doesn ’ t" is otherwise lost.
var spacedClitics = map[string]bool{"t": true, "s": true, "re": true, "ve": true, "ll": true, "d": true, "m": true}

// joinSpacedClitics joins a word, an apostrophe and a clitic written apart
// with single spaces into one word token ("doesn ’ t" -> "doesn't"); "t"
// only after a word ending in "n". The token spans the three.
func joinSpacedClitics(text string, toks []Token) []Token {
	var out []Token
	for i := 0; i < len(toks); i++ {
		if i+2 < len(toks) && toks[i].Kind == Word && toks[i+1].Kind == Punct && toks[i+2].Kind == Word {
			a, b, c := toks[i], toks[i+1], toks[i+2]
			r, size := utf8.DecodeRuneInString(text[b.Start:b.End])
			gap1, gap2 := text[a.End:b.Start], text[b.End:c.Start]
			if isApos(r) && size == b.End-b.Start && spacedClitics[c.Lower] && (gap1 == " " || gap2 == " ") &&
				(gap1 == "" || gap1 == " ") && (gap2 == "" || gap2 == " ") && (c.Lower != "t" || strings.HasSuffix(a.Lower, "n")) {
				if out == nil {
					out = append(make([]Token, 0, len(toks)), toks[:i]...)
				}
				out = append(out, Token{Start: a.Start, End: c.End, Lower: a.Lower + "'" + c.Lower, Kind: Word})
				i += 2
				continue
			}
		}
		if out != nil {
			out = append(out, toks[i])
		}
	}
	if out == nil {
		return toks
	}
	return out
}

// clitics are split off a word in treebank tokens, longest first.
var clitics = []string{"n't", "'s", "'re", "'ve", "'ll", "'d", "'m"}

// treebank splits clitics off words, joins "'" and a clitic written apart
// ("Levy 's") and keeps an abbreviation's or initial's period on it.
func treebank(text string, toks []Token) []Token {
	out := make([]Token, 0, len(toks)+len(toks)/16)
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch t.Kind {
		case Word:
			split := false
			for _, c := range clitics {
				if len(t.Lower) > len(c) && strings.HasSuffix(t.Lower, c) {
					// the clitic in the text: its apostrophe may be ’ (3 bytes)
					aposEnd := t.End - (len(c) - strings.IndexByte(c, '\'') - 1)
					r, asz := utf8.DecodeLastRuneInString(text[t.Start:aposEnd])
					if !isApos(r) {
						break
					}
					at := aposEnd - asz
					if c == "n't" {
						at-- // "n" belongs to the clitic
					}
					if at > t.Start {
						out = append(out, Token{Start: t.Start, End: at, Lower: lowerWord(text[t.Start:at]), Kind: Word},
							Token{Start: at, End: t.End, Lower: lowerWord(text[at:t.End]), Kind: Word})
						split = true
					}
					break
				}
			}
			if !split {
				out = append(out, t)
			}
		case Number:
			// scores and ranges written with hyphens are one token
			// ("29-6-64-1", "4-95", "1996-97"); a number that starts a line
			// keeps its period as a list ordinal ("4. Teutenberg 4 seconds")
			for i+2 < len(toks) && text[toks[i+1].Start:toks[i+1].End] == "-" && toks[i+1].Start == t.End &&
				toks[i+2].Start == toks[i+1].End && toks[i+2].Kind == Number {
				t.End = toks[i+2].End
				i += 2
			}
			t.Lower = strings.ToLower(text[t.Start:t.End])
			if i+1 < len(toks) && text[toks[i+1].Start:toks[i+1].End] == "." && toks[i+1].Start == t.End && lineStart(text, t.Start) &&
				i+2 < len(toks) && toks[i+2].Start > toks[i+1].End {
				t.End = toks[i+1].End
				t.Lower += "."
				i++
			}
			out = append(out, t)
		case Punct:
			src := text[t.Start:t.End]
			if src == "." && len(out) > 0 {
				prev := &out[len(out)-1]
				if prev.End == t.Start && prev.Kind == Word && (IsAbbreviation(prev.Lower) ||
					utf8.RuneCountInString(prev.Lower) == 1 && unicode.IsUpper(firstRune(text[prev.Start:]))) {
					prev.End = t.End
					prev.Lower += "."
					continue
				}
			}
			if isApos(firstRune(src)) && len(src) == len(string(firstRune(src))) && i+1 < len(toks) && toks[i+1].Start == t.End && toks[i+1].Kind == Word &&
				(t.Start == 0 || unicode.IsSpace(lastRune(text[:t.Start]))) {
				switch toks[i+1].Lower {
				case "s", "re", "ve", "ll", "d", "m":
					n := toks[i+1]
					out = append(out, Token{Start: t.Start, End: n.End, Lower: "'" + n.Lower, Kind: Word})
					i++
					continue
				}
			}
			out = append(out, t)
		default:
			out = append(out, t)
		}
	}
	return out
}

// lineStart reports that only spaces precede byte i on its line.
func lineStart(text string, i int) bool {
	for i > 0 {
		c := text[i-1]
		if c == '\n' {
			return true
		}
		if c != ' ' && c != '\t' && c != '\r' {
			return false
		}
		i--
	}
	return true
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func isApos(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// Tokenize splits text into tokens with byte offsets.
func Tokenize(text string) []Token {
	toks := make([]Token, 0, len(text)/5+1)
	i := 0
	n := len(text)
	for i < n {
		r, sz := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && sz <= 1 {
			toks = append(toks, Token{Start: i, End: i + 1, Lower: text[i : i+1], Kind: Punct})
			i++
			continue
		}
		if unicode.IsSpace(r) {
			i += sz
			continue
		}
		// URLs.
		if r == 'h' || r == 'H' || r == 'w' || r == 'W' {
			if j := urlEnd(text, i); j > i {
				toks = append(toks, Token{Start: i, End: j, Lower: strings.ToLower(text[i:j]), Kind: URL})
				i = j
				continue
			}
		}
		// Hashtags and handles.
		if (r == '#' || r == '@') && i+1 < n {
			r2, _ := utf8.DecodeRuneInString(text[i+1:])
			if isWordRune(r2) || r2 == '_' {
				j := i + 1
				for j < n {
					r3, s3 := utf8.DecodeRuneInString(text[j:])
					if !isWordRune(r3) && r3 != '_' {
						break
					}
					j += s3
				}
				k := Hashtag
				if r == '@' {
					k = Handle
				}
				toks = append(toks, Token{Start: i, End: j, Lower: strings.ToLower(text[i:j]), Kind: k})
				i = j
				continue
			}
		}
		if unicode.IsDigit(r) {
			j := i + sz
			allDigits := true
			for j < n {
				c := text[j]
				if c >= '0' && c <= '9' {
					j++
					continue
				}
				if (c == ',' || c == '.' || c == ':') && j+1 < n && text[j+1] >= '0' && text[j+1] <= '9' {
					j++
					continue
				}
				r3, s3 := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(r3) { // 10th, 3pm, covid19
					allDigits = false
					j += s3
					continue
				}
				break
			}
			k := Number
			if !allDigits {
				k = Word
			}
			toks = append(toks, Token{Start: i, End: j, Lower: strings.ToLower(text[i:j]), Kind: k})
			i = j
			continue
		}
		if isWordRune(r) {
			j := i + sz
			for j < n {
				r3, s3 := utf8.DecodeRuneInString(text[j:])
				if isWordRune(r3) || r3 == '_' {
					j += s3
					continue
				}
				// internal apostrophe or hyphen followed by a letter: don't, anti-migrant, O'Brien
				if (isApos(r3) || r3 == '-' || r3 == '‐') && j+s3 < n {
					r4, _ := utf8.DecodeRuneInString(text[j+s3:])
					if unicode.IsLetter(r4) {
						j += s3
						continue
					}
				}
				// abbreviations with dots: U.S., e.g.
				if r3 == '.' && j+1 < n && j-i <= 2 {
					r4, s4 := utf8.DecodeRuneInString(text[j+1:])
					if unicode.IsLetter(r4) && (j+1+s4 >= n || text[j+1+s4] == '.') {
						j += 1 + s4
						if j < n && text[j] == '.' {
							j++
						}
						continue
					}
				}
				break
			}
			toks = append(toks, Token{Start: i, End: j, Lower: lowerWord(text[i:j]), Kind: Word})
			i = j
			continue
		}
		// Punctuation/symbol run: group identical repeated chars (!!!, ...)
		// and ASCII emoticon-like runs (:), :-(, <3).
		j := i + sz
		if r < utf8.RuneSelf {
			for j < n {
				c := text[j]
				if c >= utf8.RuneSelf || c == ' ' || c == '\t' || c == '\n' || c == '\r' || isASCIIAlnum(c) {
					break
				}
				if c == byte(r) || (r == ':' || r == ';' || r == '=') && isEmoticonChar(c) {
					j++
					continue
				}
				break
			}
			// "<3" emoticon
			if r == '<' && j < n && text[j] == '3' && (j+1 >= n || !isASCIIAlnum(text[j+1])) {
				j++
			}
		}
		toks = append(toks, Token{Start: i, End: j, Lower: text[i:j], Kind: Punct})
		i = j
	}
	return toks
}

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// isEmoticonChar: characters that make up emoticons; a run of them is one
// token only when it starts with ':' ';' '=' or 'x'-like eyes (handled by
// caller: only when the first char is one of these).
func isEmoticonChar(c byte) bool {
	switch c {
	case ':', ';', '=', '-', ')', '(', 'D', 'P', 'p', '/', '\\', '|', '[', ']', '*', '\'', '^':
		return true
	}
	return false
}

// lowerWord lowercases s and maps curly apostrophes to '.
func lowerWord(s string) string {
	ascii := true
	upper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if c >= 'A' && c <= 'Z' {
			upper = true
		}
	}
	if ascii {
		if !upper {
			return s
		}
		return strings.ToLower(s)
	}
	s = strings.ToLower(s)
	s = strings.ReplaceAll(s, "’", "'")
	return strings.ReplaceAll(s, "ʼ", "'")
}

func urlEnd(text string, i int) int {
	rest := text[i:]
	var p int
	switch {
	case hasPrefixFold(rest, "https://"):
		p = 8
	case hasPrefixFold(rest, "http://"):
		p = 7
	case hasPrefixFold(rest, "www."):
		p = 4
	default:
		return i
	}
	j := i + p
	for j < len(text) {
		c := text[j]
		if c <= ' ' || c == '"' || c == '<' || c == '>' || c >= utf8.RuneSelf {
			break
		}
		j++
	}
	// trailing punctuation is not part of the URL
	for j > i+p && strings.ContainsRune(".,;:!?)]'", rune(text[j-1])) {
		j--
	}
	if j == i+p {
		return i
	}
	return j
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func isClosing(s string) bool {
	switch s {
	case `"`, "”", "’", "'", ")", "]", "»", "\"'", "'\"", "''":
		return true
	}
	return false
}

// segment splits tokens into sentences: after . ! ? (runs included) and any
// closing quotes/brackets, when the next token starts a new sentence, and at
// line breaks.
func segment(text string, toks []Token, boundary func(string, []Token, int) bool) []Sentence {
	var out []Sentence
	start := 0 // token index
	para := true
	flush := func(end int, nextPara bool) {
		if end > start {
			out = append(out, Sentence{
				Start: toks[start].Start, End: toks[end-1].End,
				TokStart: start, TokEnd: end, ParagraphBoundary: para,
			})
		}
		start = end
		para = nextPara
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		// line break between this token and the next: sentence boundary
		if i+1 < len(toks) {
			gap := text[t.End:toks[i+1].Start]
			if strings.IndexByte(gap, '\n') >= 0 {
				flush(i+1, true)
				continue
			}
		}
		if t.Kind != Punct {
			continue
		}
		c := text[t.Start]
		if c != '.' && c != '!' && c != '?' && !strings.HasPrefix(text[t.Start:], "…") {
			continue
		}
		if c == '.' && t.End-t.Start == 1 && i > start {
			prev := toks[i-1]
			// abbreviation or single initial directly before the period
			if prev.End == t.Start && prev.Kind == Word {
				w := prev.Lower
				if IsAbbreviation(w) || (utf8.RuneCountInString(w) == 1 && unicode.IsUpper(firstRune(text[prev.Start:]))) {
					continue
				}
			}
		}
		if c == '.' && i+1 < len(toks) && toks[i+1].Start == t.End {
			// "3.5", ".com": glued to the next token
			if toks[i+1].Kind != Punct {
				continue
			}
		}
		end := i + 1
		for end < len(toks) && toks[end].Kind == Punct && toks[end].Start == toks[end-1].End && isClosing(text[toks[end].Start:toks[end].End]) {
			end++
		}
		if end < len(toks) {
			nx := toks[end]
			r := firstRune(text[nx.Start:])
			if unicode.IsLower(r) && c == '.' {
				continue // "e.g. something", "approx. five"
			}
		}
		lineBreak := end < len(toks) && strings.IndexByte(text[toks[end-1].End:toks[end].Start], '\n') >= 0
		if boundary != nil && end < len(toks) && !boundary(text, toks, end) {
			if lineBreak {
				flush(end, true) // a line break still ends it
			}
			i = end - 1
			continue
		}
		flush(end, lineBreak) // a closing mark absorbed before a line break: the next sentence starts a paragraph
		i = end - 1
	}
	flush(len(toks), false)
	return out
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
