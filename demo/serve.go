package demo

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/xml"
	"fmt"
	"html/template"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/xenoscope/xenoscope/config"
)

// Options configure Serve.
type Options struct {
	Corpus *Corpus // nil: Generate(CorpusOptions{})
	// Delay is the crawler's per-domain delay written into the config
	// (default 5ms); Parallelism its per-domain parallelism (default 4).
	Delay       time.Duration
	Parallelism int
	Logger      *slog.Logger // nil: discard
	// Port, when non-zero, is tried first on every site's own loopback
	// address (127.0.0.10, .11, ...), so that the URLs stay the same from
	// one demo run to the next and a rerun is incremental. A port that is
	// taken falls back to a random one.
	Port int
}

// Site is one loopback web site: one source of one city.
type Site struct {
	City     *City
	Source   *SourceInfo
	Articles []*Article // newest first
	URL      string     // http://127.0.0.x:port
	server   *httptest.Server
	byPath   map[string]*Article
	hits     sync.Map // path -> *atomic.Int64
}

// Hits returns how often path was requested.
func (s *Site) Hits(path string) int64 {
	if v, ok := s.hits.Load(path); ok {
		return v.(*atomic.Int64).Load()
	}
	return 0
}

// ArticleURL is the absolute URL of a.
func (s *Site) ArticleURL(a *Article) string { return s.URL + a.Path }

// Demo is a running set of demo sites and the config that points at them.
type Demo struct {
	Corpus *Corpus
	Sites  []*Site
	Config *config.Config
	// TOML is the config file text that Config was parsed from.
	TOML []byte
}

// Close stops every site.
func (d *Demo) Close() {
	for _, s := range d.Sites {
		s.server.Close()
	}
}

// Site returns the site of city and source key.
func (d *Demo) Site(city, source string) *Site {
	for _, s := range d.Sites {
		if s.City.Name == city && s.Source.Key == source {
			return s
		}
	}
	return nil
}

// listen binds a loopback address. Each site gets its own 127.0.0.x address
// where the OS allows it (Linux routes all of 127/8 to loopback), so that
// each source is its own host for politeness rules and allowed domains;
// elsewhere it falls back to 127.0.0.1 with a distinct port.
func listen(i, port int) (net.Listener, error) {
	if port > 0 {
		if l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.%d:%d", 10+i, port)); err == nil {
			return l, nil
		}
	}
	if l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.%d:0", 10+i)); err == nil {
		return l, nil
	}
	return net.Listen("tcp", "127.0.0.1:0")
}

