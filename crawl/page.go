package crawl

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/xenoscope/xenoscope/extract"
	"github.com/xenoscope/xenoscope/store"
)

// htmlHandler reads HTML pages: it follows their links (seeds and pages
// reached by links, up to max_depth), and stores the article a page holds.
type htmlHandler struct{}

func (htmlHandler) kind() string   { return store.FrontierPage }
func (htmlHandler) accept() string { return "text/html, application/xhtml+xml;q=0.9" }
func (htmlHandler) reads(mediaType string, head []byte) bool {
	return isHTML(mediaType, head)
}

// Reasons a fetched HTML page is not stored as a document (frontier
// last_error of its not_article row, CrawlStats.NotArticleReasons).
const (
	reasonSeed      = "seed"      // a configured seed: a listing page by definition
	reasonNoIndex   = "noindex"   // <meta name=robots content=noindex>
	reasonNotHTML   = "not_html"  // no handler reads its content type
	reasonNoText    = "no_text"   // the extractor found no article text
	reasonTooShort  = "too_short" // fewer words than min_words
	reasonTooLarge  = "too_large" // decoded, more than MaxBodyBytes
	reasonTooComplx = "too_complex"
)

// Published dates further than this in the future are not believed (a
// clock skew of a day or two is): the feed's or sitemap's date is used
// instead.
const maxFutureSkew = 48 * time.Hour

func (htmlHandler) handle(c *crawler, f *fetched) {
	e, s, rec := f.entry, f.source, f.rec
	// Decoding, scanning and extracting hold one of GOMAXPROCS slots: CPU,
	// and the memory of a decoded page (up to the body cap each), are bounded
	// however many responses wait. The slot is freed before committing.
	c.cpu <- struct{}{}
	held := true
	free := func() {
		if held {
			<-c.cpu
			held = false
		}
	}
	defer free()
	raw, err := f.decoded(c.opts.MaxBodyBytes, false)
	if err != nil {
		free()
		if errors.Is(err, errTooLarge) {
			c.fail(*e, 0, "too_large", fmt.Sprintf("page over %d bytes decoded (%s)", c.opts.MaxBodyBytes, f.encoding))
		} else {
			c.fail(*e, 0, "decode", err.Error())
		}
		return
	}
	// The charset is decided here for every page (header, BOM, <meta>,
	// sniffing); extract then gets UTF-8.
	body, _, _, err := extract.DecodeHTML(raw, f.contentType)
	if err != nil {
		free()
		c.fail(*e, 0, "decode", err.Error())
		return
	}
	final := f.url
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
	if finalURL != e.URL {
		// A redirect's target is this page: not fetched again.
		rec.Aliases = append(rec.Aliases, store.FrontierEntry{URL: finalURL, SourceID: s.id, Depth: e.Depth, Via: "redirect"})
	}
	if docURL != finalURL {
		// A rel=canonical URL is only what the page claims: it is queued
		// (unless known) so that its own fetch decides what is stored
		// there; the claim never overwrites another article (store).
		rec.Links = append(rec.Links, store.FrontierEntry{URL: docURL, SourceID: s.id, Kind: store.FrontierPage,
			Depth: e.Depth, Via: "canonical"})
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
	switch {
	case e.Via == "seed":
		free()
		c.notArticle(s, rec, reasonSeed, "")
		return
	case meta.NoIndex:
		free()
		c.notArticle(s, rec, reasonNoIndex, "")
		return
	}
	if n, over := startTagsOver(body, extract.MaxElements); over {
		// Refused before extraction parses it: a DOM of millions of
		// elements takes hundreds of MB (a 10 MiB page of "<p>x" packs
		// into 30 KB of gzip); extract would refuse it after parsing.
		free()
		c.notArticle(s, rec, reasonTooComplx, fmt.Sprintf("more than %d elements (%d start tags)", extract.MaxElements, n))
		return
	}
	res, err := extract.Extract(body, docURL, "text/html; charset=utf-8")
	var gz []byte
	if err == nil {
		gz, err = rawHTMLGz(f, raw, body)
		if err != nil {
			free()
			c.fail(*e, 0, "store", err.Error())
			return
		}
	}
	free()
	if err != nil {
		reason := reasonNoText
		switch {
		case errors.Is(err, extract.ErrTooLarge):
			reason = reasonTooLarge
		case errors.Is(err, extract.ErrTooComplex):
			reason = reasonTooComplx
		case errors.Is(err, extract.ErrNotHTML):
			reason = reasonNotHTML
		}
		c.notArticle(s, rec, reason, err.Error())
		return
	}
	words, reason, why := articleDecision(res, c.opts.MinWords)
	if reason != "" {
		c.notArticle(s, rec, reason, why)
		return
	}
	published := res.Published
	if published.IsZero() || published.After(c.opts.Now().Add(maxFutureSkew)) {
		published = e.HintPublished
	}
	title := res.Title
	if title == "" {
		title = e.HintTitle
	}
	rec.Doc = &store.DocumentRecord{URL: docURL, SourceID: s.id, Title: title, Text: res.Text,
		Published: published.UTC(), Authors: res.Authors, Language: res.Language, Words: words,
		ContentHash: normalizedHash(res.Text), RawHTMLGz: gz}
	if docURL != finalURL {
		rec.Doc.FetchedURL = finalURL // the canonical URL is only claimed
	}
	if published.IsZero() {
		rec.Doc.Published = time.Time{}
	}
	out := c.save(rec)
	if out.StoredURL != "" && out.StoredURL != docURL {
		c.log.Info("rel=canonical names another stored article: stored under the page's own URL",
			"url", e.URL, "canonical", docURL)
	}
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

// startTagsOver reports whether page has more than limit start tags (the
// elements a parser would build), without building anything: a byte scan
// for "<" and a letter first (microseconds; an upper bound), the HTML
// tokenizer only when that bound passes the limit (script text holding
// "<div" is not a tag). n is the count that decided.
func startTagsOver(page []byte, limit int) (n int, over bool) {
	for i := 0; i+1 < len(page); {
		j := bytes.IndexByte(page[i:], '<')
		if j < 0 {
			break
		}
		i += j + 1
		if c := page[i] | 0x20; c >= 'a' && c <= 'z' {
			n++
		}
	}
	if n <= limit {
		return n, false
	}
	n = 0
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return n, false
		case html.StartTagToken, html.SelfClosingTagToken:
			if n++; n > limit {
				return n, true
			}
		}
	}
}

