package crawl

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/gocolly/colly/v2"

	"github.com/xenoscope/xenoscope/config"
	"github.com/xenoscope/xenoscope/store"
)

// collector builds the colly collector of the run: transport with the
// address guard, timeouts and raw (undecoded, size-capped) bodies, one
// LimitRule per domain. robots.txt is checked by the crawler (robots.go).
func (c *crawler) collector() (*colly.Collector, error) {
	dialer := &net.Dialer{Timeout: 15 * time.Second, KeepAlive: 30 * time.Second}
	if !c.cfg.Crawl.AllowPrivate {
		dialer.Control = guardControl
	}
	transport := &http.Transport{
		Proxy:                 nil, // a proxy would defeat the address guard
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          100,
		MaxIdleConnsPerHost:   16,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: c.opts.Timeout,
		ExpectContinueTimeout: time.Second,
		// Bodies are decoded by the handlers, each with its own limit
		// (body.go); the transport passes the wire bytes.
		DisableCompression: true,
	}
	rt := rawBody{transport}
	c.robotsClient = &http.Client{Transport: rt, Timeout: c.opts.Timeout, CheckRedirect: robotsRedirects}
	col := colly.NewCollector(
		colly.Async(true),
		colly.UserAgent(c.cfg.Crawl.UserAgent),
		colly.MaxBodySize(int(c.opts.MaxBodyBytes)+1), // one more byte tells "too large" from "exactly the cap"
		colly.AllowURLRevisit(),                       // the frontier decides what is fetched
		colly.ParseHTTPErrorResponse(),
		colly.StdlibContext(c.ctx),
	)
	col.IgnoreRobotsTxt = true // checked in dispatch and on redirects, see robots.go
	col.DetectCharset = false  // charset is decided per page by extract.DecodeHTML (header, BOM, <meta>, sniffing)
	col.WithTransport(rt)
	col.SetRequestTimeout(c.opts.Timeout)
	col.SetRedirectHandler(func(req *http.Request, via []*http.Request) error {
		if len(via) >= 10 {
			return errors.New("stopped after 10 redirects")
		}
		// A redirect must not lead into a disallowed path (or a host
		// whose robots.txt is unavailable) either.
		if !c.robotsAllow(req.URL) {
			return fmt.Errorf("%w: %s", errRedirectRobots, req.URL)
		}
		return nil
	})
	allowed := map[string]bool{}
	for _, s := range c.order {
		for h := range s.allowed {
			allowed[h] = true
		}
	}
	for h := range allowed {
		col.AllowedDomains = append(col.AllowedDomains, h)
	}
	if err := col.Limits(c.limitRules()); err != nil {
		return nil, fmt.Errorf("crawl: limit rules: %w", err)
	}
	col.OnRequest(c.onRequest)
	col.OnResponseHeaders(func(r *colly.Response) {
		if cl := r.Headers.Get("Content-Length"); cl != "" {
			if n, err := strconv.ParseInt(cl, 10, 64); err == nil && n > c.opts.MaxBodyBytes {
				r.Ctx.Put("too_large", true)
				r.Request.Abort()
				return
			}
		}
		c.takeBodySlot(r)
		c.fetching(r)
	})
	col.OnResponse(c.onResponse)
	col.OnError(c.onError)
	return col, nil
}

// Response bodies in memory are bounded by bodySlots: a slot is taken
// when a response's headers arrive (before colly reads the body, at most the
// body cap) and given back when its handler is done. Without it, every URL
// in flight (Batch, 64) could hold a body of up to the cap while waiting for
// a CPU slot. A response waiting for a slot holds its connection (and its
// domain's LimitRule), which slows the fetching down to the handling.
func bodySlots() int { return max(16, 4*runtime.GOMAXPROCS(0)) }

