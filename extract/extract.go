// Package extract turns a raw HTML page into an article: title, body text
// (paragraphs separated by blank lines), published date, authors, language.
//
// # Choice of extractor
//
// The body comes from github.com/markusmobius/go-trafilatura with its
// defaults (balanced focus), EnableFallback=true (go-shiori go-readability
// and go-domdistiller are compared with trafilatura's own result) and
// comments excluded; a first paragraph that repeats the headline is dropped
// (Result.Title holds it). This was chosen by cross-validation over the sites
// of the development part of ../shared/data/articles, with a held-out part
// (testdata/heldout.txt) frozen by a hash of the site before any result was
// seen. With the benchmark's shingle metric Extract scores F1 0.952 on the
// held-out pages against 0.940 for go-trafilatura, 0.948 for go-trafilatura
// with its fallback and 0.945 for codeberg.org/readeck/go-readability/v2, and
// is no worse than go-trafilatura on any split. The protocol, every figure
// and what was tried and removed are in docs/extraction.md
// (`go test ./extract -run TestCandidates -candidates -v`).
//
// # Pipeline
//
//  1. Size cap: pages above MaxInputSize are refused with ErrTooLarge before
//     any parsing, so a hostile or broken server cannot make us spend
//     unbounded memory or time.
//  2. Charset: DecodeHTML converts the page to UTF-8 (BOM, then the
//     Content-Type header, then <meta charset>, then sniffing).
//  3. Parse once with golang.org/x/net/html; pages with more than
//     MaxElements elements or MaxTextBytes of text, or nested deeper than
//     512 elements, are refused with ErrTooComplex.
//  4. Published date with github.com/markusmobius/go-htmldate: its fast mode
//     (metadata, JSON-LD, <time> elements, the URL, English patterns), and
//     only when that finds nothing, on pages up to 5,000 elements, its
//     extensive mode (dates in the text in many languages); original
//     publication date preferred over last modification; time of day and
//     zone kept when the page states them.
//  5. Body, title and author metadata with go-trafilatura (pages above
//     25,000 elements or 400 KB of text: readeck go-readability, whose cost
//     stays near linear; on pages mostly in Han and kana its minimum result
//     is 100 characters instead of 250); the article tree is rendered to
//     text with one paragraph per block element, without a leading headline.
//  6. The site name is removed from around the title when it matches the
//     page's site name or host; authors are split into one name per entry
//     ("By " and similar removed); the language is go-trafilatura's
//     detection (whatlanggo, ISO 639-1) for texts of 2,000 bytes or more,
//     else a detection with its confidence that falls back to the page's
//     lang attribute.
//  7. Words counts the body's words (scripts without spaces by characters);
//     Marked records whether the page declares itself an article. IsArticle
//     decides from both whether the page is an article to store.
package extract

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/markusmobius/go-htmldate"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// MaxInputSize is the largest page Extract accepts: 10 MiB of raw bytes.
// Real article pages are well below 2 MiB (the largest benchmark page is
// under 1.5 MiB); anything larger is almost always a feed dump, a binary file
// served as HTML or an attack.
const MaxInputSize = 10 << 20

// MaxElements is the largest number of HTML elements Extract processes, and
// MaxTextBytes the largest amount of text (outside script and style).
// go-trafilatura's cost grows faster than linearly with both (it
// concatenates strings while walking the tree): a 4 MB page of 19,000
// paragraphs takes over 30 seconds. The 88 benchmark pages have at most 1,587
// elements and 102 KB of text, so the caps leave a wide margin for real
// articles while bounding the worst case to about a second (see
// docs/extraction.md). html.Parse itself refuses nesting deeper than 512
// open elements; Extract reports that as ErrTooComplex too.
const (
	MaxElements  = 50_000
	MaxTextBytes = 4 << 20
)