// Serve starts one loopback web site per city source and returns the
// config that crawls them. The context is not retained; call Close.
func Serve(ctx context.Context, opts Options) (*Demo, error) {
	c := opts.Corpus
	if c == nil {
		var err error
		if c, err = Generate(CorpusOptions{}); err != nil {
			return nil, err
		}
	}
	if opts.Delay == 0 {
		opts.Delay = 5 * time.Millisecond
	}
	if opts.Parallelism == 0 {
		opts.Parallelism = 4
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	d := &Demo{Corpus: c}
	for _, city := range c.Cities {
		for _, key := range []string{SourcePaper, SourceBroadcaster, SourceCouncil} {
			if err := ctx.Err(); err != nil {
				d.Close()
				return nil, err
			}
			s := &Site{City: city, Source: city.Source(key), Articles: c.BySource(city.Name, key), byPath: map[string]*Article{}}
			for _, a := range s.Articles {
				s.byPath[a.Path] = a
			}
			l, err := listen(len(d.Sites), opts.Port)
			if err != nil {
				d.Close()
				return nil, fmt.Errorf("demo: listen on loopback: %w", err)
			}
			s.server = httptest.NewUnstartedServer(s.handler(log))
			s.server.Listener.Close()
			s.server.Listener = l
			s.server.Start()
			s.URL = s.server.URL
			d.Sites = append(d.Sites, s)
		}
	}
	d.TOML = d.configTOML(opts)
	cfg, err := config.Parse("demo.toml", d.TOML)
	if err != nil {
		d.Close()
		return nil, fmt.Errorf("demo: generated config: %w", err)
	}
	d.Config = cfg
	return d, nil
}

func (d *Demo) configTOML(opts Options) []byte {
	var b bytes.Buffer
	q := strconv.Quote
	fmt.Fprintf(&b, "# xenoscope demo config: %s\n", SyntheticNotice)
	fmt.Fprintf(&b, "[crawl]\nuser_agent = %s\ndelay = %s\nparallelism = %d\nallow_private = true\n",
		q(config.DefaultUserAgent), q(opts.Delay.String()), opts.Parallelism)
	for _, city := range d.Corpus.Cities {
		fmt.Fprintf(&b, "\n[[city]]\nname = %s\ncountry = %s\n", q(city.Name), q(city.Country))
		for _, s := range d.Sites {
			if s.City != city {
				continue
			}
			fmt.Fprintf(&b, "\n  [[city.source]]\n  name = %s\n", q(s.Source.Name))
			switch s.Source.Key {
			case SourcePaper:
				fmt.Fprintf(&b, "  kind = \"news\"\n  feeds = [%s]\n", q(s.URL+"/rss.xml"))
			case SourceBroadcaster:
				fmt.Fprintf(&b, "  kind = \"news\"\n  sitemaps = [%s]\n", q(s.URL+"/sitemap_index.xml"))
			case SourceCouncil:
				fmt.Fprintf(&b, "  kind = \"statements\"\n  speaker = %s\n  seeds = [%s]\n  max_depth = 2\n",
					q(city.Figure("mayor").Titled()), q(s.URL+"/press/"))
			}
		}
		for _, f := range city.Figures {
			if !f.Registered {
				continue
			}
			al := make([]string, len(f.Aliases))
			for i, a := range f.Aliases {
				al[i] = q(a)
			}
			fmt.Fprintf(&b, "\n  [[city.figure]]\n  name = %s\n  aliases = [%s]\n  role = %s\n  party = %s\n",
				q(f.Name), strings.Join(al, ", "), q(f.Role), q(f.Party))
		}
	}
	return b.Bytes()
}

func (s *Site) handler(log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v, _ := s.hits.LoadOrStore(r.URL.Path, new(atomic.Int64))
		v.(*atomic.Int64).Add(1)
		log.Debug("demo site request", "site", s.Source.Name, "path", r.URL.Path)
		p := r.URL.Path
		switch {
		case p == "/robots.txt":
			s.robots(w)
		case strings.HasPrefix(p, "/admin/") || strings.HasPrefix(p, "/search"):
			http.Error(w, "staff only", http.StatusForbidden)
		case p == "/":
			http.Redirect(w, r, s.home(), http.StatusFound)
		case p == "/rss.xml" && s.Source.Key == SourcePaper:
			s.rss(w)
		case p == "/sitemap_index.xml" && s.Source.Key == SourceBroadcaster:
			s.sitemapIndex(w)
		case strings.HasPrefix(p, "/sitemaps/") && s.Source.Key == SourceBroadcaster:
			s.sitemap(w, r)
		case (p == "/press/" || strings.HasPrefix(p, "/press/archive/")) && s.Source.Key == SourceCouncil:
			s.pressIndex(w, r)
		default:
			a, ok := s.byPath[p]
			if !ok {
				http.NotFound(w, r)
				return
			}
			s.article(w, r, a)
		}
	})
}

func (s *Site) home() string {
	switch s.Source.Key {
	case SourcePaper:
		return "/rss.xml"
	case SourceBroadcaster:
		return "/sitemap_index.xml"
	}
	return "/press/"
}

func (s *Site) robots(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintf(w, "# %s (synthetic demo site)\nUser-agent: *\nDisallow: /admin/\nDisallow: /search\n", s.Source.Name)
	if s.Source.Key == SourceBroadcaster {
		fmt.Fprintf(w, "\nSitemap: %s/sitemap_index.xml\n", s.URL)
	}
}

