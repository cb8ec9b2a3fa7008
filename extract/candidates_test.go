package extract

import (
	"bytes"
	"flag"
	"math"
	"math/rand/v2"
	"net/url"
	"strings"
	"testing"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

var showCandidates = flag.Bool("candidates", false, "print the F1/cost table of every extraction candidate (TestCandidates)")

// candidate is one way of getting an article body out of a page, compared in
// TestCandidates and BenchmarkExtract.
type candidate struct {
	name string
	run  func(raw []byte, u *url.URL) (string, error)
}

func trafText(opts trafilatura.Options) func(raw []byte, u *url.URL) (string, error) {
	return func(raw []byte, u *url.URL) (string, error) {
		doc, err := html.Parse(bytes.NewReader(raw))
		if err != nil {
			return "", err
		}
		o := opts
		o.OriginalURL = u
		o.ExcludeComments = true
		res, err := trafilatura.ExtractDocument(doc, o)
		if err != nil {
			return "", err
		}
		return res.ContentText, nil
	}
}

func readeckText(raw []byte, u *url.URL) (string, error) {
	doc, err := html.Parse(bytes.NewReader(raw))
	if err != nil {
		return "", err
	}
	p := readability.NewParser()
	a, err := p.ParseAndMutate(doc, u)
	if err != nil {
		return "", err
	}
	if a.Node == nil {
		return "", nil
	}
	var b strings.Builder
	if err := a.RenderText(&b); err != nil {
		return "", err
	}
	return b.String(), nil
}

// trafReadeck runs trafilatura with readeck's article as the Readability
// fallback candidate (instead of go-shiori/go-readability).
func trafReadeck(opts trafilatura.Options) func(raw []byte, u *url.URL) (string, error) {
	return func(raw []byte, u *url.URL) (string, error) {
		doc, err := html.Parse(bytes.NewReader(raw))
		if err != nil {
			return "", err
		}
		p := readability.NewParser()
		a, err := p.ParseDocument(doc, u)
		o := opts
		if err == nil && a.Node != nil {
			o.FallbackCandidates = &trafilatura.FallbackCandidates{Readability: a.Node}
		}
		o.OriginalURL = u
		o.ExcludeComments = true
		res, err := trafilatura.ExtractDocument(doc, o)
		if err != nil {
			return "", err
		}
		return res.ContentText, nil
	}
}

func candidates() []candidate {
	return []candidate{
		{"trafilatura", trafText(trafilatura.Options{})},
		{"trafilatura+fallback", trafText(trafilatura.Options{EnableFallback: true})},
		{"trafilatura-precision", trafText(trafilatura.Options{Focus: trafilatura.FavorPrecision})},
		{"trafilatura-precision+fallback", trafText(trafilatura.Options{Focus: trafilatura.FavorPrecision, EnableFallback: true})},
		{"trafilatura-recall", trafText(trafilatura.Options{Focus: trafilatura.FavorRecall})},
		{"trafilatura-recall+fallback", trafText(trafilatura.Options{Focus: trafilatura.FavorRecall, EnableFallback: true})},
		{"trafilatura-precision+fallback date=off", trafText(trafilatura.Options{Focus: trafilatura.FavorPrecision, EnableFallback: true, HtmlDateMode: trafilatura.Disabled})},
		{"trafilatura-precision+readeck date=off", trafReadeck(trafilatura.Options{Focus: trafilatura.FavorPrecision, EnableFallback: true, HtmlDateMode: trafilatura.Disabled})},
		{"readeck", readeckText},
		{"Extract", func(raw []byte, u *url.URL) (string, error) {
			r, err := Extract(raw, u.String(), "text/html; charset=utf-8")
			if err != nil {
				return "", err
			}
			return r.Text, nil
		}},
	}
}

// TestCandidates scores every candidate on the shared benchmark pages.
// With -candidates it prints the table in docs/extraction.md.
func TestCandidates(t *testing.T) {
	if !*showCandidates {
		t.Skip("run with -candidates to print the comparison table")
	}
	pages := loadBenchPages(t)
	t.Logf("%-42s %9s %9s %15s %16s %6s", "candidate", "precision", "recall", "F1 ± bootstrap", "F1 - Extract", "errors")
	var ref []pageScore // Extract's scores, for the paired difference
	all := candidates()
	// Score Extract first so every row can show its paired difference.
	for i, c := range all {
		if c.name == "Extract" {
			all = append([]candidate{c}, append(all[:i:i], all[i+1:]...)...)
			break
		}
	}
	for _, c := range all {
		scores := make([]pageScore, len(pages))
		var nerr int
		for i, p := range pages {
			u, _ := url.Parse(p.URL)
			text, err := c.run(p.HTML, u)
			if err != nil {
				nerr++
			}
			text = strings.ReplaceAll(text, "\u00ad", "")
			scores[i] = shingleMatch(p.Body, text)
		}
		if ref == nil {
			ref = scores
		}
		pr, re, f1 := aggregate(scores)
		sd, dmean, dsd := bootstrapF1(scores, ref)
		t.Logf("%-42s %9.4f %9.4f %8.4f ± %.3f %+8.4f ± %.3f %6d", c.name, pr, re, f1, sd, dmean, dsd, nerr)
	}
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
