package faults

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/xenoscope/xenoscope/config"
	"github.com/xenoscope/xenoscope/demo"
	"github.com/xenoscope/xenoscope/model"
	"github.com/xenoscope/xenoscope/store"
)

// smallDemo serves a slice of the demo corpus (perSource articles per
// source) and writes its config to a file.
func smallDemo(t testing.TB, perSource int) (*demo.Demo, string) {
	t.Helper()
	c, err := demo.Generate(demo.CorpusOptions{MaxPerSource: perSource})
	if err != nil {
		t.Fatal(err)
	}
	d, err := demo.Serve(context.Background(), demo.Options{Corpus: c, Delay: 1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(d.Close)
	p := filepath.Join(t.TempDir(), "cities.toml")
	if err := os.WriteFile(p, d.TOML, 0o644); err != nil {
		t.Fatal(err)
	}
	return d, p
}

func loadConfig(t testing.TB, p string) *config.Config {
	t.Helper()
	cfg, err := config.Load(p)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func openDB(t testing.TB, p string) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), p)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// corpusURLs maps every served article's URL to its text.
func corpusURLs(d *demo.Demo) map[string]*demo.Article {
	m := map[string]*demo.Article{}
	for _, s := range d.Sites {
		for _, a := range s.Articles {
			m[s.ArticleURL(a)] = a
		}
	}
	return m
}

// checkStored asserts that the database holds exactly the served
// articles, each once, each with its full text, and passes
// PRAGMA integrity_check.
func checkStored(t *testing.T, db *store.DB, d *demo.Demo) {
	t.Helper()
	ctx := context.Background()
	if err := db.IntegrityCheck(ctx); err != nil {
		t.Fatalf("integrity check: %v", err)
	}
	want := corpusURLs(d)
	seen := map[string]int{}
	var extra []string
	err := db.EachDocument(ctx, store.DocumentFilter{}, func(doc *model.Document) error {
		seen[doc.URL]++
		a, ok := want[doc.URL]
		if !ok {
			extra = append(extra, doc.URL)
			return nil
		}
		// The extractor may put the headline first; the body must be
		// there whole.
		if !strings.Contains(doc.Text, a.Text()) {
			t.Errorf("%s: stored text differs from the served article (partial write?)\nstored: %.200q\nserved: %.200q", doc.URL, doc.Text, a.Text())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var missing, doubled []string
	for u := range want {
		switch seen[u] {
		case 0:
			missing = append(missing, u)
		case 1:
		default:
			doubled = append(doubled, u)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 || len(doubled) > 0 || len(extra) > 0 {
		t.Fatalf("stored documents: %d missing (e.g. %v), %d doubled %v, %d not served %v",
			len(missing), head(missing), len(doubled), head(doubled), len(extra), head(extra))
	}
}

func head(s []string) []string {
	if len(s) > 3 {
		return s[:3]
	}
	return s
}

func fileHash(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", sha256.Sum256(b))
}

// syncBuffer is a goroutine-safe bytes.Buffer for captured logs.
type syncBuffer struct {
	mu chan struct{}
	b  bytes.Buffer
}

func newSyncBuffer() *syncBuffer { return &syncBuffer{mu: make(chan struct{}, 1)} }

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu <- struct{}{}
	defer func() { <-s.mu }()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu <- struct{}{}
	defer func() { <-s.mu }()
	return s.b.String()
}

func contains(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(strings.ToLower(s), strings.ToLower(sub)) {
			return true
		}
	}
	return false
}

func loadConfigFile(p string) (*config.Config, error) { return config.Load(p) }
