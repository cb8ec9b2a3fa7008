package demo

import (
	"compress/gzip"
	"context"
	"encoding/xml"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/xenoscope/xenoscope/extract"
)

func TestCorpusShape(t *testing.T) {
	c, err := Generate(CorpusOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(c.Articles); n < 300 {
		t.Fatalf("corpus has %d articles, want >= 300", n)
	}
	if len(c.Cities) < 3 {
		t.Fatalf("%d cities, want >= 3", len(c.Cities))
	}
	months := map[string]bool{}
	texts := map[string]string{}
	slugs := map[string]bool{}
	type cm struct{ city, month string }
	hate := map[string]int{}
	popByMonth := map[cm]int{}
	docsByMonth := map[cm]int{}
	var migration, hostile, counter int
	for _, a := range c.Articles {
		months[a.Month()] = true
		if prev, dup := texts[a.Text()]; dup {
			t.Errorf("articles %s and %s have the same text: content-hash dedup would merge them", prev, a.Path)
		}
		texts[a.Text()] = a.Path
		key := a.City + a.Source + a.Path
		if slugs[key] {
			t.Errorf("duplicate path %s", key)
		}
		slugs[key] = true
		if strings.Contains(a.Text(), "{") || strings.Contains(a.Title, "{") {
			t.Errorf("%s: unfilled placeholder in %q", a.Path, a.Title+a.Text())
		}
		if a.Migration {
			migration++
		}
		if len(a.Hostile) > 0 {
			hostile++
		}
		if len(a.Counter) > 0 {
			counter++
		}
		if a.HateCrime {
			hate[a.City]++
		}
		docsByMonth[cm{a.City, a.Month()}]++
		if len(a.Populist) > 0 {
			popByMonth[cm{a.City, a.Month()}]++
		}
	}
	if len(months) < 18 {
		t.Errorf("corpus spans %d months, want >= 18", len(months))
	}
	share := float64(migration) / float64(len(c.Articles))
	if share < 0.25 || share > 0.45 {
		t.Errorf("migration share %.2f, want about 0.3-0.4", share)
	}
	if hostile < 20 || counter < 100 {
		t.Errorf("hostile %d, counter %d: too few quotes on either side", hostile, counter)
	}
	for _, city := range []string{"Riverton", "Lakeside", "Millbrook"} {
		if hate[city] == 0 {
			t.Errorf("%s has no hate-crime report", city)
		}
	}
	// Populism rises in Millbrook: the share of documents with a populist
	// quote in the first six months is far below the spring 2026 campaign.
	rate := func(city string, from, to int) float64 {
		var p, n int
		for m := from; m <= to; m++ {
			k := cm{city, c.From.AddDate(0, m, 0).Format("2006-01")}
			p += popByMonth[k]
			n += docsByMonth[k]
		}
		return float64(p) / float64(n)
	}
	early, peak := rate("Millbrook", 0, 5), rate("Millbrook", 13, 16)
	if !(peak > 3*early && peak > 0.2) {
		t.Errorf("Millbrook populism does not rise: early %.2f, peak %.2f", early, peak)
	}
	if r := rate("Riverton", 13, 16); r > 0.1 {
		t.Errorf("Riverton populism %.2f at Millbrook's peak: the contrast is lost", r)
	}
}

func TestCorpusDeterministic(t *testing.T) {
	a, err := Generate(CorpusOptions{Seed: 7, Months: 3})
	if err != nil {
		t.Fatal(err)
	}
	corpusCacheMu <- struct{}{}
	corpusCache = map[string]*Corpus{}
	<-corpusCacheMu
	b, err := Generate(CorpusOptions{Seed: 7, Months: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Articles) != len(b.Articles) {
		t.Fatalf("lengths differ: %d vs %d", len(a.Articles), len(b.Articles))
	}
	for i := range a.Articles {
		if a.Articles[i].Text() != b.Articles[i].Text() || a.Articles[i].Path != b.Articles[i].Path {
			t.Fatalf("article %d differs between runs with the same seed", i)
		}
	}
	small, err := Generate(CorpusOptions{MaxPerSource: 4})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(small.Articles); n != 3*3*4 {
		t.Errorf("MaxPerSource 4: %d articles, want 36", n)
	}
}

func get(t *testing.T, url string) (*http.Response, []byte) {
	t.Helper()
	r, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Body.Close()
	b, err := io.ReadAll(r.Body)
	if err != nil {
		t.Fatal(err)
	}
	return r, b
}

// TestServeSites checks what the crawler will meet: robots.txt, an RSS
// feed with every article, a sitemap index with a gzipped sitemap, press
// archives, article pages that extract to the generated text, and a
// config that parses.
func TestServeSites(t *testing.T) {
	c, err := Generate(CorpusOptions{MaxPerSource: 6})
	if err != nil {
		t.Fatal(err)
	}
	d, err := Serve(context.Background(), Options{Corpus: c})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if got := len(d.Config.Cities); got != 3 {
		t.Fatalf("config has %d cities", got)
	}
	if !d.Config.Crawl.AllowPrivate || d.Config.Crawl.Delay.Duration != 5*time.Millisecond {
		t.Errorf("crawl settings: %+v", d.Config.Crawl)
	}
	city, src, ok := d.Config.Source("Lakeside", "Lakeside Borough Council Newsroom")
	if !ok || src.Kind != "statements" || src.Speaker != "Mayor David Lindqvist" || len(city.Figures) == 0 {
		t.Fatalf("Lakeside council source: %+v ok=%v", src, ok)
	}

	paper := d.Site("Riverton", SourcePaper)
	_, b := get(t, paper.URL+"/robots.txt")
	if !strings.Contains(string(b), "Disallow: /admin/") {
		t.Errorf("robots.txt: %s", b)
	}
	_, b = get(t, paper.URL+"/rss.xml")
	var feed struct {
		Items []struct {
			Link string `xml:"link"`
		} `xml:"channel>item"`
	}
	if err := xml.Unmarshal(b, &feed); err != nil {
		t.Fatal(err)
	}
	if len(feed.Items) != len(paper.Articles) {
		t.Errorf("feed has %d items, site %d articles", len(feed.Items), len(paper.Articles))
	}

	radio := d.Site("Millbrook", SourceBroadcaster)
	_, b = get(t, radio.URL+"/sitemap_index.xml")
	if !strings.Contains(string(b), ".xml.gz") {
		t.Errorf("sitemap index has no gzipped sitemap: %s", b)
	}
	r, b := get(t, radio.URL+"/sitemaps/2025.xml.gz")
	if r.StatusCode != 200 {
		t.Fatalf("gz sitemap: %s", r.Status)
	}
	zr, err := gzip.NewReader(strings.NewReader(string(b)))
	if err != nil {
		t.Fatalf("gz sitemap is not gzip: %v", err)
	}
	plain, _ := io.ReadAll(zr)
	if !strings.Contains(string(plain), "<loc>"+radio.URL+"/stories/") {
		t.Errorf("gz sitemap lists no stories: %.300s", plain)
	}

	council := d.Site("Lakeside", SourceCouncil)
	_, b = get(t, council.URL+"/press/archive/2026/")
	if !strings.Contains(string(b), `href="/press/release/2026-`) {
		t.Errorf("press archive lists no 2026 releases")
	}
	if r, _ := get(t, council.URL+"/admin/login"); r.StatusCode != http.StatusForbidden {
		t.Errorf("/admin/login: %s", r.Status)
	}

	// Extraction of a served article finds the generated body and date,
	// not the navigation or the footer.
	for _, s := range []*Site{paper, radio, council} {
		a := s.Articles[len(s.Articles)/2]
		url := s.ArticleURL(a)
		r, page := get(t, url)
		res, err := extract.Extract(page, url, r.Header.Get("Content-Type"))
		if err != nil {
			t.Fatalf("%s: %v", url, err)
		}
		if !strings.Contains(res.Text, a.Paragraphs[0]) || !strings.Contains(res.Text, a.Paragraphs[len(a.Paragraphs)-1]) {
			t.Errorf("%s: extracted text misses the body:\n%s", url, res.Text)
		}
		if strings.Contains(res.Text, "Staff login") || strings.Contains(res.Text, "Sign up to our newsletter") {
			t.Errorf("%s: extracted text holds boilerplate:\n%s", url, res.Text)
		}
		if !res.Published.Equal(a.Published) && res.Published.Format("2006-01-02") != a.Published.Format("2006-01-02") {
			t.Errorf("%s: published %v, want %v", url, res.Published, a.Published)
		}
	}
}

// TestCorpusUniqueAtScale: the 10,000-document benchmark corpus repeats no
// article (title and body, normalised as a content hash would), so a
// crawl stores every one.
func TestCorpusUniqueAtScale(t *testing.T) {
	c, err := Generate(CorpusOptions{Scale: 10})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(c.Articles); n < 10000 {
		t.Fatalf("scale 10: %d articles", n)
	}
	seen := map[string]string{}
	for _, a := range c.Articles {
		k := normalize(a.Text())
		if prev, ok := seen[k]; ok {
			t.Fatalf("%s and %s have the same normalised body", prev, a.Path)
		}
		seen[k] = a.Path
	}
}
