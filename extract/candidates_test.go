package extract

import (
	"bytes"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"net/url"
	"strings"
	"sync"
	"testing"

	readability "codeberg.org/readeck/go-readability/v2"
	shiori "github.com/go-shiori/go-readability"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

var (
	showCandidates = flag.Bool("candidates", false, "TestCandidates: cross-validate the extraction candidates over the development sites and print the tables")
	showHeldOut    = flag.Bool("heldout", false, "TestCandidates: also score the frozen held-out pages (only after the choice is made)")
)

// candidate is one way of getting an article body out of a page. Variants
// of Extract (strategy set) are the choices; references are the libraries
// as their own users run them (their own text output), reported side by side.
type candidate struct {
	name string
	st   *strategy // nil for a reference
	run  func(raw []byte, pageURL string) (string, error)
}

func trafText(opts trafilatura.Options) func(raw []byte, pageURL string) (string, error) {
	return func(raw []byte, pageURL string) (string, error) {
		doc, err := html.Parse(bytes.NewReader(raw))
		if err != nil {
			return "", err
		}
		o := opts
		o.OriginalURL, _ = url.Parse(pageURL)
		res, err := trafilatura.ExtractDocument(doc, o)
		if err != nil {
			return "", err
		}
		return res.ContentText, nil
	}
}

func readeckText(raw []byte, pageURL string) (string, error) {
	doc, err := html.Parse(bytes.NewReader(raw))
	if err != nil {
		return "", err
	}
	u, _ := url.Parse(pageURL)
	p := readability.NewParser()
	a, err := p.ParseAndMutate(doc, u)
	if err != nil || a.Node == nil {
		return "", err
	}
	var b strings.Builder
	if err := a.RenderText(&b); err != nil {
		return "", err
	}
	return b.String(), nil
}

func shioriText(raw []byte, pageURL string) (string, error) {
	u, _ := url.Parse(pageURL)
	a, err := shiori.FromReader(bytes.NewReader(raw), u)
	if err != nil {
		return "", err
	}
	return a.TextContent, nil
}

func variant(name string, st strategy) candidate {
	return candidate{name: name, st: &st, run: func(raw []byte, pageURL string) (string, error) {
		r, err := extractWith(raw, pageURL, "text/html", st)
		if err != nil {
			return "", err
		}
		return r.Text, nil
	}}
}

// references are the libraries Extract builds on, run as the benchmark runs
// them (go-trafilatura with and without its fallback, both go-readability
// implementations), comments excluded as in Extract.
func references() []candidate {
	return []candidate{
		{name: "go-trafilatura", run: trafText(trafilatura.Options{ExcludeComments: true})},
		{name: "go-trafilatura+fallback", run: trafText(trafilatura.Options{ExcludeComments: true, EnableFallback: true})},
		{name: "go-readability (readeck v2)", run: readeckText},
		{name: "go-readability (go-shiori)", run: shioriText},
	}
}

// variants are the Extract strategies cross-validation chooses between.
func variants() []candidate {
	var out []candidate
	for _, f := range []struct {
		name  string
		focus trafilatura.ExtractionFocus
	}{{"balanced", trafilatura.Balanced}, {"precision", trafilatura.FavorPrecision}, {"recall", trafilatura.FavorRecall}} {
		for _, fb := range []struct {
			name string
			mode fallbackMode
		}{{"", fallbackNone}, {"+fallback-if-short", fallbackShort}, {"+fallback-if-suspect", fallbackSuspect}, {"+fallback", fallbackLibrary}} {
			for _, dt := range []bool{false, true} {
				name := f.name + fb.name
				if dt {
					name += " -title"
				}
				out = append(out, variant(name, strategy{focus: f.focus, fallback: fb.mode, dropTitle: dt}))
			}
		}
	}
	return out
}

// scoreAll runs every candidate on every page (two workers) and returns
// scores[candidate][page].
func scoreAll(pages []benchPage, cands []candidate) [][]pageScore {
	out := make([][]pageScore, len(cands))
	for i := range out {
		out[i] = make([]pageScore, len(pages))
	}
	type job struct{ c, p int }
	jobs := make(chan job)
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				text, _ := cands[j.c].run(pages[j.p].HTML, pages[j.p].URL)
				text = strings.ReplaceAll(text, "\u00ad", "") // as the benchmark's runners do
				out[j.c][j.p] = shingleMatch(pages[j.p].Body, text)
			}
		}()
	}
	for c := range cands {
		for p := range pages {
			jobs <- job{c, p}
		}
	}
	close(jobs)
	wg.Wait()
	return out
}

