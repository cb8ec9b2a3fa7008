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

var showCandidates = flag.Bool("candidates", false, "TestCandidates: print Extract and the libraries side by side on every split")

// candidate is one way of getting an article body out of a page: Extract,
// or a library as its own users run it (its own text output).
type candidate struct {
	name string
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

// TestCandidates prints the table of docs/extraction.md: Extract and the
// libraries it builds on, side by side on every split of the protocol (the
// five cross-validation folds of the development sites, the development
// part, the frozen held-out part of testdata/heldout.txt). The choice
// between variants that produced Extract is reproduced at commit 17cb10c
// (go test ./extract -run TestCandidates -candidates -heldout -v there).
func TestCandidates(t *testing.T) {
	if !*showCandidates {
		t.Skip("run with -candidates to print the per-split table of docs/extraction.md")
	}
	all := loadBenchPages(t)
	dev, held := splitPages(all)
	cands := append([]candidate{{name: "Extract", run: func(raw []byte, u string) (string, error) {
		r, err := Extract(raw, u, "text/html")
		if err != nil {
			return "", err
		}
		return r.Text, nil
	}}}, references()...)
	ds, hs := scoreAll(dev, cands), scoreAll(held, cands)
	type split struct {
		name   string
		scores func(c int) []pageScore
	}
	var splits []split
	for k := range cvFolds {
		var idx []int
		for i, p := range dev {
			if foldOf(siteOf(p.URL)) == k {
				idx = append(idx, i)
			}
		}
		splits = append(splits, split{fmt.Sprintf("dev fold %d (%d pages)", k, len(idx)), func(c int) []pageScore { return pick(ds[c], idx) }})
	}
	splits = append(splits,
		split{fmt.Sprintf("development (%d pages, %d sites)", len(dev), countSites(dev)), func(c int) []pageScore { return ds[c] }},
		split{fmt.Sprintf("held-out (%d pages, %d sites)", len(held), countSites(held)), func(c int) []pageScore { return hs[c] }})
	for _, sp := range splits {
		t.Logf("%s", sp.name)
		for c, cand := range cands {
			pr, re, f1 := aggregate(sp.scores(c))
			sd, dm, dsd := bootstrapF1(sp.scores(c), sp.scores(0))
			t.Logf("  %-28s P %.4f  R %.4f  F1 %.4f ± %.4f  F1 - Extract %+.4f ± %.4f", cand.name, pr, re, f1, sd, dm, dsd)
		}
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
