// Package crawltest serves a local news site on loopback for crawler tests
// and benchmarks, built from the real pages in ../shared/data/articles
// (Zyte article-extraction benchmark, MIT) plus the awkward cases a crawler
// meets: a feed, a sitemap index with a plain and a gzipped sitemap,
// robots.txt with a disallowed path and a Crawl-delay, a tracking-parameter
// duplicate, a redirect, a rel=canonical copy, a near-identical copy, 404,
// 500, 429 with Retry-After, 503 without, a page slower than the timeout, oversized
// pages, windows-1252 pages (charset in <meta>, in the header), a malformed feed and a redirect into the
// disallowed path.
//
// Every response supports conditional GET (ETag and Last-Modified); with
// Options.Gzip text is gzip-compressed for clients that ask.
package crawltest

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"github.com/xenoscope/xenoscope/internal/articles"
	"github.com/xenoscope/xenoscope/internal/shareddata"
)

// Article is one real page of the benchmark.
type Article struct {
	ID   string
	HTML []byte
	Body string // the human-extracted article body (ground truth)
	URL  string // the page's original URL
}

// LoadArticles reads the shared articles sorted by id, or skips tb.
func LoadArticles(tb testing.TB) []Article {
	tb.Helper()
	dir := shareddata.Require(tb, "articles")
	gt, err := articles.ReadGroundTruth(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		tb.Fatal(err)
	}
	out := make([]Article, 0, len(gt))
	for _, a := range gt {
		raw, err := articles.ReadHTML(dir, a.ID)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, Article{ID: a.ID, HTML: raw, Body: a.Body, URL: a.URL})
	}
	return out
}

// Options shape a Site.
type Options struct {
	// Articles limits the site to the first n articles (0 = all).
	Articles int
	// CrawlDelay is written to robots.txt ("" = none), e.g. "0.02".
	CrawlDelay string
	// Plain serves only the articles and a sitemap (for benchmarks).
	Plain bool
	// Slow is how long /slow.html takes (default 3s).
	Slow time.Duration
	// HugeBytes is the size of the oversized pages (default 3 MiB).
	HugeBytes int
	// PageDelay delays every article response (kill tests).
	PageDelay time.Duration
	// Gzip sends text gzip-compressed to clients that accept it.
	Gzip bool
}

// Site is the running test site.
type Site struct {
	*httptest.Server
	Articles []Article
	// Busy is the article served at /busy.html (after one 429).
	Busy Article
	// Feed lists the articles in /feed.xml, Sitemap those in the sitemaps.
	Feed, SitemapA, SitemapB []Article
	// Seed lists the articles linked from the seed page /local/.
	Seed []Article
	// FeedDate is the pubDate the feed gives /cp1252.html.
	FeedDate time.Time

	opts     Options
	mu       sync.Mutex
	hits     map[string]int
	agents   map[string]int
	times    []time.Time
	paths    []string
	busyHits int
	mutated  map[string]string
	gz       map[string][]byte // ETag -> gzip of the body
	modTime  time.Time
}

// Windows1252Text is the article body of /cp1252.html, written in
// windows-1252 on the wire.
const Windows1252Text = `The city council of Zürich met on Tuesday in the Café Münsterhof to discuss the new housing plan for the Kreis 4 district, where rents have risen by a fifth in three years.
Councillor Renée Müller said the plan would protect long-time tenants and newcomers alike. “We want a city where a nurse from Porto and a retiree from Oerlikon can both afford to live,” she said.
The opposition criticised the cost of the programme, estimated at 45 million francs, and asked for a referendum before the end of the year. A decision is expected in the spring, after consultations with tenants’ associations, the cantonal office and the neighbourhood committees that organised last month’s protest at the Helvetiaplatz.`

// New starts a site on loopback; it is closed when tb ends.
func New(tb testing.TB, opts Options) *Site {
	tb.Helper()
	arts := LoadArticles(tb)
	if opts.Articles > 0 && opts.Articles < len(arts) {
		arts = arts[:opts.Articles]
	}
	if opts.Slow == 0 {
		opts.Slow = 3 * time.Second
	}
	if opts.HugeBytes == 0 {
		opts.HugeBytes = 3 << 20
	}
	s := &Site{opts: opts, hits: map[string]int{}, agents: map[string]int{}, mutated: map[string]string{}, gz: map[string][]byte{},
		modTime: time.Date(2026, 1, 5, 10, 0, 0, 0, time.UTC), FeedDate: time.Date(2026, 2, 3, 8, 30, 0, 0, time.UTC)}
	if opts.Plain {
		s.Articles = arts
		s.SitemapA = arts
	} else {
		if len(arts) < 8 {
			tb.Fatalf("crawltest: need at least 8 articles, have %d", len(arts))
		}
		s.Busy = arts[len(arts)-1]
		s.Articles = arts[:len(arts)-1]
		n := len(s.Articles)
		s.Feed = s.Articles[:n/4]
		s.SitemapA = s.Articles[n/4 : n/2]
		s.SitemapB = s.Articles[n/2:]
		s.Seed = append(append([]Article(nil), s.Articles[:3]...), s.Articles[n-2:]...)
	}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	tb.Cleanup(s.Close)
	return s
}

