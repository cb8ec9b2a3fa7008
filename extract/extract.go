// Package extract turns a raw HTML page into an article: title, body text
// (paragraphs separated by blank lines), published date, authors, language.
//
// # Choice of extractor
//
// The body comes from github.com/markusmobius/go-trafilatura with
// Focus=FavorPrecision, EnableFallback=true (go-readability and
// go-domdistiller are consulted when trafilatura's own result looks too short
// or odd) and comments excluded. On the 88 pages of the Zyte
// article-extraction benchmark in ../shared/data/articles this scores F1 0.970
// with the benchmark's shingle metric, against 0.961 for trafilatura's
// defaults and 0.955 for codeberg.org/readeck/go-readability/v2; the full
// table, the cost per page and the reasons are in docs/extraction.md and are
// reproduced by `go test ./extract -run TestCandidates -candidates -v`.
//
// # Pipeline
//
//  1. Size cap: pages above MaxInputSize are refused with ErrTooLarge before
//     any parsing, so a hostile or broken server cannot make us spend
//     unbounded memory or time.
//  2. Charset: DecodeHTML converts the page to UTF-8 (BOM, then the
//     Content-Type header, then <meta charset>, then sniffing).
//  3. Parse once with golang.org/x/net/html; pages with more than
//     MaxElements elements are refused with ErrTooComplex.
//  4. Published date with github.com/markusmobius/go-htmldate (metadata,
//     JSON-LD, URL, <time> elements; original publication date preferred over
//     last modification; time of day and zone kept when the page states them).
//  5. Body, title and author metadata with go-trafilatura; the article tree is
//     rendered to text with one paragraph per block element.
//  6. Authors are split into one name per entry ("By " and similar removed);
//     language is detected from the text (whatlanggo, ISO 639-1) and falls
//     back to the page's lang attribute.
package extract

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/markusmobius/go-htmldate"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// MaxInputSize is the largest page Extract accepts: 10 MiB of raw bytes.
// Real article pages are well below 2 MiB (the largest benchmark page is
// under 1.5 MiB); anything larger is almost always a feed dump, a binary file
// served as HTML or an attack.
const MaxInputSize = 10 << 20

// MaxElements is the largest number of HTML elements Extract processes.
// The extractors walk the tree several times; beyond this size a page costs
// seconds instead of milliseconds and is not an article anyway (benchmark
// pages have at most a few thousand elements).
const MaxElements = 100_000

// Errors callers test with errors.Is.
var (
	// ErrTooLarge: the page is larger than MaxInputSize bytes.
	ErrTooLarge = errors.New("page too large")
	// ErrTooComplex: the page has more than MaxElements elements.
	ErrTooComplex = errors.New("page has too many HTML elements")
	// ErrNotHTML: the Content-Type or the bytes say this is not an HTML page
	// (an image, a PDF, an archive ...).
	ErrNotHTML = errors.New("not an HTML page")
	// ErrNoContent: no article text could be found on the page.
	ErrNoContent = errors.New("no article text found")
)

// Result is one extracted article.
type Result struct {
	URL   string `json:"url"`
	Title string `json:"title"`
	// Text is the article body: paragraphs separated by one blank line,
	// white space inside a paragraph collapsed to single spaces.
	Text string `json:"text"`
	// Published is the publication date, zero when unknown. When the page
	// gives only a day, the time is midnight UTC.
	Published time.Time `json:"-"`
	// Authors is never nil; one name per entry.
	Authors []string `json:"authors"`
	// Language is an ISO 639-1 code ("en", "de"), "" when unknown.
	Language string `json:"language"`

	// Charset is the character set the page was decoded from (a WHATWG
	// name: "utf-8", "windows-1252", "shift_jis" ...), CharsetSource how it
	// was determined (see DecodeHTML).
	Charset       string `json:"-"`
	CharsetSource string `json:"-"`
	// Sitename and Description come from the page's metadata, may be "".
	Sitename    string `json:"-"`
	Description string `json:"-"`
}

// MarshalJSON writes the six public fields of the `xenoscope extract`
// output: url, title, text, published (RFC 3339 or ""), authors ([] when
// none) and language.
func (r *Result) MarshalJSON() ([]byte, error) {
	pub := ""
	if !r.Published.IsZero() {
		pub = r.Published.Format(time.RFC3339)
	}
	authors := r.Authors
	if authors == nil {
		authors = []string{}
	}
	type out struct {
		URL       string   `json:"url"`
		Title     string   `json:"title"`
		Text      string   `json:"text"`
		Published string   `json:"published"`
		Authors   []string `json:"authors"`
		Language  string   `json:"language"`
	}
	return jsonMarshal(out{r.URL, r.Title, r.Text, pub, authors, r.Language})
}