// rawHTMLGz returns the gzip of a page's UTF-8 bytes for
// documents.raw_html_gz. A UTF-8 page that came gzip-encoded (most news
// sites send gzip) is stored as it came over the wire: the same bytes, no
// second compression.
func rawHTMLGz(f *fetched, decoded, utf8Body []byte) ([]byte, error) {
	enc := strings.ToLower(strings.TrimSpace(f.encoding))
	sameBytes := len(decoded) > 0 && len(decoded) == len(utf8Body) && &decoded[0] == &utf8Body[0]
	if (enc == "gzip" || enc == "x-gzip") && sameBytes {
		return f.body, nil
	}
	return store.Gzip(utf8Body)
}

// articleDecision applies the article rule (extract.IsArticle, with the
// run's min_words) to an extracted page: its word count, and "" when it is
// an article, else why not. min_words = 0 takes any page with text.
func articleDecision(res *extract.Result, minWords int) (words int, reason, detail string) {
	if minWords == 0 {
		return res.Words, "", ""
	}
	if ok, why := extract.IsArticle(res, minWords); !ok {
		return res.Words, reasonTooShort, why
	}
	return res.Words, "", ""
}

// notArticle records a fetched page that is not stored as a document, with
// the reason (listed by crawl -v, counted per reason in the run's stats).
func (c *crawler) notArticle(s *sourceInfo, rec store.PageRecord, reason, detail string) {
	if rec.Outcome == "" {
		rec.Outcome = store.OutcomeNotArticle
	}
	rec.ErrorKind = reason
	out := c.save(rec)
	c.mu.Lock()
	c.stats.NotArticles++
	if c.stats.NotArticleReasons == nil {
		c.stats.NotArticleReasons = map[string]int{}
	}
	c.stats.NotArticleReasons[reason]++
	c.mu.Unlock()
	c.count(s, func(sc *store.SourceRunCounts) { sc.Discovered += out.Added })
	if reason != reasonSeed {
		c.log.Warn("not stored: not an article", "url", rec.URL, "reason", reason, "detail", detail)
	}
}

