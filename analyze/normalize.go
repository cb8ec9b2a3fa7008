package analyze

import (
	"bufio"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Spelling normalisation for the target and hostility lexicons: people who
// write hate online disguise the key words ("1mmigrants", "r e f u g e e s",
// "imigrnats", "migrantsarevermin", "f*ck"). Each step below runs only on a
// word that is not a known English word (vocab.txt), so ordinary words are
// never rewritten, and it accepts a rewrite only when the result is a known
// word (a term of a lexicon for the fuzzy step). See docs/analysis.md,
// "Spelling variants", for what each step buys on the functional tests.

// vocabulary is a word list with corpus counts (analyze/models/vocab.txt,
// written by `xenoscope train -task lexicons`): the "known word" test and the
// unigram model of the word splitter.
type vocabulary struct {
	count map[string]int
	lemma map[string]string // inflected word -> WordNet lemma
	total float64
	// keys: single-word lexicon terms the fuzzy matcher may map an unknown
	// word onto (targets and hostility words of target.txt), by length.
	keys map[int][]string
}

func parseVocab(src string) (*vocabulary, error) {
	v := &vocabulary{count: map[string]int{}, lemma: map[string]string{}, keys: map[int][]string{}}
	sc := bufio.NewScanner(strings.NewReader(src))
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		if l == "" || l[0] == '#' {
			continue
		}
		w, c, ok := strings.Cut(l, "\t")
		if !ok {
			return nil, fmt.Errorf("vocab line %d: want word TAB count", line)
		}
		if c2, lem, ok := strings.Cut(c, "\t"); ok {
			c = c2
			v.lemma[w] = lem
		}
		n, err := strconv.Atoi(c)
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("vocab line %d: bad count %q", line, c)
		}
		v.count[w] += n
		v.total += float64(n)
	}
	return v, sc.Err()
}

// lemmaOf returns w's WordNet lemma (w itself when none is known).
func (v *vocabulary) lemmaOf(w string) string {
	if v != nil {
		if l, ok := v.lemma[w]; ok {
			return l
		}
	}
	return w
}

// adjBase returns the base of a comparative or superlative adjective
// ("laziest" lazy, "dirtier" dirty, "rudest" rude, "biggest" big) when that
// base is a known word, else w. WordNet's lemmas cover nouns and verbs, not
// the degrees of adjectives.
func (v *vocabulary) adjBase(w string) string {
	if v == nil || len(w) < 5 {
		return w
	}
	var stem string
	switch {
	case strings.HasSuffix(w, "iest"):
		stem = w[:len(w)-4] + "y"
	case strings.HasSuffix(w, "ier"):
		stem = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "est"):
		stem = w[:len(w)-3]
	case strings.HasSuffix(w, "er"):
		stem = w[:len(w)-2]
	default:
		return w
	}
	// "rudest" rude, "biggest" big, "greediest" greedy
	for _, c := range []string{stem, stem + "e", dedouble(stem)} {
		if len(c) >= 3 && v.count[c] > 0 {
			return c
		}
	}
	return w
}

func dedouble(w string) string {
	if n := len(w); n >= 2 && w[n-1] == w[n-2] {
		return w[:n-1]
	}
	return w
}

// known reports whether w is an English word of the vocabulary.
func (v *vocabulary) known(w string) bool {
	if v == nil {
		return false
	}
	if v.count[w] > 0 {
		return true
	}
	// an inflection of a known word ("banners", "guested", "sieving"):
	// the word list holds WordNet's lemmas, not all their forms
	for _, r := range inflections {
		if len(w) > len(r[0])+2 && strings.HasSuffix(w, r[0]) {
			b := w[:len(w)-len(r[0])] + r[1]
			if v.count[b] > 0 && inflectionFits(b, r[0]) {
				return true
			}
		}
	}
	return false
}

// inflectionFits reports whether suffix is how English inflects base:
// "es" after s, x, z, ch, sh, o ("buses", not "refugeees"); "s" not after
// those; "ed"/"ing" not after a doubled letter already ("scummed").
func inflectionFits(base, suffix string) bool {
	sibilant := strings.HasSuffix(base, "s") || strings.HasSuffix(base, "x") || strings.HasSuffix(base, "z") ||
		strings.HasSuffix(base, "ch") || strings.HasSuffix(base, "sh")
	switch suffix {
	case "es":
		return sibilant || strings.HasSuffix(base, "o")
	case "s":
		return !sibilant
	}
	return true
}

// inflections: suffix rules back to a base form (morphy's, plus doubled
// consonants and -er/-est).
var inflections = [][2]string{{"s", ""}, {"es", ""}, {"ies", "y"}, {"ed", ""}, {"ed", "e"}, {"ing", ""}, {"ing", "e"},
	{"er", ""}, {"er", "e"}, {"est", ""}, {"est", "e"}, {"ied", "y"}, {"'s", ""}, {"s'", ""},
	{"bed", "b"}, {"dded", "d"}, {"gged", "g"}, {"lled", "l"}, {"mmed", "m"}, {"nned", "n"}, {"pped", "p"}, {"rred", "r"}, {"tted", "t"},
	{"bbing", "b"}, {"dding", "d"}, {"gging", "g"}, {"lling", "l"}, {"mming", "m"}, {"nning", "n"}, {"pping", "p"}, {"rring", "r"}, {"tting", "t"}}

