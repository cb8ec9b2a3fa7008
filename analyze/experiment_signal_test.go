package analyze

// New-signal experiments for anti_migrant (signal round). Like
// TestExperimentEnsemble they run only with XS_EXPERIMENT=1 and judge on
// VALIDATION rows carved out of the training data, exactly as there: 15% of
// the HatEval en_train train split (migration part), 15% of the DIALOCONAN
// train dialogues (MIGRANTS turns), held-out news sentences (news-val FP) and
// short article lines (short-line FP). en_dev and the DIALOCONAN test
// dialogues are never read. Training rows and weights are those of the
// shipped model (women-part hate and other-target hate left out, news weight
// 2, hand weight 5); every model is Platt-calibrated on the migration
// calibration rows.
//
// Pre-registered bar (fixed before the first run): a variant is adopted only
// if its macro-F1 beats the shipped-model row of the same run by more than
// 0.02 on BOTH HatEval-val and DIALOCONAN-val, with no more news-val false
// positives.
//
// Variants, each an ADDITIONAL feature block appended to the shipped
// features, the block scaled like the n-grams (every feature of the block
// has value 3/sqrt(n), n = the block's feature count in the unit):
//
//	(s)   word skip-bigrams "sk:a~b": ordered pairs of normalised words at
//	      distance 2..4 (positions in the unit's word stream) in the same
//	      sentence (nlp.Parse sentences of the unit's text). Words that do
//	      not form n-grams are excluded as for n-grams (handles and URLs
//	      are not in the word stream; a hashtag without internal capitals
//	      is one unsegmented word and is excluded; CamelCase hashtag parts
//	      count as words, as in the bigrams).
//	(t)   target context "tc:w": every n-gram word within +-3 positions of a
//	      [target] lexicon hit, same sentence, the hit's own words
//	      excluded; each word once per unit.
//	(s+t) both blocks, each scaled by its own count.
//	(o)   own idea, stated before running: directional, stemmed target
//	      context, "tl:"+stem(w) for a word left of the hit and
//	      "tr:"+stem(w) for a word right of it (same window and filters as
//	      (t)); "illegal immigrants" vs "immigrants are rats" keep their
//	      side, and stems pool inflections of the sparse tweet vocabulary.
//
// Also logged: mean features per unit over the sentences of the 88 article
// bodies, shipped vs each variant (throughput cost proxy).

import (
	"fmt"
	"math"
	"os"
	"sort"
	"testing"

	"github.com/xenoscope/xenoscope/nlp"
)

// sigWords returns, for each word of u (built from text), whether it may
// form n-grams and the index of its nlp sentence within text.
func sigWords(text string, u *unit) (ok []bool, sent []int) {
	d := nlp.Parse(text)
	ok = make([]bool, len(u.words))
	sent = make([]int, len(u.words))
	si := 0
	for i, sp := range u.spans {
		ok[i] = true
		if sp[0] < len(text) && text[sp[0]] == '#' && camelSplit(text[sp[0]+1:sp[1]]) == nil {
			ok[i] = false
		}
		for si+1 < len(d.Sentences) && sp[0] >= d.Sentences[si+1].Start {
			si++
		}
		sent[i] = si
	}
	return ok, sent
}

// scaleBlock gives every feature of a block the value 3/sqrt(n).
func scaleBlock(fs []feat) []feat {
	if len(fs) > 0 {
		sc := 3 / math.Sqrt(float64(len(fs)))
		for i := range fs {
			fs[i].val = sc
		}
	}
	return fs
}

// skipBigramFeats is variant (s).
func skipBigramFeats(text string, u *unit) []feat {
	ok, sent := sigWords(text, u)
	var fs []feat
	for i := range u.words {
		if !ok[i] {
			continue
		}
		for d := 2; d <= 4 && i+d < len(u.words); d++ {
			j := i + d
			if !ok[j] || sent[j] != sent[i] {
				continue
			}
			fs = append(fs, feat{"sk:" + u.words[i] + "~" + u.words[j], 1, u.spans[i][0], u.spans[j][1]})
		}
	}
	return scaleBlock(fs)
}

