package crawl

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/gocolly/colly/v2"
	"github.com/schollz/progressbar/v3"

	"github.com/xenoscope/xenoscope/config"
	"github.com/xenoscope/xenoscope/store"
)

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
	c.log.Debug("frontier requeued", "urls", requeued.Queued)
	c.givenUp(requeued.GivenUp)

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
			var batch []store.FrontierEntry
			for _, e := range entries {
				if n+len(batch) >= c.opts.Batch {
					break
				}
				if e.Kind == store.FrontierPage {
					if c.opts.MaxPages > 0 && c.pages >= c.opts.MaxPages {
						continue
					}
				}
				c.mu.Lock()
				_, busy := c.inflight[e.URL]
				busy = busy || c.finished[e.URL]
				if !busy {
					// Registered before dispatch: callbacks may finish first.
					c.inflight[e.URL] = flight{entry: e, since: time.Now()}
				}
				c.mu.Unlock()
				if busy {
					continue
				}
				if e.Kind == store.FrontierPage {
					c.pages++
				}
				batch = append(batch, e)
			}
			for _, e := range batch {
				if ctx.Err() != nil {
					break
				}
				attempted++
				c.dispatch(col, e)
			}
		}
		if n == 0 && attempted == 0 {
			// Nothing was in flight when the pending list was read, so no
			// commit can have added to it since: nothing pending (or only
			// pages beyond MaxPages). (Counting in-flight URLs after the
			// read could miss links committed in between.)
			break
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
	if ctx.Err() != nil {
		// A graceful stop: fetches it cut short do not count as attempts.
		c.mu.Lock()
		var cut []string
		for u, f := range c.inflight {
			if f.counted {
				cut = append(cut, u)
			}
		}
		c.mu.Unlock()
		if err := c.db.UnmarkFetching(context.WithoutCancel(ctx), cut); err != nil {
			c.log.Warn("take back interrupted attempts", "error", err)
		}
	}
	if runErr == nil {
		runErr = c.fatalErr()
	}
	return runErr
}

// givenUp reports URLs the store gave up because their fetch was cut short
// (the process died while fetching them) MaxAttempts times in a row.
func (c *crawler) givenUp(es []store.FrontierEntry) {
	for _, e := range es {
		c.log.Warn("giving up a URL: its fetch was cut short by a crash in each of its last attempts", "url", e.URL,
			"attempts", c.opts.MaxAttempts)
		c.mu.Lock()
		c.stats.Errors[store.ErrorInterrupted]++
		c.mu.Unlock()
		if s := c.sources[e.SourceID]; s != nil {
			c.count(s, func(sc *store.SourceRunCounts) { sc.Errors++; sc.ErrorsByKind[store.ErrorInterrupted]++ })
		}
	}
}

// flight is a dispatched URL waiting for its result.
type flight struct {
	entry store.FrontierEntry
	since time.Time
	// counted: its response arrived and the attempt is recorded
	// (store.MarkFetching).
	counted bool
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

// dispatch sends one frontier URL; false when it was not sent (and was
// recorded as robots-skipped, off-domain or failed).
func (c *crawler) dispatch(col *colly.Collector, e store.FrontierEntry) bool {
	u, err := url.Parse(e.URL)
	if err != nil || !c.allowedHosts[strings.ToLower(u.Hostname())] {
		c.save(store.PageRecord{URL: e.URL, RunID: c.runID, State: store.StateSkipped, Outcome: "off_domain",
			FetchedAt: c.opts.Now()})
		return false
	}
	switch skip, err := c.robotsCheck(u); {
	case err != nil:
		// robots.txt could not be requested (refused address).
		c.fail(e, 0, errorKind(err), err.Error())
		return false
	case skip != "":
		c.robotsSkip(e, skip)
		return false
	}
	hdr := http.Header{}
	hdr.Set("User-Agent", c.cfg.Crawl.UserAgent)
	hdr.Set("Accept-Language", "*")
	hdr.Set("Accept-Encoding", "gzip") // decoded by the handlers, bounded (body.go)
	hdr.Set("Accept", acceptHeader(e.Kind))
	if e.ETag != "" {
		hdr.Set("If-None-Match", e.ETag)
	}
	if e.LastModified != "" {
		hdr.Set("If-Modified-Since", e.LastModified)
	}
	cctx := colly.NewContext()
	ec := e
	cctx.Put("entry", &ec)
	err = col.Request("GET", e.URL, nil, cctx, hdr)
	if err == nil {
		return true
	}
	if c.ctx.Err() != nil {
		return false
	}
	if errors.Is(err, colly.ErrForbiddenDomain) {
		c.save(store.PageRecord{URL: e.URL, RunID: c.runID, State: store.StateSkipped, Outcome: "off_domain",
			FetchedAt: c.opts.Now()})
	} else {
		c.fail(e, 0, errorKind(err), err.Error())
	}
	return false
}
