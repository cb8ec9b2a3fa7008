package crawl

import (
	"errors"
	"io"
	"net/http"
	"net/url"
	"time"

	"github.com/temoto/robotstxt"

	"github.com/xenoscope/xenoscope/store"
)

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
