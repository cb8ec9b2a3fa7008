package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"strings"
	"time"

	"github.com/xenoscope/xenoscope/crawl"
	"github.com/xenoscope/xenoscope/model"
	"github.com/xenoscope/xenoscope/store"
)

func init() {
	register("crawl", "collect new articles and statements of the configured cities into the database", runCrawl)
}

func runCrawl(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "crawl", "-config cities.toml -db xenoscope.db [-city NAME ...] [-max-pages N] [-format text|json] [-v]")
	cfgPath := configFlag(fs, "what to crawl (required)")
	dbPath := dbFlag(fs, true)
	var cities stringList
	cityFlag(fs, &cities, "default: every city in the config")
	maxPages := fs.Int("max-pages", 0, "stop after fetching this many HTML pages (0 = no limit); the rest stays queued for the next run")
	format := newFormat(fs, true, "text", "json")
	revisit := fs.Bool("revisit", false, "re-check every known page with a conditional GET (default: only feeds, sitemaps, seeds and listing pages)")
	timeout := fs.Duration("timeout", crawl.DefaultTimeout, "timeout of one request")
	maxBody := fs.Int64("max-body", crawl.DefaultMaxBodyBytes, "largest response body in bytes")
	verbose := fs.Bool("v", false, "verbose: log every page fetched (and every failure) to stderr")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if *cfgPath == "" || *dbPath == "" {
		return usageErr("example: xenoscope crawl -config cities.toml -db xenoscope.db", "crawl needs -config and -db")
	}
	if *maxPages < 0 {
		return usageErr("", "-max-pages must be 0 or more, got %d", *maxPages)
	}
	// The config is checked completely before anything is opened or fetched.
	cfg, err := loadConfig(*cfgPath)
	if err != nil {
		return err
	}
	warnSharedSources(env.Stderr, cfg)
	cfg, city, err := restrictConfig(cfg, cities)
	if err != nil {
		return err
	}
	db, err := store.Open(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.CheckIntact(ctx); err != nil {
		return err
	}

	level := slog.LevelError
	if *verbose {
		level = slog.LevelDebug
	}
	asJSON := format.value == "json"
	opts := crawl.Options{
		City: city, MaxPages: *maxPages, Revisit: *revisit, Timeout: *timeout, MaxBodyBytes: *maxBody,
		Logger: slog.New(slog.NewTextHandler(env.Stderr, &slog.HandlerOptions{Level: level})),
	}
	if !asJSON && !*verbose {
		opts.Progress = terminal(env.Stderr)
	}
	start := time.Now()
	st, err := crawl.Run(ctx, db, cfg, opts)
	endProgress(opts.Progress)
	elapsed := time.Since(start)
	if err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	if asJSON {
		out := struct {
			model.CrawlStats
			Status  string  `json:"status"`
			Seconds float64 `json:"seconds"`
		}{st, runStatus(st, err), elapsed.Seconds()}
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return err
		}
	} else {
		fmt.Fprintln(env.Stdout, crawlSummary(st, elapsed))
	}
	if err != nil {
		return fmt.Errorf("crawl interrupted after %s; run the same command again to resume", elapsed.Round(time.Second))
	}
	var failed []string
	for _, s := range st.Sources {
		if s.Failed {
			failed = append(failed, fmt.Sprintf("%s / %s (%s)", s.City, s.Source, kindsString(s.Errors)))
		}
	}
	if len(failed) > 0 && len(failed) == len(st.Sources) {
		return usageErr(failedHint(st), "every source failed (%d of %d): %s", len(failed), len(st.Sources), strings.Join(failed, "; "))
	}
	if len(failed) > 0 {
		return &PartialError{Msg: fmt.Sprintf("%d of %d sources failed entirely: %s", len(failed), len(st.Sources), strings.Join(failed, "; "))}
	}
	return nil
}

func runStatus(st model.CrawlStats, err error) string {
	if err != nil {
		return "interrupted"
	}
	for _, s := range st.Sources {
		if s.Failed {
			return "partial"
		}
	}
	return "done"
}

// crawlSummary is the one line printed at the end of a crawl.
func crawlSummary(st model.CrawlStats, elapsed time.Duration) string {
	errs := 0
	for _, n := range st.Errors {
		errs += n
	}
	s := fmt.Sprintf("crawl run %d: %d sources, %d URLs discovered, %d fetched, %d new, %d updated, %d unchanged, %d duplicates, %d not articles, %d skipped by robots.txt, %d errors",
		st.RunID, len(st.Sources), st.Discovered, st.Fetched, st.New, st.Updated, st.Unchanged, st.Duplicates,
		st.NotArticles, st.RobotsSkipped, errs)
	if errs > 0 {
		s += " (" + kindsString(st.Errors) + ")"
	}
	if st.NotArticles > 0 {
		// Which pages were not stored and why (listed one by one by -v).
		s += "; not articles: " + kindsString(st.NotArticleReasons)
	}
	return s + fmt.Sprintf(" in %s", elapsed.Round(100*time.Millisecond))
}

func kindsString(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	return strings.Join(parts, ", ")
}

// failedHint says what to do when every source failed, by the kinds of
// error seen.
func failedHint(st model.CrawlStats) string {
	switch {
	case st.Errors["private_address"] > 0:
		return "the sources resolve to loopback or private addresses, which are refused; set allow_private = true under [crawl] if you crawl a local test site on purpose"
	case st.Errors["robots_5xx"] > 0 || st.Errors["robots_unreachable"] > 0:
		return "the sites' robots.txt answered a server error or could not be reached, so they are not crawled (RFC 9309); the next run tries again (rerun with -v to see the requests)"
	case st.RobotsSkipped > 0 && st.Fetched == 0:
		return "robots.txt forbids the configured URLs to our user agent; check the sites' robots.txt"
	case st.Errors["network"] > 0 || st.Errors["timeout"] > 0:
		return "the sites could not be reached: check the URLs in the config and the network (rerun with -v to see every request)"
	case st.Errors["http_5xx"] > 0 || st.Errors["http_429"] > 0:
		return "the sites answered with server errors or rate limits: try again later (rerun with -v to see every request)"
	case st.Errors["http_4xx"] > 0:
		return "the sites answered 4xx: check the feed, sitemap and seed URLs in the config (rerun with -v to see every request)"
	}
	return "rerun with -v to see every request and its error"
}
