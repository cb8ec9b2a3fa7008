// Package crawl collects a city's local news and public statements into the
// store, politely and incrementally, with github.com/gocolly/colly/v2.
//
// Discovery starts from each configured source's feeds (RSS, Atom, JSON via
// gofeed), sitemaps (indexes and .xml.gz included) and seed pages, whose
// links are followed within the source's allowed domains up to max_depth.
// Every URL lives in the SQLite frontier table; a page's document, its
// frontier row and the links found on it are committed in one transaction,
// so a killed crawl resumes where it stopped with nothing lost or doubled.
//
// Politeness: robots.txt is obeyed (colly IgnoreRobotsTxt=false) and its
// Crawl-delay honoured, each domain has its own colly LimitRule (delay and
// parallelism from the config), requests carry an identifying User-Agent,
// 429/503 answers are retried after Retry-After (or an exponential backoff)
// with the whole host paused, requests time out and bodies are capped.
// Re-crawls send conditional GETs (ETag / Last-Modified); a 304 or an
// unchanged text is not stored again.
//
// See docs/crawling.md for the decisions (canonical URLs, duplicates, what
// counts as an article, resume).
package crawl

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/gocolly/colly/v2"
	"github.com/schollz/progressbar/v3"
	"github.com/temoto/robotstxt"

	"github.com/xenoscope/xenoscope/config"
	"github.com/xenoscope/xenoscope/extract"
	"github.com/xenoscope/xenoscope/model"
	"github.com/xenoscope/xenoscope/store"
)

// Defaults for Options fields left zero.
const (
	DefaultTimeout      = 30 * time.Second
	DefaultMaxBodyBytes = 10 << 20
	DefaultMinWords     = 50
	DefaultMaxRetries   = 3
	DefaultMaxRetryWait = 2 * time.Minute
	DefaultRetryBackoff = time.Second
	DefaultMaxAttempts  = 3
	DefaultBatch        = 64
)

// ErrUnknownCity is returned when Options.City names no configured city.
var ErrUnknownCity = errors.New("unknown city")

// Options tune one crawl run. The zero value crawls every city with the
// defaults above.
type Options struct {
	// City restricts the run to one configured city ("" = all).
	City string
	// MaxPages stops dispatching HTML pages after this many fetches in this
	// run (feeds and sitemaps do not count); 0 = no limit. Pages left are
	// kept pending for the next run.
	MaxPages int
	// Progress receives a progress bar when non-nil (pass a terminal).
	Progress io.Writer
	// Logger gets per-page debug and per-error warnings; nil discards.
	Logger *slog.Logger
	// Timeout is the whole-request timeout (default 30s).
	Timeout time.Duration
	// MaxBodyBytes caps a response body (default 10 MiB); larger responses
	// are refused with error kind too_large.
	MaxBodyBytes int64
	// MinWords is the least extracted words for a page to be stored as a
	// document (default 50). Seed pages are never stored.
	MinWords int
	// MaxRetries is how often a 429/503 answer is retried in one run
	// (default 3); MaxRetryWait caps the wait a Retry-After may ask for
	// (default 2m; a longer wait leaves the URL for the next run);
	// RetryBackoff is the first backoff without Retry-After (doubling).
	MaxRetries   int
	MaxRetryWait time.Duration
	RetryBackoff time.Duration
	// MaxAttempts is how many runs a failing URL is tried in (default 3).
	MaxAttempts int
	// Revisit re-fetches every known page with a conditional GET, not only
	// feeds, sitemaps, seeds and listing pages.
	Revisit bool
	// Batch is how many frontier URLs are dispatched at a time (default 64).
	Batch int
	// AfterPage, when set, is called after each fetched URL is committed
	// (tests use it to interrupt a crawl at a known point).
	AfterPage func(url, outcome string)
	// Now returns the current time (default time.Now).
	Now func() time.Time
}

