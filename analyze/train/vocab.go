package train

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/xenoscope/xenoscope/analyze"
	"github.com/xenoscope/xenoscope/nlp"
)

// BuildVocab writes the word list of the spelling normaliser
// (models/vocab.txt): words of the training corpora with their counts, the
// VADER lexicon and, when wordnetDir holds WordNet's index files (Debian's
// wordnet package: /usr/share/wordnet), WordNet's single-word lemmas.
// Corpus words at most one edit away from a target or hostility term of
// target.txt that are not dictionary words are left out: they are the
// misspellings the normaliser must map back ("imigrants").
func BuildVocab(dataDir, wordnetDir, out string) error {
	s, err := analyze.NewFeaturizer()
	if err != nil {
		return err
	}
	counts := map[string]int{}
	addText := func(t string) {
		for _, tok := range nlp.Tokenize(t) {
			if tok.Kind != nlp.Word {
				continue
			}
			w := tok.Lower
			if isAlphaWord(w) {
				counts[w]++
			}
		}
	}
	hs, err := LoadHatEval(filepath.Join(dataDir, "hateval", "en_train.csv"))
	if err != nil {
		return fmt.Errorf("vocab: %w", err)
	}
	for _, l := range hs {
		addText(l.Text)
	}
	dl, err := LoadDIALOCONAN(filepath.Join(dataDir, "counter-speech", "DIALOCONAN.csv"))
	if err != nil {
		return fmt.Errorf("vocab: %w", err)
	}
	for _, d := range dl {
		addText(d.Text)
	}
	bodies, err := LoadArticleBodies(filepath.Join(dataDir, "articles", "ground-truth.json"))
	if err != nil {
		return fmt.Errorf("vocab: %w", err)
	}
	for _, b := range bodies {
		addText(b)
	}
	for _, f := range []string{"tweets", "movieReviewSnippets", "amazonReviewSnippets"} {
		ls, err := LoadRatings(filepath.Join(dataDir, "sentiment", f+"_GroundTruth.txt"))
		if err != nil {
			return fmt.Errorf("vocab: %w", err)
		}
		for _, l := range ls {
			addText(l.Text)
		}
	}
	dict := map[string]bool{}
	var wn *wordNet
	if wordnetDir != "" {
		if wn, err = loadWordNet(wordnetDir); err != nil {
			return fmt.Errorf("vocab: %w", err)
		}
	}
	for _, w := range s.LexiconWords() {
		if isAlphaWord(w) {
			dict[w] = true
		}
	}
	if wn != nil {
		for _, lemmas := range wn.index {
			for lemma := range lemmas {
				if isAlphaWord(lemma) && len(lemma) > 1 {
					dict[lemma] = true
				}
			}
		}
	}
	keys := map[int][]string{}
	for _, k := range s.SpellingKeys() {
		keys[len(k)] = append(keys[len(k)], k)
	}
	// a misspelling is rare next to the word it misspells ("imigrants" vs
	// "immigrants"); a common word near a key is a word ("towards",
	// "cowards")
	isKeyTypo := func(w string) bool {
		for l := len(w) - 1; l <= len(w)+1; l++ {
			for _, k := range keys[l] {
				if k != w && analyze.OneEditApart(w, k) && counts[w]*5 < counts[k] {
					return true
				}
			}
		}
		return false
	}
	final := map[string]int{}
	for w, c := range counts {
		if dict[w] {
			final[w] = c + 1
			continue
		}
		if c < 3 || (isKeyTypo(w) && !(wn != nil && dict[wn.lemma(w)])) {
			continue
		}
		final[w] = c
	}
	for w := range dict {
		if final[w] == 0 {
			final[w] = 1
		}
	}
	ws := slices.Sorted(maps.Keys(final))
	var b strings.Builder
	b.WriteString("# word TAB count [TAB lemma]: the known words of the spelling normaliser (analyze/normalize.go).\n")
	b.WriteString("# Written by `xenoscope train -task vocab`: corpus counts (HatEval en_train, DIALOCONAN, Zyte article\n")
	b.WriteString("# bodies, VADER rated sentences) plus 1 for each VADER, WordNet and lexicon word; the lemma (WordNet's\n")
	b.WriteString("# morphy: exception lists and suffix rules checked against its index) where it differs from the word.\n")
	for _, w := range ws {
		fmt.Fprintf(&b, "%s\t%d", w, final[w])
		if wn != nil {
			if l := wn.lemma(w); l != "" && l != w {
				fmt.Fprintf(&b, "\t%s", l)
			}
		}
		b.WriteString("\n")
	}
	return os.WriteFile(out, []byte(b.String()), 0o644)
}