// pageMeta is what the crawler reads from a page besides the article.
type pageMeta struct {
	Canonical string   // href of <link rel=canonical>, resolved
	Links     []string // hrefs of <a>, resolved, in order, unfiltered
	NoIndex   bool     // <meta name=robots content=noindex>
	NoFollow  bool     // <meta name=robots content=nofollow>
}

// scanHTML tokenises a UTF-8 page once for its canonical link, robots meta
// and (when links is true) its anchors, resolved against pageURL and <base>.
// Without links it stops at the end of <head>.
func scanHTML(body []byte, pageURL *url.URL, links bool) pageMeta {
	var m pageMeta
	base := pageURL
	z := html.NewTokenizer(bytes.NewReader(body))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return m
		}
		if tt == html.EndTagToken && !links {
			// rel=canonical and the robots meta belong in <head> (search
			// engines ignore them elsewhere): without links to collect,
			// the rest of the page is not read.
			if name, _ := z.TagName(); atom.Lookup(name) == atom.Head {
				return m
			}
			continue
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		if !links && atom.Lookup(name) == atom.Body {
			return m
		}
		if !hasAttr {
			continue
		}
		switch atom.Lookup(name) {
		case atom.A:
			if !links {
				continue
			}
			if href := attr(z, "href", ""); href != "" {
				if u, err := url.Parse(strings.TrimSpace(href)); err == nil {
					m.Links = append(m.Links, base.ResolveReference(u).String())
				}
			}
		case atom.Link:
			var rel, href string
			for {
				k, v, more := z.TagAttr()
				switch string(k) {
				case "rel":
					rel = strings.ToLower(string(v))
				case "href":
					href = string(v)
				}
				if !more {
					break
				}
			}
			if m.Canonical == "" && href != "" && hasToken(rel, "canonical") {
				if u, err := url.Parse(strings.TrimSpace(href)); err == nil {
					m.Canonical = base.ResolveReference(u).String()
				}
			}
		case atom.Base:
			if href := attr(z, "href", ""); href != "" {
				if u, err := url.Parse(strings.TrimSpace(href)); err == nil {
					base = pageURL.ResolveReference(u)
				}
			}
		case atom.Meta:
			var nameV, content string
			for {
				k, v, more := z.TagAttr()
				switch string(k) {
				case "name":
					nameV = strings.ToLower(string(v))
				case "content":
					content = strings.ToLower(string(v))
				}
				if !more {
					break
				}
			}
			if nameV == "robots" || nameV == "xenoscope" {
				if strings.Contains(content, "noindex") || strings.Contains(content, "none") {
					m.NoIndex = true
				}
				if strings.Contains(content, "nofollow") || strings.Contains(content, "none") {
					m.NoFollow = true
				}
			}
		}
	}
}

func attr(z *html.Tokenizer, key, def string) string {
	for {
		k, v, more := z.TagAttr()
		if string(k) == key {
			return string(v)
		}
		if !more {
			return def
		}
	}
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if f == tok {
			return true
		}
	}
	return false
}

// normalizedHash is the content hash that decides whether two pages are the
// same document: SHA-256 of the text's words (letters and digits), lower
// cased, joined by single spaces. Differences in whitespace, punctuation,
// quotes and case do not change it.
func normalizedHash(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	inWord := false
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if !inWord && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(unicode.ToLower(r))
			inWord = true
		} else {
			inWord = false
		}
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:])
}

// isHTML reports whether a response is an HTML page.
func isHTML(contentType string, body []byte) bool {
	ct := strings.ToLower(contentType)
	if strings.Contains(ct, "html") {
		return true
	}
	if ct != "" && !strings.HasPrefix(ct, "text/plain") && !strings.Contains(ct, "octet-stream") {
		return false
	}
	head := body
	if len(head) > 512 {
		head = head[:512]
	}
	if !utf8.Valid(head) && !bytes.Contains(bytes.ToLower(head), []byte("<html")) {
		return false
	}
	return bytes.Contains(bytes.ToLower(head), []byte("<html")) || bytes.Contains(bytes.ToLower(head), []byte("<!doctype html"))
}