// Pages above largeElements elements or largeTextBytes of text (but within
// the caps above) are extracted with codeberg.org/readeck/go-readability/v2
// alone, whose cost is close to linear: about 10x faster than trafilatura on
// such pages, at a loss of accuracy (F1 0.945 vs 0.952 on the held-out
// benchmark pages, 0.959 vs 0.976 on the development pages). trafilatura's
// cost grows with the text more than with the number of elements: a page
// with 22,000 elements and 310 KB of text takes 0.2-0.4 s
// (BenchmarkExtractLarge), so pages are only moved to readability above
// 25,000 elements. (The limit was 6,000; the time it guarded against was
// mostly go-htmldate's extensive search, now bounded in findPublished.) No
// benchmark page comes near these sizes (largest: 1,587 elements), so this
// limit is set by cost, not measured accuracy.
const (
	largeElements  = 25_000
	largeTextBytes = 400 << 10
)

// minBodyWords is the least body an extraction returns. go-trafilatura's
// balanced mode falls back to the page's raw text when it finds less than
// 250 characters, so a page with nothing but navigation comes back as "Home"
// or "Menu Search": one or two words are never article text.
const minBodyWords = 3

// Errors callers test with errors.Is.
var (
	// ErrTooLarge: the page is larger than MaxInputSize bytes.
	ErrTooLarge = errors.New("page too large")
	// ErrTooComplex: the page has more than MaxElements elements, more than
	// MaxTextBytes of text, or elements nested more than 512 deep.
	ErrTooComplex = errors.New("page too complex to extract")
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
	// Words is Words(Text): the body's word count, scripts without spaces
	// counted by characters.
	Words int `json:"-"`
	// Marked: the page declares itself one article (og:type article,
	// article:published_time, JSON-LD of an Article type). IsArticle uses it.
	Marked bool `json:"-"`

	// Charset is the character set the page was decoded from (a WHATWG
	// name: "utf-8", "windows-1252", "shift_jis" ...), CharsetSource how it
	// was determined (see DecodeHTML).
	Charset       string `json:"-"`
	CharsetSource string `json:"-"`
	// Sitename and Description come from the page's metadata, may be "".
	Sitename    string `json:"-"`
	Description string `json:"-"`
	// Extractor is "trafilatura" (the default) or "readability" (pages too
	// large for trafilatura; see MaxElements).
	Extractor string `json:"-"`
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
		// With an in-memory reader the only parse error is the parser's
		// nesting limit ("open stack of elements exceeds 512 nodes").
		return nil, fmt.Errorf("extract %s: %w: %v", pageURL, ErrTooComplex, err)
	}
	elems, textBytes := measure(doc)
	if elems > MaxElements {
		return nil, fmt.Errorf("extract %s: %w: more than %d elements", pageURL, ErrTooComplex, MaxElements)
	} else if textBytes > MaxTextBytes {
		return nil, fmt.Errorf("extract %s: %w: more than %d bytes of text", pageURL, ErrTooComplex, MaxTextBytes)
	}

	var u *url.URL
	if pageURL != "" {
		if pu, err := url.Parse(pageURL); err == nil && pu.IsAbs() {
			u = pu
		}
	}

	// Date first (htmldate works on its own clone of doc).
	published := findPublished(doc, pageURL, elems)

	declaredLang := declaredLanguage(doc)
	marked := markedAsArticle(doc)
	var a article
	if elems > largeElements || textBytes > largeTextBytes {
		a, err = readabilityArticle(doc, u)
	} else {
		a, err = trafilaturaArticle(doc, u, mostlyUnspaced(doc))
	}
	if err != nil {
		return nil, fmt.Errorf("extract %s: %w: %v", pageURL, ErrNoContent, err)
	}
	body := cleanText(renderText(a.node))
	title := cleanTitle(cleanLine(a.title), a.sitename, pageURL)
	body = dropLeadingTitle(body, title, a.title)
	words := Words(body)
	if words < minBodyWords {
		return nil, fmt.Errorf("extract %s: %w (%d words)", pageURL, ErrNoContent, words)
	}
	return &Result{
		URL:           pageURL,
		Title:         title,
		Text:          body,
		Published:     published,
		Authors:       splitAuthors(a.author),
		Language:      detectLanguage(body, a.lang, declaredLang),
		Words:         words,
		Marked:        marked,
		Charset:       cs,
		CharsetSource: csSource,
		Sitename:      cleanLine(a.sitename),
		Description:   cleanLine(a.description),
		Extractor:     a.extractor,
	}, nil
}

