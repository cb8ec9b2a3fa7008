package demo

import (
	"bufio"
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"
)

// SyntheticNotice labels everything the demo produces. The report, every
// served page and the README carry it.
const SyntheticNotice = "SYNTHETIC SAMPLE DATA: Riverton, Lakeside and Millbrook are fictional towns. " +
	"Every person, party, group, quote and event in this demo is invented by xenoscope's demo generator " +
	"to exercise the pipeline; the numbers describe nothing real."

//go:embed corpus/*.txt corpus/cities.json
var corpusFS embed.FS

// Source keys: every city has one source of each.
const (
	SourcePaper       = "paper"       // local paper, discovered through its RSS feed
	SourceBroadcaster = "broadcaster" // broadcaster, discovered through a sitemap index (.xml + .xml.gz)
	SourceCouncil     = "council"     // council press page: kind = "statements", speaker = the mayor
)

// Figure is a fictional public figure of a city.
type Figure struct {
	Key        string   `json:"key"`
	Name       string   `json:"name"`
	Title      string   `json:"title"` // Mayor, Councillor, Rev., MP ... ("" when none)
	Role       string   `json:"role"`
	Party      string   `json:"party"`
	Side       string   `json:"side"` // counter | hostile | populist | policy | neutral
	Registered bool     `json:"registered"`
	Aliases    []string `json:"aliases"`
	Gender     string   `json:"gender"`
}

// Titled is the name as a newspaper first writes it: "Mayor Ana Ruiz".
// MP goes after the name.
func (f *Figure) Titled() string {
	switch f.Title {
	case "":
		return f.Name
	case "MP":
		return f.Name + " MP"
	default:
		return f.Title + " " + f.Name
	}
}

// Short is the second reference: "Ms Ruiz", "Mr Baker".
func (f *Figure) Short() string {
	parts := strings.Fields(f.Name)
	last := parts[len(parts)-1]
	switch f.Title {
	case "Mayor", "Councillor", "Rev.", "Father", "Pastor", "Imam":
		return f.Title + " " + last
	}
	if f.Gender == "f" {
		return "Ms " + last
	}
	return "Mr " + last
}

// SourceInfo describes one of a city's sites.
type SourceInfo struct {
	Key     string   `json:"-"`
	Name    string   `json:"name"`
	Slug    string   `json:"slug"`
	Authors []string `json:"authors"`
}

// City is a fictional city with its sources and figures.
type City struct {
	Name        string     `json:"name"`
	Slug        string     `json:"slug"`
	Country     string     `json:"country"`
	Profile     string     `json:"profile"` // welcoming | contested | populist
	Paper       SourceInfo `json:"paper"`
	Broadcaster SourceInfo `json:"broadcaster"`
	Council     SourceInfo `json:"council"`
	Districts   []string   `json:"districts"`
	Streets     []string   `json:"streets"`
	Schools     []string   `json:"schools"`
	Venues      []string   `json:"venues"`
	Groups      []string   `json:"groups"`
	Police      string     `json:"police"`
	Figures     []Figure   `json:"figures"`
}

// Figure returns the city's figure with key, or nil.
func (c *City) Figure(key string) *Figure {
	for i := range c.Figures {
		if c.Figures[i].Key == key {
			return &c.Figures[i]
		}
	}
	return nil
}

// Source returns the city's source with key (SourcePaper, ...).
func (c *City) Source(key string) *SourceInfo {
	switch key {
	case SourcePaper:
		return &c.Paper
	case SourceBroadcaster:
		return &c.Broadcaster
	case SourceCouncil:
		return &c.Council
	}
	return nil
}

// Article is one generated page: a news article or a press release.
type Article struct {
	ID         int
	City       string
	Source     string // SourcePaper | SourceBroadcaster | SourceCouncil
	Topic      string // housing, schools, ..., arrivals, protest, hatecrime, populism, press.local ...
	Title      string
	Paragraphs []string
	Published  time.Time
	Author     string
	Slug       string
	Path       string // URL path on the source's site

	// What the generator put in, so tests can check what analysis finds.
	Migration bool     // a migration story
	HateCrime bool     // reports a hate crime or racist abuse
	Hostile   []string // figures quoted with hostile (anti-migrant) statements
	Counter   []string // figures quoted countering xenophobia
	Populist  []string // figures quoted with populist rhetoric
}

