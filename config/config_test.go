package config

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

const goodConfig = `# Springfield's sources
[crawl]
user_agent = "xenoscope/0.1 (+https://example.org/contact)"
delay = "500ms"
parallelism = 3

[[city]]
name = "Springfield"
country = "US"

  [[city.source]]
  name = "Springfield Gazette"
  kind = "news"
  feeds = ["https://gazette.example/rss.xml"]
  sitemaps = ["https://gazette.example/sitemap.xml.gz"]
  seeds = ["https://www.gazette.example/local/"]
  max_depth = 2

  [[city.source]]
  name = "Mayor's office"
  kind = "statements"
  speaker = "Mayor Jane Doe"
  seeds = ["https://city.example/press/"]
  allowed_domains = ["city.example"]

[[city]]
name = "Shelbyville"

  [[city.source]]
  name = "Shelbyville Shopper"
  feeds = ["https://shopper.example/feed.json"]
`

func TestParseGood(t *testing.T) {
	c, err := Parse("cities.toml", []byte(goodConfig))
	if err != nil {
		t.Fatal(err)
	}
	if c.Crawl.Delay.Duration != 500*time.Millisecond || c.Crawl.Parallelism != 3 || c.Crawl.AllowPrivate {
		t.Errorf("crawl %+v", c.Crawl)
	}
	if len(c.Cities) != 2 || len(c.Cities[0].Sources) != 2 {
		t.Fatalf("cities %+v", c.Cities)
	}
	g := c.Cities[0].Sources[0]
	if strings.Join(g.AllowedDomains, ",") != "gazette.example,www.gazette.example" || g.MaxDepth != 2 || g.Kind != "news" {
		t.Errorf("gazette %+v", g)
	}
	if m := c.Cities[0].Sources[1]; m.Kind != "statements" || m.Speaker != "Mayor Jane Doe" || strings.Join(m.AllowedDomains, ",") != "city.example" {
		t.Errorf("mayor %+v", m)
	}
	// Defaults.
	d, err := Parse("d.toml", []byte("[[city]]\nname = \"X\"\n[[city.source]]\nname = \"S\"\nseeds = [\"https://x.example/\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Crawl.Delay.Duration != time.Second || d.Crawl.Parallelism != 2 || d.Crawl.UserAgent != DefaultUserAgent ||
		d.Cities[0].Sources[0].Kind != "news" {
		t.Errorf("defaults %+v %+v", d.Crawl, d.Cities[0].Sources[0])
	}
}

// Explicit values are honoured; only a missing key takes the default
// (delay = "0s" used to become 1s, issue 13 point 8).
func TestExplicitZeroHonoured(t *testing.T) {
	t.Parallel()
	const city = "\n[[city]]\nname = \"X\"\n[[city.source]]\nname = \"S\"\nseeds = [\"https://x.example/\"]\n"
	for _, tc := range []struct {
		name, crawl string
		delay       time.Duration
		par         int
		minWords    int // -1: unset
	}{
		{"missing keys take defaults", "", DefaultDelay, DefaultParallelism, -1},
		{"delay 0s is no pause", "delay = \"0s\"\nparallelism = 8\n", 0, 8, -1},
		{"delay 0ms", "delay = \"0ms\"\n", 0, DefaultParallelism, -1},
		{"min_words 0 stores any text", "min_words = 0\n", DefaultDelay, DefaultParallelism, 0},
		{"min_words 20", "min_words = 20\n", DefaultDelay, DefaultParallelism, 20},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Parse("c.toml", []byte("[crawl]\n"+tc.crawl+city))
			if err != nil {
				t.Fatal(err)
			}
			if c.Crawl.Delay.Duration != tc.delay || c.Crawl.Parallelism != tc.par {
				t.Errorf("delay %v parallelism %d, want %v %d", c.Crawl.Delay.Duration, c.Crawl.Parallelism, tc.delay, tc.par)
			}
			switch {
			case tc.minWords < 0 && c.Crawl.MinWords != nil:
				t.Errorf("min_words %d, want unset", *c.Crawl.MinWords)
			case tc.minWords >= 0 && (c.Crawl.MinWords == nil || *c.Crawl.MinWords != tc.minWords):
				t.Errorf("min_words %v, want %d", c.Crawl.MinWords, tc.minWords)
			}
		})
	}
}

