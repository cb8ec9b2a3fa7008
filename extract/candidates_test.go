package extract

import (
	"bytes"
	"flag"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

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
		{"trafilatura-precision+fallback date=fast", trafText(trafilatura.Options{Focus: trafilatura.FavorPrecision, EnableFallback: true, HtmlDateMode: trafilatura.Fast})},
		{"trafilatura-precision+fallback date=off", trafText(trafilatura.Options{Focus: trafilatura.FavorPrecision, EnableFallback: true, HtmlDateMode: trafilatura.Disabled})},
		{"trafilatura+fallback date=off", trafText(trafilatura.Options{EnableFallback: true, HtmlDateMode: trafilatura.Disabled})},
		{"trafilatura date=off", trafText(trafilatura.Options{HtmlDateMode: trafilatura.Disabled})},
		{"trafilatura-precision+readeck date=off", trafReadeck(trafilatura.Options{Focus: trafilatura.FavorPrecision, EnableFallback: true, HtmlDateMode: trafilatura.Disabled})},
		{"trafilatura+readeck date=off", trafReadeck(trafilatura.Options{EnableFallback: true, HtmlDateMode: trafilatura.Disabled})},
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
	t.Logf("%-32s %9s %9s %9s %6s %10s", "candidate", "precision", "recall", "F1", "errors", "ms/page")
	for _, c := range candidates() {
		scores := make([]pageScore, len(pages))
		var nerr int
		start := time.Now()
		for i, p := range pages {
			u, _ := url.Parse(p.URL)
			text, err := c.run(p.HTML, u)
			if err != nil {
				nerr++
			}
			text = strings.ReplaceAll(text, "\u00ad", "")
			scores[i] = shingleMatch(p.Body, text)
		}
		el := time.Since(start)
		pr, re, f1 := aggregate(scores)
		t.Logf("%-32s %9.4f %9.4f %9.4f %6d %10.1f", c.name, pr, re, f1, nerr, float64(el.Milliseconds())/float64(len(pages)))
	}
	_ = fmt.Sprint
}
