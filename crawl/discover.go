package crawl

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// discovered is a URL found in a feed or sitemap, with its hints.
type discovered struct {
	URL       string
	Sitemap   bool // a child sitemap of a sitemap index
	Published time.Time
	Updated   time.Time
	Title     string
}

// parseFeed reads an RSS, Atom or JSON feed.
func parseFeed(body []byte) ([]discovered, error) {
	f, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	var out []discovered
	for _, it := range f.Items {
		link := it.Link
		if link == "" && len(it.Links) > 0 {
			link = it.Links[0]
		}
		if link == "" {
			continue
		}
		d := discovered{URL: link, Title: strings.TrimSpace(it.Title)}
		if it.PublishedParsed != nil {
			d.Published = it.PublishedParsed.UTC()
		}
		if it.UpdatedParsed != nil {
			d.Updated = it.UpdatedParsed.UTC()
		}
		out = append(out, d)
	}
	return out, nil
}

type sitemapXML struct {
	XMLName  xml.Name
	URLs     []sitemapURL `xml:"url"`
	Sitemaps []sitemapURL `xml:"sitemap"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod"`
	News    struct {
		PublicationDate string `xml:"publication_date"`
		Title           string `xml:"title"`
	} `xml:"news"`
}

// errNotSitemap is returned for XML that is neither a urlset nor a
// sitemapindex.
var errNotSitemap = errors.New("not a sitemap (root element must be urlset or sitemapindex)")

// parseSitemap reads a sitemap or a sitemap index, gzip-compressed or not
// (at most maxBytes once decompressed).
func parseSitemap(body []byte, maxBytes int64) ([]discovered, error) {
	if len(body) > 2 && body[0] == 0x1f && body[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
		b, err := io.ReadAll(io.LimitReader(zr, maxBytes+1))
		if err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
		if int64(len(b)) > maxBytes {
			return nil, fmt.Errorf("sitemap larger than %d bytes decompressed", maxBytes)
		}
		body = b
	}
	var sm sitemapXML
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.CharsetReader = charset.NewReaderLabel
	if err := dec.Decode(&sm); err != nil {
		return nil, err
	}
	var out []discovered
	switch sm.XMLName.Local {
	case "urlset":
		for _, u := range sm.URLs {
			d := discovered{URL: strings.TrimSpace(u.Loc), Updated: parseW3CDate(u.LastMod),
				Published: parseW3CDate(u.News.PublicationDate), Title: strings.TrimSpace(u.News.Title)}
			out = append(out, d)
		}
	case "sitemapindex":
		for _, u := range sm.Sitemaps {
			out = append(out, discovered{URL: strings.TrimSpace(u.Loc), Sitemap: true, Updated: parseW3CDate(u.LastMod)})
		}
	default:
		return nil, errNotSitemap
	}
	return out, nil
}

// parseW3CDate parses the W3C datetime profile used by sitemaps.
func parseW3CDate(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04Z07:00", "2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}

// pageMeta is what the crawler reads from a page besides the article.
type pageMeta struct {
	Canonical string   // href of <link rel=canonical>, resolved
	Links     []string // hrefs of <a>, resolved, in order, unfiltered
	NoIndex   bool     // <meta name=robots content=noindex>
	NoFollow  bool     // <meta name=robots content=nofollow>
}

// scanHTML tokenises a UTF-8 page once for its canonical link, robots meta
// and (when links is true) its anchors, resolved against pageURL and <base>.
func scanHTML(body []byte, pageURL *url.URL, links bool) pageMeta {
	var m pageMeta
	base := pageURL
	z := html.NewTokenizer(bytes.NewReader(body))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return m
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		if !hasAttr {
			continue
		}
		switch atom.Lookup(name) {
		case atom.A:
			if !links {
				continue
			}
			if href := attr(z, "href", ""); href != "" {
				if u, err := url.Parse(strings.TrimSpace(href)); err == nil {
					m.Links = append(m.Links, base.ResolveReference(u).String())
				}
			}
		case atom.Link:
			var rel, href string
			for {
				k, v, more := z.TagAttr()
				switch string(k) {
				case "rel":
					rel = strings.ToLower(string(v))
				case "href":
					href = string(v)
				}
				if !more {
					break
				}
			}
			if m.Canonical == "" && href != "" && hasToken(rel, "canonical") {
				if u, err := url.Parse(strings.TrimSpace(href)); err == nil {
					m.Canonical = base.ResolveReference(u).String()
				}
			}
		case atom.Base:
			if href := attr(z, "href", ""); href != "" {
				if u, err := url.Parse(strings.TrimSpace(href)); err == nil {
					base = pageURL.ResolveReference(u)
				}
			}
		case atom.Meta:
			var nameV, content string
			for {
				k, v, more := z.TagAttr()
				switch string(k) {
				case "name":
					nameV = strings.ToLower(string(v))
				case "content":
					content = strings.ToLower(string(v))
				}
				if !more {
					break
				}
			}
			if nameV == "robots" || nameV == "xenoscope" {
				if strings.Contains(content, "noindex") || strings.Contains(content, "none") {
					m.NoIndex = true
				}
				if strings.Contains(content, "nofollow") || strings.Contains(content, "none") {
					m.NoFollow = true
				}
			}
		}
	}
}

func attr(z *html.Tokenizer, key, def string) string {
	for {
		k, v, more := z.TagAttr()
		if string(k) == key {
			return string(v)
		}
		if !more {
			return def
		}
	}
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if f == tok {
			return true
		}
	}
	return false
}

// normalizedHash is the content hash that decides whether two pages are the
// same document: SHA-256 of the text's words (letters and digits), lower
// cased, joined by single spaces. Differences in whitespace, punctuation,
// quotes and case do not change it.
func normalizedHash(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	inWord := false
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if !inWord && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(unicode.ToLower(r))
			inWord = true
		} else {
			inWord = false
		}
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:])
}

// countWords counts whitespace-separated words that hold a letter or digit.
func countWords(text string) int {
	n := 0
	for _, f := range strings.Fields(text) {
		for _, r := range f {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				n++
				break
			}
		}
	}
	return n
}

// isHTML reports whether a response is an HTML page.
func isHTML(contentType string, body []byte) bool {
	ct := strings.ToLower(contentType)
	if strings.Contains(ct, "html") {
		return true
	}
	if ct != "" && !strings.HasPrefix(ct, "text/plain") && !strings.Contains(ct, "octet-stream") {
		return false
	}
	head := body
	if len(head) > 512 {
		head = head[:512]
	}
	if !utf8.Valid(head) && !bytes.Contains(bytes.ToLower(head), []byte("<html")) {
		return false
	}
	return bytes.Contains(bytes.ToLower(head), []byte("<html")) || bytes.Contains(bytes.ToLower(head), []byte("<!doctype html"))
}