// targetContextFeats is variant (t) (directional=false) and (o)
// (directional=true).
func targetContextFeats(text string, u *unit, directional bool) []feat {
	ok, sent := sigWords(text, u)
	inHit := make([]bool, len(u.words))
	for _, h := range u.hits {
		if h.section == secTarget {
			for k := h.start; k < h.end; k++ {
				inHit[k] = true
			}
		}
	}
	seen := map[string]bool{}
	var fs []feat
	for _, h := range u.hits {
		if h.section != secTarget {
			continue
		}
		for j := max(0, h.start-3); j < min(len(u.words), h.end+3); j++ {
			if inHit[j] || !ok[j] || sent[j] != sent[h.start] {
				continue
			}
			name := "tc:" + u.words[j]
			if directional {
				name = "tr:" + stem(u.words[j])
				if j < h.start {
					name = "tl:" + stem(u.words[j])
				}
			}
			if seen[name] {
				continue
			}
			seen[name] = true
			fs = append(fs, feat{name, 1, u.spans[j][0], u.spans[j][1]})
		}
	}
	return scaleBlock(fs)
}

func TestExperimentSignal(t *testing.T) {
	if os.Getenv("XS_EXPERIMENT") == "" {
		t.Skip("set XS_EXPERIMENT=1")
	}
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	b := newAntiBench(t, s)

	type variant struct {
		name string
		fe   func(text string, u *unit) []feat
	}
	with := func(blocks ...func(string, *unit) []feat) func(string, *unit) []feat {
		return func(text string, u *unit) []feat {
			fs := append([]feat(nil), u.feats...) // never touch u.feats
			for _, b := range blocks {
				fs = append(fs, b(text, u)...)
			}
			return fs
		}
	}
	tc := func(text string, u *unit) []feat { return targetContextFeats(text, u, false) }
	tdir := func(text string, u *unit) []feat { return targetContextFeats(text, u, true) }
	variants := []variant{
		{"shipped", with()},
		{"(s) skip-bigrams", with(skipBigramFeats)},
		{"(t) target context", with(tc)},
		{"(s+t)", with(skipBigramFeats, tc)},
		{"(o) dir. stem tgt ctx", with(tdir)},
	}

	var base benchResult
	for vi, v := range variants {
		ms, m := b.fit(func(r antiRow) []feat { return v.fe(r.text, r.u) }, func(r antiRow) float64 { return r.w }, clsOptions)
		ps := b.platt(ms)
		res := b.report(v.name, ps, fmt.Sprintf("| model features %d", len(m.Weights)))
		if vi == 0 {
			base = res
			continue
		}
		pass := res.hv > base.hv+0.02 && res.dv > base.dv+0.02 && res.newsFP <= base.newsFP
		t.Logf("%-22s delta HatEval %+.3f DIALOCONAN %+.3f news FP %+d -> passes bar: %v",
			v.name, res.hv-base.hv, res.dv-base.dv, res.newsFP-base.newsFP, pass)
		if vi == 1 || vi == 2 || vi == 4 {
			// the new block's most weighted features, to see what it learned
			type kw struct {
				k string
				w float64
			}
			var ks []kw
			for k, w := range m.Weights {
				if len(k) > 3 && (k[:3] == "sk:" || k[:3] == "tc:" || k[:3] == "tl:" || k[:3] == "tr:") {
					ks = append(ks, kw{k, w})
				}
			}
			sort.Slice(ks, func(i, j int) bool {
				if ks[i].w != ks[j].w {
					return ks[i].w > ks[j].w
				}
				return ks[i].k < ks[j].k
			})
			var top []string
			for i := 0; i < len(ks) && i < 12; i++ {
				top = append(top, fmt.Sprintf("%s %.2f", ks[i].k, ks[i].w))
			}
			t.Logf("  %d block features in model; top positive: %v", len(ks), top)
		}
	}

	// throughput proxy: features per unit on the sentences of the 88 bodies
	for _, v := range variants {
		total := 0
		for _, tx := range b.bodySents {
			total += len(v.fe(tx, s.unitOf(tx)))
		}
		t.Logf("features per unit on the %d body sentences: %-22s mean %.1f (total %d)",
			len(b.bodySents), v.name, float64(total)/float64(len(b.bodySents)), total)
	}
}
