package crawltest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// Robots modes of a Hostile site.
const (
	RobotsOK      = ""       // allows everything but /private/
	Robots5xx     = "5xx"    // robots.txt answers 503
	Robots404     = "404"    // no robots.txt: everything allowed
	RobotsBomb    = "bomb"   // gzip-encoded robots.txt of BombBytes (zeros)
	RobotsReset   = "reset"  // the connection is closed without an answer
	RobotsDisallw = "disall" // Disallow: / for every agent
)

// BombCopies is how many x-gzip and markup bombs a Bombs site lists (so
// that many arrive at once).
const BombCopies = 12

// BombBytes is what each decompression bomb unpacks to: 1 GiB of zeros in
// about 1 MB on the wire.
const BombBytes = 1 << 30

// HostileOptions shape a Hostile site.
type HostileOptions struct {
	// Articles real pages served at /news/ID.html and listed in
	// /sitemap.xml (default 6).
	Articles int
	// Robots is the robots.txt behaviour (RobotsOK, Robots5xx, ...).
	Robots string
	// Bombs lists the decompression bombs in /sitemap.xml: pages sent with
	// Content-Encoding gzip (/bomb/gzip.html) and x-gzip
	// (/bomb/xgzipN.html, BombCopies of them), a page with a gzip
	// Content-Type, and BombCopies pages of just under 10 MiB of markup
	// (/bomb/tagsN.html). The sitemap bomb is /bomb/sitemap.xml.gz (give it
	// in the config).
	Bombs bool
	// BigSitemap is how many URLs /big-sitemap.xml.gz lists (0: not served).
	BigSitemap int
	// Hang lists /hang.html in /sitemap.xml: it sends its headers and the
	// start of a page, then hangs until the client gives up (tests kill the
	// crawler while it reads).
	Hang bool
	// Canonical lists /canon/claim.html: another real article (Spare,
	// served nowhere else) whose rel=canonical names article 0's URL.
	Canonical bool
	// Future lists /future.html: the wire story on a page dated five days
	// ahead, with <news:publication_date> ShortDate in the sitemap.
	Future bool
	// Short lists /short/wire.html, a 42-word wire story on a page marked
	// as a dated article, and /short/statement.html, a two-sentence (31-word)
	// press statement on a page without article markup.
	Short bool
}

// Hostile serves real articles next to the traps of issue 13.
type Hostile struct {
	*httptest.Server
	Articles []Article
	// Spare is the article of /canon/claim.html.
	Spare    Article
	opts     HostileOptions
	mu       sync.Mutex
	hits     map[string]int
	robots   string
	hung     chan struct{}
	hangOnce sync.Once
}

// NewHostile starts a Hostile site on loopback; it is closed when tb ends.
func NewHostile(tb testing.TB, opts HostileOptions) *Hostile {
	tb.Helper()
	arts := LoadArticles(tb)
	if opts.Articles == 0 {
		opts.Articles = 6
	}
	if opts.Articles >= len(arts) {
		tb.Fatalf("crawltest: %d articles asked, %d available (one is the spare)", opts.Articles, len(arts))
	}
	spare := arts[opts.Articles]
	arts = arts[:opts.Articles]
	h := &Hostile{Articles: arts, Spare: spare, opts: opts, hits: map[string]int{}, robots: opts.Robots, hung: make(chan struct{})}
	h.Server = httptest.NewServer(http.HandlerFunc(h.serve))
	tb.Cleanup(h.Close)
	return h
}

// ArticleURL is where an article is served.
func (h *Hostile) ArticleURL(a Article) string { return h.URL + "/news/" + a.ID + ".html" }

// SetRobots changes the robots.txt behaviour.
func (h *Hostile) SetRobots(mode string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.robots = mode
}

// Update changes the site's options while it runs (say, to list
// /canon/claim.html only from the second crawl on).
func (h *Hostile) Update(f func(*HostileOptions)) {
	h.mu.Lock()
	defer h.mu.Unlock()
	f(&h.opts)
}

// Hits returns how often path was requested.
func (h *Hostile) Hits(path string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.hits[path]
}

// Requests returns the number of requests, robots.txt included.
func (h *Hostile) Requests() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	n := 0
	for _, v := range h.hits {
		n += v
	}
	return n
}