// ArticleURL is where an article is served.
func (s *Site) ArticleURL(a Article) string { return s.URL + "/news/" + a.ID + ".html" }

// Hits returns how often path was requested.
func (s *Site) Hits(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// Agents returns the User-Agent headers seen, with counts.
func (s *Site) Agents() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]int{}
	for k, v := range s.agents {
		out[k] = v
	}
	return out
}

// RequestTimes returns the arrival times of every request but robots.txt.
func (s *Site) RequestTimes() []time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Time(nil), s.times...)
}

// Request is one logged request.
type Request struct {
	Path string
	Time time.Time
}

// RequestLog returns every request but robots.txt, in arrival order.
func (s *Site) RequestLog() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Request, len(s.times))
	for i := range s.times {
		out[i] = Request{s.paths[i], s.times[i]}
	}
	return out
}

// Mutate changes an article's text (appends a paragraph), so that its
// ETag and content change.
func (s *Site) Mutate(a Article, paragraph string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.mutated[a.ID] = paragraph
}

// ResetCounters forgets hits and request times.
func (s *Site) ResetCounters() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hits = map[string]int{}
	s.times = nil
	s.paths = nil
	s.busyHits = 0
}

func (s *Site) article(id string) (Article, bool) {
	for _, a := range s.Articles {
		if a.ID == id {
			return a, true
		}
	}
	return Article{}, false
}

// content serves b with ETag/Last-Modified so conditional GETs get 304.
// With Options.Gzip, like most news sites, text is sent gzip-compressed to
// clients that ask for it (Accept-Encoding: gzip), compressed once per
// distinct body.
func (s *Site) content(w http.ResponseWriter, r *http.Request, ctype string, b []byte) {
	sum := sha256.Sum256(b)
	etag := hex.EncodeToString(sum[:8])
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Vary", "Accept-Encoding")
	if s.opts.Gzip && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") && strings.HasPrefix(ctype, "text/") {
		b = s.gzipped(etag, b)
		etag += "-gz"
		w.Header().Set("Content-Encoding", "gzip")
	}
	w.Header().Set("ETag", `"`+etag+`"`)
	http.ServeContent(w, r, "", s.modTime, bytes.NewReader(b))
}

