// Package config reads the xenoscope TOML file that lists cities, their
// sources and their public figures. Other tools write this file exactly as
// documented in README.md, so the format is a public contract.
//
// Every error names the file, the line and the problem; a config with an
// error is never half-used.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/xenoscope/xenoscope/model"
)

// DefaultUserAgent identifies xenoscope to the sites it crawls.
const DefaultUserAgent = "xenoscope/0.1 (+https://github.com/xenoscope/xenoscope; research crawler)"

// ErrInvalid is wrapped by every validation error.
var ErrInvalid = errors.New("invalid config")

// Config is the whole file.
type Config struct {
	Crawl  Crawl  `toml:"crawl"`
	Cities []City `toml:"city"`
	// Path is the file the config was read from.
	Path string `toml:"-"`
}

// Defaults of the [crawl] settings. Only a missing key takes its default:
// an explicit `delay = "0s"` means no pause.
const (
	DefaultDelay       = time.Second
	DefaultParallelism = 2
)

// Crawl holds crawler-wide settings.
type Crawl struct {
	UserAgent    string   `toml:"user_agent"`
	Delay        Duration `toml:"delay"`
	Parallelism  int      `toml:"parallelism"`
	AllowPrivate bool     `toml:"allow_private"`
	// MinWords is the least number of words of extracted text for a page
	// to be stored as an article; nil when the key is missing (the
	// crawler's default applies). 0 stores every page with any text.
	MinWords *int `toml:"min_words"`
}

// City is one city and its sources.
type City struct {
	Name    string   `toml:"name"`
	Country string   `toml:"country"`
	Sources []Source `toml:"source"`
	Figures []Figure `toml:"figure"`
	// Exclude lists names never counted as the city's figures
	// ([[city.exclude]] name = "…"): a namesake, a journalist, a misread.
	Exclude []Exclude `toml:"exclude"`
	// FigureMinLocal is the number of local documents (the city's own
	// sources, not wire stories) that must mention or quote an unregistered
	// person before they count as the city's figure; nil: the default
	// (model.DefaultFigureMinLocal).
	FigureMinLocal *int `toml:"figure_min_local"`
	// RegisteredFiguresOnly counts only the [[city.figure]] registry.
	RegisteredFiguresOnly bool `toml:"registered_figures_only"`
}

// Exclude is one [[city.exclude]] entry.
type Exclude struct {
	Name string `toml:"name"`
}

// Source is one site of a city.
type Source struct {
	Name           string   `toml:"name"`
	Kind           Kind     `toml:"kind"`
	Speaker        string   `toml:"speaker"`
	Feeds          []URL    `toml:"feeds"`
	Sitemaps       []URL    `toml:"sitemaps"`
	Seeds          []URL    `toml:"seeds"`
	MaxDepth       int      `toml:"max_depth"`
	AllowedDomains []string `toml:"allowed_domains"`
}

// Figure is a registered public figure of a city.
type Figure struct {
	Name    string   `toml:"name"`
	Aliases []string `toml:"aliases"`
	Role    string   `toml:"role"`
	Party   string   `toml:"party"`
}

// Kind is a source kind, one of model.SourceKinds.
type Kind string

// UnmarshalText validates the kind.
func (k *Kind) UnmarshalText(b []byte) error {
	s := string(b)
	if _, ok := model.LookupSourceKind(s); !ok {
		return fmt.Errorf("kind %q: must be %s", s, model.SourceKindNames())
	}
	*k = Kind(s)
	return nil
}

// Duration is a time.Duration written as "1s", "500ms".
type Duration struct{ time.Duration }

// UnmarshalText parses a Go duration.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return fmt.Errorf("duration %q: write it like \"1s\" or \"500ms\"", string(b))
	}
	if v < 0 {
		return fmt.Errorf("duration %q: must not be negative", string(b))
	}
	d.Duration = v
	return nil
}

// URL is an absolute http(s) URL.
type URL string

// UnmarshalText validates the URL.
func (u *URL) UnmarshalText(b []byte) error {
	s := strings.TrimSpace(string(b))
	p, err := url.Parse(s)
	if err != nil {
		return fmt.Errorf("URL %q: %v", s, err)
	}
	if p.Scheme != "http" && p.Scheme != "https" {
		return fmt.Errorf("URL %q: must start with http:// or https://", s)
	}
	if p.Hostname() == "" {
		return fmt.Errorf("URL %q: has no host", s)
	}
	*u = URL(s)
	return nil
}

// Host returns the URL's host name (without port).
func (u URL) Host() string {
	p, err := url.Parse(string(u))
	if err != nil {
		return ""
	}
	return p.Hostname()
}