func pick(s []pageScore, idx []int) []pageScore {
	out := make([]pageScore, len(idx))
	for i, j := range idx {
		out[i] = s[j]
	}
	return out
}

func f1Of(s []pageScore) float64 { _, _, f := aggregate(s); return f }

// criterion scores a variant on the training pages of one CV round: mean
// is pooled F1; worst is the smallest margin over the references across
// the training folds (F1 of the variant minus the best reference's F1 on
// that fold), the brief's "no worse than go-trafilatura on any split".
type criterion func(v []pageScore, refs [][]pageScore, foldIdx [][]int, train []int) float64

func meanCriterion(v []pageScore, _ [][]pageScore, foldIdx [][]int, train []int) float64 {
	var idx []int
	for _, k := range train {
		idx = append(idx, foldIdx[k]...)
	}
	return f1Of(pick(v, idx))
}

func worstCriterion(v []pageScore, refs [][]pageScore, foldIdx [][]int, train []int) float64 {
	worst := math.Inf(1)
	for _, k := range train {
		best := 0.0
		for _, r := range refs {
			best = max(best, f1Of(pick(r, foldIdx[k])))
		}
		worst = min(worst, f1Of(pick(v, foldIdx[k]))-best)
	}
	return worst
}

// crossValidate chooses, for each fold, the eligible candidate that scores
// best by crit on the other folds (ties: pooled F1, then the earlier, i.e.
// cheaper, candidate) and scores that choice on the fold. It returns the
// choice per fold and the pooled per-page scores of those choices: the
// cross-validated estimate of the selection procedure itself.
func crossValidate(scores [][]pageScore, eligible []int, refs []int, foldIdx [][]int, crit criterion) (choice []int, pooled []pageScore) {
	n := 0
	for _, f := range foldIdx {
		n += len(f)
	}
	pooled = make([]pageScore, n)
	refScores := make([][]pageScore, len(refs))
	for i, r := range refs {
		refScores[i] = scores[r]
	}
	for k := range foldIdx {
		var train []int
		for j := range foldIdx {
			if j != k {
				train = append(train, j)
			}
		}
		best, bestC, bestM := -1, math.Inf(-1), math.Inf(-1)
		for _, c := range eligible {
			cv := crit(scores[c], refScores, foldIdx, train)
			m := meanCriterion(scores[c], nil, foldIdx, train)
			if cv > bestC+1e-9 || (cv > bestC-1e-9 && m > bestM+1e-9) {
				best, bestC, bestM = c, cv, m
			}
		}
		choice = append(choice, best)
		for _, p := range foldIdx[k] {
			pooled[p] = scores[best][p]
		}
	}
	return choice, pooled
}

