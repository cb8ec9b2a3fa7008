package faults

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	"github.com/xenoscope/xenoscope/pipeline"
)

const hostileTitle = `<script>alert("title")</script><img src=x onerror=alert(1)> Migrants flood Lakeside`

// hostilePage is a news article whose title, body and quotes carry markup
// as text (escaped in the HTML, so it is text after extraction), plus real
// script elements and event handlers that extraction must drop.
var hostilePage = `<!DOCTYPE html><html><head><meta charset="utf-8">
<title>` + html.EscapeString(hostileTitle) + `</title>
<link rel="canonical" href="javascript:alert('canonical')">
<script>alert("head script")</script>
</head><body onload="alert('body')">
<article>
<h1>` + html.EscapeString(hostileTitle) + `</h1>
<time datetime="2026-03-14T10:00:00Z">14 March 2026</time>
<p>` + html.EscapeString(`"Send them back, all of them, they are flooding and invading our town like vermin <script>alert('quote')</script>," said Councillor Gary Holt.`) + `</p>
<p>` + html.EscapeString(`Migrants and asylum seekers are an invasion <b onmouseover="alert('b')">swarming</b> into Pier End, he told a rally at the Pavilion, where protesters chanted that foreigners should go home.`) + `</p>
<p onclick="alert('p')">Police said the rally on Promenade Road was largely peaceful and that officers would review footage of the speeches made by the councillor and others.</p>
<script>document.write('<p>injected</p>')</script>
<p><a href="javascript:alert('link')">Read more</a> about the council's asylum housing plans and the protest outside the hotel.</p>
</article></body></html>`

// TestHostilePageReport sends a hostile page through crawl → analyze →
// report: index.html must show the crawled markup as text and contain no
// script, event handler or javascript: URL from it.
func TestHostilePageReport(t *testing.T) {
	d, _ := smallDemo(t, 5)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nAllow: /\n")
		case "/feed.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title><link>%[1]s/</link>
<item><title>%[2]s</title><link>%[1]s/news/hostile.html</link><pubDate>Sat, 14 Mar 2026 10:00:00 +0000</pubDate></item>
</channel></rss>`, "http://"+r.Host, html.EscapeString(hostileTitle))
		case "/news/hostile.html":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, hostilePage)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	// The hostile source goes in Lakeside, next to Gary Holt's registry entry.
	i := strings.Index(string(d.TOML), `name = "Lakeside"`)
	toml := string(d.TOML[:i]) + strings.Replace(string(d.TOML[i:]), "[[city.figure]]", fmt.Sprintf(`[[city.source]]
  name = "Lakeside Hostile Blog"
  feeds = ["%s/feed.xml"]

  [[city.figure]]`, srv.URL), 1)
	cfgPath := filepath.Join(t.TempDir(), "cities.toml")
	os.WriteFile(cfgPath, []byte(toml), 0o644)

	dir := t.TempDir()
	res, err := pipeline.Run(context.Background(), loadConfig(t, cfgPath), filepath.Join(dir, "x.db"), filepath.Join(dir, "report"),
		pipeline.Options{MinN: 1, Resamples: 50})
	if err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(res.ReportIndex)
	if err != nil {
		t.Fatal(err)
	}

	// The hostile document is in the report, as text.
	if !bytes.Contains(page, []byte(html.EscapeString("<script>alert('quote')</script>"))) &&
		!bytes.Contains(page, []byte(html.EscapeString(`<script>alert("title")</script>`))) {
		t.Fatalf("the hostile page's text does not appear in the report (as escaped text); cannot judge its rendering")
	}

	// Nothing from it is live markup.
	z := xhtml.NewTokenizer(bytes.NewReader(page))
	inScript := false
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			break
		}
		tok := z.Token()
		switch tt {
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			if tok.Data == "script" {
				inScript = true
			}
			for _, a := range tok.Attr {
				if strings.HasPrefix(strings.ToLower(a.Key), "on") {
					t.Errorf("event handler attribute in the report: <%s %s=%q>", tok.Data, a.Key, a.Val)
				}
				if (a.Key == "href" || a.Key == "src") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
					t.Errorf("javascript: URL in the report: <%s %s=%q>", tok.Data, a.Key, a.Val)
				}
			}
			if tok.Data == "img" {
				for _, a := range tok.Attr {
					if a.Key == "src" && a.Val == "x" {
						t.Errorf("the crawled <img src=x> became an element")
					}
				}
			}
		case xhtml.EndTagToken:
			if tok.Data == "script" {
				inScript = false
			}
		case xhtml.TextToken:
			if inScript && strings.Contains(tok.Data, "alert(") {
				t.Errorf("crawled script text inside a <script> element: %.200q", tok.Data)
			}
		}
	}
	if bytes.Contains(page, []byte("injected")) {
		t.Errorf("text written by the crawled page's script is in the report")
	}
}