// Every bad config names the file, the line and the problem.
func TestParseErrors(t *testing.T) {
	src := func(extra string) string {
		return "[[city]]\nname = \"Springfield\"\n\n[[city.source]]\nname = \"Gazette\"\nseeds = [\"https://g.example/\"]\n" + extra
	}
	for _, tc := range []struct {
		name, toml string
		line       int
		want       string
	}{
		{"toml syntax", "[crawl]\ndelay = \"1s\"\nparallelism = = 2\n", 3, ""},
		{"unknown key", "[crawl]\ndelay = \"1s\"\nuser_agnet = \"x\"\n", 3, `unknown key "crawl.user_agnet"`},
		{"bad duration", "[crawl]\n\ndelay = \"soon\"\n", 3, `duration "soon"`},
		{"negative duration", "[crawl]\ndelay = \"-1s\"\n", 2, "must not be negative"},
		{"parallelism", "[crawl]\nparallelism = 100\n" + src(""), 2, "parallelism 100"},
		{"no city", "[crawl]\ndelay = \"1s\"\n", 1, "no [[city]] tables"},
		{"city without name", "[[city]]\ncountry = \"US\"\n", 1, "has no name"},
		{"duplicate city", src("") + "\n[[city]]\nname = \"Springfield\"\n", 8, `city "Springfield" is listed twice`},
		{"source without name", src("\n[[city.source]]\nseeds = [\"https://g.example/\"]\n"), 8, "source #2 of city \"Springfield\" has no name"},
		{"duplicate source", src("\n[[city.source]]\nname = \"Gazette\"\nseeds = [\"https://g.example/\"]\n"), 8, `source "Gazette" of city "Springfield" is listed twice`},
		{"nothing to crawl", "[[city]]\nname = \"S\"\n[[city.source]]\nname = \"Empty\"\n", 3, "no feeds, sitemaps or seeds"},
		{"bad kind", src("kind = \"blog\"\n"), 7, `kind "blog"`},
		{"ftp url", src("feeds = [\"ftp://g.example/feed\"]\n"), 7, "must start with http:// or https://"},
		{"url without host", src("sitemaps = [\"https:///sitemap.xml\"]\n"), 7, "has no host"},
		{"max_depth", src("max_depth = 11\n"), 4, "max_depth 11"},
		{"speaker on news", src("speaker = \"Mayor\"\n"), 4, "speaker is only for kind = \"statements\""},
		{"second city's source", src("") + "\n[[city]]\nname = \"Shelbyville\"\n\n[[city.source]]\nname = \"Shopper\"\n", 11, `source "Shopper" has no feeds`},
		{"explicit parallelism 0", "[crawl]\nparallelism = 0\n" + src(""), 2, "parallelism 0: must be between 1 and 64"},
		{"negative min_words", "[crawl]\nmin_words = -1\n" + src(""), 2, "min_words -1"},
		{"city without sources", "[[city]]\nname = \"Springfield\"\ncountry = \"US\"\n", 1, `city "Springfield" has no [[city.source]]`},
		{"figure without name", src("\n[[city.figure]]\nrole = \"mayor\"\n"), 8, "figure #1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("cities.toml", []byte(tc.toml))
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("error %v does not wrap ErrInvalid", err)
			}
			prefix := "cities.toml:" + strconv.Itoa(tc.line) + ":"
			if !strings.Contains(err.Error(), prefix) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q, want %q and %q", err, prefix, tc.want)
			}
		})
	}
}

func TestLoad(t *testing.T) {
	p := filepath.Join(t.TempDir(), "cities.toml")
	if err := os.WriteFile(p, []byte(goodConfig), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(p)
	if err != nil || c.Path != p {
		t.Fatalf("%v %v", c, err)
	}
	if _, err := Load(filepath.Join(t.TempDir(), "missing.toml")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	if _, ok := c.City("Shelbyville"); !ok {
		t.Error("City lookup")
	}
	if _, s, ok := c.Source("Springfield", "Mayor's office"); !ok || s.Speaker != "Mayor Jane Doe" {
		t.Error("Source lookup")
	}
}

// The config example in README.md parses, with the values it shows.
func TestReadmeExample(t *testing.T) {
	t.Parallel()
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Skip("README.md not beside the package")
	}
	s := string(b)
	i := strings.Index(s, "### The config file")
	if i < 0 {
		t.Fatal("README has no config section")
	}
	s = s[i:]
	start := strings.Index(s, "```toml\n")
	end := strings.Index(s[start+8:], "```")
	if start < 0 || end < 0 {
		t.Fatal("README config section has no toml block")
	}
	c, err := Parse("README.md", []byte(s[start+8:start+8+end]))
	if err != nil {
		t.Fatal(err)
	}
	if c.Crawl.Delay.Duration != time.Second || c.Crawl.Parallelism != 2 || c.Crawl.MinWords == nil || *c.Crawl.MinWords != 50 {
		t.Errorf("README example: %+v", c.Crawl)
	}
}
