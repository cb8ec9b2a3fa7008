package config

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// errLine matches the position every validation error carries.
var errLine = regexp.MustCompile(`^invalid config: fuzz\.toml(:(\d+))?: `)

// FuzzConfig feeds arbitrary bytes to Parse. It must never panic; an error
// must wrap ErrInvalid and name the file and a line inside it; a config it
// accepts must satisfy every documented rule. Seeds: f.Add below and
// testdata/fuzz/FuzzConfig.
func FuzzConfig(f *testing.F) {
	f.Add([]byte(`[crawl]
delay = "1s"
parallelism = 2
allow_private = false

[[city]]
name = "Springfield"
country = "US"

  [[city.source]]
  name = "Springfield Gazette"
  kind = "news"
  feeds = ["https://gazette.example/rss.xml"]
  sitemaps = ["https://gazette.example/sitemap.xml"]
  seeds = ["https://gazette.example/local/"]
  max_depth = 2

  [[city.source]]
  name = "Council"
  kind = "statements"
  speaker = "Mayor Jane Doe"
  seeds = ["https://council.example/press/"]

  [[city.figure]]
  name = "Jane Doe"
  aliases = ["J. Doe"]
  role = "Mayor"
`))
	f.Add([]byte("[[city]]\nname = \"A\"\n[[city.source]]\nname = \"S\"\nkind = \"blog\"\nfeeds = [\"https://a.example/\"]\n"))
	f.Add([]byte("[crawl]\ndelay = \"-1s\"\n"))
	f.Add([]byte("[[city]]\nname = \"A\"\n[[city.source]]\nname = \"S\"\nseeds = [\"javascript:alert(1)\"]\n"))
	f.Add([]byte("[[city]]\nname = \"\"\n"))
	f.Add([]byte("[[city]\nname = \"A\""))
	f.Add([]byte("\x00\xff[[city]]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := Parse("fuzz.toml", data)
		if err != nil {
			if cfg != nil {
				t.Fatalf("error %v with a non-nil config", err)
			}
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("error does not wrap ErrInvalid: %v", err)
			}
			m := errLine.FindStringSubmatch(err.Error())
			if m == nil {
				t.Fatalf("error does not name the file: %v", err)
			}
			if m[2] != "" {
				line, _ := strconv.Atoi(m[2])
				if n := strings.Count(string(data), "\n") + 1; line < 1 || line > n+1 {
					t.Fatalf("error names line %d of a %d-line file: %v", line, n, err)
				}
			}
			return
		}
		if len(cfg.Cities) == 0 {
			t.Fatal("accepted a config without cities")
		}
		if cfg.Crawl.Parallelism < 1 || cfg.Crawl.Parallelism > 64 || cfg.Crawl.Delay.Duration <= 0 || cfg.Crawl.UserAgent == "" {
			t.Fatalf("crawl settings out of range after defaults: %+v", cfg.Crawl)
		}
		names := map[string]bool{}
		for _, c := range cfg.Cities {
			if strings.TrimSpace(c.Name) == "" || names[c.Name] {
				t.Fatalf("city name %q empty or repeated", c.Name)
			}
			names[c.Name] = true
			for _, s := range c.Sources {
				if s.Kind != "news" && s.Kind != "statements" {
					t.Fatalf("source %q has kind %q", s.Name, s.Kind)
				}
				if len(s.Feeds)+len(s.Sitemaps)+len(s.Seeds) == 0 {
					t.Fatalf("source %q has nothing to crawl", s.Name)
				}
				for _, list := range [][]URL{s.Feeds, s.Sitemaps, s.Seeds} {
					for _, u := range list {
						if !strings.HasPrefix(string(u), "http://") && !strings.HasPrefix(string(u), "https://") || u.Host() == "" {
							t.Fatalf("accepted URL %q", u)
						}
					}
				}
				if len(s.AllowedDomains) == 0 {
					t.Fatalf("source %q has no allowed domains", s.Name)
				}
				if s.Speaker != "" && s.Kind != "statements" {
					t.Fatalf("speaker on a news source %q", s.Name)
				}
			}
		}
	})
}