// addKeys registers the single-word terms of a lexicon as fuzzy targets.
func (v *vocabulary) addKeys(lx *lexicons, sections ...int) {
	seen := map[string]bool{}
	for _, ks := range v.keys {
		for _, k := range ks {
			seen[k] = true
		}
	}
	want := map[int]bool{}
	for _, s := range sections {
		want[s] = true
	}
	add := func(w string) {
		if !seen[w] && len(w) >= 4 && isAlphaWord(w) {
			seen[w] = true
			v.keys[len(w)] = append(v.keys[len(w)], w)
		}
	}
	for w, es := range lx.exact {
		for _, e := range es {
			if !want[e.section] {
				continue
			}
			if len(e.words) == 0 {
				add(w)
			} else if e.section == tMigrant || e.section == tSlur {
				// the parts of a group name: "asylum sekers"
				add(w)
				for k, p := range e.words {
					if !e.prefix[k+1] {
						add(p)
					}
				}
			}
		}
	}
	for _, ks := range v.keys {
		slices.Sort(ks)
	}
}

// leet maps digits and symbols used for letters.
var leet = map[rune]rune{'0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', '$': 's', '!': 'i', '|': 'i', '€': 'e'}

// deLeet replaces leet characters inside a word that has letters.
func deLeet(w string) (string, bool) {
	if strings.Contains(w, "8") { // h8, gr8: 8 sounds "ate"
		w = strings.ReplaceAll(w, "8", "ate")
		if !strings.ContainsAny(w, "0134579@$!|€") {
			return w, true
		}
	}
	letters, subst := 0, 0
	for _, r := range w {
		if _, ok := leet[r]; ok {
			subst++
		} else if r >= 'a' && r <= 'z' {
			letters++
		}
	}
	if subst == 0 || letters < 2 {
		return w, false
	}
	var b strings.Builder
	for _, r := range w {
		if m, ok := leet[r]; ok {
			b.WriteRune(m)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String(), true
}

// squeeze collapses runs of one letter longer than max to max.
func squeeze(w string, max int) string {
	var b strings.Builder
	var prev rune
	run := 0
	for _, r := range w {
		if r == prev {
			run++
		} else {
			prev, run = r, 1
		}
		if run <= max {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// damerau1 reports whether a and b are at most one edit apart (insertion,
// deletion, substitution or transposition of adjacent letters).
func damerau1(a, b string) bool {
	if a == b {
		return true
	}
	la, lb := len(a), len(b)
	if la-lb > 1 || lb-la > 1 {
		return false
	}
	i := 0
	for i < la && i < lb && a[i] == b[i] {
		i++
	}
	switch {
	case la == lb:
		if a[i+1:] == b[i+1:] {
			return true // substitution
		}
		return i+1 < la && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:] // transposition
	case la == lb+1:
		return a[i+1:] == b[i:]
	default:
		return a[i:] == b[i+1:]
	}
}

// transposed reports whether a and b differ by one swap of adjacent letters.
func transposed(a, b string) bool {
	if len(a) != len(b) || a == b {
		return false
	}
	i := 0
	for a[i] == b[i] {
		i++
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}

// fuzzy maps an unknown word onto a lexicon key one edit away ("imigrants",
// "refguees"). Words shorter than 5 letters are left alone: too many real
// words are one edit from each other there. An ambiguous word (two keys
// at distance one) is left alone too.
func (v *vocabulary) fuzzy(w string) (string, bool) {
	n := len(w)
	if n == 4 {
		// four letters: a swap of two letters ("scmu"), or a letter
		// dropped from a five-letter word ("fith") when only one fits
		for _, k := range v.keys[4] {
			if transposed(w, k) {
				return k, true
			}
		}
		found := ""
		for _, k := range v.keys[5] {
			if damerau1(w, k) {
				if found != "" {
					return "", false
				}
				found = k
			}
		}
		return found, found != ""
	}
	if n < 5 {
		return "", false
	}
	// a swap of two letters first (the commonest typing slip, and never a
	// real word's inflection), then the candidate at one edit with the most
	// uses in the corpora ("imigrants": immigrants, not emigrants); two
	// candidates of the same standing: ambiguous
	var swaps []string
	for _, k := range v.keys[n] {
		if transposed(w, k) {
			swaps = append(swaps, k)
		}
	}
	if len(swaps) == 1 {
		return swaps[0], true
	}
	found, best := "", -1
	tie := false
	for l := n - 1; l <= n+1; l++ {
		for _, k := range v.keys[l] {
			if !damerau1(w, k) {
				continue
			}
			switch c := v.count[k]; {
			case c > best:
				found, best, tie = k, c, false
			case c == best && k != found:
				tie = true
			}
		}
	}
	if found != "" && !tie {
		return found, true
	}
	return "", false
}

// normalizeWord returns the known word an unknown, disguised word stands
// for, and whether it found one.
func (v *vocabulary) normalizeWord(w string) (string, bool) {
	if v == nil || v.known(w) {
		return w, false
	}
	if d, ok := deLeet(w); ok {
		if v.known(d) {
			return d, true
		}
		w = d
	}
	// a lexicon key one edit away comes before a squeezed known word:
	// "refuggees" is refugees, not "refuges"; "seeers" is seekers, not
	// "seers" (a doubled letter is as often a slip as an elongation)
	if f, ok := v.fuzzy(w); ok {
		return f, true
	}
	for _, m := range []int{2, 1} {
		if s := squeeze(w, m); s != w && v.known(s) {
			return s, true
		}
	}
	if s := squeeze(w, 1); s != w {
		if f, ok := v.fuzzy(s); ok {
			return f, true
		}
	}
	if f, ok := v.fuzzy2(w); ok {
		return f, true
	}
	return w, false
}

// fuzzy2 maps an unknown word of at least 6 letters onto the one lexicon
// key two edits away ("forieners", "refuegse", "aminals", "imigrnts",
// "refugs") that begins with the same letter, is at least 7 letters long
// and has the same letters but for dropped ones or one more (round 12:
// people who disguise a word often slip twice; "gooders" is not
// "groomers", "despues" not "despise"). Keys that are forms of one word
// ("refugee", "refugees") count as one, and the commonest is taken; a word
// two edits from two different words is left alone.
func (v *vocabulary) fuzzy2(w string) (string, bool) {
	n := len(w)
	if n < 6 {
		return "", false
	}
	found, lemma := "", ""
	for l := max(n-2, 7); l <= n+2; l++ {
		for _, k := range v.keys[l] {
			if k[0] != w[0] || !sameLetters(w, k) || osaDistance(w, k) != 2 {
				continue
			}
			switch lk := v.lemmaOf(k); {
			case found == "":
				found, lemma = k, lk
			case lk != lemma:
				return "", false
			case v.count[k] > v.count[found]:
				found = k
			}
		}
	}
	return found, found != ""
}

// sameLetters reports whether w's letters are k's but for letters dropped
// from k ("imigrnts"), or differ from them by one letter added or dropped
// ("forieners", "aminals").
func sameLetters(w, k string) bool {
	var c [256]int
	for i := 0; i < len(k); i++ {
		c[k[i]]++
	}
	extra := 0
	for i := 0; i < len(w); i++ {
		if c[w[i]] > 0 {
			c[w[i]]--
		} else {
			extra++
		}
	}
	missing := 0
	for _, n := range c {
		missing += n
	}
	return extra == 0 || extra+missing <= 1
}

// osaDistance is the optimal string alignment distance of a and b
// (insertions, deletions, substitutions, adjacent transpositions).
func osaDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			c := 1
			if a[i-1] == b[j-1] {
				c = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+c)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// split segments a joined word ("refugeesarerats", "deportthemall") into
// known words with a unigram model, or returns nil. It accepts a split only
// into at most 6 words of at least 2 letters (single letters only for "a"
// and "i").
func (v *vocabulary) split(w string) []string {
	n := len(w)
	if v == nil || n < 6 || n > 60 || !utf8.ValidString(w) {
		return nil
	}
	for i := 0; i < n; i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return nil
		}
	}
	best := make([]float64, n+1)
	back := make([]int, n+1)
	for i := 1; i <= n; i++ {
		best[i] = math.Inf(-1)
		for j := max(0, i-20); j < i; j++ {
			if math.IsInf(best[j], -1) {
				continue
			}
			p := w[j:i]
			c := v.count[p]
			if c == 0 || len(p) < 3 && !shortWords[p] {
				continue
			}
			// log-probability plus a per-word penalty: prefer fewer,
			// common words
			sc := best[j] + math.Log(float64(c)/v.total) - 3
			if sc > best[i] {
				best[i], back[i] = sc, j
			}
		}
	}
	if math.IsInf(best[n], -1) {
		return nil
	}
	var parts []string
	for i := n; i > 0; i = back[i] {
		parts = append(parts, w[back[i]:i])
	}
	if len(parts) < 2 || len(parts) > 6 {
		return nil
	}
	for a, b := 0, len(parts)-1; a < b; a, b = a+1, b-1 {
		parts[a], parts[b] = parts[b], parts[a]
	}
	return parts
}

// isAlphaWord reports whether w is a lowercase word of letters (with
// internal apostrophes and hyphens).
func isAlphaWord(w string) bool {
	if w == "" || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if (c < 'a' || c > 'z') && c != '\'' && c != '-' {
			return false
		}
	}
	return true
}

// shortWords are the words of one or two letters a joined word may split
// into ("deportthemall" -> deport them all; not "ill ega sl").
var shortWords = map[string]bool{"a": true, "i": true, "an": true, "as": true, "at": true, "be": true, "by": true,
	"do": true, "go": true, "he": true, "if": true, "in": true, "is": true, "it": true, "me": true, "my": true,
	"no": true, "of": true, "on": true, "or": true, "so": true, "to": true, "up": true, "us": true, "we": true}