func (o *Options) defaults() {
	if o.Logger == nil {
		o.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if o.MinWords <= 0 {
		o.MinWords = DefaultMinWords
	}
	if o.MaxRetries <= 0 {
		o.MaxRetries = DefaultMaxRetries
	}
	if o.MaxRetryWait <= 0 {
		o.MaxRetryWait = DefaultMaxRetryWait
	}
	if o.RetryBackoff <= 0 {
		o.RetryBackoff = DefaultRetryBackoff
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = DefaultMaxAttempts
	}
	if o.Batch <= 0 {
		o.Batch = DefaultBatch
	}
	if o.Now == nil {
		o.Now = time.Now
	}
}

// sourceInfo is a configured source being crawled.
type sourceInfo struct {
	id      int64
	city    string
	cfg     *config.Source
	allowed map[string]bool // host names
	counts  store.SourceRunCounts
	ok      int // successful responses (2xx, 304)
}

func (s *sourceInfo) allows(u string) bool {
	p, err := url.Parse(u)
	if err != nil {
		return false
	}
	return s.allowed[p.Hostname()]
}

// crawler is one run's state.
type crawler struct {
	db      *store.DB
	cfg     *config.Config
	opts    Options
	log     *slog.Logger
	runID   int64
	ctx     context.Context
	sources map[int64]*sourceInfo
	order   []*sourceInfo
	client  *http.Client

	mu       sync.Mutex
	stats    model.CrawlStats
	inflight map[string]flight
	// finished holds the URLs whose result this run committed: a pending
	// list read just before a commit must not send them again.
	finished map[string]bool
	wake     chan struct{}
	pauses   map[string]time.Time // host -> not before
	robots   map[string]*robotstxt.Group
	bar      *progressbar.ProgressBar
	fatal    error // a store error: stops the run
	pages    int   // HTML pages dispatched
	// cpu bounds concurrent extraction to the number of CPUs: fetches of a
	// batch run in parallel goroutines, and unbounded extraction would
	// starve the reading of other responses into timeouts.
	cpu chan struct{}
}

// Run crawls the configured sources (one city with opts.City) into db and
// returns the run's counts. It records the run in crawl_runs and
// crawl_run_sources, syncs cities and sources from cfg first, and resumes
// whatever a previous, interrupted run left pending. When ctx is cancelled
// it stops dispatching, records the run as interrupted and returns the
// counts so far with ctx.Err(); nothing committed is lost.
func Run(ctx context.Context, db *store.DB, cfg *config.Config, opts Options) (model.CrawlStats, error) {
	opts.defaults()
	if opts.City != "" {
		if _, ok := cfg.City(opts.City); !ok {
			return model.CrawlStats{}, fmt.Errorf("crawl: %w %q (not in %s)", ErrUnknownCity, opts.City, cfg.Path)
		}
	}
	ids, err := db.SyncConfig(ctx, cfg)
	if err != nil {
		return model.CrawlStats{}, fmt.Errorf("crawl: %w", err)
	}
	c := &crawler{db: db, cfg: cfg, opts: opts, log: opts.Logger, ctx: ctx, sources: map[int64]*sourceInfo{},
		inflight: map[string]flight{}, finished: map[string]bool{}, wake: make(chan struct{}, 1), pauses: map[string]time.Time{}, robots: map[string]*robotstxt.Group{}, cpu: make(chan struct{}, runtime.GOMAXPROCS(0))}
	c.stats.Errors = map[string]int{}
	for i := range cfg.Cities {
		city := &cfg.Cities[i]
		if opts.City != "" && city.Name != opts.City {
			continue
		}
		for j := range city.Sources {
			s := &city.Sources[j]
			si := &sourceInfo{id: ids[store.SourceRef{City: city.Name, Source: s.Name}], city: city.Name, cfg: s,
				allowed: map[string]bool{}}
			si.counts.ErrorsByKind = map[string]int{}
			for _, d := range s.AllowedDomains {
				si.allowed[strings.TrimSuffix(strings.ToLower(strings.TrimSpace(d)), ".")] = true
			}
			c.sources[si.id] = si
			c.order = append(c.order, si)
		}
	}
	now := opts.Now()
	host, _ := os.Hostname()
	alive := func(run int64, pid int, h string, heartbeat time.Time) bool {
		return runAlive(db.Path, run, pid, h, heartbeat)
	}
	c.runID, err = db.StartCrawlRun(ctx, opts.City, now, store.RunOwner{PID: os.Getpid(), Host: host, Alive: alive})
	if err != nil {
		return model.CrawlStats{}, fmt.Errorf("crawl: %w", err)
	}
	c.stats.RunID = c.runID
	runKey := fmt.Sprintf("%s#%d", db.Path, c.runID)
	activeRuns.Store(runKey, true)
	defer activeRuns.Delete(runKey)
	err = c.run()
	status := "done"
	switch {
	case ctx.Err() != nil:
		status = "interrupted"
	case err != nil:
		status = "failed"
	case len(c.failedSources()) > 0:
		status = "partial"
	}
	st := c.finalStats()
	// Record the run even when ctx is cancelled.
	if ferr := db.UpdateCrawlRun(context.WithoutCancel(ctx), c.runID, status, opts.Now(), st, c.perSource()); ferr != nil && err == nil {
		err = ferr
	}
	if c.bar != nil {
		c.bar.Finish()
	}
	if err == nil && ctx.Err() != nil {
		err = ctx.Err()
	}
	return st, err
}

// heartbeatStale is how long a running crawl on another host may stay
// silent before it is taken for dead (counts are flushed every 2s).
const heartbeatStale = 2 * time.Minute

// activeRuns holds "dbpath#runID" of the runs going on in this process.
var activeRuns sync.Map

// runAlive reports whether the process of a run left 'running' still
// crawls: in this process, when the run is active; on this host, when its
// pid exists; elsewhere, when it flushed its counts recently.
func runAlive(dbPath string, run int64, pid int, host string, heartbeat time.Time) bool {
	me, _ := os.Hostname()
	if host == me {
		if pid == os.Getpid() {
			_, ok := activeRuns.Load(fmt.Sprintf("%s#%d", dbPath, run))
			return ok
		}
		if pid <= 0 {
			return false
		}
		p, err := os.FindProcess(pid)
		if err != nil {
			return false
		}
		return p.Signal(syscall.Signal(0)) == nil
	}
	return time.Since(heartbeat) < heartbeatStale
}

// failedSources lists sources every fetch of which failed.
func (c *crawler) failedSources() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var out []string
	for _, s := range c.order {
		if s.ok == 0 && s.counts.Errors > 0 {
			out = append(out, s.city+"/"+s.cfg.Name)
		}
	}
	return out
}

