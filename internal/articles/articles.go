// Package articles reads the Zyte article-extraction benchmark beside the
// repository (../shared/data/articles): ground-truth.json, {ID: {articleBody,
// url}}, and html/ID.html.gz. One reader for every package that trains,
// tests or benchmarks on those pages.
package articles

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
)

// Truth is one page's human-extracted article.
type Truth struct {
	ID   string
	URL  string
	Body string
}

// ReadGroundTruth reads ground-truth.json at path, sorted by ID.
func ReadGroundTruth(path string) ([]Truth, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(raw, &gt); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := make([]Truth, 0, len(gt))
	for id, g := range gt {
		out = append(out, Truth{ID: id, URL: g.URL, Body: g.ArticleBody})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// ReadBodies reads the article bodies of ground-truth.json at path, sorted
// by ID.
func ReadBodies(path string) ([]string, error) {
	gt, err := ReadGroundTruth(path)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(gt))
	for _, a := range gt {
		out = append(out, a.Body)
	}
	return out, nil
}

// ReadHTML reads the raw page html/ID.html.gz below dir (the articles folder).
func ReadHTML(dir, id string) ([]byte, error) {
	f, err := os.Open(filepath.Join(dir, "html", id+".html.gz"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name(), err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name(), err)
	}
	return b, nil
}