// Text is the article body as extraction should find it: paragraphs
// separated by blank lines.
func (a *Article) Text() string { return strings.Join(a.Paragraphs, "\n\n") }

// Month is the article's month, "2006-01".
func (a *Article) Month() string { return a.Published.Format("2006-01") }

// CorpusOptions shape the generated corpus. The zero value is the demo
// corpus: 3 cities, 2025-01..2026-08, about a thousand articles.
type CorpusOptions struct {
	Seed   uint64    // 0 means 1; the same seed gives the same corpus
	Scale  float64   // articles per source-month multiplier; 0 means 1
	From   time.Time // first month; zero means 2025-01
	Months int       // number of months; 0 means 20
	Cities []string  // restrict to these cities; empty means all
	// MaxPerSource caps the articles per source (0 = no cap): tests use a
	// small slice of the corpus.
	MaxPerSource int
}

// Corpus is the generated sample corpus.
type Corpus struct {
	Cities   []*City
	Articles []*Article
	From     time.Time
	Months   int
}

// Count returns the number of articles of city (all cities when "").
func (c *Corpus) Count(city string) int {
	n := 0
	for _, a := range c.Articles {
		if city == "" || a.City == city {
			n++
		}
	}
	return n
}

// BySource returns a city's articles from source, newest first.
func (c *Corpus) BySource(city, source string) []*Article {
	var out []*Article
	for _, a := range c.Articles {
		if a.City == city && a.Source == source {
			out = append(out, a)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Published.After(out[j].Published) })
	return out
}

// pools holds the embedded text pools by name ("housing.title", ...).
type pools map[string][]string

func loadPools() (pools, error) {
	p := pools{}
	entries, err := corpusFS.ReadDir("corpus")
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".txt") {
			continue
		}
		b, err := corpusFS.ReadFile("corpus/" + e.Name())
		if err != nil {
			return nil, err
		}
		cur := ""
		sc := bufio.NewScanner(bytes.NewReader(b))
		line := 0
		for sc.Scan() {
			line++
			s := strings.TrimSpace(sc.Text())
			switch {
			case s == "" || strings.HasPrefix(s, "#"):
			case strings.HasPrefix(s, "@pool "):
				cur = strings.TrimSpace(strings.TrimPrefix(s, "@pool "))
			case cur == "":
				return nil, fmt.Errorf("corpus/%s:%d: text before the first @pool", e.Name(), line)
			default:
				p[cur] = append(p[cur], s)
			}
		}
	}
	return p, nil
}