func (c *crawler) finalStats() model.CrawlStats {
	c.mu.Lock()
	defer c.mu.Unlock()
	st := c.stats
	st.Errors = map[string]int{}
	for k, v := range c.stats.Errors {
		st.Errors[k] = v
	}
	st.Sources = nil
	for _, s := range c.order {
		e := map[string]int{}
		for k, v := range s.counts.ErrorsByKind {
			e[k] = v
		}
		st.Sources = append(st.Sources, model.SourceCrawlStats{City: s.city, Source: s.cfg.Name,
			Discovered: s.counts.Discovered, Fetched: s.counts.Fetched, New: s.counts.New,
			Unchanged: s.counts.Unchanged, Duplicates: s.counts.Duplicates, RobotsSkipped: s.counts.RobotsSkipped,
			Errors: e, Failed: s.ok == 0 && s.counts.Errors > 0})
	}
	return st
}

func (c *crawler) perSource() map[int64]store.SourceRunCounts {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := map[int64]store.SourceRunCounts{}
	for id, s := range c.sources {
		cc := s.counts
		cc.ErrorsByKind = map[string]int{}
		for k, v := range s.counts.ErrorsByKind {
			cc.ErrorsByKind[k] = v
		}
		out[id] = cc
	}
	return out
}

func (c *crawler) run() error {
	ctx := c.ctx
	now := c.opts.Now()
	// Seed the frontier from the config.
	var sourceIDs []int64
	for _, s := range c.order {
		sourceIDs = append(sourceIDs, s.id)
		var entries []store.FrontierEntry
		add := func(list []config.URL, kind, via string) {
			for _, u := range list {
				cu, ok := Canonical(string(u), nil)
				if !ok {
					continue
				}
				entries = append(entries, store.FrontierEntry{URL: cu, SourceID: s.id, Kind: kind, Via: via})
			}
		}
		add(s.cfg.Feeds, store.FrontierFeed, "config")
		add(s.cfg.Sitemaps, store.FrontierSitemap, "config")
		add(s.cfg.Seeds, store.FrontierPage, "seed")
		n, err := c.db.AddToFrontier(ctx, c.runID, now, entries)
		if err != nil {
			return fmt.Errorf("crawl: seed frontier: %w", err)
		}
		c.count(s, func(sc *store.SourceRunCounts) { sc.Discovered += n })
		c.mu.Lock()
		c.stats.Discovered += n
		c.mu.Unlock()
	}
	requeued, err := c.db.RequeueFrontier(ctx, sourceIDs, c.opts.Revisit, c.opts.MaxAttempts)
	if err != nil {
		return fmt.Errorf("crawl: %w", err)
	}
	c.log.Debug("frontier requeued", "urls", requeued)

	col, err := c.collector()
	if err != nil {
		return err
	}
	if c.opts.Progress != nil {
		c.bar = progressbar.NewOptions(-1, progressbar.OptionSetWriter(c.opts.Progress),
			progressbar.OptionSetDescription("crawling"), progressbar.OptionSpinnerType(14),
			progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString("pages"),
			progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
	}
	// Flush the counts (and the heartbeat that tells other processes this
	// run is alive) every 2 seconds; stopped before the final update.
	stopFlush := make(chan struct{})
	var flushWG sync.WaitGroup
	flushWG.Add(1)
	go func() {
		defer flushWG.Done()
		t := time.NewTicker(2 * time.Second)
		defer t.Stop()
		for {
			select {
			case <-stopFlush:
				return
			case <-t.C:
				if err := c.db.UpdateCrawlRun(ctx, c.runID, "running", time.Time{}, c.finalStats(), c.perSource()); err != nil && ctx.Err() == nil {
					c.log.Warn("flush crawl run counts", "error", err)
				}
			}
		}
	}()
	defer func() {
		close(stopFlush)
		flushWG.Wait()
	}()
	// Dispatch continuously: keep up to Batch URLs in flight and refill
	// when half of them are done, so one slow page does not hold up the
	// others. A URL stays in flight until its result is committed (or it is
	// given up after staleAfter, should colly end a request without any
	// callback).
	staleAfter := c.opts.Timeout*time.Duration(c.opts.MaxRetries+1) +
		c.opts.MaxRetryWait*time.Duration(c.opts.MaxRetries) + time.Minute
	var runErr error
	for ctx.Err() == nil {
		if err := c.fatalErr(); err != nil {
			runErr = err
			break
		}
		n := c.inFlight()
		attempted := 0
		if n <= c.opts.Batch/2 {
			entries, err := c.db.PendingFrontier(ctx, sourceIDs, c.opts.Batch+n)
			if err != nil {
				if ctx.Err() == nil {
					runErr = fmt.Errorf("crawl: %w", err)
				}
				break
			}
			for _, e := range entries {
				if ctx.Err() != nil || n+attempted >= c.opts.Batch {
					break
				}
				if e.Kind == store.FrontierPage && c.opts.MaxPages > 0 && c.pages >= c.opts.MaxPages {
					continue
				}
				c.mu.Lock()
				_, busy := c.inflight[e.URL]
				busy = busy || c.finished[e.URL]
				if !busy {
					// Registered before dispatch: callbacks may finish first.
					c.inflight[e.URL] = flight{e, time.Now()}
				}
				c.mu.Unlock()
				if busy {
					continue
				}
				attempted++
				c.dispatch(col, e)
			}
		}
		if c.inFlight() == 0 && attempted == 0 {
			break // nothing pending (or only pages beyond MaxPages)
		}
		select {
		case <-c.wake:
		case <-time.After(250 * time.Millisecond):
		case <-ctx.Done():
		}
		var stale []store.FrontierEntry
		c.mu.Lock()
		for _, f := range c.inflight {
			if time.Since(f.since) > staleAfter {
				stale = append(stale, f.entry)
			}
		}
		c.mu.Unlock()
		for _, e := range stale {
			c.fail(e, 0, "no_response", "request ended without a response")
		}
	}
	col.Wait()
	if runErr == nil {
		runErr = c.fatalErr()
	}
	return runErr
}

// flight is a dispatched URL waiting for its result.
type flight struct {
	entry store.FrontierEntry
	since time.Time
}

func (c *crawler) inFlight() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.inflight)
}

