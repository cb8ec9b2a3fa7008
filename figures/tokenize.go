package figures

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xenoscope/xenoscope/nlp"
)

// token is a word or punctuation mark with byte offsets into the text.
type token struct {
	text       string // as written
	norm       string // curly quotes and dashes folded, for the tagger and the patterns
	lower      string
	start, end int
	para       int // paragraph index (newline separated)
}

// sentence is a run of tokens [first, last) of the document token slice.
type sentence struct {
	first, last int
}


func isOpenPunct(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '(', '[', '{', '«', '„':
		return true
	}
	return false
}

func isClosePunct(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', ')', ']', '}', '»', '.', ',', ';', ':', '!', '?', '…':
		return true
	}
	return false
}

func isDash(r rune) bool { return r == '—' || r == '–' }

func normToken(s string) string {
	switch s {
	case "“", "”", "„", "«", "»":
		return `"`
	case "‘", "’":
		return "'"
	case "—", "–":
		return "--"
	case "’s":
		return "'s"
	case "n’t":
		return "n't"
	}
	if strings.ContainsRune(s, '’') {
		return strings.ReplaceAll(s, "’", "'")
	}
	return s
}

// tokenize splits text into tokens with byte offsets and groups them into
// sentences. Paragraphs are separated by newlines; a sentence never spans
// two paragraphs.
func tokenize(text string) ([]token, []sentence) {
	var toks []token
	para := 0
	add := func(a, b int) {
		if a >= b {
			return
		}
		s := text[a:b]
		n := normToken(s)
		toks = append(toks, token{text: s, norm: n, lower: strings.ToLower(n), start: a, end: b, para: para})
	}
	i := 0
	nl := false
	for i < len(text) {
		r, sz := utf8.DecodeRuneInString(text[i:])
		if r == '\n' {
			nl = true
			i += sz
			continue
		}
		if !unicode.IsSpace(r) && nl {
			if len(toks) > 0 {
				para++
			}
			nl = false
		}
		if unicode.IsSpace(r) {
			i += sz
			continue
		}
		j := i
		for j < len(text) {
			r2, sz2 := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r2) {
				break
			}
			j += sz2
		}
		splitChunk(text, i, j, add)
		i = j
	}
	// straight-quote parity: odd means a straight quote at k closes one
	odd := make([]bool, len(toks))
	n := 0
	for k := range toks {
		if k > 0 && toks[k].para != toks[k-1].para {
			n = 0
		}
		odd[k] = n%2 == 1
		if toks[k].text == `"` {
			n++
		}
	}
	// sentences
	var sents []sentence
	start := 0
	for k := 0; k < len(toks); k++ {
		end := false
		if k+1 < len(toks) && toks[k+1].para != toks[k].para {
			end = true
		} else if n := toks[k].norm; n == "." || n == "!" || n == "?" || n == "…" {
			// absorb closing quotes / brackets
			for k+1 < len(toks) && toks[k+1].para == toks[k].para && (toks[k+1].text == "”" || toks[k+1].text == "’" || toks[k+1].text == ")" || (toks[k+1].text == `"` && odd[k+1])) {
				k++
			}
			if k+1 >= len(toks) || toks[k+1].para != toks[k].para {
				end = true
			} else if (toks[k].text == "”" || toks[k].text == "’" || toks[k].norm == `"`) && attributionFollows(toks, k+1) {
				end = false // “…?” Schiff asked.
			} else {
				nr, _ := utf8.DecodeRuneInString(toks[k+1].text)
				end = unicode.IsUpper(nr) || unicode.IsDigit(nr) || isOpenPunct(nr)
			}
		}
		if end || k == len(toks)-1 {
			sents = append(sents, sentence{start, k + 1})
			start = k + 1
		}
	}
	return toks, sents
}

// splitChunk splits one whitespace-delimited chunk [a, b) into tokens.
func splitChunk(text string, a, b int, add func(a, b int)) {
	// a quotation mark glued inside the chunk splits it: ,”Clinton / said,“Look
	for i := a + 1; i < b; {
		r, sz := utf8.DecodeRuneInString(text[i:b])
		if (r == '“' || r == '”' || r == '"' || r == '„' || r == '«' || r == '»') && i+sz < b {
			splitChunk(text, a, i, add)
			add(i, i+sz)
			splitChunk(text, i+sz, b, add)
			return
		}
		i += sz
	}
	// a clitic written apart, as in tokenized newswire ("Levy 's visit")
	switch strings.ToLower(text[a:b]) {
	case "'s", "’s", "n't", "n’t", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m":
		add(a, b)
		return
	}
	// leading punctuation
	for a < b {
		r, sz := utf8.DecodeRuneInString(text[a:b])
		if isOpenPunct(r) || isDash(r) {
			add(a, a+sz)
			a += sz
			continue
		}
		break
	}
	// trailing punctuation (collected in reverse)
	var tail [][2]int
	for a < b {
		r, sz := utf8.DecodeLastRuneInString(text[a:b])
		if !(isClosePunct(r) || isDash(r)) {
			break
		}
		if r == '.' {
			core := strings.ToLower(text[a : b-sz])
			if nlp.IsAbbreviation(core) || (utf8.RuneCountInString(core) == 1 && unicode.IsLetter(firstRune(core))) || (strings.Contains(core, ".") && !strings.Contains(core, "..")) {
				break
			}
		}
		if r == '\'' || r == '’' {
			// possessive plural (teachers') keeps its apostrophe as a token
		}
		tail = append(tail, [2]int{b - sz, b})
		b -= sz
	}
	// inner dashes split words: officer—and
	core := text[a:b]
	for {
		k := strings.IndexAny(core, "—–")
		if k <= 0 {
			break
		}
		_, sz := utf8.DecodeRuneInString(core[k:])
		emitWord(text, a, a+k, add)
		add(a+k, a+k+sz)
		a += k + sz
		core = text[a:b]
	}
	emitWord(text, a, b, add)
	for k := len(tail) - 1; k >= 0; k-- {
		add(tail[k][0], tail[k][1])
	}
}

// emitWord splits clitics: 's, n't, 're, 've, 'll, 'd, 'm.
func emitWord(text string, a, b int, add func(a, b int)) {
	w := text[a:b]
	lw := strings.ToLower(w)
	for _, suf := range []string{"n't", "n’t"} {
		if strings.HasSuffix(lw, suf) && len(lw) > len(suf) {
			add(a, b-len(suf))
			add(b-len(suf), b)
			return
		}
	}
	for _, suf := range []string{"'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m"} {
		if strings.HasSuffix(lw, suf) && len(lw) > len(suf) {
			add(a, b-len(suf))
			add(b-len(suf), b)
			return
		}
	}
	add(a, b)
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// attributionFollows reports "Name (Name) said" or "he said" starting at k.
func attributionFollows(toks []token, k int) bool {
	for j := k; j < len(toks) && j < k+4; j++ {
		if speechVerbs[toks[j].lower] {
			return j > k
		}
		if !isWordTok(toks[j].norm) || toks[j].para != toks[k].para {
			return false
		}
	}
	return false
}