// article is what an extractor found, before cleaning.
type article struct {
	node                                 *html.Node
	title, author, sitename, description string
	extractor                            string
	// lang is the extractor's language detection on its whole text, ""
	// when it ran none.
	lang string
}

// trafilaturaArticle is the default extractor (see the package comment).
// go-trafilatura's fallback compares its own result with a Readability
// candidate (and, when still short, go-domdistiller's). The candidate is
// readeck go-readability's article, given to trafilatura instead of the
// go-shiori go-readability run it would make itself: on all 88 benchmark
// pages the extracted text is identical either way, and readeck costs about
// 2.5 ms less CPU per page (docs/extraction.md). It does not modify doc.
//
// go-trafilatura counts its minimum result (MinExtractedSize, 250
// characters: below it the library tries its rescues) in characters, about
// 45 words of English. On a page written mostly in Chinese or Japanese
// characters (unspaced) the minimum is 100 characters, about the same number
// of words (Words counts two such characters to a word): otherwise a short
// Japanese news item goes through the library's baseline rescue, which
// returns the headline, date line and body as one block.
func trafilaturaArticle(doc *html.Node, u *url.URL, unspaced bool) (article, error) {
	opts := trafilatura.Options{
		OriginalURL:     u,
		Focus:           trafilatura.Balanced,
		EnableFallback:  true,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Disabled, // Extract runs go-htmldate itself
	}
	if unspaced {
		opts.Config = trafilatura.DefaultConfig()
		opts.Config.MinExtractedSize = unspacedMinExtracted
	}
	p := readability.NewParser()
	if ra, err := p.ParseDocument(doc, u); err == nil && ra.Node != nil {
		opts.FallbackCandidates = &trafilatura.FallbackCandidates{Readability: ra.Node}
	}
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil {
		return article{}, err
	}
	return article{res.ContentNode, res.Metadata.Title, res.Metadata.Author,
		res.Metadata.Sitename, res.Metadata.Description, "trafilatura", res.Metadata.Language}, nil
}

// readabilityArticle is the extractor for very large pages. It modifies doc.
func readabilityArticle(doc *html.Node, u *url.URL) (article, error) {
	p := readability.NewParser()
	a, err := p.ParseAndMutate(doc, u)
	if err != nil {
		return article{}, err
	}
	if a.Node == nil {
		return article{}, errors.New("readability found no article")
	}
	return article{a.Node, a.Title(), a.Byline(), a.SiteName(), a.Excerpt(), "readability", ""}, nil
}

// publishedDate runs go-htmldate on doc: original publication date
// preferred over modification, page metadata (meta tags, JSON-LD) before a
// date in the URL, time of day and zone kept when the page states them
// (which trafilatura's own call does not ask for). A time without a zone is
// taken as UTC.
//
// The fast mode accepts dates up to a year ahead: go-htmldate's default
// latest date is today, and a page dated a few days ahead (a scheduled post,
// a wrong clock) then had its full date rejected and a coarser year-month
// match returned the 1st of the month, a plausible past date. Returned as
// it is, the future date can be recognised by the caller (the crawler
// ignores dates more than 48 hours ahead). The extensive mode, which reads
// dates in the free text, keeps the default: text mentions coming events.
func publishedDate(doc *html.Node, pageURL string, extensive bool) time.Time {
	opts := htmldate.Options{
		URL:                 pageURL,
		UseOriginalDate:     true,
		ExtractTime:         true,
		SkipExtensiveSearch: !extensive,
		DeferUrlExtractor:   true,
	}
	if !extensive {
		opts.MaxDate = time.Now().AddDate(1, 0, 0)
	}
	d, err := htmldate.FromDocument(doc, opts)
	if err != nil || d.IsZero() {
		return time.Time{}
	}
	// The extensive search falls back to a copyright notice ("© 2019")
	// and returns January 1 of that year: not a publication date, and it
	// would pile undated articles into January of the monthly indicators.
	if d.DateTime.Month() == time.January && d.DateTime.Day() == 1 && !d.HasTime && rxCopyright.MatchString(d.SrcString) {
		return time.Time{}
	}
	t := d.DateTime
	if !d.HasTimezone {
		t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
	}
	return t
}

