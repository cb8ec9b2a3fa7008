package crawl

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"net/netip"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestCanonical(t *testing.T) {
	t.Parallel()
	base, _ := url.Parse("https://News.Example.org/local/index.html")
	for _, tc := range []struct {
		in, want string
	}{
		{"story.html#comments", "https://news.example.org/local/story.html"},
		{"/a?utm_source=x&utm_medium=y&id=7&fbclid=1&gclid=2&mc_cid=3&mc_eid=4", "https://news.example.org/a?id=7"},
		{"/a?b=2&a=1", "https://news.example.org/a?a=1&b=2"},
		{"HTTPS://NEWS.example.org:443/x", "https://news.example.org/x"},
		{"http://news.example.org:80", "http://news.example.org/"},
		{"http://news.example.org:8080/x?", "http://news.example.org:8080/x"},
		{"//cdn.example.org/y", "https://cdn.example.org/y"},
		{"../up/./z", "https://news.example.org/up/z"},
		{"https://user:pw@news.example.org/p", "https://news.example.org/p"},
		{"javascript:alert(1)", ""},
		{"mailto:desk@example.org", ""},
		{"data:text/html,<p>x</p>", ""},
		{"file:///etc/passwd", ""},
		{"ftp://example.org/x", ""},
		{"", ""},
	} {
		got, ok := Canonical(tc.in, base)
		if (tc.want == "") == ok || got != tc.want && ok {
			t.Errorf("Canonical(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
}

func TestIsPublic(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		ip     string
		public bool
	}{
		{"93.184.216.34", true}, {"2606:4700::1111", true},
		{"127.0.0.1", false}, {"::1", false}, {"10.1.2.3", false}, {"172.16.0.1", false}, {"192.168.1.1", false},
		{"169.254.169.254", false}, {"fe80::1", false}, {"fc00::1", false}, {"0.0.0.0", false}, {"100.64.0.1", false},
		{"::ffff:127.0.0.1", false}, {"::ffff:10.0.0.1", false}, {"224.0.0.1", false}, {"255.255.255.255", false},
		{"198.18.0.1", false},
	} {
		if got := IsPublic(netip.MustParseAddr(tc.ip)); got != tc.public {
			t.Errorf("IsPublic(%s) = %v", tc.ip, got)
		}
	}
	if err := guardControl("tcp", "127.0.0.1:80", nil); !errors.Is(err, ErrPrivateAddress) {
		t.Errorf("guard let loopback through: %v", err)
	}
	if err := guardControl("tcp", "93.184.216.34:443", nil); err != nil {
		t.Errorf("guard refused a public address: %v", err)
	}
}

func TestParseFeeds(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, body string
		want       []string
		published  time.Time
	}{
		{"rss", `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>One</title><link>https://n.example/1</link><pubDate>Tue, 03 Feb 2026 08:30:00 +0100</pubDate></item>
<item><title>Two</title><link>https://n.example/2</link></item></channel></rss>`,
			[]string{"https://n.example/1", "https://n.example/2"}, time.Date(2026, 2, 3, 7, 30, 0, 0, time.UTC)},
		{"atom", `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title>One</title><link href="https://n.example/a1"/><published>2026-02-03T07:30:00Z</published><updated>2026-02-04T00:00:00Z</updated></entry></feed>`,
			[]string{"https://n.example/a1"}, time.Date(2026, 2, 3, 7, 30, 0, 0, time.UTC)},
		{"json", `{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{"id":"1","url":"https://n.example/j1","date_published":"2026-02-03T07:30:00Z"}]}`,
			[]string{"https://n.example/j1"}, time.Date(2026, 2, 3, 7, 30, 0, 0, time.UTC)},
	} {
		items, err := parseFeed([]byte(tc.body))
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		var got []string
		for _, it := range items {
			got = append(got, it.URL)
		}
		if strings.Join(got, " ") != strings.Join(tc.want, " ") || !items[0].Published.Equal(tc.published) {
			t.Errorf("%s: %v %v", tc.name, got, items[0].Published)
		}
	}
	if _, err := parseFeed([]byte(`<rss><channel><item><title>x</item>`)); err == nil {
		t.Error("malformed feed parsed without error")
	}
}

func TestParseSitemaps(t *testing.T) {
	t.Parallel()
	urlset := `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc> https://n.example/1 </loc><lastmod>2026-01-04</lastmod></url>
<url><loc>https://n.example/2</loc><news:news><news:publication_date>2026-01-02T10:00:00+01:00</news:publication_date><news:title>Two</news:title></news:news></url>
</urlset>`
	items, cut, err := parseSitemap([]byte(urlset), "", 1<<20, MaxListedURLs)
	if err != nil || cut || len(items) != 2 || items[0].URL != "https://n.example/1" || items[0].Sitemap ||
		!items[0].Updated.Equal(time.Date(2026, 1, 4, 0, 0, 0, 0, time.UTC)) ||
		!items[1].Published.Equal(time.Date(2026, 1, 2, 9, 0, 0, 0, time.UTC)) || items[1].Title != "Two" {
		t.Errorf("urlset: %+v %v %v", items, cut, err)
	}
	gz := func(s string) []byte {
		var z bytes.Buffer
		zw := gzip.NewWriter(&z)
		zw.Write([]byte(s))
		zw.Close()
		return z.Bytes()
	}
	index := gz(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://n.example/s1.xml.gz</loc></sitemap></sitemapindex>`)
	items, _, err = parseSitemap(index, "", 1<<20, MaxListedURLs)
	if err != nil || len(items) != 1 || !items[0].Sitemap || items[0].URL != "https://n.example/s1.xml.gz" {
		t.Errorf("gzipped index: %+v %v", items, err)
	}
	// Content-Encoding: gzip around a .xml.gz file: both layers decoded.
	items, _, err = parseSitemap(gz(string(index)), "gzip", 1<<20, MaxListedURLs)
	if err != nil || len(items) != 1 {
		t.Errorf("double gzip: %+v %v", items, err)
	}
	if _, err := parseSitemap0([]byte(`<html><body>not a sitemap</body></html>`)); err == nil {
		t.Error("HTML accepted as a sitemap")
	}
	if _, err := parseSitemap0(nil); err == nil {
		t.Error("empty body accepted as a sitemap")
	}
	if _, err := parseSitemap0([]byte{0x1f, 0x8b, 0x08}); err == nil {
		t.Error("broken gzip accepted")
	}
}

func parseSitemap0(b []byte) ([]discovered, error) {
	items, _, err := parseSitemap(b, "", 1<<20, MaxListedURLs)
	return items, err
}

// A sitemap is cut at MaxListedURLs entries and at its decoded byte limit:
// the URLs before the cut are kept (issue 13 point 7: a 1M-URL sitemap was
// queued whole; a gzip bomb was unpacked whole).
func TestSitemapLimits(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
	for i := 0; i < 120; i++ {
		fmt.Fprintf(&b, "<url><loc>https://n.example/%d</loc></url>\n", i)
	}
	b.WriteString("</urlset>")
	items, cut, err := parseSitemap([]byte(b.String()), "", 1<<20, 100)
	if err != nil || !cut || len(items) != 100 || items[99].URL != "https://n.example/99" {
		t.Errorf("URL cap: %d items, cut %v, %v", len(items), cut, err)
	}
	items, cut, err = parseSitemap([]byte(b.String()), "", 1000, MaxListedURLs)
	if err != nil || !cut || len(items) == 0 || len(items) > 30 {
		t.Errorf("byte cap: %d items, cut %v, %v", len(items), cut, err)
	}
	// 64 MiB of XML whitespace in a small gzip: read no further than the cap.
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write([]byte(`<urlset><url><loc>https://n.example/first</loc></url>`))
	pad := bytes.Repeat([]byte(" "), 1<<20)
	for i := 0; i < 64; i++ {
		zw.Write(pad)
	}
	zw.Write([]byte(`<url><loc>https://n.example/last</loc></url></urlset>`))
	zw.Close()
	items, cut, err = parseSitemap(z.Bytes(), "", 4<<20, MaxListedURLs)
	if err != nil || !cut || len(items) != 1 {
		t.Errorf("gzip bomb: %d items, cut %v, %v", len(items), cut, err)
	}
}

func TestDecodeBodyLimits(t *testing.T) {
	t.Parallel()
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	zw.Write(bytes.Repeat([]byte{0}, 8<<20))
	zw.Close()
	for _, enc := range []string{"gzip", "x-gzip", "GZIP"} {
		if _, err := decodeBody(z.Bytes(), enc, false, 1<<20); !errors.Is(err, errTooLarge) {
			t.Errorf("%s bomb: %v, want errTooLarge", enc, err)
		}
	}
	if b, err := decodeBody(z.Bytes(), "gzip", false, 8<<20); err != nil || len(b) != 8<<20 {
		t.Errorf("exactly the limit: %d bytes, %v", len(b), err)
	}
	if _, err := decodeBody(z.Bytes(), "", true, 1<<20); !errors.Is(err, errTooLarge) {
		t.Errorf("gzip file without Content-Encoding: %v", err)
	}
	if b, err := decodeBody([]byte("plain"), "identity", false, 5); err != nil || string(b) != "plain" {
		t.Errorf("identity: %q %v", b, err)
	}
	if _, err := decodeBody([]byte("plain"), "", false, 4); !errors.Is(err, errTooLarge) {
		t.Errorf("plain over the limit: %v", err)
	}
	if _, err := decodeBody([]byte("x"), "br", false, 4); err == nil {
		t.Error("unsupported encoding accepted")
	}
}

func TestScanHTML(t *testing.T) {
	t.Parallel()
	page := []byte(`<html><head><base href="https://n.example/news/"><link rel="alternate canonical" href="/story-1">
<meta name="robots" content="noindex, nofollow"></head><body><a href="a.html">a</a><a href="https://o.example/b">b</a><a>no href</a></body></html>`)
	u, _ := url.Parse("https://n.example/amp/story-1")
	m := scanHTML(page, u, true)
	if m.Canonical != "https://n.example/story-1" || !m.NoIndex || !m.NoFollow ||
		strings.Join(m.Links, " ") != "https://n.example/news/a.html https://o.example/b" {
		t.Errorf("%+v", m)
	}
}

// Without links to collect, the scan stops at the end of <head>: a
// canonical link or robots meta in the body does not count.
func TestScanHTMLHeadOnly(t *testing.T) {
	t.Parallel()
	page := []byte(`<html><head><title>t</title></head><body><link rel="canonical" href="/elsewhere">
<meta name="robots" content="noindex"><a href="/x">x</a></body></html>`)
	u, _ := url.Parse("https://n.example/story")
	if m := scanHTML(page, u, false); m.Canonical != "" || m.NoIndex || len(m.Links) != 0 {
		t.Errorf("head only: %+v", m)
	}
	if m := scanHTML(page, u, true); len(m.Links) != 1 {
		t.Errorf("with links: %+v", m)
	}
}

func TestStartTagsOver(t *testing.T) {
	t.Parallel()
	page := []byte(`<html><body><script>var t = "<div><div><div><div>";</script><p>a<p>b</body></html>`)
	// 5 start tags (html, body, script, p, p); the byte scan also sees 4 in the script.
	if n, over := startTagsOver(page, 5); over {
		t.Errorf("script text counted as tags: %d", n)
	}
	if _, over := startTagsOver(page, 4); !over {
		t.Error("5 start tags not over 4")
	}
	if n, over := startTagsOver(bytes.Repeat([]byte("<p>x"), 1000), 999); !over || n != 1000 {
		t.Errorf("1000 paragraphs: %d %v", n, over)
	}
}

func TestNormalizedHash(t *testing.T) {
	t.Parallel()
	a := normalizedHash("The council met.\n\n“We agree,” she said.")
	b := normalizedHash("the  council met \"We agree\", she said")
	c := normalizedHash("The council met. We disagree, she said.")
	if a != b || a == c {
		t.Errorf("hash: %s %s %s", a, b, c)
	}
}

func TestRetryAfter(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		h    string
		want time.Duration
		ok   bool
	}{{"5", 5 * time.Second, true}, {"Thu, 01 Jan 2026 00:01:00 GMT", time.Minute, true}, {"", 0, false}, {"soon", 0, false}} {
		got, ok := retryAfter(tc.h, now)
		if got != tc.want || ok != tc.ok {
			t.Errorf("retryAfter(%q) = %v %v", tc.h, got, ok)
		}
	}
}