func loadCities() ([]*City, error) {
	b, err := corpusFS.ReadFile("corpus/cities.json")
	if err != nil {
		return nil, err
	}
	var doc struct {
		Cities []*City `json:"cities"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("corpus/cities.json: %w", err)
	}
	for _, c := range doc.Cities {
		c.Paper.Key, c.Broadcaster.Key, c.Council.Key = SourcePaper, SourceBroadcaster, SourceCouncil
	}
	return doc.Cities, nil
}

var (
	corpusCache   = map[string]*Corpus{}
	corpusCacheMu = make(chan struct{}, 1)
)

// Generate builds the corpus deterministically from opts. The result is
// shared: callers must not modify it.
func Generate(opts CorpusOptions) (*Corpus, error) {
	if opts.Seed == 0 {
		opts.Seed = 1
	}
	if opts.Scale <= 0 {
		opts.Scale = 1
	}
	if opts.From.IsZero() {
		opts.From = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if opts.Months <= 0 {
		opts.Months = 20
	}
	key := fmt.Sprintf("%d/%g/%s/%d/%d", opts.Seed, opts.Scale, opts.From.Format(time.RFC3339), opts.Months, opts.MaxPerSource)
	cacheable := len(opts.Cities) == 0
	corpusCacheMu <- struct{}{}
	defer func() { <-corpusCacheMu }()
	if c, ok := corpusCache[key]; ok && cacheable {
		return c, nil
	}
	p, err := loadPools()
	if err != nil {
		return nil, err
	}
	cities, err := loadCities()
	if err != nil {
		return nil, err
	}
	if len(opts.Cities) > 0 {
		var keep []*City
		for _, c := range cities {
			for _, want := range opts.Cities {
				if c.Name == want {
					keep = append(keep, c)
				}
			}
		}
		if len(keep) == 0 {
			return nil, fmt.Errorf("demo corpus: no city among %v", opts.Cities)
		}
		cities = keep
	}
	g := &generator{
		p:     p,
		rng:   rand.New(rand.NewPCG(opts.Seed, 0x58454e4f)),
		opts:  opts,
		seen:  map[string]bool{},
		texts: map[string]bool{},
	}
	c := &Corpus{Cities: cities, From: opts.From, Months: opts.Months}
	for _, city := range cities {
		for m := 0; m < opts.Months; m++ {
			c.Articles = append(c.Articles, g.month(city, m)...)
		}
	}
	if opts.MaxPerSource > 0 {
		c.Articles = capPerSource(c.Articles, opts.MaxPerSource)
	}
	for i, a := range c.Articles {
		a.ID = i + 1
	}
	if cacheable {
		corpusCache[key] = c
	}
	return c, nil
}

// capPerSource keeps at most n articles per city and source, spread evenly
// over time so that a small slice still spans the months.
func capPerSource(all []*Article, n int) []*Article {
	groups := map[string][]*Article{}
	var order []string
	for _, a := range all {
		k := a.City + "/" + a.Source
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], a)
	}
	var out []*Article
	for _, k := range order {
		g := groups[k]
		if len(g) <= n {
			out = append(out, g...)
			continue
		}
		step := float64(len(g)) / float64(n)
		for i := 0; i < n; i++ {
			out = append(out, g[int(float64(i)*step)])
		}
	}
	return out
}

type generator struct {
	p    pools
	rng  *rand.Rand
	opts CorpusOptions
	seen map[string]bool // slugs
	// texts holds every article's normalised body: a crawler
	// stores near-identical content once (by content hash), so the
	// generator never repeats one.
	texts map[string]bool
}

// fresh reports whether a's body is new, and records it (the title
// alone does not make content distinct: extractors may drop it).
func (g *generator) fresh(a *Article) bool {
	k := normalize(a.Text())
	if g.texts[k] {
		return false
	}
	g.texts[k] = true
	return true
}

// normalize keeps letters and digits, lower-cased, one space between words.
func normalize(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if !in && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(unicode.ToLower(r))
			in = true
		} else {
			in = false
		}
	}
	return b.String()
}

// unique calls gen until it returns an article with new content.
func (g *generator) unique(gen func() *Article) *Article {
	for {
		if a := gen(); g.fresh(a) {
			return a
		}
	}
}

// incident is a scheduled hate crime: city, month index, kind.
type incident struct {
	city  string
	month int
	kind  string // graffiti | assault | abuse
}

var incidents = []incident{
	{"Riverton", 8, "graffiti"},  // 2025-09: racist graffiti on the Eastbank mosque
	{"Lakeside", 10, "assault"},  // 2025-11: refugee attacked in the town centre
	{"Lakeside", 14, "abuse"},    // 2026-03: racist letters
	{"Lakeside", 17, "graffiti"}, // 2026-06
	{"Millbrook", 15, "assault"}, // 2026-04: during the election campaign
	{"Millbrook", 18, "abuse"},   // 2026-07
}

// populismLevel is how loud People First is in Millbrook in month m of 20:
// near zero for the first half year, rising to the May 2026 local election
// (month 16), then easing off. Other cities stay low.
func populismLevel(city *City, m int) float64 {
	if city.Profile != "populist" {
		return 0.03
	}
	switch {
	case m < 6:
		return 0.03
	case m <= 16:
		return 0.03 + 0.85*float64(m-5)/11
	default:
		return math.Max(0.35, 0.88-0.18*float64(m-16))
	}
}

func (g *generator) pick(pool string) string {
	l := g.p[pool]
	if len(l) == 0 {
		panic("demo corpus: empty pool " + pool)
	}
	return l[g.rng.IntN(len(l))]
}

// pickN picks n distinct entries (fewer when the pool is smaller).
func (g *generator) pickN(pool string, n int) []string {
	l := g.p[pool]
	idx := g.rng.Perm(len(l))
	if n > len(idx) {
		n = len(idx)
	}
	out := make([]string, n)
	for i := 0; i < n; i++ {
		out[i] = l[idx[i]]
	}
	return out
}

func (g *generator) count(base float64) int {
	mean := base * g.opts.Scale
	// Small jitter so months differ.
	n := int(math.Round(mean + (g.rng.Float64()*2-1)*math.Max(1, mean*0.25)))
	if n < 1 {
		n = 1
	}
	return n
}

var origins = []string{"Syria", "Sudan", "Afghanistan", "Ukraine", "Eritrea", "Iran", "Hong Kong"}
var weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

// vars are the placeholder values of one article: chosen once, so that an
// article names the same street throughout.
type vars map[string]string

func (g *generator) vars(c *City, src *SourceInfo) vars {
	d := g.rng.Perm(len(c.Districts))
	return vars{
		"City":      c.Name,
		"district":  c.Districts[d[0]],
		"district2": c.Districts[d[1]],
		"street":    c.Streets[g.rng.IntN(len(c.Streets))],
		"school":    c.Schools[g.rng.IntN(len(c.Schools))],
		"venue":     c.Venues[g.rng.IntN(len(c.Venues))],
		"group":     c.Groups[g.rng.IntN(len(c.Groups))],
		"police":    c.Police,
		"origin":    origins[g.rng.IntN(len(origins))],
		"paper":     src.Name,
		"weekday":   weekdays[g.rng.IntN(len(weekdays))],
	}
}

var placeholder = regexp.MustCompile(`\{[a-zA-Z0-9]+\}`)

// fill replaces placeholders; numbers are drawn fresh at each use.
func (g *generator) fill(s string, v vars) string {
	return placeholder.ReplaceAllStringFunc(s, func(ph string) string {
		k := ph[1 : len(ph)-1]
		if val, ok := v[k]; ok {
			return val
		}
		switch k {
		case "n":
			return fmt.Sprint(2 + g.rng.IntN(38))
		case "nn":
			return fmt.Sprint(100 + g.rng.IntN(890))
		case "pct":
			return fmt.Sprint(3 + g.rng.IntN(40))
		case "money":
			if g.rng.IntN(3) == 0 {
				return fmt.Sprintf("£%d,000", 20+g.rng.IntN(900))
			}
			return fmt.Sprintf("£%d.%dm", 1+g.rng.IntN(24), g.rng.IntN(10))
		}
		if val, ok := v[k]; ok {
			return val
		}
		return ph
	})
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// quoteStyle differs per source so attribution meets both quote styles.
type quoteStyle struct{ open, close string }

var (
	straight = quoteStyle{`"`, `"`}
	curly    = quoteStyle{"\u201c", "\u201d"}
)

// speech renders one attributed statement in news style. second is true
// when the figure was already named in this article (then "Ms Ruiz" or a
// pronoun may be used).
func (g *generator) speech(f *Figure, text string, indirect string, qs quoteStyle, v vars, second bool) string {
	text = strings.ReplaceAll(text, `"`, "'")
	ref := f.Titled()
	described := f.Titled()
	if f.Role != "" && f.Title != "Mayor" {
		described = f.Titled() + ", " + f.Role + ","
	}
	if second {
		ref = f.Short()
		described = ref
	}
	body, end := strings.TrimRight(text, ".!?"), text[len(strings.TrimRight(text, ".!?")):]
	comma := ","
	if end == "?" || end == "!" {
		comma = end
	}
	if indirect != "" && g.rng.IntN(3) == 0 {
		return fmt.Sprintf("%s said that %s.", capitalize(described), indirect)
	}
	switch g.rng.IntN(5) {
	case 0:
		return fmt.Sprintf("%s%s%s%s said %s.", qs.open, body, comma, qs.close, ref)
	case 1:
		return fmt.Sprintf("%s said: %s%s%s", capitalize(described), qs.open, text, qs.close)
	case 2:
		return fmt.Sprintf("%s%s%s%s %s told the %s.", qs.open, body, comma, qs.close, ref, v["paper"])
	case 3:
		if second {
			pron := "he"
			if f.Gender == "f" {
				pron = "she"
			}
			return fmt.Sprintf("%s%s%s%s %s added.", qs.open, body, comma, qs.close, pron)
		}
		return fmt.Sprintf("%s%s%s%s said %s, %s.", qs.open, body, comma, qs.close, f.Titled(), f.Role)
	default:
		return fmt.Sprintf("Speaking at %s, %s said: %s%s%s", v["venue"], described, qs.open, text, qs.close)
	}
}

// indirectFor returns an indirect form for a side, or "".
func (g *generator) indirectFor(side string, v vars) string {
	pool := "say." + side
	if len(g.p[pool]) == 0 {
		return ""
	}
	return g.fill(g.pick(pool), v)
}

// figuresBySide returns a city's figures on side.
func figuresBySide(c *City, side string) []*Figure {
	var out []*Figure
	for i := range c.Figures {
		if c.Figures[i].Side == side {
			out = append(out, &c.Figures[i])
		}
	}
	return out
}

func (g *generator) figure(c *City, side string) *Figure {
	fs := figuresBySide(c, side)
	if len(fs) == 0 {
		return nil
	}
	return fs[g.rng.IntN(len(fs))]
}

// month generates one city's articles for month m.
func (g *generator) month(c *City, m int) []*Article {
	start := g.opts.From.AddDate(0, m, 0)
	days := start.AddDate(0, 1, 0).Sub(start).Hours() / 24
	when := func() time.Time {
		return start.Add(time.Duration(g.rng.Float64() * (days - 0.5) * 24 * float64(time.Hour))).Truncate(time.Minute)
	}
	var out []*Article
	for _, srcKey := range []string{SourcePaper, SourceBroadcaster} {
		n := g.count(map[string]float64{SourcePaper: 9, SourceBroadcaster: 6}[srcKey])
		for i := 0; i < n; i++ {
			out = append(out, g.unique(func() *Article { return g.news(c, m, srcKey, g.topic(c, m), when()) }))
		}
	}
	for i, n := 0, g.count(2); i < n; i++ {
		pool := "press.local"
		if g.rng.Float64() < 0.3 {
			pool = "press.welcome"
		}
		out = append(out, g.unique(func() *Article { return g.press(c, pool, when()) }))
	}
	for _, inc := range incidents {
		if inc.city != c.Name {
			continue
		}
		switch m {
		case inc.month:
			t := when()
			out = append(out,
				g.unique(func() *Article { return g.news(c, m, SourcePaper, "hatecrime."+inc.kind, t) }),
				g.unique(func() *Article { return g.news(c, m, SourceBroadcaster, "hatecrime."+inc.kind, t.Add(3*time.Hour)) }),
				g.unique(func() *Article { return g.press(c, "press.incident", t.Add(26*time.Hour)) }))
		case inc.month + 1:
			out = append(out, g.unique(func() *Article { return g.news(c, m, SourcePaper, "protest", when()) }))
		}
	}
	return out
}

var localTopics = []string{"housing", "schools", "transport", "council", "health", "culture", "business"}

// topic draws a story topic for city c in month m from the city's profile.
func (g *generator) topic(c *City, m int) string {
	pop := populismLevel(c, m)
	migShare := map[string]float64{"welcoming": 0.33, "contested": 0.38, "populist": 0.28 + 0.15*pop}[c.Profile]
	if c.Profile == "populist" && g.rng.Float64() < 0.22*pop {
		return "populism"
	}
	if g.rng.Float64() >= migShare {
		return localTopics[g.rng.IntN(len(localTopics))]
	}
	type w struct {
		t string
		w float64
	}
	var ws []w
	switch c.Profile {
	case "welcoming":
		ws = []w{{"arrivals", 3}, {"integration", 4}, {"myth", 2}, {"protest", 0.6}, {"policy", 1.5}}
	case "contested":
		ws = []w{{"arrivals", 2}, {"integration", 2}, {"myth", 2}, {"protest", 2}, {"policy", 2}}
	default:
		ws = []w{{"arrivals", 2}, {"integration", 2}, {"myth", 1 + 2*pop}, {"protest", 0.5 + 3*pop}, {"policy", 2}}
	}
	total := 0.0
	for _, x := range ws {
		total += x.w
	}
	r := g.rng.Float64() * total
	for _, x := range ws {
		if r < x.w {
			return x.t
		}
		r -= x.w
	}
	return ws[len(ws)-1].t
}

func (g *generator) slug(title string, t time.Time) string {
	s := strings.ToLower(title)
	s = strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return '-'
	}, s)
	for strings.Contains(s, "--") {
		s = strings.ReplaceAll(s, "--", "-")
	}
	s = strings.Trim(s, "-")
	if len(s) > 60 {
		s = strings.TrimRight(s[:60], "-")
	}
	base := s
	for i := 2; g.seen[t.Format("2006-01")+s]; i++ {
		s = fmt.Sprintf("%s-%d", base, i)
	}
	g.seen[t.Format("2006-01")+s] = true
	return s
}