func (c *crawler) takeBodySlot(r *colly.Response) {
	if held, _ := r.Ctx.GetAny("slot").(bool); held {
		return
	}
	select {
	case c.bodies <- struct{}{}:
		r.Ctx.Put("slot", true)
	case <-c.ctx.Done():
		r.Request.Abort()
	}
}

// giveBodySlot returns the response's slot, if it holds one.
func (c *crawler) giveBodySlot(ctx *colly.Context) {
	if held, _ := ctx.GetAny("slot").(bool); held {
		ctx.Put("slot", false)
		<-c.bodies
	}
}

// fetching records, before the body is read, that the fetch of a URL is
// under way (store.MarkFetching), once per dispatch: should reading,
// decoding or extracting it kill the process, the attempt still counts.
func (c *crawler) fetching(r *colly.Response) {
	e := entryOf(r.Ctx)
	if e == nil {
		return
	}
	c.mu.Lock()
	f, ok := c.inflight[e.URL]
	c.mu.Unlock()
	if !ok || f.counted {
		return
	}
	if err := c.db.MarkFetching(context.WithoutCancel(c.ctx), e.URL); err != nil {
		c.mu.Lock()
		if c.fatal == nil {
			c.fatal = fmt.Errorf("crawl: %w", err)
		}
		c.mu.Unlock()
		r.Request.Abort()
		return
	}
	c.mu.Lock()
	if f, ok := c.inflight[e.URL]; ok {
		f.counted = true
		c.inflight[e.URL] = f
	}
	c.mu.Unlock()
}

// contentTypeHeader keeps a response's Content-Type for the handlers:
// rawBody moves it there so that colly does not convert a body whose
// Content-Type names a charset (it would do so before the body is
// decompressed, and the page handler decodes the charset itself).
const contentTypeHeader = "X-Xenoscope-Content-Type"

// rawBody passes response bodies as they came over the wire: marked
// Uncompressed so that colly never gunzips them (without a limit; see
// body.go), and with the Content-Type moved to contentTypeHeader.
type rawBody struct{ rt http.RoundTripper }

func (f rawBody) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := f.rt.RoundTrip(req)
	if err != nil {
		return resp, err
	}
	resp.Uncompressed = true
	if ct := resp.Header.Get("Content-Type"); ct != "" {
		resp.Header.Set(contentTypeHeader, ct)
		resp.Header.Del("Content-Type")
	}
	return resp, nil
}

// limitRules makes one rule per crawled host (host:port of the configured
// URLs, with the robots.txt Crawl-delay when it is longer than the config
// delay) and one per allowed domain. There is no "*" rule: a host outside
// every source's allowed domains is never requested.
func (c *crawler) limitRules() []*colly.LimitRule {
	delay := c.cfg.Crawl.Delay.Duration
	par := c.cfg.Crawl.Parallelism
	seen := map[string]bool{}
	var rules []*colly.LimitRule
	for _, s := range c.order {
		for _, list := range [][]config.URL{s.cfg.Feeds, s.cfg.Sitemaps, s.cfg.Seeds} {
			for _, u := range list {
				p, err := url.Parse(string(u))
				if err != nil || seen[p.Host] {
					continue
				}
				seen[p.Host] = true
				d, pp := delay, par
				if cd := c.crawlDelay(p); cd > d {
					d, pp = cd, 1
					c.log.Info("robots.txt Crawl-delay honoured", "host", p.Host, "delay", cd)
				}
				rules = append(rules, &colly.LimitRule{DomainRegexp: "^" + regexp.QuoteMeta(p.Host) + "$",
					Delay: d, Parallelism: pp})
			}
		}
	}
	for _, s := range c.order {
		for h := range s.allowed {
			if seen["domain:"+h] {
				continue
			}
			seen["domain:"+h] = true
			rules = append(rules, &colly.LimitRule{DomainRegexp: "^" + regexp.QuoteMeta(h) + `(:\d+)?$`,
				Delay: delay, Parallelism: par})
		}
	}
	return rules
}