// Load reads and validates the file at path.
func Load(path string) (*Config, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	return Parse(path, b)
}

// Parse decodes and validates data; path names the file in errors.
func Parse(path string, data []byte) (*Config, error) {
	var c Config
	md, err := toml.Decode(string(data), &c)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			line := pe.Position.Line
			if line < 1 {
				// Some decoder errors (a newline inside a string) carry
				// only a byte offset.
				line = 1 + bytes.Count(data[:min(max(pe.Position.Start, 0), len(data))], []byte("\n"))
			}
			return nil, fmt.Errorf("%w: %s:%d: %s", ErrInvalid, path, line, pe.Message)
		}
		return nil, fmt.Errorf("%w: %s: %v", ErrInvalid, path, err)
	}
	lines := newLineFinder(string(data))
	if und := md.Undecoded(); len(und) > 0 {
		k := und[0]
		return nil, fmt.Errorf("%w: %s:%d: unknown key %q", ErrInvalid, path, lines.key(k[len(k)-1]), k.String())
	}
	c.Path = path
	if err := c.defaults(md); err != nil {
		return nil, err
	}
	if err := c.validate(lines); err != nil {
		return nil, err
	}
	return &c, nil
}

// defaults fills what the file leaves out. Only a missing key takes the
// default: a value written in the file, zero included, is kept (and
// validated).
func (c *Config) defaults(md toml.MetaData) error {
	if c.Crawl.UserAgent == "" {
		c.Crawl.UserAgent = DefaultUserAgent
	}
	if !md.IsDefined("crawl", "delay") {
		c.Crawl.Delay.Duration = DefaultDelay
	}
	if !md.IsDefined("crawl", "parallelism") {
		c.Crawl.Parallelism = DefaultParallelism
	}
	for i := range c.Cities {
		for j := range c.Cities[i].Sources {
			s := &c.Cities[i].Sources[j]
			if s.Kind == "" {
				s.Kind = model.KindNews
			}
			if len(s.AllowedDomains) == 0 {
				seen := map[string]bool{}
				for _, list := range [][]URL{s.Feeds, s.Sitemaps, s.Seeds} {
					for _, u := range list {
						if h := u.Host(); h != "" && !seen[h] {
							seen[h] = true
							s.AllowedDomains = append(s.AllowedDomains, h)
						}
					}
				}
			}
		}
	}
	return nil
}

func (c *Config) validate(lines *lineFinder) error {
	bad := func(line int, format string, args ...any) error {
		return fmt.Errorf("%w: %s:%d: %s", ErrInvalid, c.Path, line, fmt.Sprintf(format, args...))
	}
	if c.Crawl.Parallelism < 1 || c.Crawl.Parallelism > 64 {
		return bad(lines.key("parallelism"), "parallelism %d: must be between 1 and 64", c.Crawl.Parallelism)
	}
	if m := c.Crawl.MinWords; m != nil && (*m < 0 || *m > 10000) {
		return bad(lines.key("min_words"), "min_words %d: must be between 0 and 10000", *m)
	}
	if len(c.Cities) == 0 {
		return bad(1, "no [[city]] tables: add at least one city with a [[city.source]]")
	}
	cityNames := map[string]bool{}
	for i, city := range c.Cities {
		line := lines.table("city", i)
		if strings.TrimSpace(city.Name) == "" {
			return bad(line, "city #%d has no name", i+1)
		}
		if cityNames[city.Name] {
			return bad(line, "city %q is listed twice", city.Name)
		}
		cityNames[city.Name] = true
		if len(city.Sources) == 0 {
			return bad(line, "city %q has no [[city.source]]: add at least one source to crawl", city.Name)
		}
		srcNames := map[string]bool{}
		for j, s := range city.Sources {
			sline := lines.table("city.source", lines.countBefore("city.source", line)+j)
			if strings.TrimSpace(s.Name) == "" {
				return bad(sline, "source #%d of city %q has no name", j+1, city.Name)
			}
			if srcNames[s.Name] {
				return bad(sline, "source %q of city %q is listed twice", s.Name, city.Name)
			}
			srcNames[s.Name] = true
			if len(s.Feeds)+len(s.Sitemaps)+len(s.Seeds) == 0 {
				return bad(sline, "source %q has no feeds, sitemaps or seeds: nothing to crawl", s.Name)
			}
			if s.MaxDepth < 0 || s.MaxDepth > 10 {
				return bad(sline, "source %q: max_depth %d must be between 0 and 10", s.Name, s.MaxDepth)
			}
			if k, _ := model.LookupSourceKind(string(s.Kind)); s.Speaker != "" && !k.Speaker {
				return bad(sline, "source %q: speaker is only for kind = %s", s.Name, speakerKinds())
			}
		}
		for j, f := range city.Figures {
			fline := lines.table("city.figure", lines.countBefore("city.figure", line)+j)
			if strings.TrimSpace(f.Name) == "" {
				return bad(fline, "figure #%d of city %q has no name", j+1, city.Name)
			}
		}
		for j, x := range city.Exclude {
			if strings.TrimSpace(x.Name) == "" {
				xline := lines.table("city.exclude", lines.countBefore("city.exclude", line)+j)
				return bad(xline, "exclude #%d of city %q has no name", j+1, city.Name)
			}
		}
		if city.FigureMinLocal != nil && *city.FigureMinLocal < 1 {
			return bad(line, "city %q: figure_min_local %d must be at least 1", city.Name, *city.FigureMinLocal)
		}
	}
	return nil
}

