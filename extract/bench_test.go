package extract

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// BenchmarkExtract measures the cost per page of every candidate on the 88
// benchmark pages, side by side in one run. One op is one pass over all
// pages; ns/page and pages/s are reported. "parse-only" (html.Parse, the
// floor every candidate pays) is the baseline for the ratios in
// docs/extraction.md.
//
//	go test ./extract -run '^$' -bench BenchmarkExtract -benchtime 3x
func BenchmarkExtract(b *testing.B) {
	pages := loadBenchPages(b)
	var total int64
	for _, p := range pages {
		total += int64(len(p.HTML))
	}
	run := func(b *testing.B, fn func(i int)) {
		b.SetBytes(total)
		cpu0 := cpuTime()
		for b.Loop() {
			for i := range pages {
				fn(i)
			}
		}
		n := float64(b.N * len(pages))
		perPage := float64(b.Elapsed().Nanoseconds()) / n
		b.ReportMetric(perPage, "ns/page")
		b.ReportMetric(1e9/perPage, "pages/s")
		// CPU time (user+system, all threads including GC) per page: stable
		// when other processes share the machine, unlike wall time.
		b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/n, "cpu-ns/page")
	}
	b.Run("parse-only", func(b *testing.B) {
		run(b, func(i int) {
			if _, err := html.Parse(bytes.NewReader(pages[i].HTML)); err != nil {
				b.Fatal(err)
			}
		})
	})
	b.Run("Extract", func(b *testing.B) {
		run(b, func(i int) { Extract(pages[i].HTML, pages[i].URL, "text/html") })
	})
	for _, c := range append(variants(), references()...) {
		if !benchCandidates[c.name] {
			continue
		}
		b.Run(strings.NewReplacer(" ", "_", "(", "", ")", "").Replace(c.name), func(b *testing.B) {
			run(b, func(i int) { c.run(pages[i].HTML, pages[i].URL) })
		})
	}
}

// benchCandidates are the candidates BenchmarkExtract times besides Extract.
var benchCandidates = map[string]bool{
	"go-trafilatura":              true,
	"go-trafilatura+fallback":     true,
	"go-readability (readeck v2)": true,
}

// BenchmarkExtractLarge measures adversarially large pages just under the
// limits: the worst case a crawler can meet.
//
//	go test ./extract -run '^$' -bench BenchmarkExtractLarge -benchtime 2x
func BenchmarkExtractLarge(b *testing.B) {
	sentence := "The council approved the new housing plan for the east side of the city. "
	para := "<p>" + strings.Repeat(sentence, 3) + "</p>"
	cases := []struct {
		name string
		raw  []byte
	}{
		{"trafilatura-at-soft-cap-5900-paragraphs", []byte("<html><body><article>" + strings.Repeat("<div>"+sentence+"</div>", 1) + strings.Repeat(para, 1750) + "</article></body></html>")},
		{"readability-18000-paragraphs", []byte("<html><body><article>" + strings.Repeat(para, 18000) + "</article></body></html>")},
		{"readability-49000-spans", append([]byte("<html><body><article>"), bytes.Repeat([]byte("<span>word word</span> "), 49000)...)},
		{"readability-4MB-one-paragraph", []byte("<html><body><article><p>" + strings.Repeat("word ", (MaxTextBytes-100)/5) + "</p></article></body></html>")},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.raw)))
			for b.Loop() {
				if _, err := Extract(c.raw, "", "text/html"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDates compares go-htmldate's fast and extensive modes on the
// benchmark pages (cost only; TestDateModes compares what they find).
//
//	go test ./extract -run '^$' -bench BenchmarkDates -benchtime 3x
func BenchmarkDates(b *testing.B) {
	pages := loadBenchPages(b)
	docs := make([]*html.Node, len(pages))
	for i, p := range pages {
		docs[i], _ = html.Parse(bytes.NewReader(p.HTML))
	}
	for _, extensive := range []bool{false, true} {
		name := "fast"
		if extensive {
			name = "extensive"
		}
		b.Run(name, func(b *testing.B) {
			cpu0 := cpuTime()
			for b.Loop() {
				for i, d := range docs {
					publishedDate(d, pages[i].URL, extensive)
				}
			}
			n := float64(b.N * len(pages))
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/page")
			b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/n, "cpu-ns/page")
		})
	}
}
