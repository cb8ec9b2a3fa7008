package crawl

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"time"

	"golang.org/x/net/html/charset"

	"github.com/xenoscope/xenoscope/store"
)

// MaxListedURLs is the most URLs one sitemap or feed may list: the sitemap
// protocol's limit (sitemaps.org: 50,000 URLs per file). More are ignored;
// the document is counted as sitemap_truncated (feed_truncated) and logged.
const MaxListedURLs = 50_000

// sitemapIndexDepth is how deep sitemap indexes may nest.
const sitemapIndexDepth = 3

// sitemapHandler reads sitemaps and sitemap indexes, plain or gzip
// (Content-Encoding or a .xml.gz file), streaming: the decoded XML is never
// held in memory, and at most 4 x MaxBodyBytes of it is read.
type sitemapHandler struct{}

func (sitemapHandler) kind() string                { return store.FrontierSitemap }
func (sitemapHandler) accept() string              { return "application/xml, text/xml;q=0.9" }
func (sitemapHandler) reads(string, []byte) bool   { return true }
func (sitemapHandler) maxDecoded(c *crawler) int64 { return 4 * c.opts.MaxBodyBytes }
func (h sitemapHandler) handle(c *crawler, f *fetched) {
	c.cpu <- struct{}{} // parsing shares the CPU bound of extraction (and its memory)
	items, truncated, err := parseSitemap(f.body, f.encoding, h.maxDecoded(c), MaxListedURLs)
	<-c.cpu
	if err != nil {
		c.parseFailed(f, "sitemap_parse", err)
		return
	}
	if truncated {
		c.truncated(f, "sitemap_truncated", len(items))
	}
	c.discovered(f, items)
}

// parseSitemap reads a sitemap or a sitemap index: body decoded from its
// Content-Encoding and from gzip, at most maxBytes of XML and maxURLs
// entries. truncated says a limit cut it (items holds what came before).
func parseSitemap(body []byte, contentEncoding string, maxBytes int64, maxURLs int) (items []discovered, truncated bool, err error) {
	r, err := decodedReader(body, contentEncoding, true)
	if err != nil {
		return nil, false, err
	}
	dec := xml.NewDecoder(&limitedReader{r, maxBytes})
	dec.CharsetReader = charset.NewReaderLabel
	root := ""
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if errors.Is(err, errTooLarge) && root != "" {
				return items, true, nil
			}
			return nil, false, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if root == "" {
			root = se.Name.Local
			if root != "urlset" && root != "sitemapindex" {
				return nil, false, errNotSitemap
			}
			continue
		}
		if !(root == "urlset" && se.Name.Local == "url") && !(root == "sitemapindex" && se.Name.Local == "sitemap") {
			continue
		}
		if len(items) >= maxURLs {
			return items, true, nil
		}
		var u sitemapURL
		if err := dec.DecodeElement(&u, &se); err != nil {
			if errors.Is(err, errTooLarge) {
				return items, true, nil
			}
			return nil, false, err
		}
		if root == "urlset" {
			items = append(items, discovered{URL: strings.TrimSpace(u.Loc), Updated: parseW3CDate(u.LastMod),
				Published: parseW3CDate(u.News.PublicationDate), Title: strings.TrimSpace(u.News.Title)})
		} else {
			items = append(items, discovered{URL: strings.TrimSpace(u.Loc), Sitemap: true, Updated: parseW3CDate(u.LastMod)})
		}
	}
	if root == "" {
		return nil, false, errNotSitemap
	}
	return items, false, nil
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
