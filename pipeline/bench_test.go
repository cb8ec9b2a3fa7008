package pipeline_test

import (
	"context"
	"io"
	"net/http"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/xenoscope/xenoscope/demo"
	"github.com/xenoscope/xenoscope/pipeline"
)

// BenchmarkDemo is the wall time of what `xenoscope demo` does — serve the
// demo corpus (scale 1.5, as the command), crawl it over HTTP, analyze,
// compute indicators, write the report — into an empty directory, next to
// a baseline in the same run: fetching every article page once with a
// plain net/http client, 4 at a time, no parsing and no database.
//
//	go test ./pipeline/ -run '^$' -bench Demo -benchtime 1x
func BenchmarkDemo(b *testing.B) {
	c, err := demo.Generate(demo.CorpusOptions{Scale: 1.5})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("baseline-fetch", func(b *testing.B) {
		d, err := demo.Serve(context.Background(), demo.Options{Corpus: c})
		if err != nil {
			b.Fatal(err)
		}
		defer d.Close()
		var urls []string
		for _, s := range d.Sites {
			for _, a := range s.Articles {
				urls = append(urls, s.ArticleURL(a))
			}
		}
		for b.Loop() {
			ch := make(chan string)
			var wg sync.WaitGroup
			for range 4 {
				wg.Go(func() {
					for u := range ch {
						r, err := http.Get(u)
						if err != nil {
							b.Error(err)
							continue
						}
						io.Copy(io.Discard, r.Body)
						r.Body.Close()
					}
				})
			}
			for _, u := range urls {
				ch <- u
			}
			close(ch)
			wg.Wait()
		}
		b.ReportMetric(float64(len(urls)), "pages")
	})
	b.Run("demo", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			dir := b.TempDir()
			b.StartTimer()
			start := time.Now()
			d, err := demo.Serve(context.Background(), demo.Options{Corpus: c})
			if err != nil {
				b.Fatal(err)
			}
			res, err := pipeline.Run(context.Background(), d.Config, filepath.Join(dir, "xenoscope.db"), dir,
				pipeline.Options{MinN: 10, SyntheticNotice: demo.SyntheticNotice})
			d.Close()
			if err != nil {
				b.Fatal(err)
			}
			for _, s := range res.Stages {
				b.ReportMetric(s.Duration.Seconds(), s.Name+"-s")
			}
			b.ReportMetric(time.Since(start).Seconds(), "wall-s")
			b.ReportMetric(float64(res.Documents), "docs")
		}
	})
}