// Specs returns the cities, sources and figures as the plain values the
// store records (model.CitySpec), in config order.
func (c *Config) Specs() []model.CitySpec {
	out := make([]model.CitySpec, 0, len(c.Cities))
	for _, city := range c.Cities {
		cs := model.CitySpec{Name: city.Name, Country: city.Country}
		for _, s := range city.Sources {
			cs.Sources = append(cs.Sources, model.SourceSpec{Name: s.Name, Kind: string(s.Kind), Speaker: s.Speaker})
		}
		for _, f := range city.Figures {
			cs.Figures = append(cs.Figures, model.FigureSpec{Name: f.Name, Aliases: append([]string(nil), f.Aliases...),
				Role: f.Role, Party: f.Party})
		}
		for _, x := range city.Exclude {
			cs.Exclude = append(cs.Exclude, strings.TrimSpace(x.Name))
		}
		cs.FigureMinLocal = model.DefaultFigureMinLocal
		if city.FigureMinLocal != nil {
			cs.FigureMinLocal = *city.FigureMinLocal
		}
		cs.RegisteredFiguresOnly = city.RegisteredFiguresOnly
		out = append(out, cs)
	}
	return out
}

// speakerKinds names the kinds that take a speaker.
func speakerKinds() string {
	var names []string
	for _, k := range model.SourceKinds {
		if k.Speaker {
			names = append(names, strconv.Quote(k.Name))
		}
	}
	return strings.Join(names, " or ")
}

// Source finds a city's source by names.
func (c *Config) Source(city, source string) (*City, *Source, bool) {
	for i := range c.Cities {
		if c.Cities[i].Name != city {
			continue
		}
		for j := range c.Cities[i].Sources {
			if c.Cities[i].Sources[j].Name == source {
				return &c.Cities[i], &c.Cities[i].Sources[j], true
			}
		}
	}
	return nil, nil, false
}

// City finds a city by name.
func (c *Config) City(name string) (*City, bool) {
	for i := range c.Cities {
		if c.Cities[i].Name == name {
			return &c.Cities[i], true
		}
	}
	return nil, false
}

// lineFinder locates table headers and keys in the raw text so that
// validation errors can name a line. TOML positions of decoded values are not
// exported by the decoder.
type lineFinder struct{ lines []string }

func newLineFinder(s string) *lineFinder { return &lineFinder{strings.Split(s, "\n")} }

var headerRE = regexp.MustCompile(`^\s*\[\[\s*([A-Za-z0-9_.\s]+?)\s*\]\]`)

// table returns the line of the n-th (0-based) [[name]] header.
func (f *lineFinder) table(name string, n int) int {
	seen := 0
	for i, l := range f.lines {
		if m := headerRE.FindStringSubmatch(l); m != nil && strings.ReplaceAll(m[1], " ", "") == name {
			if seen == n {
				return i + 1
			}
			seen++
		}
	}
	return 1
}

// countBefore counts [[name]] headers above line.
func (f *lineFinder) countBefore(name string, line int) int {
	n := 0
	for i := 0; i < line-1 && i < len(f.lines); i++ {
		if m := headerRE.FindStringSubmatch(f.lines[i]); m != nil && strings.ReplaceAll(m[1], " ", "") == name {
			n++
		}
	}
	return n
}

// key returns the first line that assigns key.
func (f *lineFinder) key(key string) int {
	re := regexp.MustCompile(`^\s*"?` + regexp.QuoteMeta(key) + `"?\s*=`)
	for i, l := range f.lines {
		if re.MatchString(l) {
			return i + 1
		}
	}
	return 1
}
