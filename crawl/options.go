package crawl

import (
	"errors"
	"io"
	"log/slog"
	"time"
)

// Defaults for Options fields left zero.
const (
	DefaultTimeout      = 30 * time.Second
	DefaultMaxBodyBytes = 10 << 20
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
	// MinWords is the least extracted words (extract.Words) for a page to
	// be stored as a document; a page marked as a dated article needs 30%
	// of it (extract.IsArticle). 0: the config's [crawl] min_words, else
	// extract.DefaultMinWords (50). Seed pages are never stored.
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