// TestCandidates is the protocol of docs/extraction.md: the held-out sites
// (testdata/heldout.txt) are set aside; on the development sites every
// variant and reference is scored per cross-validation fold, a variant is
// chosen per fold on the other folds, and the chosen Extract is compared
// with the references on every fold. With -heldout the held-out pages are
// scored too (the choice must be made before).
func TestCandidates(t *testing.T) {
	if !*showCandidates {
		t.Skip("run with -candidates (and -heldout once the choice is made) to print the tables of docs/extraction.md")
	}
	all := loadBenchPages(t)
	dev, held := splitPages(all)
	cands := append(append([]candidate{{name: "Extract (chosen)", st: &chosen, run: func(raw []byte, u string) (string, error) {
		r, err := Extract(raw, u, "text/html")
		if err != nil {
			return "", err
		}
		return r.Text, nil
	}}}, variants()...), references()...)
	isVariant := make([]bool, len(cands))
	for i, c := range cands {
		isVariant[i] = c.st != nil && i > 0
	}
	folds := make([]int, len(dev))
	for i, p := range dev {
		folds[i] = foldOf(siteOf(p.URL))
	}
	scores := scoreAll(dev, cands)

	// Per-fold table.
	var hdr strings.Builder
	fmt.Fprintf(&hdr, "%-30s", "dev sites, F1 per fold")
	foldIdx := make([][]int, cvFolds)
	for p, f := range folds {
		foldIdx[f] = append(foldIdx[f], p)
	}
	for k := range cvFolds {
		fmt.Fprintf(&hdr, " %5s", fmt.Sprintf("f%d/%d", k, len(foldIdx[k])))
	}
	fmt.Fprintf(&hdr, " %7s %7s %7s %8s", "dev P", "dev R", "dev F1", "± boot")
	t.Log(hdr.String())
	for c, cand := range cands {
		var b strings.Builder
		fmt.Fprintf(&b, "%-30s", cand.name)
		for k := range cvFolds {
			fmt.Fprintf(&b, " %.3f", f1Of(pick(scores[c], foldIdx[k])))
		}
		pr, re, f1 := aggregate(scores[c])
		sd, _, _ := bootstrapF1(scores[c], scores[0])
		fmt.Fprintf(&b, " %7.4f %7.4f %7.4f %8.4f", pr, re, f1, sd)
		t.Log(b.String())
	}
	var eligible, refs []int
	for i, c := range cands {
		if isVariant[i] {
			eligible = append(eligible, i)
		}
		if c.name == "go-trafilatura" || c.name == "go-trafilatura+fallback" {
			refs = append(refs, i)
		}
	}
	for _, cr := range []struct {
		name string
		crit criterion
	}{{"best pooled F1", meanCriterion}, {"best worst-fold margin", worstCriterion}} {
		choice, pooled := crossValidate(scores, eligible, refs, foldIdx, cr.crit)
		var b strings.Builder
		fmt.Fprintf(&b, "%-30s", "CV, "+cr.name)
		for k := range cvFolds {
			fmt.Fprintf(&b, " %.3f", f1Of(pick(pooled, foldIdx[k])))
		}
		pr, re, f1 := aggregate(pooled)
		fmt.Fprintf(&b, " %7.4f %7.4f %7.4f", pr, re, f1)
		t.Log(b.String())
		for k, c := range choice {
			t.Logf("  fold %d: chose %s", k, cands[c].name)
		}
		all := make([]int, cvFolds)
		for k := range all {
			all[k] = k
		}
		best, bestC := -1, math.Inf(-1)
		refScores := [][]pageScore{scores[refs[0]], scores[refs[1]]}
		for _, c := range eligible {
			if v := cr.crit(scores[c], refScores, foldIdx, all); v > bestC+1e-9 {
				best, bestC = c, v
			}
		}
		t.Logf("  on all development folds: %s (criterion %.4f)", cands[best].name, bestC)
	}

	if !*showHeldOut {
		return
	}
	hs := scoreAll(held, cands)
	t.Logf("held-out: %d pages, %d sites", len(held), countSites(held))
	t.Logf("%-30s %7s %7s %7s %8s %14s", "held-out", "P", "R", "F1", "± boot", "F1 - Extract")
	for c, cand := range cands {
		pr, re, f1 := aggregate(hs[c])
		sd, dm, dsd := bootstrapF1(hs[c], hs[0])
		t.Logf("%-30s %7.4f %7.4f %7.4f %8.4f %+7.4f ± %.3f", cand.name, pr, re, f1, sd, dm, dsd)
	}
}

func countSites(pages []benchPage) int {
	s := map[string]bool{}
	for _, p := range pages {
		s[siteOf(p.URL)] = true
	}
	return len(s)
}

// bootstrapF1 resamples pages (1000 times, fixed seed) like the benchmark's
// evaluate.py and returns the standard deviation of F1 and the mean and
// standard deviation of the paired difference F1(scores) - F1(ref).
func bootstrapF1(scores, ref []pageScore) (sd, dmean, dsd float64) {
	rng := rand.New(rand.NewPCG(1, 2))
	const n = 1000
	var f1s, diffs []float64
	a, b := make([]pageScore, len(scores)), make([]pageScore, len(scores))
	for range n {
		for i := range a {
			j := rng.IntN(len(scores))
			a[i], b[i] = scores[j], ref[j]
		}
		_, _, fa := aggregate(a)
		_, _, fb := aggregate(b)
		f1s = append(f1s, fa)
		diffs = append(diffs, fa-fb)
	}
	_, sd = meanSD(f1s)
	dmean, dsd = meanSD(diffs)
	return sd, dmean, dsd
}

func meanSD(x []float64) (mean, sd float64) {
	for _, v := range x {
		mean += v
	}
	mean /= float64(len(x))
	for _, v := range x {
		sd += (v - mean) * (v - mean)
	}
	return mean, math.Sqrt(sd / float64(len(x)-1))
}