// Hung is closed when /hang.html is first requested.
func (h *Hostile) Hung() <-chan struct{} { return h.hung }

// WireStory is /short/wire.html's text: 42 words.
const WireStory = `Police closed the Elm Street bridge on Monday morning after a lorry hit the railing. No one was hurt, a police spokesman said. The bridge will reopen on Wednesday once engineers have checked the structure, the council added in a short statement.`

// PressStatement is /short/statement.html's text: two sentences.
const PressStatement = `The mayor welcomes the court's decision on the shelter and thanks the volunteers who kept it open all winter. The city will fund the shelter until the end of next year.`

var (
	bombOnce sync.Once
	bomb     []byte
)

// Bomb returns a gzip stream of BombBytes zeros: 128 gzip members of 8 MiB
// each (a gzip reader reads concatenated members as one stream).
func Bomb() []byte {
	bombOnce.Do(func() {
		var m bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&m, gzip.BestCompression)
		zw.Write(make([]byte, 8<<20))
		zw.Close()
		bomb = bytes.Repeat(m.Bytes(), BombBytes/(8<<20))
	})
	return bomb
}

var (
	tagOnce sync.Once
	tagBomb []byte
)

// TagBomb returns a gzip stream of an HTML page just under 10 MiB made of
// empty paragraphs.
func TagBomb() []byte {
	tagOnce.Do(func() {
		var z bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
		zw.Write([]byte("<!DOCTYPE html><html><head><title>Tags</title></head><body>"))
		zw.Write(bytes.Repeat([]byte("<p>x"), (10<<20-1024)/4))
		zw.Close()
		tagBomb = z.Bytes()
	})
	return tagBomb
}

