package crawl

import (
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"

	"github.com/gocolly/colly/v2"

	"github.com/xenoscope/xenoscope/store"
)

// A handler turns one fetched body into what the store records: the
// document it holds, the URLs it lists. The crawler picks the handler by
// the URL's frontier kind and the body's content type (like miniflux's
// parser format switch), so a new source format is one handler in its own
// file plus one line in handlers:
//
//   - sitemapHandler (sitemap.go): sitemaps and sitemap indexes;
//   - feedHandler (feed.go): RSS, Atom and JSON Feed;
//   - htmlHandler (page.go): HTML pages, stored as articles or followed
//     for links.
//
// A page whose content type no handler reads (an image, a PDF today) is
// recorded as skipped (not_article, reason not_html).
type handler interface {
	// kind is the frontier kind the handler serves (store.FrontierPage,
	// FrontierFeed, FrontierSitemap).
	kind() string
	// accept lists the media types it reads, for the Accept header.
	accept() string
	// reads reports whether it reads a body of this media type, whose
	// first (decoded) bytes are head.
	reads(mediaType string, head []byte) bool
	// handle records the fetched body: c.save, c.fail or c.notArticle.
	handle(c *crawler, f *fetched)
}

// handlers in order of preference.
var handlers = []handler{sitemapHandler{}, feedHandler{}, htmlHandler{}}

// acceptHeader is the Accept header of a request for a frontier kind: the
// media types of its handlers.
func acceptHeader(kind string) string {
	var types []string
	for _, h := range handlers {
		if h.kind() == kind {
			types = append(types, h.accept())
		}
	}
	return strings.Join(append(types, "*/*;q=0.5"), ", ")
}

// fetched is one successful (2xx) response waiting for its handler.
type fetched struct {
	entry  *store.FrontierEntry
	source *sourceInfo
	// url is the final URL after redirects.
	url *url.URL
	// contentType is the response's Content-Type, mediaType its media type
	// (lower case, no parameters).
	contentType, mediaType string
	// encoding is the Content-Encoding; body the bytes as they came over
	// the wire (at most MaxBodyBytes), undecoded.
	encoding string
	body     []byte
	// rec is the frontier record to commit, with status and validators.
	rec store.PageRecord
}

// decoded returns the body decoded from its Content-Encoding, at most
// limit bytes (errTooLarge beyond); unwrapGzip also opens a gzip file.
func (f *fetched) decoded(limit int64, unwrapGzip bool) ([]byte, error) {
	return decodeBody(f.body, f.encoding, unwrapGzip, limit)
}

// head returns the first 512 decoded bytes (for content sniffing).
func (f *fetched) head() []byte {
	r, err := decodedReader(f.body, f.encoding, false)
	if err != nil {
		return nil
	}
	b, _ := io.ReadAll(io.LimitReader(r, 512))
	return b
}

func (c *crawler) onResponse(r *colly.Response) {
	defer c.giveBodySlot(r.Ctx)
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
	f := &fetched{entry: e, source: s, url: r.Request.URL, contentType: r.Headers.Get(contentTypeHeader),
		encoding: r.Headers.Get("Content-Encoding"), body: r.Body, rec: rec}
	if mt, _, err := mime.ParseMediaType(f.contentType); err == nil {
		f.mediaType = strings.ToLower(mt)
	}
	var head []byte
	for _, h := range handlers {
		if h.kind() != e.Kind {
			continue
		}
		if head == nil {
			head = f.head()
		}
		if h.reads(f.mediaType, head) {
			h.handle(c, f)
			return
		}
	}
	rec.State = store.StateSkipped
	rec.Outcome = store.OutcomeNotArticle
	c.notArticle(s, rec, "not_html", "content type "+f.contentType)
}
