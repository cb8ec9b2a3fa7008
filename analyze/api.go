package analyze

import (
	"math"
	"path"
	"slices"

	"github.com/xenoscope/xenoscope/nlp"
)

// The training and evaluation code (package analyze/train) sees the scorer
// through this file: the features each model reads, the keyword-rule
// baseline, and the lexicons the word list and the WordNet widening are
// built from. Nothing here is used when scoring.

// Feature is one named feature value of a text: what a model reads.
type Feature struct {
	Name  string
	Value float64
}

// NewFeaturizer loads the lexicons without the models (training runs
// before any model exists).
func NewFeaturizer() (*Scorer, error) { return newFeaturizer() }

// Features returns the features task's model reads for text taken as one
// unit (as a short text is scored).
func (s *Scorer) Features(task, text string) []Feature {
	d := nlp.Parse(text)
	u := s.buildUnit(text, d.Tokens)
	fs := s.featsFor(task, u)
	out := make([]Feature, len(fs))
	for i, f := range fs {
		out[i] = Feature{f.name, f.val}
	}
	return out
}

// Margin is the raw linear score of fs.
func (m *LinearModel) Margin(fs []Feature) float64 {
	z := m.Bias
	for _, f := range fs {
		z += m.Weights[f.Name] * f.Value
	}
	return z
}

// Sigmoid is the logistic function.
func Sigmoid(z float64) float64 { return sigmoid(z) }

// ModelFile returns an embedded model or lexicon file (models/NAME).
func ModelFile(name string) ([]byte, error) { return modelFS.ReadFile(path.Join("models", name)) }

// Valence returns a word's VADER valence (-4..4).
func (s *Scorer) Valence(w string) (float64, bool) {
	v, ok := s.vlex[w]
	return v, ok
}

// LexiconWords returns every single word of every lexicon (the word list
// counts them as English words).
func (s *Scorer) LexiconWords() []string {
	seen := map[string]bool{}
	for _, lx := range []*lexicons{s.lex, s.tlex2, s.slex, s.hlex, s.tlex} {
		for w := range lx.exact {
			seen[w] = true
		}
	}
	for w := range s.vlex {
		seen[w] = true
	}
	out := make([]string, 0, len(seen))
	for w := range seen {
		out = append(out, w)
	}
	slices.Sort(out)
	return out
}

// SpellingKeys returns the words the spelling normaliser maps disguised
// spellings onto (targets and hostile terms of target.txt).
func (s *Scorer) SpellingKeys() []string {
	v := &vocabulary{keys: map[int][]string{}}
	v.addKeys(s.tlex2, spellingSections...)
	var out []string
	for _, ks := range v.keys {
		out = append(out, ks...)
	}
	slices.Sort(out)
	return out
}

// OneEditApart reports whether a and b are at most one edit apart
// (insertion, deletion, substitution, adjacent transposition).
func OneEditApart(a, b string) bool { return damerau1(a, b) }

// SeedTerms returns, per section of target.txt (without the WordNet
// widening), its single-word terms, and whether each section is a seed
// section; listed holds every single word of target.txt.
func SeedTerms() (sections map[string][]string, listed map[string]bool, err error) {
	src, err := modelFS.ReadFile("models/target.txt")
	if err != nil {
		return nil, nil, err
	}
	lx, err := parseSections(string(src), targetSectionNames)
	if err != nil {
		return nil, nil, err
	}
	sections = map[string][]string{}
	listed = map[string]bool{}
	for w, es := range lx.exact {
		for _, e := range es {
			if len(e.words) == 0 {
				listed[w] = true
				if !e.prefix[0] {
					sections[targetSectionNames[e.section]] = append(sections[targetSectionNames[e.section]], w)
				}
			}
		}
	}
	for k := range sections {
		slices.Sort(sections[k])
	}
	return sections, listed, nil
}

// Baseline is the keyword-rule baseline for task on text: 1/0 for
// classifiers, VADER compound for tone.
func (s *Scorer) Baseline(task, text string) float64 {
	d := nlp.Parse(text)
	u := s.buildUnit(text, d.Tokens)
	c := u.secCount
	b := func(x bool) float64 {
		if x {
			return 1
		}
		return 0
	}
	switch task {
	case TaskMigration:
		return b(c[secMigrationTopic] > 0)
	case TaskAntiMigrant:
		return b(c[secTarget] > 0 && (c[secDehumanizing] > 0 || c[secExclusion] > 0))
	case TaskCounterSpeech:
		return b(c[secCondemnation]+c[secPositive] > 0 && c[secDehumanizing] == 0)
	case TaskHateCrime:
		return b(c[secCrime] > 0 && c[secVictimGroup] > 0)
	case TaskStance:
		if c[secRestrictive] > c[secWelcoming] {
			return 1
		}
		if c[secWelcoming] > c[secRestrictive] {
			return -1
		}
		return 0
	case TaskTone:
		return u.vader.Compound
	}
	return math.NaN()
}