// Extract extracts the article from raw, the page body as fetched.
// contentType is the HTTP Content-Type header ("" when unknown); pageURL
// resolves relative links, helps date extraction and is returned as
// Result.URL. Errors wrap ErrTooLarge, ErrTooComplex, ErrNotHTML or
// ErrNoContent. Extract is safe for concurrent use.
func Extract(raw []byte, pageURL, contentType string) (*Result, error) {
	if len(raw) > MaxInputSize {
		return nil, fmt.Errorf("extract %s: %w: %d bytes, limit %d", pageURL, ErrTooLarge, len(raw), MaxInputSize)
	}
	if err := checkHTML(raw, contentType); err != nil {
		return nil, fmt.Errorf("extract %s: %w", pageURL, err)
	}
	text, cs, csSource, err := DecodeHTML(raw, contentType)
	if err != nil {
		return nil, fmt.Errorf("extract %s: %w", pageURL, err)
	}
	doc, err := html.Parse(bytes.NewReader(text))
	if err != nil {
		return nil, fmt.Errorf("extract %s: parse html: %w", pageURL, err)
	}
	if n := countElements(doc, MaxElements+1); n > MaxElements {
		return nil, fmt.Errorf("extract %s: %w: more than %d", pageURL, ErrTooComplex, MaxElements)
	}

	var u *url.URL
	if pageURL != "" {
		if pu, err := url.Parse(pageURL); err == nil && pu.IsAbs() {
			u = pu
		}
	}

	// Date first (htmldate works on its own clone of doc): we ask for the
	// time of day too, which trafilatura's own call does not.
	var published time.Time
	if d, err := htmldate.FromDocument(doc, htmldate.Options{
		URL:                 pageURL,
		UseOriginalDate:     true,
		ExtractTime:         true,
		SkipExtensiveSearch: !extensiveDates,
		DeferUrlExtractor:   true,
	}); err == nil && !d.IsZero() {
		published = d.DateTime
		if !d.HasTimezone {
			published = time.Date(published.Year(), published.Month(), published.Day(),
				published.Hour(), published.Minute(), published.Second(), 0, time.UTC)
		}
	}

	res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
		OriginalURL:     u,
		Focus:           trafilatura.FavorPrecision,
		EnableFallback:  true,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Disabled,
	})
	if err != nil {
		return nil, fmt.Errorf("extract %s: %w: %v", pageURL, ErrNoContent, err)
	}
	body := cleanText(renderText(res.ContentNode))
	if body == "" {
		return nil, fmt.Errorf("extract %s: %w", pageURL, ErrNoContent)
	}
	return &Result{
		URL:           pageURL,
		Title:         cleanLine(res.Metadata.Title),
		Text:          body,
		Published:     published,
		Authors:       splitAuthors(res.Metadata.Author),
		Language:      detectLanguage(body, doc),
		Charset:       cs,
		CharsetSource: csSource,
		Sitename:      cleanLine(res.Metadata.Sitename),
		Description:   cleanLine(res.Metadata.Description),
	}, nil
}

// extensiveDates selects go-htmldate's extensive search (free-text dates in
// many languages via go-dateparser) over its fast mode (metadata, JSON-LD,
// URL, <time>, English patterns). See docs/extraction.md for the cost.
var extensiveDates = false

// checkHTML refuses what is clearly not an HTML page.
func checkHTML(raw []byte, contentType string) error {
	if contentType != "" {
		mt, _, err := mime.ParseMediaType(contentType)
		if err == nil {
			switch {
			case mt == "text/html", mt == "application/xhtml+xml", mt == "text/plain",
				mt == "application/xml", mt == "text/xml", mt == "application/octet-stream":
				// text/plain, xml and octet-stream are common mislabels of
				// HTML pages; the bytes decide below.
			default:
				return fmt.Errorf("%w: Content-Type %s", ErrNotHTML, mt)
			}
		}
	}
	sniff := http.DetectContentType(raw)
	for _, p := range []string{"image/", "audio/", "video/", "font/", "application/pdf",
		"application/zip", "application/x-gzip", "application/x-rar", "application/wasm",
		"application/vnd.ms-fontobject", "application/ogg", "application/postscript"} {
		if strings.HasPrefix(sniff, p) {
			return fmt.Errorf("%w: content looks like %s", ErrNotHTML, sniff)
		}
	}
	return nil
}

// countElements counts element nodes in n, stopping early past limit.
func countElements(n *html.Node, limit int) int {
	count := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && count < limit; c = c.NextSibling {
			if c.Type == html.ElementNode {
				count++
			}
			walk(c)
		}
	}
	walk(n)
	return count
}