func (c *crawler) fatalErr() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.fatal
}

// collector builds the colly collector of the run: transport with the
// address guard, timeouts, robots.txt, one LimitRule per domain.
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
	}
	c.client = &http.Client{Transport: transport, Timeout: c.opts.Timeout}
	rt := emptyBodyFix{transport}
	col := colly.NewCollector(
		colly.Async(true),
		colly.UserAgent(c.cfg.Crawl.UserAgent),
		colly.MaxBodySize(int(c.opts.MaxBodyBytes)+1), // one more byte tells "too large" from "exactly the cap"
		colly.AllowURLRevisit(),                       // the frontier decides what is fetched
		colly.ParseHTTPErrorResponse(),
		colly.StdlibContext(c.ctx),
	)
	col.IgnoreRobotsTxt = false
	col.DetectCharset = false // charset is decided per page by extract.DecodeHTML (header, BOM, <meta>, sniffing)
	col.WithTransport(rt)
	col.SetRequestTimeout(c.opts.Timeout)
	col.SetRedirectHandler(func(req *http.Request, via []*http.Request) error {
		if len(via) >= 10 {
			return errors.New("stopped after 10 redirects")
		}
		// colly checks robots.txt for the requested URL only; a redirect
		// must not lead into a disallowed path either.
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
			}
		}
	})
	col.OnResponse(c.onResponse)
	col.OnError(c.onError)
	return col, nil
}

