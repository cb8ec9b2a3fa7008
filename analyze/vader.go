package analyze

import (
	"bufio"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/xenoscope/xenoscope/nlp"
)

// This file is a faithful Go port of VADER (Hutto & Gilbert 2014,
// github.com/cjhutto/vaderSentiment 3.3.2, MIT licence): lexicon valences,
// boosters/dampeners, ALL-CAPS emphasis, negation within three words,
// "never so", "without doubt", "least", "but" shifts, idioms, "!" and "?"
// amplification and the alpha=15 normalisation. Its outputs are features of
// the tone model (tone.go), which learns on top of them. Known deviation:
// vaderSentiment's "but" check has a list.index bug (equal values are
// rescaled at their first occurrence); we apply the intended rule by
// position. Emoji descriptions are not substituted.

const (
	vBIncr   = 0.293
	vBDecr   = -0.293
	vCIncr   = 0.733
	vNScalar = -0.74
)

var vNegate = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`aint arent cannot cant couldnt darent didnt doesnt ain't aren't can't couldn't daren't didn't doesn't
dont hadnt hasnt havent isnt mightnt mustnt neither don't hadn't hasn't haven't isn't mightn't mustn't
neednt needn't never none nope nor not nothing nowhere oughtnt shant shouldnt uhuh wasnt werent
oughtn't shan't shouldn't uh-uh wasn't weren't without wont wouldnt won't wouldn't rarely seldom despite`) {
		vNegate[w] = true
	}
	for _, w := range strings.Fields(`absolutely amazingly awfully completely considerable considerably decidedly deeply effing enormous enormously
entirely especially exceptional exceptionally extreme extremely fabulously flipping flippin frackin fracking fricking frickin
frigging friggin fully fuckin fucking fuggin fugging greatly hella highly hugely incredible incredibly intensely major majorly
more most particularly purely quite really remarkably so substantially thoroughly total totally tremendous tremendously uber
unbelievably unusually utter utterly very`) {
		vBooster[w] = vBIncr
	}
	for _, w := range []string{"almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of", "less", "little",
		"marginal", "marginally", "occasional", "occasionally", "partly", "scarce", "scarcely", "slight", "slightly", "somewhat",
		"sort of", "sorta", "sortof", "sort-of"} {
		vBooster[w] = vBDecr
	}
}

var vBooster = map[string]float64{}

var vSpecial = map[string]float64{
	"the shit": 3, "the bomb": 3, "bad ass": 1.5, "badass": 1.5, "bus stop": 0.0, "yeah right": -2,
	"kiss of death": -1.5, "to die for": 3, "beating heart": 3.1, "broken heart": -2.9,
}

// parseVADERLexicon reads "token TAB mean [TAB ...]" lines.
func parseVADERLexicon(src string) (map[string]float64, error) {
	lex := make(map[string]float64, 7600)
	sc := bufio.NewScanner(strings.NewReader(src))
	n := 0
	for sc.Scan() {
		n++
		l := sc.Text()
		if l == "" {
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) < 2 {
			return nil, fmt.Errorf("vader lexicon line %d: want token TAB valence", n)
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(f[1]), 64)
		if err != nil {
			return nil, fmt.Errorf("vader lexicon line %d: %w", n, err)
		}
		lex[f[0]] = v
	}
	return lex, sc.Err()
}

// vaderScores is VADER's output for one text.
type vaderScores struct {
	Compound, Pos, Neg, Neu float64
	Sum                     float64 // raw valence sum after punctuation emphasis
	NPos, NNeg              int     // lexicon hits by sign
}

const asciiPunct = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

func vaderWords(text string) []string {
	f := strings.Fields(text)
	for i, w := range f {
		s := strings.Trim(w, asciiPunct)
		if len(s) > 2 {
			f[i] = s
		}
	}
	return f
}

func vNegated(w string) bool {
	return vNegate[w] || strings.Contains(w, "n't")
}

