package figures

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xenoscope/xenoscope/figures/ner"
	"github.com/xenoscope/xenoscope/nlp"
)

// token is an nlp treebank token as the mention and quote rules read it.
type token struct {
	text       string // as written
	norm       string // curly quotes and dashes folded, for the tagger and the patterns
	lower      string
	start, end int
	para       int // paragraph index (line separated)
}

// sentence is a run of tokens [first, last) of the document token slice.
type sentence struct {
	first, last int
}

// tokenize reads text with nlp's tokenizer and sentence splitter in
// treebank form (clitics apart, abbreviations with their period: what the
// tagger was trained on). A sentence never spans two paragraphs, and
// punctuation ends one only before a capital, a digit or an opening mark,
// and not before an attribution ("“…?” Schiff asked.").
func tokenize(text string) ([]token, []sentence) {
	d := nlp.ParseWith(text, nlp.Options{Treebank: true, Boundary: sentenceBoundary})
	toks := make([]token, len(d.Tokens))
	sents := make([]sentence, len(d.Sentences))
	para := -1
	for si, s := range d.Sentences {
		if s.ParagraphBoundary {
			para++
		}
		sents[si] = sentence{s.TokStart, s.TokEnd}
		for k := s.TokStart; k < s.TokEnd; k++ {
			t := d.Tokens[k]
			w := text[t.Start:t.End]
			n := normToken(w)
			toks[k] = token{text: w, norm: n, lower: strings.ToLower(n), start: t.Start, end: t.End, para: para}
		}
	}
	return toks, sents
}

// sentenceBoundary is the nlp.Options.Boundary of tokenize.
func sentenceBoundary(text string, toks []nlp.Token, next int) bool {
	switch text[toks[next-1].Start:toks[next-1].End] {
	case "”", "’", `"`, "''", "'''":
		lower := func(j int) string { return toks[j].Lower }
		word := func(j int) bool { return isWordTok(text[toks[j].Start:toks[j].End]) }
		same := func(j int) bool { return !strings.Contains(text[toks[j-1].End:toks[j].Start], "\n") }
		capital := func(j int) bool { return ner.IsCapitalised(text[toks[j].Start:toks[j].End]) }
		if attributionAt(next, len(toks), lower, word, same, capital) {
			return false
		}
	}
	r, _ := utf8.DecodeRuneInString(text[toks[next].Start:])
	return unicode.IsUpper(r) || unicode.IsDigit(r) || isOpenPunct(r)
}

func isOpenPunct(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '(', '[', '{', '«', '„':
		return true
	}
	return false
}

func normToken(s string) string {
	switch s {
	case "“", "”", "„", "«", "»", "''", "``", "'''":
		return `"` // '' and `` are double quotes in some newsrooms' text (The New York Times)
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

// attributionFollows reports "Name (Name) said" or "he said" starting at k:
// up to six capitalised words or a pronoun, then a speech verb.
func attributionFollows(toks []token, k int) bool {
	return attributionAt(k, len(toks), func(j int) string { return toks[j].lower },
		func(j int) bool { return isWordTok(toks[j].norm) }, func(j int) bool { return toks[j].para == toks[j-1].para },
		func(j int) bool { return ner.IsCapitalised(toks[j].text) })
}

var pronounWords = map[string]bool{"he": true, "she": true, "they": true, "we": true, "i": true}

// attributionAt reports one to three words and then a speech verb from
// token k on, within one paragraph (samePara(j): token j is in the
// paragraph of token j-1).
func attributionAt(k, n int, lower func(int) string, word, samePara, capital func(int) bool) bool {
	for j := k; j < n && j < k+7; j++ {
		if j > k && !samePara(j) {
			return false
		}
		if speechVerbs[lower(j)] {
			return j > k
		}
		if !word(j) || !capital(j) && !pronounWords[lower(j)] {
			return false // a name or a pronoun: "Schiff asked", "US Senator Jeff Sessions said"; not "The star then recalled"
		}
	}
	return false
}
