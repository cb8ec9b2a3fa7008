package train

import (
	"bufio"
	"maps"
	"slices"

	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/xenoscope/xenoscope/analyze"
)

// Lexicons widened with WordNet (issue 11, point 3): the seed sections of
// target.txt marked (seed) are widened with the synonyms WordNet 3.0 lists
// for the first senses of each seed word (same synset; "similar to" for
// adjectives), kept only where VADER does not give them the opposite
// polarity. The result, models/wordnet.txt, is read like target.txt; it is
// written by `xenoscope train -task lexicons` and reviewed by hand (the
// exclusions below are that review). docs/analysis.md, "Round 2 choices", gives
// what it adds on the development sets.

// wordnetSeeds: section -> WordNet parts of speech to look the seeds up as,
// and the polarity VADER must not contradict (-1 negative, +1 positive).
var wordnetSeeds = map[string]struct {
	pos      []string
	polarity float64
}{
	// nouns of the dehum and derog sections were tried and left out: their
	// synonyms are mostly other senses ("waste" -> drivel, "burden" ->
	// load); positive adjectives are covered by VADER
	"derog":   {[]string{"adj"}, -1},
	"threat":  {[]string{"verb"}, -1},
	"emotion": {[]string{"verb"}, -1},
}

// wordnetSenses: how many of a seed word's most frequent senses are used.
// A synonym is added only when that synset is also ITS most frequent sense
// (mutual first sense), so that a word whose everyday sense is another
// one ("early", "native", "humble") is not pulled in.
const wordnetSenses = 2

// wordnetExclude: synonyms the review rejected (another everyday sense
// dominates: "rat" -> informer is fine, but "gas" -> "accelerator" is not).
var wordnetExclude = map[string]bool{
	"accelerator": true, "throttle": true, "natural": true, "flatulence": true, "state": true, "commit": true,
	"run": true, "go": true, "put": true, "set": true, "get": true, "take": true, "make": true, "do": true,
	"give": true, "hold": true, "carry": true, "fall": true, "die": true, "dead": true, "hit": true, "strike": true,
	"blast": true, "fire": true, "can": true, "sack": true, "pot": true, "grass": true, "weed": true, "smoke": true,
	"crack": true, "stone": true, "joint": true, "pipe": true, "dope": true, "trip": true, "high": true,
	"low": true, "light": true, "heavy": true, "hard": true, "soft": true, "mean": true, "base": true,
	"cheap": true, "common": true, "poor": true, "plain": true, "simple": true, "green": true, "blue": true,
	"black": true, "white": true, "brown": true, "red": true, "yellow": true, "dark": true, "fair": true,
	"kind": true, "sort": true, "good": true, "well": true, "right": true, "fine": true, "sound": true,
	"just": true, "full": true, "open": true, "free": true, "clean": true, "clear": true, "pure": true,
	"dear": true, "sweet": true, "great": true, "big": true, "large": true, "fat": true, "sharp": true,
	"bad": true, "ill": true, "sick": true, "off": true, "out": true, "down": true, "up": true, "over": true,
	"turn": true, "change": true, "check": true, "cut": true, "drop": true, "top": true, "pop": true,
	"bag": true, "bug": true, "tap": true, "wire": true, "fox": true, "cat": true, "bitch": true, "hound": true,
	"frump": true, "andiron": true, "firedog": true, "frank": true, "wiener": true, "weenie": true,
	"hotdog": true, "pawl": true, "detent": true, "click": true, "heel": true, "cad": true, "bounder": true,
	// the review of the generated list (wrong senses)
	"boast": true, "brag": true, "dun": true, "flunk": true, "gasconade": true, "pip": true, "rag": true,
	"vaunt": true, "obviate": true, "molder": true, "moulder": true, "decease": true, "croak": true,
	"bedevil": true, "flash": true, "flashy": true, "garish": true, "gaudy": true, "funky": true, "epenthetic": true,
	"subscript": true, "speechless": true, "dazed": true, "faux": true, "imitation": true, "simulated": true,
	"pseudo": true, "fix": true, "load": true, "loading": true, "midst": true, "purchasable": true,
	"worsened": true, "queasy": true, "nauseous": true, "direful": true, "dread": true, "dreaded": true,
	"fearsome": true, "frightening": true, "frightful": true, "hapless": true, "misfortunate": true,
	"piteous": true, "pitiable": true, "pitiful": true, "grievous": true, "fell": true, "inexpert": true,
	"amateurish": true, "changeling": true, "devouring": true, "gimcrack": true, "deviate": true,
}

type wnSynset struct {
	words []string
	sim   []string // offsets of "similar to" (&) synsets, adjectives
}