// news writes one news article.
func (g *generator) news(c *City, m int, srcKey, topic string, t time.Time) *Article {
	src := c.Source(srcKey)
	v := g.vars(c, src)
	qs := curly
	if srcKey == SourceBroadcaster {
		qs = straight
	}
	a := &Article{City: c.Name, Source: srcKey, Topic: topic, Published: t,
		Author: src.Authors[g.rng.IntN(len(src.Authors))]}
	// Titles and ledes are written in matching order in the pools; the
	// headline and its lede share their numbers.
	titles, ledes := g.p[topic+".title"], g.p[topic+".lede"]
	i := g.rng.IntN(min(len(titles), len(ledes)))
	memo := vars{}
	for k, val := range v {
		memo[k] = val
	}
	for _, k := range []string{"n", "nn", "pct", "money"} {
		memo[k] = g.fill("{"+k+"}", v)
	}
	a.Title = g.fill(titles[i], memo)
	paras := []string{g.fill(ledes[i], memo)}
	body := g.pickN(topic+".body", 2+g.rng.IntN(3))
	for _, b := range body {
		paras = append(paras, g.fill(b, v))
	}
	pop := populismLevel(c, m)
	named := map[string]bool{}
	say := func(f *Figure, side, pool string) {
		if f == nil {
			return
		}
		text := g.fill(g.pick(pool), v)
		ind := ""
		if strings.HasPrefix(pool, "quote.") && side != "neutral" && side != "populist_hostile" {
			// The indirect form of the same pool ("say.condemn" for
			// "quote.condemn"), else of the side.
			ind = g.indirectFor(strings.TrimPrefix(pool, "quote."), v)
			if ind == "" {
				ind = g.indirectFor(side, v)
			}
		}
		p := g.speech(f, text, ind, qs, v, named[f.Name])
		named[f.Name] = true
		// Insert after the lede or the first body paragraph.
		at := 1 + g.rng.IntN(2)
		if at > len(paras) {
			at = len(paras)
		}
		paras = append(paras[:at], append([]string{p}, paras[at:]...)...)
		switch side {
		case "counter":
			a.Counter = append(a.Counter, f.Name)
		case "hostile":
			a.Hostile = append(a.Hostile, f.Name)
		case "populist":
			a.Populist = append(a.Populist, f.Name)
		case "populist_hostile":
			a.Populist = append(a.Populist, f.Name)
			a.Hostile = append(a.Hostile, f.Name)
		}
	}
	// quote order: say() inserts near the top, so the reply is added first
	// and the provocation last, which reads as provocation then reply.
	switch {
	case strings.HasPrefix(topic, "hatecrime."):
		a.Migration, a.HateCrime = true, true
		say(g.figure(c, "counter"), "counter", "quote.condemn")
		if g.rng.IntN(2) == 0 {
			say(g.figure(c, "counter"), "counter", "quote.counter")
		}
	case topic == "arrivals" || topic == "integration" || topic == "myth":
		a.Migration = true
		say(g.figure(c, "counter"), "counter", "quote.counter")
		if g.rng.Float64() < 0.3 {
			say(g.figure(c, "policy"), "policy", "quote.policy")
		}
		if c.Profile != "welcoming" && g.rng.Float64() < 0.15+0.4*pop {
			say(g.figure(c, "hostile"), "hostile", "quote.hostile")
		}
	case topic == "protest":
		a.Migration = true
		say(g.figure(c, "counter"), "counter", "quote.counter")
		hostile := g.figure(c, "hostile")
		if c.Profile == "populist" && g.rng.Float64() < pop {
			say(g.figure(c, "populist"), "populist_hostile", "quote.populist_hostile")
		} else if c.Profile != "welcoming" || g.rng.IntN(2) == 0 {
			say(hostile, "hostile", "quote.hostile")
		}
	case topic == "policy":
		a.Migration = true
		if g.rng.IntN(2) == 0 {
			say(g.figure(c, "counter"), "counter", "quote.counter")
		}
		say(g.figure(c, "policy"), "policy", "quote.policy")
	case topic == "populism":
		say(c.Figure("mayor"), "neutral", "council.quote")
		if g.rng.Float64() < pop {
			a.Migration = true
			say(c.Figure("populist"), "populist_hostile", "quote.populist_hostile")
		}
		say(c.Figure("populist"), "populist", "quote.populist")
	default: // local news
		speaker := c.Figure("local")
		switch topic {
		case "schools":
			speaker = c.Figure("head")
		case "council", "budget":
			speaker = c.Figure("mayor")
		}
		if pool := topic + ".quote"; len(g.p[pool]) > 0 {
			say(speaker, "neutral", pool)
		}
		if c.Profile == "populist" && g.rng.Float64() < 0.6*pop {
			say(c.Figure("populist"), "populist", "quote.populist")
		}
	}
	if g.rng.IntN(4) == 0 {
		paras = append(paras, fmt.Sprintf("Additional reporting by %s.", src.Authors[g.rng.IntN(len(src.Authors))]))
	}
	a.Paragraphs = paras
	a.Slug = g.slug(a.Title, t)
	switch srcKey {
	case SourcePaper:
		a.Path = fmt.Sprintf("/news/%s/%s.html", t.Format("2006/01"), a.Slug)
	default:
		a.Path = fmt.Sprintf("/stories/%s-%s", a.Slug, t.Format("20060102"))
	}
	return a
}

// press writes one council press release in the mayor's voice, from pool
// press.local, press.welcome (general welcome and myth-busting) or
// press.incident (after a hate crime).
func (g *generator) press(c *City, pool string, t time.Time) *Article {
	src := &c.Council
	v := g.vars(c, src)
	mayor := c.Figure("mayor")
	a := &Article{City: c.Name, Source: SourceCouncil, Topic: pool, Published: t, Author: c.Council.Name}
	a.Title = g.fill(g.pick(pool+".title"), v)
	for _, b := range g.pickN(pool+".body", 3+g.rng.IntN(2)) {
		a.Paragraphs = append(a.Paragraphs, g.fill(b, v))
	}
	a.Paragraphs = append(a.Paragraphs, fmt.Sprintf("%s, Mayor of %s", mayor.Name, c.Name))
	if pool != "press.local" {
		a.Migration = true
		a.Counter = []string{mayor.Name}
	}
	a.HateCrime = pool == "press.incident"
	a.Slug = g.slug(a.Title, t)
	a.Path = fmt.Sprintf("/press/release/%s-%s", t.Format("2006-01-02"), a.Slug)
	return a
}
