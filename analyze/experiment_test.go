package analyze

// Model-selection experiments for anti_migrant. They run only with
// XS_EXPERIMENT=1 and choose on VALIDATION data carved out of the training
// data (HatEval en_train train split, DIALOCONAN train dialogues), never on
// en_dev or DIALOCONAN test dialogues.

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/xenoscope/xenoscope/internal/shareddata"
	"github.com/xenoscope/xenoscope/nlp"
)

type antiCfg struct {
	name       string
	char       bool
	nb         bool
	women      string // "zero" (as shipped), "drophs", "drop", "half"
	opts       trainOptions
	newsW      float64
	dialoW     float64
	threshold  bool
	handW      float64
	noDother   bool
	noDotherHS bool // choose the decision threshold on the calibration split
}

func TestExperimentAnti(t *testing.T) {
	if os.Getenv("XS_EXPERIMENT") == "" {
		t.Skip("set XS_EXPERIMENT=1")
	}
	hp := shareddata.Require(t, "hateval", "en_train.csv")
	dp := shareddata.Require(t, "counter-speech", "DIALOCONAN.csv")
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	hTrain, _ := LoadHatEval(hp)
	dialo, _ := LoadDIALOCONAN(dp)
	bodies, _ := LoadArticleBodies(filepath.Join(filepath.Dir(filepath.Dir(hp)), "articles", "ground-truth.json"))
	var news []*unit
	var newsSp []string
	for bi, b := range bodies {
		d := nlp.Parse(b)
		for i := range d.Sentences {
			tx := d.SentenceText(i)
			if len(d.SentenceTokens(i)) < 5 || HatEvalMigrationRE.MatchString(tx) {
				continue
			}
			news = append(news, s.unitOf(tx))
			sp := SplitTrain
			if bucket(fmt.Sprintf("news:news%d/%d", bi, i)) < 10 {
				sp = "val"
			}
			newsSp = append(newsSp, sp)
		}
	}
	// short content-free lines of the articles (not in training: < 5 tokens)
	var shortNews []*unit
	for _, b := range bodies {
		d := nlp.Parse(b)
		for i := range d.Sentences {
			if len(d.SentenceTokens(i)) < 5 {
				shortNews = append(shortNews, s.unitOf(d.SentenceText(i)))
			}
		}
	}
	hand, _ := LoadTextLabel("testdata/hand_anti_migrant.csv")

	type row struct {
		u     *unit
		y     float64
		split string // train | calib | val
		kind  string // hmig, hwomen, dialo, hand
		hs    bool
	}
	var rows []row
	for _, l := range hTrain {
		sp := hatevalSplit(l.ID)
		if sp == SplitTrain && bucket("hval:"+l.ID) < 15 {
			sp = "val"
		}
		k := "hwomen"
		y := 0.0
		if l.Group == "migration" {
			k = "hmig"
			y = l.Label
		}
		rows = append(rows, row{s.unitOf(l.Text), y, sp, k, l.Label == 1})
	}
	for _, d := range dialo {
		sp := dialoSplit(d.Dialogue)
		if sp == SplitTest {
			continue
		}
		if sp == SplitTrain && bucket("dval:"+d.Dialogue) < 15 {
			sp = "val"
		}
		isMig := IsMigrantTarget(d.Target)
		y := 0.0
		if isMig && d.Type == "HS" {
			y = 1
		}
		k := "dother"
		if isMig {
			k = "dmig"
		}
		rows = append(rows, row{s.unitOf(d.Text), y, sp, k, d.Type == "HS"})
	}
	for _, l := range hand {
		if handSplit(l.Text) == SplitTrain {
			rows = append(rows, row{s.unitOf(l.Text), l.Label, SplitTrain, "hand", false})
		}
	}
	t.Logf("rows %d", len(rows))

	run := func(c antiCfg) string {
		fe := func(u *unit) []feat {
			if !c.char {
				return u.feats
			}
			return append(append([]feat{}, u.feats...), charFeats(u.feats)...)
		}
		var train []example
		var calib []example
		type ve struct {
			fs   []feat
			y    float64
			kind string
		}
		var val []ve
		for _, r := range rows {
			fs := fe(r.u)
			w := 1.0
			switch r.kind {
			case "hwomen":
				switch c.women {
				case "drophs":
					if r.hs {
						continue
					}
				case "drop":
					continue
				case "half":
					w = 0.5
				}
			case "dmig", "dother":
				w = c.dialoW
				if r.kind == "dother" && (c.noDother || c.noDotherHS && r.hs) {
					continue
				}
			case "hand":
				w = handWeight
				if c.handW > 0 {
					w = c.handW
				}
			}
			switch r.split {
			case SplitTrain:
				train = append(train, example{fs, r.y, w})
			case SplitCalib:
				if r.kind == "hmig" || r.kind == "dmig" {
					calib = append(calib, example{fs, r.y, 1})
				}
			case "val":
				if r.kind == "hmig" || r.kind == "dmig" {
					val = append(val, ve{fs, r.y, r.kind})
				}
			}
		}
		for i, u := range news {
			if newsSp[i] == SplitTrain {
				train = append(train, example{fe(u), 0, c.newsW})
			}
		}
		var r map[string]float64
		if c.nb {
			r = nbRatios(train, 1)
			train = nbScale(train, r)
			calib = nbScale(calib, r)
		}
		m := trainLinear(train, false, c.opts)
		if c.nb {
			nbFold(m, r)
		}
		ms := make([]float64, len(calib))
		ys := make([]float64, len(calib))
		for i, e := range calib {
			if c.nb {
				ms[i] = m.margin(e.feats) // already folded; use unscaled feats below
			}
			ys[i] = e.label
		}
		// after folding, margins must be computed on unscaled features
		ci := 0
		for _, rr := range rows {
			if rr.split == SplitCalib && (rr.kind == "hmig" || rr.kind == "dmig") {
				ms[ci] = m.margin(fe(rr.u))
				ci++
			}
		}
		m.PlattA, m.PlattB = fitPlatt(ms, ys)
		thr := 0.5
		if c.threshold {
			thr = bestThreshold(m, ms, ys)
		}
		res := ""
		for _, kind := range []string{"hmig", "dmig"} {
			var cf conf
			for _, v := range val {
				if v.kind != kind {
					continue
				}
				cf.add(m.prob(v.fs) >= thr, v.y > 0.5)
			}
			res += fmt.Sprintf(" %s %.3f (n=%d)", kind, cf.macroF1(), int(cf.tp+cf.fp+cf.tn+cf.fn))
		}
		fp, nv := 0, 0
		for i, u := range news {
			if newsSp[i] == "val" {
				nv++
				if m.prob(fe(u)) >= 0.5 {
					fp++
				}
			}
		}
		sfp := 0
		for _, u := range shortNews {
			if m.prob(fe(u)) >= 0.5 {
				sfp++
			}
		}
		res += fmt.Sprintf(" | news-val FP %d/%d short-line FP %d/%d", fp, nv, sfp, len(shortNews))
		// the two news-like probes
		pr := func(x string) float64 {
			fs := fe(s.unitOf(x))
			return m.prob(fs)
		}
		res += fmt.Sprintf(" | lakeside %.2f rats %.2f thr %.2f feats %d", pr("refugees were welcome in Lakeside and racism would never be tolerated"), pr("Those filthy migrants are rats spreading disease"), thr, len(m.Weights))
		return res
	}
	base := antiCfg{name: "shipped", women: "zero", opts: clsOptions, newsW: 0.5, dialoW: 1}
	var cfgs []antiCfg
	add := func(name string, f func(c *antiCfg)) {
		c := base
		c.name = name
		f(&c)
		cfgs = append(cfgs, c)
	}
	add("shipped", func(c *antiCfg) {})
	add("char", func(c *antiCfg) { c.char = true })
	add("nb", func(c *antiCfg) { c.nb = true })
	add("char+nb", func(c *antiCfg) { c.char = true; c.nb = true })
	add("women drophs", func(c *antiCfg) { c.women = "drophs" })
	add("women drop", func(c *antiCfg) { c.women = "drop" })
	add("women half", func(c *antiCfg) { c.women = "half" })
	add("wd+char", func(c *antiCfg) { c.women = "drop"; c.char = true })
	add("wd+hand10", func(c *antiCfg) { c.women = "drop"; c.handW = 10 })
	add("wd+dialo2", func(c *antiCfg) { c.women = "drop"; c.dialoW = 2 })
	add("wd+thr", func(c *antiCfg) { c.women = "drop"; c.threshold = true })
	add("wd+news1", func(c *antiCfg) { c.women = "drop"; c.newsW = 1 })
	add("wd+news2", func(c *antiCfg) { c.women = "drop"; c.newsW = 2 })
	add("wdhs+news1", func(c *antiCfg) { c.women = "drophs"; c.newsW = 1 })
	add("wd+news1+char", func(c *antiCfg) { c.women = "drop"; c.newsW = 1; c.char = true })
	add("wdhs+news1+nodother", func(c *antiCfg) { c.women = "drophs"; c.newsW = 1; c.noDother = true })
	add("wd+news1+nodother", func(c *antiCfg) { c.women = "drop"; c.newsW = 1; c.noDother = true })
	add("wdhs+news2+nodother", func(c *antiCfg) { c.women = "drophs"; c.newsW = 2; c.noDother = true })
	add("hs-other-drop+news1", func(c *antiCfg) { c.women = "drophs"; c.newsW = 1; c.noDotherHS = true })
	add("hs-other-drop+news2", func(c *antiCfg) { c.women = "drophs"; c.newsW = 2; c.noDotherHS = true })
	add("threshold", func(c *antiCfg) { c.threshold = true })
	add("l2 1e-5", func(c *antiCfg) { c.opts.L2 = 1e-5 })
	add("l2 1e-3", func(c *antiCfg) { c.opts.L2 = 1e-3 })
	add("epochs 20", func(c *antiCfg) { c.opts.Epochs = 20 })
	add("no balance", func(c *antiCfg) { c.opts.Balance = false })
	if v := os.Getenv("XS_EXPERIMENT_ONLY"); v != "" {
		var keep []antiCfg
		for _, c := range cfgs {
			if strings.Contains(","+v+",", ","+c.name+",") {
				keep = append(keep, c)
			}
		}
		cfgs = keep
	}
	for _, c := range cfgs {
		t.Logf("%-16s %s", c.name, run(c))
	}
}