// wnLines calls fn with each line of the WordNet file dir/name, skipping
// the licence header (its lines start with a space).
func wnLines(dir, name string, fn func(line string)) error {
	f, err := os.Open(filepath.Join(dir, name))
	if err != nil {
		return fmt.Errorf("wordnet: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if l := sc.Text(); !strings.HasPrefix(l, " ") {
			fn(l)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("wordnet: %s: %w", name, err)
	}
	return nil
}

// wnData reads the synsets of one part of speech (data.POS).
func wnData(dir, pos string) (map[string]wnSynset, error) {
	out := map[string]wnSynset{}
	err := wnLines(dir, "data."+pos, func(l string) {
		fs := strings.Fields(strings.SplitN(l, "|", 2)[0])
		if len(fs) < 4 {
			return
		}
		n, err := strconv.ParseInt(fs[3], 16, 32)
		if err != nil {
			return
		}
		var ss wnSynset
		k := 4
		for i := 0; i < int(n) && k+1 < len(fs); i++ {
			w := strings.ToLower(fs[k])
			if p := strings.IndexByte(w, '('); p > 0 { // adjective markers: (a) (p) (ip)
				w = w[:p]
			}
			ss.words = append(ss.words, w)
			k += 2
		}
		if k < len(fs) {
			np, _ := strconv.Atoi(fs[k])
			k++
			for i := 0; i < np && k+3 < len(fs); i++ {
				if fs[k] == "&" {
					ss.sim = append(ss.sim, fs[k+1])
				}
				k += 4
			}
		}
		out[fs[0]] = ss
	})
	return out, err
}

// wnIndex reads lemma -> synset offsets (most frequent sense first).
func wnIndex(dir, pos string) (map[string][]string, error) {
	out := map[string][]string{}
	err := wnLines(dir, "index."+pos, func(l string) {
		fs := strings.Fields(l)
		if len(fs) < 6 {
			return
		}
		nsyn, _ := strconv.Atoi(fs[2])
		np, _ := strconv.Atoi(fs[3])
		start := 4 + np + 2
		if start+nsyn <= len(fs) {
			out[fs[0]] = fs[start : start+nsyn]
		}
	})
	return out, err
}

// BuildWordNetLexicon writes models/wordnet.txt: the seeds of target.txt
// widened with WordNet synonyms.
func BuildWordNetLexicon(wordnetDir, out string) error {
	s, err := analyze.NewFeaturizer()
	if err != nil {
		return err
	}
	// the seeds alone, without the widening this function writes
	seeds, listed, err := analyze.SeedTerms()
	if err != nil {
		return err
	}
	data := map[string]map[string]wnSynset{}
	index := map[string]map[string][]string{}
	for _, pos := range []string{"noun", "verb", "adj"} {
		if data[pos], err = wnData(wordnetDir, pos); err != nil {
			return err
		}
		if index[pos], err = wnIndex(wordnetDir, pos); err != nil {
			return err
		}
	}
	secs := slices.Sorted(maps.Keys(wordnetSeeds))
	var b strings.Builder
	b.WriteString("# Written by `xenoscope train -task lexicons` from WordNet 3.0 (Debian package wordnet) and\n")
	b.WriteString("# target.txt: synonyms of the (seed) sections' words, first senses only, VADER polarity checked.\n")
	b.WriteString("# Do not edit by hand: change the seeds or the exclusions in analyze/train/wordnet.go.\n")
	for _, sec := range secs {
		cfg := wordnetSeeds[sec]
		added := map[string]bool{}
		for _, seed := range seeds[sec] {
			for _, pos := range cfg.pos {
				offs := index[pos][seed]
				if len(offs) > wordnetSenses {
					offs = offs[:wordnetSenses]
				}
				for _, o := range offs {
					ss := data[pos][o]
					for _, w := range ss.words {
						if strings.ContainsAny(w, "_-'.") || len(w) < 3 || listed[w] || wordnetExclude[w] || added[w] || !isAlphaWord(w) {
							continue
						}
						if own := index[pos][w]; len(own) == 0 || own[0] != o {
							continue // not w's own first sense
						}
						if v, ok := s.Valence(w); ok && v*cfg.polarity < 0 {
							continue // VADER says the opposite
						}
						added[w] = true
					}
				}
			}
		}
		ws := slices.Sorted(maps.Keys(added))
		fmt.Fprintf(&b, "\n[%s]\n", sec)
		for i := 0; i < len(ws); i += 12 {
			b.WriteString(strings.Join(ws[i:min(i+12, len(ws))], " ") + "\n")
		}
	}
	return os.WriteFile(out, []byte(b.String()), 0o644)
}