// vader computes VADER polarity scores for text.
func vader(lex map[string]float64, text string) vaderScores {
	words := vaderWords(strings.TrimSpace(text))
	lower := make([]string, len(words))
	allcap := 0
	for i, w := range words {
		lower[i] = strings.ToLower(w)
		if nlp.IsAllCaps(w) {
			allcap++
		}
	}
	capDiff := allcap > 0 && allcap < len(words)
	sent := make([]float64, 0, len(words))
	var out vaderScores
	for i, item := range words {
		lw := lower[i]
		if _, ok := vBooster[lw]; ok {
			sent = append(sent, 0)
			continue
		}
		if i < len(words)-1 && lw == "kind" && lower[i+1] == "of" {
			sent = append(sent, 0)
			continue
		}
		valence := 0.0
		if lv, ok := lex[lw]; ok {
			valence = lv
			if lw == "no" && i != len(words)-1 {
				if _, ok := lex[lower[i+1]]; ok {
					valence = 0
				}
			}
			if (i > 0 && lower[i-1] == "no") || (i > 1 && lower[i-2] == "no") ||
				(i > 2 && lower[i-3] == "no" && (lower[i-1] == "or" || lower[i-1] == "nor")) {
				valence = lv * vNScalar
			}
			if nlp.IsAllCaps(item) && capDiff {
				if valence > 0 {
					valence += vCIncr
				} else {
					valence -= vCIncr
				}
			}
			for si := 0; si < 3; si++ {
				if i > si {
					if _, inLex := lex[lower[i-(si+1)]]; !inLex {
						s := vScalar(words[i-(si+1)], lower[i-(si+1)], valence, capDiff)
						if si == 1 && s != 0 {
							s *= 0.95
						}
						if si == 2 && s != 0 {
							s *= 0.9
						}
						valence += s
						valence = vNegationCheck(valence, lower, si, i)
						if si == 2 {
							valence = vIdioms(valence, lower, i)
						}
					}
				}
			}
			// least
			if i > 1 && lower[i-1] == "least" {
				if _, inLex := lex["least"]; !inLex && lower[i-2] != "at" && lower[i-2] != "very" {
					valence *= vNScalar
				}
			} else if i > 0 && lower[i-1] == "least" {
				if _, inLex := lex["least"]; !inLex {
					valence *= vNScalar
				}
			}
			if valence > 0 {
				out.NPos++
			} else if valence < 0 {
				out.NNeg++
			}
		}
		sent = append(sent, valence)
	}
	// but
	for bi, w := range lower {
		if w == "but" {
			for si := range sent {
				if si < bi {
					sent[si] *= 0.5
				} else if si > bi {
					sent[si] *= 1.5
				}
			}
			break
		}
	}
	if len(sent) == 0 {
		out.Neu = 0
		return out
	}
	sum := 0.0
	for _, s := range sent {
		sum += s
	}
	ep := float64(min(strings.Count(text, "!"), 4)) * 0.292
	qm := 0.0
	if q := strings.Count(text, "?"); q > 1 {
		if q <= 3 {
			qm = float64(q) * 0.18
		} else {
			qm = 0.96
		}
	}
	amp := ep + qm
	if sum > 0 {
		sum += amp
	} else if sum < 0 {
		sum -= amp
	}
	out.Sum = sum
	out.Compound = sum / math.Sqrt(sum*sum+15)
	out.Compound = math.Max(-1, math.Min(1, out.Compound))
	pos, neg, neu := 0.0, 0.0, 0.0
	for _, s := range sent {
		if s > 0 {
			pos += s + 1
		}
		if s < 0 {
			neg += s - 1
		}
		if s == 0 {
			neu++
		}
	}
	if pos > math.Abs(neg) {
		pos += amp
	} else if pos < math.Abs(neg) {
		neg -= amp
	}
	total := pos + math.Abs(neg) + neu
	if total > 0 {
		out.Pos = math.Abs(pos / total)
		out.Neg = math.Abs(neg / total)
		out.Neu = math.Abs(neu / total)
	}
	return out
}

func vScalar(word, lw string, valence float64, capDiff bool) float64 {
	s, ok := vBooster[lw]
	if !ok {
		return 0
	}
	if valence < 0 {
		s = -s
	}
	if nlp.IsAllCaps(word) && capDiff {
		if valence > 0 {
			s += vCIncr
		} else {
			s -= vCIncr
		}
	}
	return s
}

func vNegationCheck(valence float64, lw []string, si, i int) float64 {
	switch si {
	case 0:
		if vNegated(lw[i-1]) {
			valence *= vNScalar
		}
	case 1:
		if lw[i-2] == "never" && (lw[i-1] == "so" || lw[i-1] == "this") {
			valence *= 1.25
		} else if lw[i-2] == "without" && lw[i-1] == "doubt" {
		} else if vNegated(lw[i-2]) {
			valence *= vNScalar
		}
	case 2:
		if lw[i-3] == "never" && (lw[i-2] == "so" || lw[i-2] == "this") || (lw[i-1] == "so" || lw[i-1] == "this") {
			valence *= 1.25
		} else if lw[i-3] == "without" && (lw[i-2] == "doubt" || lw[i-1] == "doubt") {
		} else if vNegated(lw[i-3]) {
			valence *= vNScalar
		}
	}
	return valence
}

func vIdioms(valence float64, lw []string, i int) float64 {
	onezero := lw[i-1] + " " + lw[i]
	twoonezero := lw[i-2] + " " + lw[i-1] + " " + lw[i]
	twoone := lw[i-2] + " " + lw[i-1]
	threetwoone, threetwo := "", ""
	if i >= 3 {
		threetwoone = lw[i-3] + " " + lw[i-2] + " " + lw[i-1]
		threetwo = lw[i-3] + " " + lw[i-2]
	}
	for _, seq := range []string{onezero, twoonezero, twoone, threetwoone, threetwo} {
		if v, ok := vSpecial[seq]; ok && seq != "" {
			valence = v
			break
		}
	}
	if len(lw)-1 > i {
		if v, ok := vSpecial[lw[i]+" "+lw[i+1]]; ok {
			valence = v
		}
	}
	if len(lw)-1 > i+1 {
		if v, ok := vSpecial[lw[i]+" "+lw[i+1]+" "+lw[i+2]]; ok {
			valence = v
		}
	}
	for _, ng := range []string{threetwoone, threetwo, twoone} {
		if v, ok := vBooster[ng]; ok && ng != "" {
			valence += v
		}
	}
	return valence
}
