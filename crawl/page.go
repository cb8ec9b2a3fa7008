package crawl

import (
	"mime"
	"time"

	"github.com/gocolly/colly/v2"

	"github.com/xenoscope/xenoscope/extract"
	"github.com/xenoscope/xenoscope/store"
)

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