func isAlphaWord(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if (c < 'a' || c > 'z') && c != '\'' && c != '-' {
			return false
		}
	}
	return w[0] >= 'a' && w[0] <= 'z'
}

// wordNet holds what BuildVocab needs of WordNet 3.0's database files: the
// lemmas of each part of speech and the exception lists of morphy.
type wordNet struct {
	index map[string]map[string]bool // pos -> lemma
	exc   map[string]map[string]string
}

func loadWordNet(dir string) (*wordNet, error) {
	wn := &wordNet{index: map[string]map[string]bool{}, exc: map[string]map[string]string{}}
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		wn.index[pos] = map[string]bool{}
		wn.exc[pos] = map[string]string{}
		err := wnLines(dir, "index."+pos, func(l string) {
			lemma, _, _ := strings.Cut(l, " ")
			wn.index[pos][lemma] = true
		})
		if err != nil {
			return nil, err
		}
		err = wnLines(dir, pos+".exc", func(l string) {
			fs := strings.Fields(l)
			if len(fs) >= 2 {
				if _, dup := wn.exc[pos][fs[0]]; !dup {
					wn.exc[pos][fs[0]] = fs[1]
				}
			}
		})
		if err != nil {
			return nil, err
		}
	}
	return wn, nil
}

// morphy's detachment rules (WordNet 3.0, morph.c).
var morphRules = map[string][][2]string{
	"noun": {{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}},
	"verb": {{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}},
	"adj":  {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}},
}

// lemma returns the base form of w: a word that is itself a lemma of some
// part of speech stays; otherwise the first base form found by exception
// list or rule, verbs first for -ed/-ing, nouns first otherwise.
func (wn *wordNet) lemma(w string) string {
	// nouns and verbs only: comparatives keep their form ("better" is not
	// "good" in "they had better leave")
	order := []string{"noun", "verb"}
	if strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") {
		order = []string{"verb", "noun"}
	}
	// a word that is a noun lemma and a verb form ("lives") keeps its
	// lemma only if no rule applies
	for _, pos := range order {
		if b, ok := wn.exc[pos][w]; ok {
			return b
		}
		for _, r := range morphRules[pos] {
			if strings.HasSuffix(w, r[0]) && len(w) > len(r[0])+1 {
				b := w[:len(w)-len(r[0])] + r[1]
				if wn.index[pos][b] {
					return b
				}
			}
		}
	}
	// adjectives by rule only: "kindest" -> kind, "nicer" -> nice (the
	// exception list would make "better" good)
	for _, r := range morphRules["adj"] {
		if strings.HasSuffix(w, r[0]) && len(w) > len(r[0])+2 {
			b := w[:len(w)-len(r[0])] + r[1]
			if wn.index["adj"][b] {
				return b
			}
			// a doubled consonant: "fattest" -> fat
			if n := len(b); n > 2 && b[n-1] == b[n-2] && wn.index["adj"][b[:n-1]] {
				return b[:n-1]
			}
		}
	}
	return w
}

// BuildLexicons writes the two inputs of the features that are built from
// data rather than written by hand: outDir/vocab.txt (BuildVocab) and
// outDir/wordnet.txt (BuildWordNetLexicon). The binary must be rebuilt
// before the models are trained on them.
func BuildLexicons(dataDir, wordnetDir, outDir string) error {
	if err := BuildWordNetLexicon(wordnetDir, filepath.Join(outDir, "wordnet.txt")); err != nil {
		return fmt.Errorf("wordnet lexicon: %w", err)
	}
	if err := BuildVocab(dataDir, wordnetDir, filepath.Join(outDir, "vocab.txt")); err != nil {
		return fmt.Errorf("vocab: %w", err)
	}
	return nil
}