func (s *Site) rss(w http.ResponseWriter) {
	type item struct {
		Title       string `xml:"title"`
		Link        string `xml:"link"`
		GUID        string `xml:"guid"`
		PubDate     string `xml:"pubDate"`
		Author      string `xml:"author"`
		Description string `xml:"description"`
	}
	type channel struct {
		Title       string `xml:"title"`
		Link        string `xml:"link"`
		Description string `xml:"description"`
		Language    string `xml:"language"`
		Items       []item `xml:"item"`
	}
	type rss struct {
		XMLName xml.Name `xml:"rss"`
		Version string   `xml:"version,attr"`
		Channel channel  `xml:"channel"`
	}
	ch := channel{Title: s.Source.Name, Link: s.URL + "/", Language: "en-gb",
		Description: "Local news from " + s.City.Name + ". " + SyntheticNotice}
	for _, a := range s.Articles {
		ch.Items = append(ch.Items, item{Title: a.Title, Link: s.ArticleURL(a), GUID: s.ArticleURL(a),
			PubDate: a.Published.Format(time.RFC1123Z), Author: a.Author, Description: firstSentence(a.Paragraphs[0])})
	}
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	fmt.Fprint(w, xml.Header)
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	enc.Encode(rss{Version: "2.0", Channel: ch})
}

func firstSentence(p string) string {
	if i := strings.Index(p, ". "); i > 0 {
		return p[:i+1]
	}
	return p
}

type urlset struct {
	XMLName xml.Name `xml:"urlset"`
	NS      string   `xml:"xmlns,attr"`
	URLs    []smURL  `xml:"url"`
}

type smURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod"`
}

func (s *Site) years() []int {
	seen := map[int]bool{}
	var ys []int
	for _, a := range s.Articles {
		if y := a.Published.Year(); !seen[y] {
			seen[y] = true
			ys = append(ys, y)
		}
	}
	sort.Ints(ys)
	return ys
}