// emptyBodyFix marks bodiless responses (304, HEAD-like) as uncompressed:
// colly would otherwise try to gunzip the empty body of a 304 for a
// .xml.gz URL and fail with EOF.
type emptyBodyFix struct{ rt http.RoundTripper }

func (f emptyBodyFix) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := f.rt.RoundTrip(req)
	if err == nil && (resp.StatusCode == http.StatusNotModified || resp.StatusCode == http.StatusNoContent) {
		resp.Uncompressed = true
	}
	return resp, err
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

// errRedirectRobots is the error of a redirect into a path robots.txt
// disallows.
var errRedirectRobots = errors.New("redirect to a URL disallowed by robots.txt")

// robotsGroup returns the robots.txt rules for our User-Agent on u's host
// (cached per scheme and host; nil when robots.txt cannot be read).
func (c *crawler) robotsGroup(u *url.URL) *robotstxt.Group {
	key := u.Scheme + "://" + u.Host
	c.mu.Lock()
	g, ok := c.robots[key]
	c.mu.Unlock()
	if ok {
		return g
	}
	g = nil
	req, err := http.NewRequestWithContext(c.ctx, "GET", key+"/robots.txt", nil)
	if err == nil {
		req.Header.Set("User-Agent", c.cfg.Crawl.UserAgent)
		if resp, err := c.client.Do(req); err == nil {
			body, _ := io.ReadAll(io.LimitReader(resp.Body, 512<<10))
			resp.Body.Close()
			if robots, err := robotstxt.FromStatusAndBytes(resp.StatusCode, body); err == nil {
				g = robots.FindGroup(c.cfg.Crawl.UserAgent)
			}
		}
	}
	c.mu.Lock()
	c.robots[key] = g
	c.mu.Unlock()
	return g
}

// robotsAllow reports whether robots.txt allows u (true when it cannot be
// read: colly decides for the requested URL itself).
func (c *crawler) robotsAllow(u *url.URL) bool {
	g := c.robotsGroup(u)
	if g == nil {
		return true
	}
	p := u.EscapedPath()
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return g.Test(p)
}

// crawlDelay reads the Crawl-delay robots.txt asks of our User-Agent.
func (c *crawler) crawlDelay(u *url.URL) time.Duration {
	if g := c.robotsGroup(u); g != nil {
		return g.CrawlDelay
	}
	return 0
}

