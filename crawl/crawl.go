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
// Politeness: robots.txt is obeyed (read by the crawler, RFC 9309) and its
// Crawl-delay honoured, each domain has its own colly LimitRule (delay and
// parallelism from the config), requests carry an identifying User-Agent,
// 429/503 answers are retried after Retry-After (or an exponential backoff)
// with the whole host paused, requests time out. Every read is bounded after
// decompression too (body.go). Re-crawls send conditional GETs (ETag /
// Last-Modified); a 304 or an unchanged text is not stored again.
//
// Files by concern: options.go (Options and defaults), frontier.go (the
// dispatch loop), fetch.go (collector, transport, retries, errors),
// robots.go, body.go (bounded decoding), handle.go (the handler of a fetched
// body by frontier kind and content type), sitemap.go, feed.go, page.go
// (HTML pages: links, canonical, article decision), canon.go (URL
// canonicalisation), guard.go (the private-address guard).
//
// See docs/crawling.md for the decisions (canonical URLs, duplicates, what
// counts as an article, limits, resume).
package crawl

import (
	"context"
	"fmt"
	"log/slog"
	"maps"
	"net/http"
	"net/url"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/xenoscope/xenoscope/config"
	"github.com/xenoscope/xenoscope/extract"
	"github.com/xenoscope/xenoscope/model"
	"github.com/xenoscope/xenoscope/store"
)

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
	// allowedHosts is the union of the sources' allowed domains: nothing
	// else is requested (robots.txt included).
	allowedHosts map[string]bool
	// robotsClient fetches robots.txt (same transport as the pages).
	robotsClient *http.Client

	mu       sync.Mutex
	stats    model.CrawlStats
	inflight map[string]flight
	// finished holds the URLs whose result this run committed: a pending
	// list read just before a commit must not send them again.
	finished map[string]bool
	wake     chan struct{}
	pauses   map[string]time.Time    // host -> not before
	robots   map[string]*robotsRules // scheme://host -> rules, fetched once per run
	bar      *progressbar.ProgressBar
	fatal    error // a store error: stops the run
	pages    int   // HTML pages dispatched
	// cpu bounds concurrent extraction to the number of CPUs: fetches of a
	// batch run in parallel goroutines, and unbounded extraction would
	// starve the reading of other responses into timeouts.
	cpu chan struct{}
	// bodies bounds the response bodies held in memory (bodySlots).
	bodies chan struct{}
}

// Run crawls the configured sources (one city with opts.City) into db and
// returns the run's counts. It records the run in crawl_runs and
// crawl_run_sources, syncs cities and sources from cfg first, and resumes
// whatever a previous, interrupted run left pending. When ctx is cancelled
// it stops dispatching, records the run as interrupted and returns the
// counts so far with ctx.Err(); nothing committed is lost.
func Run(ctx context.Context, db *store.DB, cfg *config.Config, opts Options) (model.CrawlStats, error) {
	opts.defaults()
	defer crawlGC()()
	if opts.MinWords <= 0 {
		opts.MinWords = extract.DefaultMinWords
		if cfg.Crawl.MinWords != nil {
			opts.MinWords = *cfg.Crawl.MinWords // 0: any page with text is an article
		}
	}
	if opts.City != "" {
		if _, ok := cfg.City(opts.City); !ok {
			return model.CrawlStats{}, fmt.Errorf("crawl: %w %q (not in %s)", ErrUnknownCity, opts.City, cfg.Path)
		}
	}
	ids, err := db.SyncSources(ctx, cfg.Specs())
	if err != nil {
		return model.CrawlStats{}, fmt.Errorf("crawl: %w", err)
	}
	c := &crawler{db: db, cfg: cfg, opts: opts, log: opts.Logger, ctx: ctx, sources: map[int64]*sourceInfo{},
		inflight: map[string]flight{}, finished: map[string]bool{}, wake: make(chan struct{}, 1), pauses: map[string]time.Time{}, robots: map[string]*robotsRules{}, allowedHosts: map[string]bool{}, cpu: make(chan struct{}, runtime.GOMAXPROCS(0)), bodies: make(chan struct{}, bodySlots())}
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
				h := strings.TrimSuffix(strings.ToLower(strings.TrimSpace(d)), ".")
				si.allowed[h] = true
				c.allowedHosts[h] = true
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

// crawlGCPercent is the garbage collector's target while a crawl runs
// (unless GOGC is set): extraction allocates a page's DOM and throws it away,
// and collecting at twice the live heap instead of once costs 10% less CPU
// per page (BenchmarkIngestVsRawFetch: 12.2 vs 13.6 ms). crawlMemoryLimit
// (unless GOMEMLIMIT is set) is the soft limit that keeps the larger target
// from growing the process: near it the collector runs sooner and returns
// memory to the system. A crawl's live heap is far below it (about 100 MB
// against 48 decompression bombs at parallelism 8).
const (
	crawlGCPercent   = 200
	crawlMemoryLimit = 384 << 20
)

var (
	gcMu        sync.Mutex
	gcRuns      int
	gcSaved     int
	gcSavedLim  int64
	gcSetLimit  bool
	gcSetTarget bool
)

// crawlGC sets the GC target and soft memory limit for the crawls running
// in this process and returns the function that restores them when the
// last one ends.
func crawlGC() func() {
	gcMu.Lock()
	defer gcMu.Unlock()
	if gcRuns == 0 {
		if gcSetTarget = os.Getenv("GOGC") == ""; gcSetTarget {
			gcSaved = debug.SetGCPercent(crawlGCPercent)
		}
		if gcSetLimit = os.Getenv("GOMEMLIMIT") == ""; gcSetLimit {
			gcSavedLim = debug.SetMemoryLimit(crawlMemoryLimit)
		}
	}
	gcRuns++
	return func() {
		gcMu.Lock()
		defer gcMu.Unlock()
		if gcRuns--; gcRuns > 0 {
			return
		}
		if gcSetTarget {
			debug.SetGCPercent(gcSaved)
		}
		if gcSetLimit {
			debug.SetMemoryLimit(gcSavedLim)
		}
	}
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
	st.Errors = maps.Clone(c.stats.Errors)
	st.NotArticleReasons = maps.Clone(c.stats.NotArticleReasons)
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

// count updates a source's counts under the lock.
func (c *crawler) count(s *sourceInfo, f func(*store.SourceRunCounts)) {
	c.mu.Lock()
	f(&s.counts)
	c.mu.Unlock()
}

// save commits one page record; a store failure stops the run.
func (c *crawler) save(p store.PageRecord) store.SaveResult {
	c.mu.Lock()
	p.Counted = c.inflight[p.URL].counted
	c.mu.Unlock()
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
	if err == nil {
		// One line per page at debug level (crawl -v).
		c.log.Debug("page", "url", p.URL, "status", p.Status, "state", p.State, "outcome", res.Outcome)
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