// bestThreshold picks the probability threshold maximising macro-F1 on the
// calibration margins.
func bestThreshold(m *LinearModel, ms, ys []float64) float64 {
	ps := make([]float64, len(ms))
	for i, x := range ms {
		ps[i] = sigmoid(m.PlattA*x + m.PlattB)
	}
	cand := append([]float64{}, ps...)
	sort.Float64s(cand)
	best, bt := -1.0, 0.5
	for _, th := range cand {
		var cf conf
		for i, p := range ps {
			cf.add(p >= th, ys[i] > 0.5)
		}
		if f := cf.macroF1(); f > best+1e-9 || (math.Abs(f-best) < 1e-9 && math.Abs(th-0.5) < math.Abs(bt-0.5)) {
			best, bt = f, th
		}
	}
	return bt
}

// Counter-speech example weights, chosen on testdata/val_counter_speech.csv
// (30 news-like sentences written only for this choice, in no training or
// test file), testdata/val_contribution.csv (32 sentences on migrants'
// contributions, myth corrections and hard negatives, written before any
// result of the contribution round) and the DIALOCONAN calibration dialogues.
// Earlier round: {5,0.5} {15,0.5} {30,0.5} {15,1} {30,1}.
func TestExperimentCounter(t *testing.T) {
	if os.Getenv("XS_EXPERIMENT") == "" {
		t.Skip("set XS_EXPERIMENT=1")
	}
	hp := shareddata.Require(t, "hateval", "en_train.csv")
	data := filepath.Dir(filepath.Dir(hp))
	dialo, _ := LoadDIALOCONAN(filepath.Join(data, "counter-speech", "DIALOCONAN.csv"))
	oh, on := handWeightCS, newsWeightCS
	defer func() { handWeightCS, newsWeightCS = oh, on }()
	bodies, _ := LoadArticleBodies(filepath.Join(data, "articles", "ground-truth.json"))
	var newsVal, short []string
	for bi, b := range bodies {
		d := nlp.Parse(b)
		for i := range d.Sentences {
			tx := d.SentenceText(i)
			if len(d.SentenceTokens(i)) < 5 {
				short = append(short, tx)
			} else if !HatEvalMigrationRE.MatchString(tx) && bucket(fmt.Sprintf("news:news%d/%d", bi, i)) < 10 {
				newsVal = append(newsVal, tx)
			}
		}
	}
	for _, c := range [][2]float64{{30, 1}, {50, 1}, {30, 2}, {50, 2}} {
		handWeightCS, newsWeightCS = c[0], c[1]
		dir := t.TempDir()
		if err := TrainAll(data, "testdata", dir, nil); err != nil {
			t.Fatal(err)
		}
		m, err := LoadModel(filepath.Join(dir, "counter_speech.json"))
		if err != nil {
			t.Fatal(err)
		}
		s, err := New(WithModel(TaskCounterSpeech, m))
		if err != nil {
			t.Fatal(err)
		}
		r, err := Evaluate(s, TaskCounterSpeech, "testdata/val_counter_speech.csv", EvalOptions{Boot: 10})
		if err != nil {
			t.Fatal(err)
		}
		rc, err := Evaluate(s, TaskCounterSpeech, "testdata/val_contribution.csv", EvalOptions{Boot: 10})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("hand %.0f news %.1f: val_contribution macro-F1 %.3f (P %.2f R %.2f)", c[0], c[1], rc.Value, rc.Precision, rc.Recall)
		var cf conf
		for _, d := range dialo {
			if !IsMigrantTarget(d.Target) || dialoSplit(d.Dialogue) != SplitCalib {
				continue
			}
			cf.add(s.ScoreText(TaskCounterSpeech, d.Text) >= 0.5, d.Label > 0.5)
		}
		fp, sfp := 0, 0
		for _, x := range newsVal {
			if s.ScoreText(TaskCounterSpeech, x) >= 0.5 {
				fp++
			}
		}
		for _, x := range short {
			if s.ScoreText(TaskCounterSpeech, x) >= 0.5 {
				sfp++
			}
		}
		t.Logf("hand %.0f news %.1f: val news-like macro-F1 %.3f (P %.2f R %.2f) | DIALOCONAN calib MIGRANTS %.3f | news-val FP %d/%d short-line FP %d/%d", c[0], c[1], r.Value, r.Precision, r.Recall, cf.macroF1(), fp, len(newsVal), sfp, len(short))
	}
}
