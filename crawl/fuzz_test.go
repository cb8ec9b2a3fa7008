package crawl

import (
	"bytes"
	"compress/gzip"
	"net/url"
	"testing"
	"unicode/utf8"
)

// Feeds, sitemaps and pages come from sites we do not control: parsing any
// bytes must return an error or results, never panic, and every URL it
// hands on is a string the canonicaliser can judge.

func FuzzParseFeed(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A</title><link>http://a.example/1</link><pubDate>Mon, 02 Jan 2006 15:04:05 GMT</pubDate></item></channel></rss>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A</title><link href="http://a.example/2"/><updated>2026-01-02T03:04:05Z</updated></entry></feed>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","url":"http://a.example/3","date_published":"2026-01-02T03:04:05Z"}]}`))
	f.Add([]byte(`<rss><channel><item><link>`))
	f.Fuzz(func(t *testing.T, body []byte) {
		items, err := parseFeed(body)
		if err != nil && items != nil {
			t.Fatalf("error %v with %d items", err, len(items))
		}
		for _, it := range items {
			if it.URL == "" {
				t.Fatal("item with an empty URL")
			}
			Canonical(it.URL, nil)
		}
	})
}

func FuzzParseSitemap(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://a.example/1</loc><lastmod>2026-01-02</lastmod></url></urlset>`))
	f.Add([]byte(`<sitemapindex><sitemap><loc>http://a.example/s.xml.gz</loc></sitemap></sitemapindex>`))
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(`<urlset><url><loc>http://a.example/gz</loc></url></urlset>`))
	zw.Close()
	f.Add(gz.Bytes())
	f.Add([]byte{0x1f, 0x8b, 0x08})
	f.Fuzz(func(t *testing.T, body []byte) {
		const maxBytes = 1 << 20
		items, _, err := parseSitemap(body, "", maxBytes, MaxListedURLs)
		if err != nil && items != nil {
			t.Fatalf("error %v with %d items", err, len(items))
		}
		for _, it := range items {
			Canonical(it.URL, nil)
		}
	})
}

func FuzzScanHTML(f *testing.F) {
	f.Add([]byte(`<html><head><link rel="canonical" href="/a?utm_source=x#f"><meta name="robots" content="noindex, follow"></head><body><a href="javascript:alert(1)">x</a><a href="../b">b</a><a href="data:text/html,hi">d</a></body></html>`), "http://a.example/dir/page.html")
	f.Add([]byte(`<a href="http://[::1">`), "https://a.example/")
	f.Fuzz(func(t *testing.T, body []byte, page string) {
		base, err := url.Parse(page)
		if err != nil {
			return
		}
		meta := scanHTML(body, base, true)
		for _, l := range meta.Links {
			if cu, ok := Canonical(l, nil); ok {
				u, err := url.Parse(cu)
				if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
					t.Fatalf("canonical link %q from %q is not http(s)", cu, l)
				}
				if !utf8.ValidString(cu) {
					t.Fatalf("canonical link %q is not valid UTF-8", cu)
				}
			}
		}
	})
}