func (c *crawler) onRequest(r *colly.Request) {
	host := r.URL.Host
	for {
		c.mu.Lock()
		until := c.pauses[host]
		c.mu.Unlock()
		wait := time.Until(until)
		if wait <= 0 {
			return
		}
		select {
		case <-c.ctx.Done():
			r.Abort()
			return
		case <-time.After(wait):
		}
	}
}

func entryOf(ctx *colly.Context) *store.FrontierEntry {
	e, _ := ctx.GetAny("entry").(*store.FrontierEntry)
	return e
}

func (c *crawler) onError(r *colly.Response, err error) {
	c.giveBodySlot(r.Ctx)
	e := entryOf(r.Ctx)
	if e == nil || c.ctx.Err() != nil {
		return // cancelled: the URL stays pending for the next run
	}
	if errors.Is(err, errRedirectRobots) {
		c.robotsSkip(*e, "robots")
		return
	}
	kind := errorKind(err)
	if v, _ := r.Ctx.GetAny("too_large").(bool); v {
		kind = "too_large"
	}
	c.fail(*e, r.StatusCode, kind, err.Error())
}

// errorKind classifies a fetch error for the run's errors-by-kind counts.
func errorKind(err error) string {
	var ne net.Error
	switch {
	case errors.Is(err, ErrPrivateAddress):
		return "private_address"
	case errors.Is(err, colly.ErrAbortedAfterHeaders):
		return "too_large"
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return "timeout"
	case strings.Contains(err.Error(), "redirect"):
		return "redirect"
	default:
		return "network"
	}
}

func (c *crawler) fail(e store.FrontierEntry, status int, kind, msg string) {
	s := c.sources[e.SourceID]
	c.mu.Lock()
	c.stats.Errors[kind]++
	if status != 0 {
		c.stats.Fetched++
	}
	c.mu.Unlock()
	c.count(s, func(sc *store.SourceRunCounts) {
		sc.Errors++
		sc.ErrorsByKind[kind]++
		if status != 0 {
			sc.Fetched++
		}
	})
	c.log.Warn("fetch failed", "url", e.URL, "kind", kind, "status", status, "error", msg)
	c.save(store.PageRecord{URL: e.URL, RunID: c.runID, State: store.StateFailed, Status: status,
		ErrorKind: kind, Outcome: store.OutcomeError, FetchedAt: c.opts.Now()})
}

// retryAfter parses a Retry-After header (seconds or HTTP date).
func retryAfter(h string, now time.Time) (time.Duration, bool) {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0, false
	}
	if n, err := strconv.Atoi(h); err == nil && n >= 0 {
		return time.Duration(n) * time.Second, true
	}
	if t, err := http.ParseTime(h); err == nil {
		d := t.Sub(now)
		if d < 0 {
			d = 0
		}
		return d, true
	}
	return 0, false
}

// retry schedules a 429/503 again after Retry-After or a doubling backoff,
// pausing the whole host; false when the retries are used up.
func (c *crawler) retry(r *colly.Response, e *store.FrontierEntry) bool {
	n, _ := r.Ctx.GetAny("retries").(int)
	if n >= c.opts.MaxRetries || c.ctx.Err() != nil {
		return false
	}
	wait, ok := retryAfter(r.Headers.Get("Retry-After"), time.Now())
	if !ok {
		wait = c.opts.RetryBackoff << n
	}
	if wait > c.opts.MaxRetryWait {
		return false
	}
	host := r.Request.URL.Host
	c.mu.Lock()
	if until := time.Now().Add(wait); until.After(c.pauses[host]) {
		c.pauses[host] = until
	}
	c.mu.Unlock()
	c.log.Info("rate limited, backing off", "url", e.URL, "status", r.StatusCode, "wait", wait, "retry", n+1)
	r.Ctx.Put("retries", n+1)
	if err := r.Request.Retry(); err != nil {
		return false
	}
	return true
}