func (h *Hostile) serve(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	h.mu.Lock()
	h.hits[p]++
	robots := h.robots
	h.mu.Unlock()
	const htmlType = "text/html; charset=utf-8"
	switch {
	case p == "/robots.txt":
		switch robots {
		case Robots5xx:
			http.Error(w, "maintenance", http.StatusServiceUnavailable)
		case Robots404:
			http.NotFound(w, r)
		case RobotsBomb:
			w.Header().Set("Content-Type", "text/plain")
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(Bomb())
		case RobotsReset:
			if hj, ok := w.(http.Hijacker); ok {
				if conn, _, err := hj.Hijack(); err == nil {
					conn.Close()
				}
			}
		case RobotsDisallw:
			w.Header().Set("Content-Type", "text/plain")
			fmt.Fprint(w, "User-agent: *\nDisallow: /\n")
		default:
			w.Header().Set("Content-Type", "text/plain")
			fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
		}
	case strings.HasPrefix(p, "/news/") && strings.HasSuffix(p, ".html"):
		id := strings.TrimSuffix(strings.TrimPrefix(p, "/news/"), ".html")
		for _, a := range h.Articles {
			if a.ID == id {
				w.Header().Set("Content-Type", htmlType)
				w.Write(a.HTML)
				return
			}
		}
		http.NotFound(w, r)
	case p == "/sitemap.xml":
		w.Header().Set("Content-Type", "application/xml")
		w.Write(h.sitemap())
	case strings.HasPrefix(p, "/bomb/xgzip"):
		w.Header().Set("Content-Type", htmlType)
		w.Header().Set("Content-Encoding", "x-gzip")
		w.Write(Bomb())
	case p == "/bomb/gzip.html":
		w.Header().Set("Content-Type", htmlType)
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(Bomb())
	case strings.HasPrefix(p, "/bomb/tags"):
		// Just under 10 MiB of markup once unpacked, in ~30 KB: 2.6 million
		// paragraphs, a DOM of hundreds of MB if parsed whole.
		w.Header().Set("Content-Type", htmlType)
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(TagBomb())
	case p == "/bomb/ctype.html":
		w.Header().Set("Content-Type", "application/x-gzip")
		w.Write(Bomb())
	case p == "/bomb/sitemap.xml.gz":
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Write(Bomb())
	case p == "/big-sitemap.xml.gz" && h.opts.BigSitemap > 0:
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		fmt.Fprint(zw, `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
		for i := 0; i < h.opts.BigSitemap; i++ {
			fmt.Fprintf(zw, "<url><loc>%s/gen/%d.html</loc></url>\n", h.URL, i)
		}
		fmt.Fprint(zw, "</urlset>")
		zw.Close()
		w.Header().Set("Content-Type", "application/gzip")
		w.Write(b.Bytes())
	case p == "/hang.html":
		// Headers and the start of a page, then nothing: the crawler is
		// stuck reading it (as it would be unpacking a bomb).
		w.Header().Set("Content-Type", htmlType)
		w.WriteHeader(http.StatusOK)
		fmt.Fprint(w, "<!DOCTYPE html><html><head><title>Hang</title></head><body><p>")
		w.(http.Flusher).Flush()
		h.hangOnce.Do(func() { close(h.hung) })
		<-r.Context().Done()
	case p == "/canon/claim.html":
		link := `<link rel="canonical" href="` + h.ArticleURL(h.Articles[0]) + `">`
		w.Header().Set("Content-Type", htmlType)
		w.Write(InsertInHead(h.Spare.HTML, link))
	case p == "/short/wire.html":
		// A news site's page: it says it is a dated article.
		w.Header().Set("Content-Type", htmlType)
		fmt.Fprint(w, shortPage("Bridge closed after lorry crash", WireStory,
			`<meta property="og:type" content="article"><meta property="article:published_time" content="`+ShortDate+`">`))
	case p == "/future.html":
		w.Header().Set("Content-Type", htmlType)
		ahead := time.Now().UTC().AddDate(0, 0, 5).Format(time.RFC3339)
		fmt.Fprint(w, shortPage("Bridge closed after lorry crash", WireStory,
			`<meta property="og:type" content="article"><meta property="article:published_time" content="`+ahead+`">`))
	case p == "/short/statement.html":
		// A council press page: no article markup.
		w.Header().Set("Content-Type", htmlType)
		fmt.Fprint(w, shortPage("Statement on the shelter ruling", PressStatement, ""))
	default:
		http.NotFound(w, r)
	}
}

var headTag = regexp.MustCompile(`(?i)<head[^>]*>`)

// InsertInHead inserts s right after page's <head> tag (so that a
// rel=canonical link comes before any the page has).
func InsertInHead(page []byte, s string) []byte {
	loc := headTag.FindIndex(page)
	if loc == nil {
		return append([]byte(s), page...)
	}
	out := append([]byte(nil), page[:loc[1]]...)
	out = append(out, s...)
	return append(out, page[loc[1]:]...)
}

// ShortDate is the publication date of /short/wire.html.
const ShortDate = "2026-02-03T08:30:00Z"

func shortPage(title, text, meta string) string {
	return `<!DOCTYPE html><html lang="en"><head><title>` + title + ` | Testville Courier</title>
<meta property="og:title" content="` + title + `">` + meta + `</head><body>
<header><nav><a href="/">Home</a> <a href="/local/">Local</a> <a href="/sport/">Sport</a></nav></header>
<main><article><h1>` + title + `</h1><p class="byline">By Staff Reporter</p><p>` + text + `</p></article></main>
<footer>© Testville Courier. All rights reserved.</footer></body></html>`
}

func (h *Hostile) sitemap() []byte {
	h.mu.Lock()
	opts := h.opts
	h.mu.Unlock()
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
`)
	loc := func(u string) { fmt.Fprintf(&b, "  <url><loc>%s</loc></url>\n", u) }
	for _, a := range h.Articles {
		loc(h.ArticleURL(a))
	}
	if opts.Bombs {
		loc(h.URL + "/bomb/gzip.html")
		loc(h.URL + "/bomb/ctype.html")
		for i := 0; i < BombCopies; i++ {
			loc(fmt.Sprintf("%s/bomb/xgzip%d.html", h.URL, i))
			loc(fmt.Sprintf("%s/bomb/tags%d.html", h.URL, i))
		}
	}
	if opts.Hang {
		loc(h.URL + "/hang.html")
	}
	if opts.Canonical {
		loc(h.URL + "/canon/claim.html")
	}
	if opts.Future {
		fmt.Fprintf(&b, `  <url><loc>%s/future.html</loc><news:news><news:publication_date>%s</news:publication_date></news:news></url>
`, h.URL, ShortDate)
	}
	if opts.Short {
		loc(h.URL + "/short/wire.html")
		loc(h.URL + "/short/statement.html")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}
