package analyze

import (
	"bufio"
	"fmt"
	"slices"
	"strings"
)

// Lexicon sections (analyze/models/lexicons.txt).
const (
	secTarget = iota
	secMigrationTopic
	secDehumanizing
	secExclusion
	secCondemnation
	secPositive
	secRestrictive
	secWelcoming
	secCrime
	secReportFrame
	secVictimGroup
	secNegation
	secSpeech
	secWomen
	secContribution
	numSections
)

var sectionNames = [numSections]string{
	"target", "migration_topic", "dehumanizing", "exclusion", "condemnation", "positive_contribution",
	"restrictive_policy", "welcoming_policy", "crime", "report_frame", "victim_group", "negation", "speech", "women",
	"contribution",
}

// lexEntry is one (possibly multi-word) lexicon term.
type lexEntry struct {
	section int
	words   []string // after the first word
	prefix  []bool   // per word (first included): trailing * = prefix match
}

// lexicons matches the hand lexicons on lowercased token sequences.
type lexicons struct {
	exact  map[string][]lexEntry // first word exact
	prefix map[string][]lexEntry // first word prefix (without *)
	maxPre int
	preLen []int // the distinct lengths of the prefixes, ascending
}

// lexHit is a lexicon match over tokens [start, end) of a sequence.
type lexHit struct {
	section    int
	start, end int
}

func parseLexicons(src string) (*lexicons, error) { return parseSections(src, sectionNames[:]) }

// parseSections parses a lexicon file whose [sections] are names (the index
// in names is the section number of a hit).
func parseSections(src string, names []string) (*lexicons, error) {
	lx := &lexicons{exact: map[string][]lexEntry{}, prefix: map[string][]lexEntry{}}
	sec := -1
	sc := bufio.NewScanner(strings.NewReader(src))
	line := 0
	for sc.Scan() {
		line++
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if strings.HasPrefix(l, "[") && strings.HasSuffix(l, "]") {
			name := l[1 : len(l)-1]
			sec = -1
			for i, n := range names {
				if n == name {
					sec = i
				}
			}
			if sec < 0 {
				return nil, fmt.Errorf("lexicons line %d: unknown section %q", line, name)
			}
			continue
		}
		if sec < 0 {
			return nil, fmt.Errorf("lexicons line %d: term before any [section]", line)
		}
		for _, term := range splitTerms(l) {
			words := strings.Fields(strings.ToLower(term))
			if len(words) == 0 {
				continue
			}
			e := lexEntry{section: sec}
			for i, w := range words {
				p := strings.HasSuffix(w, "*")
				w = strings.TrimSuffix(w, "*")
				words[i] = w
				e.prefix = append(e.prefix, p)
			}
			e.words = words[1:]
			if e.prefix[0] {
				lx.prefix[words[0]] = append(lx.prefix[words[0]], e)
				if len(words[0]) > lx.maxPre {
					lx.maxPre = len(words[0])
				}
				if !slices.Contains(lx.preLen, len(words[0])) {
					lx.preLen = append(lx.preLen, len(words[0]))
					slices.Sort(lx.preLen)
				}
			} else {
				lx.exact[words[0]] = append(lx.exact[words[0]], e)
			}
		}
	}
	return lx, sc.Err()
}

// splitTerms splits a lexicon line into terms: "quoted phrases" or single words.
func splitTerms(l string) []string {
	var out []string
	for len(l) > 0 {
		l = strings.TrimLeft(l, " \t")
		if l == "" {
			break
		}
		if l[0] == '"' {
			j := strings.IndexByte(l[1:], '"')
			if j < 0 {
				out = append(out, l[1:])
				break
			}
			out = append(out, l[1:1+j])
			l = l[j+2:]
			continue
		}
		j := strings.IndexAny(l, " \t")
		if j < 0 {
			out = append(out, l)
			break
		}
		out = append(out, l[:j])
		l = l[j:]
	}
	return out
}

func wordMatch(w, pat string, prefix bool) bool {
	if prefix {
		return strings.HasPrefix(w, pat)
	}
	return w == pat
}

// match returns every lexicon hit in words (lowercased tokens).
func (lx *lexicons) match(words []string, out []lexHit) []lexHit {
	try := func(i int, es []lexEntry) {
		for _, e := range es {
			if i+len(e.words) >= len(words) {
				continue
			}
			ok := true
			for k, w := range e.words {
				if !wordMatch(words[i+1+k], w, e.prefix[k+1]) {
					ok = false
					break
				}
			}
			if ok {
				out = append(out, lexHit{section: e.section, start: i, end: i + 1 + len(e.words)})
			}
		}
	}
	for i, w := range words {
		if es, ok := lx.exact[w]; ok {
			try(i, es)
		}
		for _, l := range lx.preLen { // only lengths some prefix has
			if l > len(w) {
				break
			}
			if es, ok := lx.prefix[w[:l]]; ok {
				try(i, es)
			}
		}
	}
	return out
}

// addLemmas adds, for every single-word exact term, an entry for its
// lemma in the same section (when it has none).
func (lx *lexicons) addLemmas(v *vocabulary) {
	type key struct {
		w   string
		sec int
	}
	have := map[key]bool{}
	for w, es := range lx.exact {
		for _, e := range es {
			if len(e.words) == 0 {
				have[key{w, e.section}] = true
			}
		}
	}
	// in a fixed order, and only the lexicon's own words (the map grows
	// inside the loop: ranging over it would make the result depend on
	// Go's random map order)
	words := make([]key, 0, len(have))
	for k := range have {
		words = append(words, k)
	}
	slices.SortFunc(words, func(a, b key) int {
		if a.w != b.w {
			return strings.Compare(a.w, b.w)
		}
		return a.sec - b.sec
	})
	// the words of other senses keep to their forms: "goods" (trade) does
	// not make "good" a word of trade, nor "signings" (football) "sign"
	var add []key
	for _, k := range words {
		if l := v.lemmaOf(k.w); l != k.w && !have[key{l, k.sec}] && k.sec != tNonMigration {
			add = append(add, key{l, k.sec})
			have[key{l, k.sec}] = true
		}
	}
	slices.SortFunc(add, func(a, b key) int {
		if a.w != b.w {
			return strings.Compare(a.w, b.w)
		}
		return a.sec - b.sec
	})
	for _, k := range add {
		lx.exact[k.w] = append(lx.exact[k.w], lexEntry{section: k.sec, prefix: []bool{false}})
	}
}

// addOriginCompounds adds, for every single-word origin adjective of
// target.txt, its compounds with -owned, -run, -born, -led and -founded to
// the nationality section ("a Syrian-owned shop" names its owners).
func (lx *lexicons) addOriginCompounds() {
	var add []string
	for w, es := range lx.exact {
		for _, e := range es {
			if e.section == tOriginAdj && len(e.words) == 0 {
				for _, suf := range []string{"-owned", "-run", "-born", "-led", "-founded"} {
					add = append(add, w+suf)
				}
			}
		}
	}
	slices.Sort(add)
	for _, w := range add {
		lx.exact[w] = append(lx.exact[w], lexEntry{section: tNationality, prefix: []bool{false}})
	}
}