// dispatch sends one frontier URL; false when it was not sent (and was
// recorded as robots-skipped, off-domain or failed).
func (c *crawler) dispatch(col *colly.Collector, e store.FrontierEntry) bool {
	hdr := http.Header{}
	hdr.Set("User-Agent", c.cfg.Crawl.UserAgent)
	hdr.Set("Accept-Language", "*")
	switch e.Kind {
	case store.FrontierFeed:
		hdr.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8")
	case store.FrontierSitemap:
		hdr.Set("Accept", "application/xml, text/xml;q=0.9, */*;q=0.8")
	default:
		hdr.Set("Accept", "text/html, application/xhtml+xml;q=0.9, */*;q=0.5")
	}
	if e.ETag != "" {
		hdr.Set("If-None-Match", e.ETag)
	}
	if e.LastModified != "" {
		hdr.Set("If-Modified-Since", e.LastModified)
	}
	cctx := colly.NewContext()
	ec := e
	cctx.Put("entry", &ec)
	if e.Kind == store.FrontierPage {
		c.pages++
	}
	err := col.Request("GET", e.URL, nil, cctx, hdr)
	if err == nil {
		return true
	}
	if c.ctx.Err() != nil {
		return false
	}
	switch {
	case errors.Is(err, colly.ErrRobotsTxtBlocked):
		c.robotsSkip(e)
	case errors.Is(err, colly.ErrForbiddenDomain):
		c.save(store.PageRecord{URL: e.URL, RunID: c.runID, State: store.StateSkipped, Outcome: "off_domain",
			FetchedAt: c.opts.Now()})
	default:
		// robots.txt could not be fetched (refused address, network).
		c.fail(e, 0, errorKind(err), err.Error())
	}
	c.progress()
	return false
}

