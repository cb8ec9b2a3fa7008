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
	"path/filepath"
	"sort"
	"testing"

	"github.com/xenoscope/xenoscope/internal/shareddata"
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
	hp := shareddata.Require(t, "hateval", "en_train.csv")
	dp := shareddata.Require(t, "counter-speech", "DIALOCONAN.csv")
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	hTrain, err := LoadHatEval(hp)
	if err != nil {
		t.Fatal(err)
	}
	dialo, err := LoadDIALOCONAN(dp)
	if err != nil {
		t.Fatal(err)
	}
	bodies, err := LoadArticleBodies(filepath.Join(filepath.Dir(filepath.Dir(hp)), "articles", "ground-truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	hand, err := LoadTextLabel("testdata/hand_anti_migrant.csv")
	if err != nil {
		t.Fatal(err)
	}

	type row struct {
		text  string
		u     *unit
		y, w  float64
		split string // train | calib | val | newsval | short
		kind  string // hmig, dmig, other, news, hand
	}
	var rows []row
	add := func(text string, y, w float64, split, kind string) {
		rows = append(rows, row{text, s.unitOf(text), y, w, split, kind})
	}
	for _, l := range hTrain {
		isMig := l.Group == "migration"
		if !isMig && l.Label == 1 {
			continue // women-part hate left out (as shipped)
		}
		sp := hatevalSplit(l.ID)
		if sp == SplitTrain && bucket("hval:"+l.ID) < 15 {
			sp = "val"
		}
		k, y := "other", 0.0
		if isMig {
			k, y = "hmig", l.Label
		}
		add(l.Text, y, 1, sp, k)
	}
	for _, d := range dialo {
		sp := dialoSplit(d.Dialogue)
		if sp == SplitTest {
			continue // DIALOCONAN test dialogues are never read here
		}
		isMig := IsMigrantTarget(d.Target)
		if !isMig && d.Type == "HS" {
			continue // other-target hate left out (as shipped)
		}
		if sp == SplitTrain && bucket("dval:"+d.Dialogue) < 15 {
			sp = "val"
		}
		k, y := "other", 0.0
		if isMig {
			k = "dmig"
			if d.Type == "HS" {
				y = 1
			}
		}
		add(d.Text, y, 1, sp, k)
	}
	var bodySents []string // every sentence of the 88 bodies, for feature counts
	for bi, b := range bodies {
		d := nlp.Parse(b)
		for i := range d.Sentences {
			tx := d.SentenceText(i)
			bodySents = append(bodySents, tx)
			if len(d.SentenceTokens(i)) < 5 {
				add(tx, 0, 0, "short", "news")
				continue
			}
			if HatEvalMigrationRE.MatchString(tx) {
				continue
			}
			sp := SplitTrain
			if bucket(fmt.Sprintf("news:news%d/%d", bi, i)) < 10 {
				sp = "newsval"
			}
			add(tx, 0, newsWeightAnti, sp, "news")
		}
	}
	for _, l := range hand {
		if handSplit(l.Text) == SplitTrain {
			add(l.Text, l.Label, handWeight, SplitTrain, "hand")
		}
	}
	isCal := func(r row) bool { return r.split == SplitCalib && (r.kind == "hmig" || r.kind == "dmig") }

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

	macro := func(ps []float64, keep func(row) bool) (float64, int) {
		var cf conf
		for i, r := range rows {
			if !keep(r) {
				continue
			}
			p, y := ps[i] >= 0.5, r.y > 0.5
			switch {
			case p && y:
				cf.tp++
			case p && !y:
				cf.fp++
			case !p && y:
				cf.fn++
			default:
				cf.tn++
			}
		}
		return cf.macroF1(), int(cf.tp + cf.fp + cf.tn + cf.fn)
	}
	type result struct{ hv, dv, cv float64 }
	report := func(name string, ps []float64, nfeat int) result {
		hv, hn := macro(ps, func(r row) bool { return r.split == "val" && r.kind == "hmig" })
		dv, dn := macro(ps, func(r row) bool { return r.split == "val" && r.kind == "dmig" })
		cv, _ := macro(ps, isCal)
		fp, nv, sfp, ns := 0, 0, 0, 0
		for i, r := range rows {
			switch r.split {
			case "newsval":
				nv++
				if ps[i] >= 0.5 {
					fp++
				}
			case "short":
				ns++
				if ps[i] >= 0.5 {
					sfp++
				}
			}
		}
		t.Logf("%-22s HatEval-val %.3f (n=%d) DIALOCONAN-val %.3f (n=%d) | calib %.3f | news-val FP %d/%d short-line FP %d/%d | model features %d",
			name, hv, hn, dv, dn, cv, fp, nv, sfp, ns, nfeat)
		// the same validation rows as the quality and ensemble rounds
		// (docs/analysis.md); otherwise the figures are not comparable
		if hn != 565 || dn != 354 || nv != 383 || ns != 427 {
			t.Errorf("validation sizes %d/%d/%d/%d, want 565/354/383/427 as in the earlier rounds", hn, dn, nv, ns)
		}
		return result{hv, dv, cv}
	}

	// news-val FP of the shipped row, for the bar
	newsFP := func(ps []float64) int {
		n := 0
		for i, r := range rows {
			if r.split == "newsval" && ps[i] >= 0.5 {
				n++
			}
		}
		return n
	}
	var base result
	baseFP := 0
	for vi, v := range variants {
		fs := make([][]feat, len(rows))
		var tr []example
		for i, r := range rows {
			fs[i] = v.fe(r.text, r.u)
			if r.split == SplitTrain {
				tr = append(tr, example{fs[i], r.y, r.w})
			}
		}
		if vi == 0 {
			t.Logf("rows %d, train %d", len(rows), len(tr))
		}
		m := trainLinear(tr, false, clsOptions)
		var cm, cy []float64
		ms := make([]float64, len(rows))
		for i, r := range rows {
			ms[i] = m.margin(fs[i])
			if isCal(r) {
				cm = append(cm, ms[i])
				cy = append(cy, r.y)
			}
		}
		a, b := fitPlatt(cm, cy)
		ps := make([]float64, len(rows))
		for i, x := range ms {
			ps[i] = sigmoid(a*x + b)
		}
		res := report(v.name, ps, len(m.Weights))
		if vi == 0 {
			base, baseFP = res, newsFP(ps)
			continue
		}
		pass := res.hv > base.hv+0.02 && res.dv > base.dv+0.02 && newsFP(ps) <= baseFP
		t.Logf("%-22s delta HatEval %+.3f DIALOCONAN %+.3f news FP %+d -> passes bar: %v",
			v.name, res.hv-base.hv, res.dv-base.dv, newsFP(ps)-baseFP, pass)
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
		for _, tx := range bodySents {
			total += len(v.fe(tx, s.unitOf(tx)))
		}
		t.Logf("features per unit on the %d body sentences: %-22s mean %.1f (total %d)",
			len(bodySents), v.name, float64(total)/float64(len(bodySents)), total)
	}
}
