package crawl

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/temoto/robotstxt"

	"github.com/xenoscope/xenoscope/store"
)

// robots.txt is read by the crawler itself (colly's own check is off: it
// reads robots.txt without a size limit, without our User-Agent, and lets a
// host whose robots.txt answers 5xx be crawled). RFC 9309:
//
//   - 2xx: the rules for our User-Agent apply; the first MaxRobotsBytes
//     (decoded) are parsed, the rest ignored (section 2.5 requires 500 KiB);
//   - 3xx: followed (at most 5 hops, section 2.3.1.2);
//   - 4xx ("unavailable"): no rules, everything allowed;
//   - 5xx or unreachable (network error, timeout): complete disallow. The
//     host is not crawled in this run; its URLs are recorded as robots
//     skipped with the reason (robots_5xx, robots_unreachable), counted once
//     per host in the run's errors, and checked again by the next run.
//
// A robots.txt that cannot be fetched because its address is refused
// (private_address) fails the URL like any request to that address.

// MaxRobotsBytes is how much of a decoded robots.txt is parsed.
const MaxRobotsBytes = 512 << 10

// Reasons a host is disallowed because its robots.txt could not be read.
const (
	robots5xx         = "robots_5xx"
	robotsUnreachable = "robots_unreachable"
)

// errRedirectRobots is the error of a redirect into a path robots.txt
// disallows.
var errRedirectRobots = errors.New("redirect to a URL disallowed by robots.txt")

// robotsRules is what robots.txt says for our User-Agent on one host.
type robotsRules struct {
	once  sync.Once
	group *robotstxt.Group // nil: everything allowed
	// unavailable is robots5xx or robotsUnreachable when the whole host is
	// disallowed for this run.
	unavailable string
	// err is set when the fetch was refused before reaching the host
	// (private address): the URL fails with that error.
	err     error
	counted bool // the unavailable reason was counted in the run's errors
}

// rulesFor returns the robots.txt rules of u's scheme and host, fetching
// robots.txt once per run (concurrent callers wait for the one fetch).
func (c *crawler) rulesFor(u *url.URL) *robotsRules {
	key := u.Scheme + "://" + u.Host
	c.mu.Lock()
	r, ok := c.robots[key]
	if !ok {
		r = &robotsRules{}
		c.robots[key] = r
	}
	c.mu.Unlock()
	r.once.Do(func() { c.fetchRobots(key, r) })
	return r
}

func (c *crawler) fetchRobots(key string, r *robotsRules) {
	req, err := http.NewRequestWithContext(c.ctx, "GET", key+"/robots.txt", nil)
	if err != nil {
		r.unavailable = robotsUnreachable
		return
	}
	req.Header.Set("User-Agent", c.cfg.Crawl.UserAgent)
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := c.robotsClient.Do(req)
	if err != nil {
		if errors.Is(err, ErrPrivateAddress) {
			r.err = err
			return
		}
		c.log.Warn("robots.txt unreachable: host not crawled in this run", "robots", key+"/robots.txt", "error", err)
		r.unavailable = robotsUnreachable
		return
	}
	defer resp.Body.Close()
	switch s := resp.StatusCode; {
	case s >= 500:
		c.log.Warn("robots.txt answers a server error: host not crawled in this run", "robots", key+"/robots.txt", "status", s)
		r.unavailable = robots5xx
		return
	case s >= 400:
		return // unavailable: no rules
	case s >= 300:
		// More than the redirects the client follows.
		r.unavailable = robotsUnreachable
		return
	}
	// Wire bytes are bounded too: a robots.txt is never near the cap.
	wire, err := io.ReadAll(io.LimitReader(resp.Body, c.opts.MaxBodyBytes))
	if err != nil {
		c.log.Warn("robots.txt unreachable: host not crawled in this run", "robots", key+"/robots.txt", "error", err)
		r.unavailable = robotsUnreachable
		return
	}
	dr, err := decodedReader(wire, resp.Header.Get("Content-Encoding"), false)
	if err != nil {
		c.log.Warn("robots.txt undecodable: ignored", "robots", key+"/robots.txt", "error", err)
		return
	}
	body, _ := io.ReadAll(io.LimitReader(dr, MaxRobotsBytes)) // a truncated stream keeps what it gave
	if rd, err := robotstxt.FromBytes(body); err == nil {
		r.group = rd.FindGroup(c.cfg.Crawl.UserAgent)
	}
}

// robotsCheck says whether u may be fetched: "" when allowed, else the
// reason it is skipped ("robots", robots5xx, robotsUnreachable); err when
// robots.txt itself could not be requested (private address).
func (c *crawler) robotsCheck(u *url.URL) (skip string, err error) {
	r := c.rulesFor(u)
	switch {
	case r.err != nil:
		return "", r.err
	case r.unavailable != "":
		return r.unavailable, nil
	case r.group == nil:
		return "", nil
	}
	p := u.EscapedPath()
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	if !r.group.Test(p) {
		return "robots", nil
	}
	return "", nil
}

// robotsAllow reports whether u may be fetched (redirect targets).
func (c *crawler) robotsAllow(u *url.URL) bool {
	skip, err := c.robotsCheck(u)
	return skip == "" && err == nil
}

// crawlDelay reads the Crawl-delay robots.txt asks of our User-Agent.
func (c *crawler) crawlDelay(u *url.URL) time.Duration {
	if r := c.rulesFor(u); r.group != nil {
		return r.group.CrawlDelay
	}
	return 0
}

// robotsSkip records a URL robots.txt keeps us from. reason is "robots"
// (disallowed) or why robots.txt could not be read; the latter is counted
// once per host as an error of that kind.
func (c *crawler) robotsSkip(e store.FrontierEntry, reason string) {
	s := c.sources[e.SourceID]
	errKind := ""
	if reason != "robots" {
		errKind = reason
		if u, err := url.Parse(e.URL); err == nil {
			r := c.rulesFor(u)
			c.mu.Lock()
			first := !r.counted
			r.counted = true
			if first {
				c.stats.Errors[reason]++
			}
			c.mu.Unlock()
			if first {
				c.count(s, func(sc *store.SourceRunCounts) { sc.Errors++; sc.ErrorsByKind[reason]++ })
			}
		}
	}
	c.count(s, func(sc *store.SourceRunCounts) { sc.RobotsSkipped++ })
	c.mu.Lock()
	c.stats.RobotsSkipped++
	c.mu.Unlock()
	c.save(store.PageRecord{URL: e.URL, RunID: c.runID, State: store.StateRobots, Outcome: "robots",
		ErrorKind: errKind, FetchedAt: c.opts.Now()})
}

// robotsRedirectLimit is how many redirects a robots.txt fetch follows.
const robotsRedirectLimit = 5

func robotsRedirects(req *http.Request, via []*http.Request) error {
	if len(via) >= robotsRedirectLimit {
		return fmt.Errorf("robots.txt: stopped after %d redirects", robotsRedirectLimit)
	}
	return nil
}