// sitemapIndex lists one sitemap per year: the first year gzipped
// (sitemaps/2025.xml.gz), later years plain.
func (s *Site) sitemapIndex(w http.ResponseWriter) {
	type sm struct {
		Loc string `xml:"loc"`
	}
	type index struct {
		XMLName  xml.Name `xml:"sitemapindex"`
		NS       string   `xml:"xmlns,attr"`
		Sitemaps []sm     `xml:"sitemap"`
	}
	idx := index{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for i, y := range s.years() {
		ext := ".xml"
		if i == 0 {
			ext = ".xml.gz"
		}
		idx.Sitemaps = append(idx.Sitemaps, sm{fmt.Sprintf("%s/sitemaps/%d%s", s.URL, y, ext)})
	}
	w.Header().Set("Content-Type", "application/xml")
	fmt.Fprint(w, xml.Header)
	xml.NewEncoder(w).Encode(idx)
}

func (s *Site) sitemap(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/sitemaps/")
	gz := strings.HasSuffix(name, ".xml.gz")
	year, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSuffix(name, ".gz"), ".xml"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, a := range s.Articles {
		if a.Published.Year() == year {
			set.URLs = append(set.URLs, smURL{s.ArticleURL(a), a.Published.Format("2006-01-02")})
		}
	}
	if len(set.URLs) == 0 {
		http.NotFound(w, r)
		return
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	xml.NewEncoder(&buf).Encode(set)
	if gz {
		w.Header().Set("Content-Type", "application/gzip")
		zw := gzip.NewWriter(w)
		zw.Write(buf.Bytes())
		zw.Close()
		return
	}
	w.Header().Set("Content-Type", "application/xml")
	w.Write(buf.Bytes())
}

type link struct {
	Href, Text string
}

type pageData struct {
	Site     *Site
	Notice   string
	Title    string
	Article  *Article
	Date     string
	Canon    string
	Links    []link
	Related  []link
	Listing  bool
	Archives []link
}

// pressIndex serves /press/ (latest releases and links to yearly archives)
// and /press/archive/YYYY/ (every release of the year).
func (s *Site) pressIndex(w http.ResponseWriter, r *http.Request) {
	d := pageData{Site: s, Notice: SyntheticNotice, Listing: true, Canon: s.URL + r.URL.Path}
	for _, y := range s.years() {
		d.Archives = append(d.Archives, link{fmt.Sprintf("/press/archive/%d/", y), fmt.Sprintf("Releases from %d", y)})
	}
	if r.URL.Path == "/press/" {
		d.Title = "Press releases"
		for i, a := range s.Articles {
			if i == 10 {
				break
			}
			d.Links = append(d.Links, link{a.Path, a.Title})
		}
	} else {
		ys := strings.Trim(strings.TrimPrefix(r.URL.Path, "/press/archive/"), "/")
		year, err := strconv.Atoi(ys)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		d.Title = fmt.Sprintf("Press releases from %d", year)
		for _, a := range s.Articles {
			if a.Published.Year() == year {
				d.Links = append(d.Links, link{a.Path, a.Title})
			}
		}
		if len(d.Links) == 0 {
			http.NotFound(w, r)
			return
		}
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := pageTmpl.Execute(w, d); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

func (s *Site) article(w http.ResponseWriter, r *http.Request, a *Article) {
	d := pageData{Site: s, Notice: SyntheticNotice, Title: a.Title, Article: a,
		Date: a.Published.Format("2 January 2006"), Canon: s.ArticleURL(a)}
	// "Most read" links carry tracking parameters: canonicalisation must
	// fold them into the article's URL.
	for i, o := range s.Articles {
		if o != a && (i+a.ID)%37 == 0 && len(d.Related) < 4 {
			d.Related = append(d.Related, link{o.Path + "?utm_source=mostread&utm_medium=web", o.Title})
		}
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Last-Modified", a.Published.UTC().Format(http.TimeFormat))
	if ims, err := http.ParseTime(r.Header.Get("If-Modified-Since")); err == nil && !a.Published.Truncate(time.Second).After(ims) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if err := pageTmpl.Execute(w, d); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

var pageTmpl = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{{.Title}} | {{.Site.Source.Name}}</title>
<link rel="canonical" href="{{.Canon}}">
<meta name="viewport" content="width=device-width, initial-scale=1">
{{if .Listing}}<meta name="robots" content="noindex, follow">
{{end}}{{with .Article}}<meta name="author" content="{{.Author}}">
<meta property="og:title" content="{{.Title}}">
<meta property="og:type" content="article">
<meta property="article:published_time" content="{{.Published.Format "2006-01-02T15:04:05Z07:00"}}">
<meta name="description" content="{{index .Paragraphs 0}}">{{end}}
<style>body{font-family:Georgia,serif;max-width:46em;margin:auto}.synthetic{background:#fe6;padding:.5em;font:bold 14px sans-serif}</style>
</head>
<body>
<div class="synthetic" role="note">{{.Notice}}</div>
<header class="masthead">
  <a class="logo" href="/">{{.Site.Source.Name}}</a>
  <nav><ul>{{if eq .Site.Source.Key "council"}}
    <li><a href="/press/">Press releases</a></li><li><a href="/admin/login">Staff login</a></li><li><a href="/search?q=council">Search</a></li>
  {{else}}
    <li><a href="/">Home</a></li><li><a href="/local/">Local</a></li><li><a href="/sport/">Sport</a></li>
    <li><a href="/admin/login">Staff login</a></li><li><a href="/search?q=council">Search</a></li>
  {{end}}</ul></nav>
</header>
<main>
{{if .Listing}}
  <h1>{{.Title}}</h1>
  <p>Official statements from {{.Site.Source.Name}}.</p>
  <ul class="releases">{{range .Links}}<li><a href="{{.Href}}">{{.Text}}</a></li>{{end}}</ul>
  <p class="archives">{{range .Archives}}<a href="{{.Href}}">{{.Text}}</a> {{end}}</p>
{{else}}{{with .Article}}
  <article>
    <h1>{{.Title}}</h1>
    <div class="byline"><span class="author">By {{.Author}}</span> <time datetime="{{.Published.Format "2006-01-02T15:04:05Z07:00"}}">{{$.Date}}</time></div>
    {{range .Paragraphs}}<p>{{.}}</p>
    {{end}}
  </article>
{{end}}
  <aside class="most-read"><h2>Most read</h2><ul>{{range .Related}}<li><a href="{{.Href}}">{{.Text}}</a></li>{{end}}</ul></aside>
{{end}}
</main>
<footer>
  <p>&copy; {{.Site.Source.Name}}. All rights reserved.{{if ne .Site.Source.Key "council"}} <a href="/about/">About us</a> &middot; <a href="/privacy/">Privacy</a> &middot; <a href="/cookies/">Cookie settings</a>{{end}}</p>
  <p>Sign up to our newsletter for the latest {{.Site.City.Name}} news every morning.</p>
</footer>
</body>
</html>
`))