func (s *Site) gzipped(key string, b []byte) []byte {
	s.mu.Lock()
	z, ok := s.gz[key]
	s.mu.Unlock()
	if ok {
		return z
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	s.mu.Lock()
	s.gz[key] = buf.Bytes()
	s.mu.Unlock()
	return buf.Bytes()
}

func (s *Site) serve(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	s.mu.Lock()
	s.hits[p]++
	s.agents[r.Header.Get("User-Agent")]++
	if p != "/robots.txt" {
		s.times = append(s.times, time.Now())
		s.paths = append(s.paths, p)
	}
	s.mu.Unlock()
	const htmlType = "text/html; charset=utf-8"
	switch {
	case p == "/robots.txt":
		txt := "User-agent: *\nDisallow: /private/\n"
		if s.opts.CrawlDelay != "" {
			txt += "Crawl-delay: " + s.opts.CrawlDelay + "\n"
		}
		s.content(w, r, "text/plain", []byte(txt))
	case strings.HasPrefix(p, "/news/") && strings.HasSuffix(p, ".html"):
		id := strings.TrimSuffix(strings.TrimPrefix(p, "/news/"), ".html")
		a, ok := s.article(id)
		if !ok {
			http.NotFound(w, r)
			return
		}
		if s.opts.PageDelay > 0 {
			select {
			case <-time.After(s.opts.PageDelay):
			case <-r.Context().Done():
				return
			}
		}
		b := a.HTML
		s.mu.Lock()
		if para, ok := s.mutated[id]; ok {
			b = insertAfterFirstParagraph(b, a.Body, "<p>"+html.EscapeString(para)+"</p>")
		}
		s.mu.Unlock()
		s.content(w, r, htmlType, b)
	case p == "/sitemap.xml" && s.opts.Plain:
		s.content(w, r, "application/xml", s.sitemap(s.SitemapA, false))
	case s.opts.Plain:
		http.NotFound(w, r)
	case p == "/feed.xml":
		s.content(w, r, "application/rss+xml", s.feed())
	case p == "/broken-feed.xml":
		s.content(w, r, "application/rss+xml", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>oops</item></chan`))
	case p == "/sitemap_index.xml":
		s.content(w, r, "application/xml", []byte(`<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>`+s.URL+`/sitemap-a.xml</loc><lastmod>2026-01-05</lastmod></sitemap>
  <sitemap><loc>`+s.URL+`/sitemap-b.xml.gz</loc></sitemap>
</sitemapindex>`))
	case p == "/sitemap-a.xml":
		s.content(w, r, "application/xml", s.sitemap(s.SitemapA, false))
	case p == "/sitemap-b.xml.gz":
		s.content(w, r, "application/gzip", s.sitemap(s.SitemapB, true))
	case p == "/local/":
		s.content(w, r, htmlType, s.seedPage())
	case p == "/go/private":
		// A redirect into the path robots.txt disallows.
		http.Redirect(w, r, "/private/moved.html", http.StatusFound)
	case strings.HasPrefix(p, "/old/"):
		http.Redirect(w, r, "/news/"+strings.TrimPrefix(p, "/old/")+".html", http.StatusMovedPermanently)
	case strings.HasPrefix(p, "/amp/"):
		a, ok := s.article(strings.TrimPrefix(p, "/amp/"))
		if !ok {
			http.NotFound(w, r)
			return
		}
		link := `<link rel="canonical" href="` + s.ArticleURL(a) + `">`
		s.content(w, r, htmlType, InsertInHead(a.HTML, link))
	case strings.HasPrefix(p, "/copy/"):
		a, ok := s.article(strings.TrimPrefix(p, "/copy/"))
		if !ok {
			http.NotFound(w, r)
			return
		}
		// Near-identical: same article, other markup whitespace and a
		// comment, at another URL without rel=canonical.
		b := bytes.ReplaceAll(a.HTML, []byte("</p>"), []byte("</p>\n\n"))
		b = append([]byte("<!-- mirrored copy -->\n"), b...)
		s.content(w, r, htmlType, b)
	case p == "/busy.html":
		s.mu.Lock()
		s.busyHits++
		first := s.busyHits == 1
		s.mu.Unlock()
		if first {
			w.Header().Set("Retry-After", "1")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		s.content(w, r, htmlType, s.Busy.HTML)
	case p == "/unavailable.html":
		// 503 without Retry-After: the crawler backs off and gives up.
		http.Error(w, "down for maintenance", http.StatusServiceUnavailable)
	case p == "/boom.html":
		http.Error(w, "internal error", http.StatusInternalServerError)
	case p == "/slow.html":
		select {
		case <-time.After(s.opts.Slow):
			s.content(w, r, htmlType, s.Articles[0].HTML)
		case <-r.Context().Done():
		}
	case p == "/huge.html":
		b := bytes.Repeat([]byte("<p>padding padding padding padding padding padding padding</p>\n"), s.opts.HugeBytes/64+1)
		s.content(w, r, htmlType, append([]byte("<html><body>"), b...))
	case p == "/huge-chunked.html":
		// No Content-Length: the cap must catch it while reading.
		w.Header().Set("Content-Type", htmlType)
		chunk := bytes.Repeat([]byte("<p>chunk chunk chunk chunk chunk chunk chunk chunk</p>\n"), 1024)
		for n := 0; n < s.opts.HugeBytes; n += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
			if f, ok := w.(http.Flusher); ok {
				f.Flush()
			}
		}
	case p == "/cp1252.html":
		// Charset only in <meta>.
		s.content(w, r, "text/html", s.windows1252Page(true, ""))
	case p == "/cp1252-header.html":
		// Charset only in the Content-Type header.
		s.content(w, r, "text/html; charset=windows-1252", s.windows1252Page(false, HeaderCharsetExtra))
	case strings.HasPrefix(p, "/private/"):
		s.content(w, r, htmlType, s.Articles[1].HTML)
	default:
		http.NotFound(w, r)
	}
}

// insertAfterFirstParagraph inserts s after the paragraph that starts the
// article body (found by the ground truth's first words), else after the
// first paragraph of the page.
func insertAfterFirstParagraph(b []byte, body, s string) []byte {
	start := 0
	if words := strings.Fields(body); len(words) > 4 {
		if i := bytes.Index(b, []byte(strings.Join(words[:4], " "))); i >= 0 {
			start = i
		}
	}
	j := bytes.Index(b[start:], []byte("</p>"))
	if j < 0 {
		return append(append([]byte(nil), b...), s...)
	}
	at := start + j + len("</p>")
	out := append([]byte(nil), b[:at]...)
	out = append(out, s...)
	return append(out, b[at:]...)
}

// HeaderCharsetExtra is the last paragraph of /cp1252-header.html, which
// is otherwise /cp1252.html with its charset named only in the header.
const HeaderCharsetExtra = "Café owners on the Langstrasse, where the next hearing will be held, asked for a seat at the table."

func (s *Site) windows1252Page(meta bool, extra string) []byte {
	var body strings.Builder
	text := Windows1252Text
	if extra != "" {
		text += "\n" + extra
	}
	for _, p := range strings.Split(text, "\n") {
		body.WriteString("<p>" + html.EscapeString(p) + "</p>\n")
	}
	head := ""
	if meta {
		head = `<meta charset="windows-1252">`
	}
	page := `<!DOCTYPE html><html lang="en"><head>` + head + `<title>Zürich council debates housing plan</title></head>
<body><header><nav><a href="/">Home</a> <a href="/local/">Local</a></nav></header>
<article><h1>Zürich council debates housing plan</h1>
` + body.String() + `</article><footer>© Testville Courier</footer></body></html>`
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(page))
	if err != nil {
		panic(err)
	}
	return b
}

func (s *Site) feed() []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Testville Courier</title><link>` + s.URL + `/</link><description>Local news</description>
`)
	item := func(link, title string, date time.Time) {
		fmt.Fprintf(&b, "<item><title>%s</title><link>%s</link><pubDate>%s</pubDate></item>\n",
			html.EscapeString(title), html.EscapeString(link), date.Format(time.RFC1123Z))
	}
	base := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	for i, a := range s.Feed {
		item(s.ArticleURL(a), "Article "+a.ID[:8], base.Add(time.Duration(i)*time.Hour))
	}
	a0, a1, a2, a3 := s.Articles[0], s.Articles[1], s.Articles[2], s.Articles[3]
	item(s.ArticleURL(a0)+"?utm_source=rss&utm_medium=feed&fbclid=abc123#top", "Tracking duplicate", base)
	item(s.URL+"/old/"+a1.ID, "Moved", base)
	item(s.URL+"/amp/"+a2.ID, "AMP copy", base)
	item(s.URL+"/copy/"+a3.ID, "Mirror copy", base)
	item(s.URL+"/private/secret.html", "Disallowed", base)
	item(s.URL+"/go/private", "Redirect into a disallowed path", base)
	item(s.URL+"/missing.html", "Missing", base)
	item(s.URL+"/boom.html", "Broken", base)
	item(s.URL+"/unavailable.html", "Unavailable", base)
	item(s.URL+"/busy.html", "Busy", base)
	item(s.URL+"/slow.html", "Slow", base)
	item(s.URL+"/huge.html", "Huge", base)
	item(s.URL+"/huge-chunked.html", "Huge chunked", base)
	item(s.URL+"/cp1252.html", "Windows-1252", s.FeedDate)
	item(s.URL+"/cp1252-header.html", "Windows-1252 by header", s.FeedDate)
	item("https://elsewhere.example/story.html", "Off-site", base)
	b.WriteString("</channel></rss>\n")
	return b.Bytes()
}

func (s *Site) sitemap(arts []Article, gz bool) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
`)
	for _, a := range arts {
		fmt.Fprintf(&b, "  <url><loc>%s</loc><lastmod>2026-01-04</lastmod></url>\n", s.ArticleURL(a))
	}
	b.WriteString("</urlset>\n")
	if !gz {
		return b.Bytes()
	}
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write(b.Bytes())
	zw.Close()
	return z.Bytes()
}

func (s *Site) seedPage() []byte {
	var b bytes.Buffer
	b.WriteString(`<!DOCTYPE html><html><head><title>Local news</title></head><body><h1>Local</h1><ul>`)
	for _, a := range s.Seed {
		fmt.Fprintf(&b, `<li><a href="/news/%s.html">Story %s</a></li>`, a.ID, a.ID[:6])
	}
	fmt.Fprintf(&b, `<li><a href="/news/%s.html#comments">Comments</a></li>`, s.Seed[0].ID)
	b.WriteString(`<li><a href="javascript:alert(1)">js</a></li>
<li><a href="mailto:desk@example.org">mail</a></li>
<li><a href="data:text/html,<p>x</p>">data</a></li>
<li><a href="file:///etc/passwd">file</a></li>
<li><a href="https://elsewhere.example/">elsewhere</a></li>
<li><a href="/private/other.html">private</a></li>
<li><a href="#top">top</a></li>
</ul></body></html>`)
	return b.Bytes()
}
