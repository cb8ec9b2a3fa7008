package crawl

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/xenoscope/xenoscope/store"
)

// feedHandler reads RSS, Atom and JSON feeds (gofeed), decoded to at most
// MaxBodyBytes, and queues their first MaxListedURLs items.
type feedHandler struct{}

func (feedHandler) kind() string { return store.FrontierFeed }
func (feedHandler) accept() string {
	return "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9"
}
func (feedHandler) reads(string, []byte) bool { return true }
func (feedHandler) handle(c *crawler, f *fetched) {
	c.cpu <- struct{}{} // decoding and parsing share the CPU bound of extraction (and its memory)
	body, err := f.decoded(c.opts.MaxBodyBytes, true)
	var items []discovered
	if err == nil {
		items, err = parseFeed(body)
	}
	<-c.cpu
	if errors.Is(err, errTooLarge) {
		c.fail(*f.entry, 0, "too_large", fmt.Sprintf("feed over %d bytes decoded", c.opts.MaxBodyBytes))
		return
	}
	if err != nil {
		c.parseFailed(f, "feed_parse", err)
		return
	}
	if len(items) > MaxListedURLs {
		items = items[:MaxListedURLs]
		c.truncated(f, "feed_truncated", len(items))
	}
	c.discovered(f, items)
}

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

// parseFailed records a feed or sitemap that was fetched but did not
// parse: an error of its own kind, not a failed source.
func (c *crawler) parseFailed(f *fetched, kind string, err error) {
	s := f.source
	c.mu.Lock()
	c.stats.Errors[kind]++
	c.mu.Unlock()
	c.count(s, func(sc *store.SourceRunCounts) { sc.Errors++; sc.ErrorsByKind[kind]++ })
	c.log.Warn("cannot parse", "url", f.entry.URL, "kind", kind, "error", err)
	rec := f.rec
	rec.State, rec.ErrorKind, rec.Outcome = store.StateFailed, kind, store.OutcomeError
	rec.ETag, rec.LastModified = "", ""
	c.save(rec)
}

// truncated counts a feed or sitemap that listed more than a limit allows
// (the URLs before the limit are queued).
func (c *crawler) truncated(f *fetched, kind string, kept int) {
	c.mu.Lock()
	c.stats.Errors[kind]++
	c.mu.Unlock()
	c.count(f.source, func(sc *store.SourceRunCounts) { sc.Errors++; sc.ErrorsByKind[kind]++ })
	c.log.Warn("list cut at its limit; the rest is ignored", "url", f.entry.URL, "kind", kind, "kept", kept,
		"limit_urls", MaxListedURLs, "limit_decoded_bytes", 4*c.opts.MaxBodyBytes)
	f.rec.ErrorKind = kind
}

// discovered queues what a feed or sitemap lists and commits it.
func (c *crawler) discovered(f *fetched, items []discovered) {
	e, s, rec := f.entry, f.source, f.rec
	base := f.url
	for _, it := range items {
		cu, ok := Canonical(it.URL, base)
		if !ok || !s.allows(cu) {
			continue
		}
		fe := store.FrontierEntry{URL: cu, SourceID: s.id, Kind: store.FrontierPage, Depth: s.cfg.MaxDepth,
			Via: "feed", HintPublished: it.Published, HintUpdated: it.Updated, HintTitle: it.Title}
		if e.Kind == store.FrontierSitemap {
			fe.Via = "sitemap"
			if it.Sitemap {
				if e.Depth >= sitemapIndexDepth {
					continue
				}
				fe.Kind, fe.Depth = store.FrontierSitemap, e.Depth+1
			}
		}
		rec.Links = append(rec.Links, fe)
	}
	rec.Outcome = store.OutcomeDiscovery
	res := c.save(rec)
	c.count(s, func(sc *store.SourceRunCounts) { sc.Discovered += res.Added })
}
