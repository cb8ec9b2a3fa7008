package crawl

import (
	"fmt"
	"net/http"

	"github.com/gocolly/colly/v2"

	"github.com/xenoscope/xenoscope/store"
)

func (c *crawler) onResponse(r *colly.Response) {
	e := entryOf(r.Ctx)
	if e == nil {
		return
	}
	s := c.sources[e.SourceID]
	status := r.StatusCode
	if status == http.StatusTooManyRequests || status == http.StatusServiceUnavailable {
		if c.retry(r, e) {
			return
		}
		kind := "http_429"
		if status == http.StatusServiceUnavailable {
			kind = "http_5xx"
		}
		c.fail(*e, status, kind, http.StatusText(status))
		return
	}
	switch {
	case status >= 500:
		c.fail(*e, status, "http_5xx", http.StatusText(status))
		return
	case status >= 400:
		c.fail(*e, status, "http_4xx", http.StatusText(status))
		return
	case status >= 300 && status != http.StatusNotModified:
		c.fail(*e, status, "redirect", "redirect not followed")
		return
	}
	c.mu.Lock()
	c.stats.Fetched++
	s.ok++
	c.mu.Unlock()
	c.count(s, func(sc *store.SourceRunCounts) { sc.Fetched++ })
	now := c.opts.Now()
	rec := store.PageRecord{URL: e.URL, RunID: c.runID, State: store.StateDone, Status: status,
		ETag: r.Headers.Get("ETag"), LastModified: r.Headers.Get("Last-Modified"), FetchedAt: now}
	if status == http.StatusNotModified {
		rec.Outcome = store.OutcomeUnchanged
		c.mu.Lock()
		c.stats.Unchanged++
		c.mu.Unlock()
		c.count(s, func(sc *store.SourceRunCounts) { sc.Unchanged++ })
		c.save(rec)
		return
	}
	if int64(len(r.Body)) > c.opts.MaxBodyBytes {
		c.fail(*e, 0, "too_large", fmt.Sprintf("body over %d bytes", c.opts.MaxBodyBytes))
		return
	}
	switch e.Kind {
	case store.FrontierFeed, store.FrontierSitemap:
		c.discovery(r, e, s, rec)
	default:
		c.page(r, e, s, rec)
	}
}

// discovery parses a feed or sitemap and queues what it lists.
func (c *crawler) discovery(r *colly.Response, e *store.FrontierEntry, s *sourceInfo, rec store.PageRecord) {
	var items []discovered
	var err error
	kind := "feed_parse"
	if e.Kind == store.FrontierFeed {
		items, err = parseFeed(r.Body)
	} else {
		kind = "sitemap_parse"
		items, err = parseSitemap(r.Body, c.opts.MaxBodyBytes*4)
	}
	if err != nil {
		// The fetch worked; the document did not parse. Counted as an
		// error of its own kind, not as a failed source.
		c.mu.Lock()
		c.stats.Errors[kind]++
		c.mu.Unlock()
		c.count(s, func(sc *store.SourceRunCounts) { sc.Errors++; sc.ErrorsByKind[kind]++ })
		c.log.Warn("cannot parse", "url", e.URL, "kind", kind, "error", err)
		rec.State, rec.ErrorKind, rec.Outcome = store.StateFailed, kind, store.OutcomeError
		rec.ETag, rec.LastModified = "", ""
		c.save(rec)
		return
	}
	base := r.Request.URL
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
				if e.Depth >= 3 {
					continue // sitemap indexes nest at most this deep
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
