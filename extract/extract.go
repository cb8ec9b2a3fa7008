// Package extract turns a raw HTML page into an article: title, body text
// (paragraphs separated by blank lines), published date, authors, language.
package extract

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/markusmobius/go-trafilatura"
)

// Result is one extracted article.
type Result struct {
	URL       string    `json:"url"`
	Title     string    `json:"title"`
	Text      string    `json:"text"`
	Published time.Time `json:"-"`
	Authors   []string  `json:"authors"`
	Language  string    `json:"language"`
}

// Extract extracts the article from raw, the page body as fetched.
// contentType is the HTTP Content-Type header ("" when unknown); pageURL
// resolves relative links and is returned as Result.URL.
func Extract(raw []byte, pageURL, contentType string) (*Result, error) {
	opts := trafilatura.Options{ExcludeComments: true}
	if pageURL != "" {
		if u, err := url.Parse(pageURL); err == nil {
			opts.OriginalURL = u
		}
	}
	res, err := trafilatura.Extract(bytes.NewReader(raw), opts)
	if err != nil {
		return nil, fmt.Errorf("extract %s: %w", pageURL, err)
	}
	r := &Result{
		URL:       pageURL,
		Title:     strings.TrimSpace(res.Metadata.Title),
		Text:      strings.TrimSpace(res.ContentText),
		Published: res.Metadata.Date,
		Language:  res.Metadata.Language,
	}
	if a := strings.TrimSpace(res.Metadata.Author); a != "" {
		for _, p := range strings.Split(a, ";") {
			if p = strings.TrimSpace(p); p != "" {
				r.Authors = append(r.Authors, p)
			}
		}
	}
	return r, nil
}