var rxCopyright = regexp.MustCompile(`(?i)copyright|©|\(c\)|&copy;`)

// findPublished runs go-htmldate's fast mode (page metadata, JSON-LD,
// <time>, the URL, English date patterns) and only when that finds nothing
// its extensive mode (free-text dates in many languages via go-dateparser),
// and that only on pages of at most extensiveMaxElements elements. On the 88
// benchmark pages fast mode finds a date on 86 (85 identical to the
// extensive mode's, one the same day at another time); the extensive mode
// adds the other two (a German and a Korean page), so all 88 are dated as
// before. The extensive mode costs little on an ordinary page but runs
// go-dateparser's regular expressions over every text node: 5.7 s of CPU on
// a page whose 45,000-element menu holds no date (TestFindPublishedBounded).
func findPublished(doc *html.Node, pageURL string, elems int) time.Time {
	if t := publishedDate(doc, pageURL, false); !t.IsZero() || elems > extensiveMaxElements {
		return t
	}
	return publishedDate(doc, pageURL, true)
}

// extensiveMaxElements bounds the pages the extensive date search runs on
// (the largest benchmark page has 1,587 elements).
const extensiveMaxElements = 5_000

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

// measure counts the element nodes of n and the bytes of its text outside
// script and style, stopping once a limit is passed.
func measure(n *html.Node) (elems, textBytes int) {
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && elems <= MaxElements && textBytes <= MaxTextBytes; c = c.NextSibling {
			switch c.Type {
			case html.ElementNode:
				elems++
				if c.Data == "script" || c.Data == "style" {
					continue
				}
			case html.TextNode:
				textBytes += len(c.Data)
			}
			walk(c)
		}
	}
	walk(n)
	return elems, textBytes
}

// unspacedMinExtracted is go-trafilatura's MinExtractedSize for pages
// written mostly in Han and kana (see trafilaturaArticle).
const unspacedMinExtracted = 100

// mostlyUnspaced reports whether at least half of the letters in the first
// 4,000 letters of the page's text (outside script and style) are Han,
// Hiragana or Katakana.
func mostlyUnspaced(doc *html.Node) bool {
	var letters, cjk int
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && letters < 4000; c = c.NextSibling {
			switch c.Type {
			case html.ElementNode:
				if c.DataAtom == atom.Script || c.DataAtom == atom.Style || c.DataAtom == atom.Head {
					continue
				}
			case html.TextNode:
				for _, r := range c.Data {
					if unicode.IsLetter(r) {
						letters++
						if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
							cjk++
						}
					}
				}
			}
			walk(c)
		}
	}
	walk(doc)
	return letters > 0 && 2*cjk >= letters
}

// dropLeadingTitle removes the first paragraph of body when it is the
// headline (the cleaned title or the page's raw title, compared on letters
// and digits only): Result.Title holds it already, and an article body
// (schema.org articleBody, the human-extracted bodies of the benchmark)
// does not repeat it. A body that is nothing but the headline becomes "".
func dropLeadingTitle(body string, titles ...string) string {
	first, rest, _ := strings.Cut(body, "\n\n")
	f := alnum(first)
	if f == "" {
		return body
	}
	for _, t := range titles {
		if alnum(t) == f {
			return rest
		}
	}
	return body
}