// robotsSkip records a URL robots.txt keeps us from.
func (c *crawler) robotsSkip(e store.FrontierEntry) {
	s := c.sources[e.SourceID]
	c.count(s, func(sc *store.SourceRunCounts) { sc.RobotsSkipped++ })
	c.mu.Lock()
	c.stats.RobotsSkipped++
	c.mu.Unlock()
	c.save(store.PageRecord{URL: e.URL, RunID: c.runID, State: store.StateRobots, Outcome: "robots",
		FetchedAt: c.opts.Now()})
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
	e := entryOf(r.Ctx)
	if e == nil || c.ctx.Err() != nil {
		return // cancelled: the URL stays pending for the next run
	}
	if errors.Is(err, errRedirectRobots) {
		c.robotsSkip(*e)
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

// count updates a source's counts under the lock.
func (c *crawler) count(s *sourceInfo, f func(*store.SourceRunCounts)) {
	c.mu.Lock()
	f(&s.counts)
	c.mu.Unlock()
}

// save commits one page record; a store failure stops the run.
func (c *crawler) save(p store.PageRecord) store.SaveResult {
	res, err := c.db.SavePage(context.WithoutCancel(c.ctx), p)
	c.mu.Lock()
	delete(c.inflight, p.URL)
	c.finished[p.URL] = true
	if err != nil && c.fatal == nil {
		c.fatal = fmt.Errorf("crawl: %w", err)
	}
	c.stats.Discovered += res.Added
	c.mu.Unlock()
	select {
	case c.wake <- struct{}{}:
	default:
	}
	if err == nil && c.opts.AfterPage != nil {
		c.opts.AfterPage(p.URL, res.Outcome)
	}
	c.progress()
	return res
}

func (c *crawler) progress() {
	if c.bar == nil {
		return
	}
	c.mu.Lock()
	desc := fmt.Sprintf("new %d, unchanged %d, errors %d", c.stats.New, c.stats.Unchanged, errorsTotal(c.stats.Errors))
	c.mu.Unlock()
	c.bar.Describe(desc)
	c.bar.Add(1)
}

func errorsTotal(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
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

// page extracts and stores an HTML page.
func (c *crawler) page(r *colly.Response, e *store.FrontierEntry, s *sourceInfo, rec store.PageRecord) {
	ct := r.Headers.Get("Content-Type")
	if !isHTML(ct, r.Body) {
		rec.State, rec.Outcome = store.StateSkipped, store.OutcomeNotArticle
		c.notArticle(s, rec)
		return
	}
	body := r.Body
	if _, params, err := mime.ParseMediaType(ct); err != nil || params["charset"] == "" {
		// colly converts bodies whose Content-Type names a charset; the
		// others are decoded here from BOM / <meta charset>.
		var derr error
		if body, _, _, derr = extract.DecodeHTML(body, ct); derr != nil {
			c.fail(*e, 0, "decode", derr.Error())
			return
		}
	}
	final := r.Request.URL
	finalURL, ok := Canonical(final.String(), nil)
	if !ok {
		finalURL = e.URL
	}
	follow := e.Depth < s.cfg.MaxDepth && (e.Via == "seed" || e.Via == "link")
	meta := scanHTML(body, final, follow)
	docURL := finalURL
	if meta.Canonical != "" {
		if cu, ok := Canonical(meta.Canonical, nil); ok && s.allows(cu) {
			docURL = cu
		}
	}
	for _, u := range []string{finalURL, docURL} {
		if u != e.URL {
			rec.Aliases = append(rec.Aliases, store.FrontierEntry{URL: u, SourceID: s.id, Depth: e.Depth, Via: "canonical"})
		}
	}
	if follow && !meta.NoFollow {
		seen := map[string]bool{}
		for _, l := range meta.Links {
			cu, ok := Canonical(l, nil)
			if !ok || seen[cu] || cu == e.URL || cu == docURL || !s.allows(cu) {
				continue
			}
			seen[cu] = true
			rec.Links = append(rec.Links, store.FrontierEntry{URL: cu, SourceID: s.id, Kind: store.FrontierPage,
				Depth: e.Depth + 1, Via: "link"})
		}
	}
	if e.Via == "seed" || meta.NoIndex {
		rec.Outcome = store.OutcomeNotArticle
		c.notArticle(s, rec)
		return
	}
	c.cpu <- struct{}{}
	res, err := extract.Extract(body, docURL, "text/html; charset=utf-8")
	var gz []byte
	if err == nil {
		gz, err = store.Gzip(body)
		if err != nil {
			<-c.cpu
			c.fail(*e, 0, "store", err.Error())
			return
		}
	}
	<-c.cpu
	if err != nil {
		c.log.Debug("extract failed", "url", e.URL, "error", err)
		rec.Outcome = store.OutcomeNotArticle
		c.notArticle(s, rec)
		return
	}
	words := countWords(res.Text)
	if words < c.opts.MinWords {
		rec.Outcome = store.OutcomeNotArticle
		c.notArticle(s, rec)
		return
	}
	published := res.Published
	if published.IsZero() || published.After(time.Now().Add(48*time.Hour)) {
		published = e.HintPublished
	}
	title := res.Title
	if title == "" {
		title = e.HintTitle
	}
	rec.Doc = &store.DocumentRecord{URL: docURL, SourceID: s.id, Title: title, Text: res.Text,
		Published: published.UTC(), Authors: res.Authors, Language: res.Language, Words: words,
		ContentHash: normalizedHash(res.Text), RawHTMLGz: gz}
	if published.IsZero() {
		rec.Doc.Published = time.Time{}
	}
	out := c.save(rec)
	c.mu.Lock()
	switch out.Outcome {
	case store.OutcomeNew:
		c.stats.New++
	case store.OutcomeUpdated:
		c.stats.Updated++
	case store.OutcomeUnchanged:
		c.stats.Unchanged++
	case store.OutcomeDuplicate:
		c.stats.Duplicates++
	}
	c.mu.Unlock()
	c.count(s, func(sc *store.SourceRunCounts) {
		sc.Discovered += out.Added
		switch out.Outcome {
		case store.OutcomeNew, store.OutcomeUpdated:
			sc.New++
		case store.OutcomeUnchanged:
			sc.Unchanged++
		case store.OutcomeDuplicate:
			sc.Duplicates++
		}
	})
}

func (c *crawler) notArticle(s *sourceInfo, rec store.PageRecord) {
	out := c.save(rec)
	c.mu.Lock()
	c.stats.NotArticles++
	c.mu.Unlock()
	c.count(s, func(sc *store.SourceRunCounts) { sc.Discovered += out.Added })
}
