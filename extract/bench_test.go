package extract

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// BenchmarkExtract measures the cost per page of Extract and of the
// libraries it builds on (run as their users run them) on the 88 benchmark
// pages, side by side in one run. One op is one pass over all pages;
// ns/page, pages/s and CPU ns/page are reported. "parse-only" (html.Parse,
// the floor every candidate pays) is the baseline for the ratios in
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
	for _, c := range references() {
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
		{"trafilatura-at-text-cap-1750-paragraphs", []byte("<html><body><article>" + strings.Repeat("<div>"+sentence+"</div>", 1) + strings.Repeat(para, 1750) + "</article></body></html>")},
		{"trafilatura-near-element-cap-22000-elements-310KB-text", []byte("<html><body><nav><ul>" + strings.Repeat(`<li><a href="/s"><span>Section name</span></a></li>`, 7000) + "</ul></nav><article>" + strings.Repeat(para, 1000) + "</article></body></html>")},
		{"date-search-45000-element-menu", []byte("<html><body><nav><ul>" + strings.Repeat(`<li class="menu-item"><a href="/s/1"><span>Section 12</span></a></li>`, 15000) + "</ul></nav><article>" + strings.Repeat(para, 20) + "</article></body></html>")},
		{"readability-18000-paragraphs", []byte("<html><body><article>" + strings.Repeat(para, 18000) + "</article></body></html>")},
		{"readability-49000-spans", append([]byte("<html><body><article>"), bytes.Repeat([]byte("<span>word word</span> "), 49000)...)},
		{"readability-4MB-one-paragraph", []byte("<html><body><article><p>" + strings.Repeat("word ", (MaxTextBytes-100)/5) + "</p></article></body></html>")},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.raw)))
			for b.Loop() {
				r, err := Extract(c.raw, "", "text/html")
				if err != nil {
					b.Fatal(err)
				}
				if want := strings.SplitN(c.name, "-", 2)[0]; (want == "trafilatura" || want == "readability") && r.Extractor != want {
					b.Fatalf("extracted by %s, the case is meant for %s", r.Extractor, want)
				}
			}
		})
	}
}

// BenchmarkDates compares go-htmldate's fast and extensive modes with
// findPublished (fast, then extensive only where fast found nothing) on the
// benchmark pages (cost only; TestDateModes and TestFindPublished compare
// what they find).
//
//	go test ./extract -run '^$' -bench BenchmarkDates -benchtime 3x
func BenchmarkDates(b *testing.B) {
	pages := loadBenchPages(b)
	docs := make([]*html.Node, len(pages))
	for i, p := range pages {
		docs[i], _ = html.Parse(bytes.NewReader(p.HTML))
	}
	modes := []struct {
		name string
		find func(d *html.Node, u string) time.Time
	}{
		{"fast", func(d *html.Node, u string) time.Time { return publishedDate(d, u, false) }},
		{"extensive", func(d *html.Node, u string) time.Time { return publishedDate(d, u, true) }},
		{"findPublished", func(d *html.Node, u string) time.Time { return findPublished(d, u, 0) }},
	}
	for _, m := range modes {
		b.Run(m.name, func(b *testing.B) {
			cpu0 := cpuTime()
			for b.Loop() {
				for i, d := range docs {
					m.find(d, pages[i].URL)
				}
			}
			n := float64(b.N * len(pages))
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/page")
			b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/n, "cpu-ns/page")
		})
	}
}
