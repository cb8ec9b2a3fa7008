package figures

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xenoscope/xenoscope/config"
	"github.com/xenoscope/xenoscope/figures/ner"
	"github.com/xenoscope/xenoscope/model"
	"github.com/xenoscope/xenoscope/nlp"
)

// Finder finds person mentions and attributed statements in texts. It is
// immutable after NewFinder and safe for concurrent use.
type Finder struct {
	// registryHash identifies the registry the finder was built with
	// ("" for none); part of Version, so a registry change re-attributes.
	registryHash string
	tagger       *ner.Tagger
	nerAll       bool                     // run the tagger on every sentence (benchmark baseline)
	cities       map[string]*cityRegistry // by lower-case city name
}

type regFigure struct {
	name  string
	role  string
	party string
}

type regAlias struct {
	toks []string // lower-case normalised tokens
	fig  *regFigure
}

type cityRegistry struct {
	byFirst  map[string][]regAlias // first token -> aliases (longest first)
	bySurame map[string][]*regFigure
}

// NewFinder builds a Finder over the city registries (city name -> its
// registered figures, as in config.City.Figures). The embedded tagger is
// decoded once per process.
func NewFinder(registry map[string][]config.Figure) (*Finder, error) {
	tg, err := ner.Default()
	if err != nil {
		return nil, fmt.Errorf("figures: load tagger: %w", err)
	}
	f := &Finder{tagger: tg, cities: map[string]*cityRegistry{}, registryHash: hashRegistry(registry)}
	for city, figs := range registry {
		cr := &cityRegistry{byFirst: map[string][]regAlias{}, bySurame: map[string][]*regFigure{}}
		for _, fg := range figs {
			if strings.TrimSpace(fg.Name) == "" {
				return nil, fmt.Errorf("figures: city %q: figure with an empty name", city)
			}
			rf := &regFigure{name: strings.TrimSpace(fg.Name), role: fg.Role, party: fg.Party}
			for _, a := range append([]string{fg.Name}, fg.Aliases...) {
				toks := aliasTokens(a)
				if len(toks) == 0 {
					continue
				}
				cr.byFirst[toks[0]] = append(cr.byFirst[toks[0]], regAlias{toks, rf})
			}
			if nt := aliasTokens(fg.Name); len(nt) > 1 {
				last := nt[len(nt)-1]
				cr.bySurame[last] = append(cr.bySurame[last], rf)
			}
		}
		for k := range cr.byFirst {
			as := cr.byFirst[k]
			sort.SliceStable(as, func(i, j int) bool { return len(as[i].toks) > len(as[j].toks) })
		}
		f.cities[strings.ToLower(city)] = cr
	}
	return f, nil
}

// NewFinderFromConfig builds a Finder from every city's registry in cfg.
func NewFinderFromConfig(cfg *config.Config) (*Finder, error) {
	reg := map[string][]config.Figure{}
	if cfg != nil {
		for _, c := range cfg.Cities {
			reg[c.Name] = c.Figures
		}
	}
	return NewFinder(reg)
}

// NewFinderFromSpecs builds a Finder from the cities and registered
// figures as the store records them (store.RegistrySpecs).
func NewFinderFromSpecs(cities []model.CitySpec) (*Finder, error) {
	reg := map[string][]config.Figure{}
	for _, c := range cities {
		figs := []config.Figure{}
		for _, f := range c.Figures {
			figs = append(figs, config.Figure{Name: f.Name, Aliases: f.Aliases, Role: f.Role, Party: f.Party})
		}
		reg[c.Name] = figs
	}
	return NewFinder(reg)
}

// LocalContext reports whether a document of city is local context for
// its persons: not a wire story (no agency dateline or credit such as
// "WASHINGTON (AP) —", "(Reuters)", "Agence France-Presse" near its start
// or end) and, for news, naming the city. Statements sources are local.
// Figures of the city who are not registered count once they are
// mentioned or quoted in figure_min_local local documents.
func LocalContext(text, city, kind string) bool {
	if kind == model.KindStatements {
		return true
	}
	head, tail := text, text
	if len(head) > 400 {
		head = head[:400]
	}
	if len(tail) > 300 {
		tail = tail[len(tail)-300:]
	}
	for _, w := range wireMarks {
		if strings.Contains(head, w) || strings.Contains(tail, w) {
			return false
		}
	}
	city = strings.TrimSpace(city)
	return city == "" || strings.Contains(strings.ToLower(text), strings.ToLower(city))
}

// wireMarks are agency datelines and credits of wire stories.
var wireMarks = []string{"(AP)", "(Reuters)", "(AFP)", "(CNN)", "(UPI)", "(dpa)", "(PA)", "Associated Press",
	"Agence France-Presse", "Reuters reported", "(Bloomberg)", "– AFP", "— AFP", "- AFP", "©AFP", "© AFP"}

func aliasTokens(s string) []string {
	toks, _ := tokenize(s)
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		out = append(out, t.lower)
	}
	return out
}

// person is one canonical person of a document.
type person struct {
	name       string
	registered *regFigure
	gender     byte // 'm', 'f' or 0
	tokens     []string
}

// mention is a person mention over tokens [s, e).
type mention struct {
	s, e int
	p    *person
	poss bool // followed by 's
}

// docState is everything Find derives from one text.
type docState struct {
	text     string
	toks     []token
	sents    []sentence
	sentOf   []int // token -> sentence
	inQuote  []bool
	mentions []mention
	mentAt   []int // token -> index into mentions, -1
	fulls    []*person
	people   map[string]*person
	tags     map[int][]string // sentence -> prose POS tags, on first use
	spans    []quoteSpan
	// lowerWords are the words written in lower case somewhere in the text
	lowerWords map[string]bool
	// otherLong[k]: the tagger put token k in the name of an organisation,
	// place or other thing (not a person) of two or more tokens ("Kleiner
	// Perkins Caufield & Byers", "Consumer Price Index")
	otherLong []bool
}

// Find returns the person mentions (byte offsets into text, canonical names)
// and the attributed statements of text. Quote scores are left zero for the
// caller (analyze) to fill.
func (f *Finder) Find(text string, tc model.TextContext) ([]model.Mention, []model.Quote) {
	d := f.analyse(text, tc)
	qs := d.quotes(f)
	if tc.Kind == model.KindStatements && strings.TrimSpace(tc.Speaker) != "" {
		qs = f.sourceStatements(text, tc, qs)
	}
	ms := make([]model.Mention, 0, len(d.mentions))
	for _, m := range d.mentions {
		ms = append(ms, model.Mention{
			Text:  text[d.toks[m.s].start:d.toks[m.e-1].end],
			Start: d.toks[m.s].start, End: d.toks[m.e-1].end, Name: m.p.name,
		})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	return ms, qs
}

// sourceStatements applies a statements source's configured speaker (a
// council or party press page): the speaker is the default author of a
// release. When the release quotes a named person other than the speaker
// ("Councillor Priya Shah said: …"), those quotes are theirs and the
// release is not the speaker's; otherwise the whole text is one statement
// of kind "source" by the speaker, and the quotes in it (unnamed, or the
// speaker's own) are not repeated.
func (f *Finder) sourceStatements(text string, tc model.TextContext, qs []model.Quote) []model.Quote {
	speaker := f.canonicalSpeaker(tc)
	var others []model.Quote
	for _, q := range qs {
		if q.Speaker != "" && !samePerson(q.Speaker, speaker) {
			others = append(others, q)
		}
	}
	if len(others) > 0 {
		return others
	}
	s, e := trimSpan(text, 0, len(text))
	if s >= e {
		return nil
	}
	return []model.Quote{{Speaker: speaker, Text: text[s:e], Start: s, End: e, Kind: "source"}}
}

// samePerson reports two names of one person: equal, or one is the
// other's surname ("Ruiz" / "Ana Ruiz"), or the same full name by
// sameFullName.
func samePerson(a, b string) bool {
	if strings.EqualFold(a, b) {
		return true
	}
	fa, fb := strings.Fields(a), strings.Fields(b)
	if len(fa) == 0 || len(fb) == 0 {
		return false
	}
	if len(fa) == 1 || len(fb) == 1 {
		return strings.EqualFold(fa[len(fa)-1], fb[len(fb)-1])
	}
	return sameFullName(fa, fb)
}

// personNamed makes token k a mention (a capitalised word the tagger missed
// in "…," Schiff asked) and returns its person.
func (d *docState) personNamed(k int) *person {
	if mi := d.mentAt[k]; mi >= 0 {
		return d.mentions[mi].p
	}
	w := strings.ToLower(d.toks[k].norm)
	var p *person
	for _, q := range d.fulls {
		if strings.ToLower(q.tokens[len(q.tokens)-1]) == w {
			p = q
		}
	}
	if p == nil {
		if p = d.people[w]; p == nil {
			p = &person{name: d.toks[k].norm, tokens: []string{d.toks[k].norm}}
			d.people[w] = p
		}
	}
	d.mentAt[k] = len(d.mentions)
	d.mentions = append(d.mentions, mention{s: k, e: k + 1, p: p})
	return p
}

func (f *Finder) canonicalSpeaker(tc model.TextContext) string {
	cr := f.cities[strings.ToLower(tc.City)]
	sp := strings.TrimSpace(tc.Speaker)
	if name, ok := cr.lookup(sp); ok {
		return name
	}
	// "Mayor David Lindqvist": the title is not part of the name
	fields := strings.Fields(sp)
	for len(fields) > 1 && isNameTitle(strings.ToLower(fields[0])) {
		fields = fields[1:]
	}
	sp = strings.Join(fields, " ")
	if name, ok := cr.lookup(sp); ok {
		return name
	}
	return sp
}

// lookup returns the registered figure whose name or alias is exactly s
// (token for token, case-insensitive). A nil registry finds nothing.
func (cr *cityRegistry) lookup(s string) (string, bool) {
	if cr == nil {
		return "", false
	}
	toks := aliasTokens(s)
	if len(toks) == 0 {
		return "", false
	}
	for _, a := range cr.byFirst[toks[0]] {
		if equalToks(a.toks, toks) {
			return a.fig.name, true
		}
	}
	return "", false
}

func equalToks(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func trimSpan(text string, s, e int) (int, int) {
	for s < e && (text[s] == ' ' || text[s] == '\n' || text[s] == '\t' || text[s] == '\r') {
		s++
	}
	for e > s && (text[e-1] == ' ' || text[e-1] == '\n' || text[e-1] == '\t' || text[e-1] == '\r') {
		e--
	}
	return s, e
}

// commonInitial are capitalised sentence-initial words that never start a
// name; a sentence whose only capitalised word is one of them skips NER.
var commonInitial = map[string]bool{
	"while": true, "although": true, "though": true, "because": true, "since": true, "despite": true,
	"during": true, "before": true, "until": true, "unlike": true, "like": true, "without": true,
	"meanwhile": true, "however": true, "then": true, "now": true, "yet": true, "or": true, "nor": true,
	"the": true, "a": true, "an": true, "in": true, "it": true, "he": true, "she": true, "they": true,
	"we": true, "i": true, "but": true, "and": true, "this": true, "that": true, "there": true, "as": true,
	"at": true, "on": true, "for": true, "if": true, "when": true, "after": true, "its": true,
	"his": true, "her": true, "their": true, "our": true, "you": true, "so": true, "to": true, "of": true,
	"with": true, "by": true, "from": true, "some": true, "many": true, "more": true, "most": true,
	"what": true, "how": true, "why": true, "who": true, "these": true, "those": true, "one": true,
}

func (f *Finder) analyse(text string, tc model.TextContext) *docState {
	toks, sents := tokenize(text)
	d := &docState{text: text, toks: toks, sents: sents, sentOf: make([]int, len(toks)), inQuote: make([]bool, len(toks)), mentAt: make([]int, len(toks)), otherLong: make([]bool, len(toks))}
	for si, s := range sents {
		for k := s.first; k < s.last; k++ {
			d.sentOf[k] = si
		}
	}
	for k := range d.mentAt {
		d.mentAt[k] = -1
	}
	taken := make([]bool, len(toks))
	type rawMention struct {
		s, e int
		reg  *regFigure
		p    *person // already resolved (the tail of a full name)
	}
	var raw []rawMention
	// 1. registry hits, any case, possessive via the separate 's token
	cr := f.cities[strings.ToLower(tc.City)]
	if cr != nil {
		for k := 0; k < len(toks); k++ {
			for _, a := range cr.byFirst[toks[k].lower] {
				if k+len(a.toks) > len(toks) {
					continue
				}
				ok := true
				for j, t := range a.toks {
					if toks[k+j].lower != t {
						ok = false
						break
					}
				}
				if ok {
					raw = append(raw, rawMention{s: k, e: k + len(a.toks), reg: a.fig})
					for j := k; j < k+len(a.toks); j++ {
						taken[j] = true
					}
					k += len(a.toks) - 1
					break
				}
			}
		}
	}
	// 2. the tagger, on sentences that can hold a name
	words := make([][]string, len(sents))
	for si, s := range sents {
		ws := make([]string, s.last-s.first)
		for k := s.first; k < s.last; k++ {
			ws[k-s.first] = toks[k].norm
		}
		words[si] = ws
	}
	ds := ner.NewDocStats(words)
	var feats []string
	english := isEnglish(toks, sents)
	for si, s := range sents {
		if !english {
			break // German capitalises nouns, Cyrillic has other rules: the tagger knows English
		}
		need := f.nerAll
		for k := s.first; k < s.last && !need; k++ {
			if ner.IsCapitalised(toks[k].text) && (k > s.first || !commonInitial[toks[k].lower]) {
				need = true
			}
		}
		if !need {
			continue
		}
		var tags []string
		tags, feats = f.tagger.Tag(ner.NewSentence(words[si], ds, f.tagger.Names()), feats)
		for _, sp := range ner.Entities(tags) {
			if sp.Type != "PER" {
				for k := s.first + sp.Start; k < s.first+sp.End && sp.End-sp.Start > 1; k++ {
					d.otherLong[k] = true
				}
				continue
			}
			a, b := s.first+sp.Start, s.first+sp.End
			// titles mark a person but are not part of the name
			for a < b && (isNameTitle(toks[a].lower) || partyWords[toks[a].lower] || commonInitial[toks[a].lower] ||
				!ner.IsCapitalised(toks[a].text) && !(ner.IsNameParticle(toks[a].lower) && a+1 < b && ner.IsCapitalised(toks[a+1].text))) {
				a++
			}
			// a known given name right before the span belongs to it (the tagger
			// often misses sentence-initial first names: "Sonya A. Zoghlin")
			if a > s.first && a == s.first+sp.Start && ner.GivenNameGender(toks[a-1].lower) != 0 && ner.IsCapitalised(toks[a-1].text) && !taken[a-1] {
				a--
			}
			// a sentence-initial gerund is not a given name: "Hosting Cook at Dreamforce …"
			if a == s.first && b-a > 1 && strings.HasSuffix(toks[a].lower, "ing") && ner.GivenNameGender(toks[a].lower) == 0 {
				a++
			}
			for b > a && (toks[b-1].norm == "'s" || toks[b-1].norm == "'" || toks[b-1].norm == "," || postNominals[toks[b-1].lower]) {
				b--
			}
			// a generational suffix the tagger left out is part of the name: "Patrick W. Carlineo Jr."
			if b > a && b < s.last && ner.IsCapitalised(toks[b].text) && nameSuffix(toks[b].lower) {
				b++
			}
			if a >= b || overlaps(taken, a, b) || !ner.IsCapitalised(toks[a].text) && !ner.IsNameParticle(toks[a].lower) || looksLikePlace(toks, a, b) || f.notAPerson(toks, a, b, tc.City) {
				continue
			}
			// initials the tagger ended a name with belong to the next one: "J. | Gerald Hebert"
			if n := len(raw); n > 0 && raw[n-1].reg == nil && raw[n-1].e == a && allInitials(toks[raw[n-1].s:a]) {
				raw[n-1].e = b
			} else {
				raw = append(raw, rawMention{s: a, e: b})
			}
			for j := a; j < b; j++ {
				taken[j] = true
			}
		}
	}
	// 3. title patterns the tagger missed: Mayor Doe, Cllr Jane Doe
	for k := 0; k+1 < len(toks); k++ {
		if !isStrictTitle(toks[k].lower) || !ner.IsCapitalised(toks[k].text) {
			continue
		}
		a := k + 1
		b := a
		for b < len(toks) && b-a < 3 && ner.IsCapitalised(toks[b].text) && isNameWord(toks[b].text) && toks[b].para == toks[a].para {
			b++
		}
		if b > a && !overlaps(taken, a, b) && !looksLikePlace(toks, a, b) && !f.notAPerson(toks, a, b, tc.City) {
			raw = append(raw, rawMention{s: a, e: b})
			for j := a; j < b; j++ {
				taken[j] = true
			}
		}
	}
	sort.Slice(raw, func(i, j int) bool { return raw[i].s < raw[j].s })
	// quotes mark
	d.spans = findQuoteSpans(d)
	for _, q := range d.spans {
		for k := q.ts; k < q.te; k++ {
			d.inQuote[k] = true
		}
	}
	// 4. canonical persons: full names first, then single tokens join them
	people := map[string]*person{}
	var fulls []*person
	defer func() { d.fulls, d.people = fulls, people }()
	key := func(s, e int) []string {
		out := make([]string, 0, e-s)
		for k := s; k < e; k++ {
			if t := toks[k].norm; t != "." {
				out = append(out, strings.TrimSuffix(t, "."))
			}
		}
		return out
	}
	personFor := func(rm rawMention) *person {
		if rm.reg != nil {
			p := people["\x00"+rm.reg.name]
			if p == nil {
				p = &person{name: rm.reg.name, registered: rm.reg, tokens: strings.Fields(rm.reg.name)}
				people["\x00"+rm.reg.name] = p
				fulls = append(fulls, p)
			}
			return p
		}
		ks := key(rm.s, rm.e)
		k := strings.ToLower(strings.Join(ks, " "))
		if p := people[k]; p != nil {
			return p
		}
		var disp strings.Builder
		for x := rm.s; x < rm.e; x++ {
			if x > rm.s && toks[x].norm != "." {
				disp.WriteByte(' ')
			}
			disp.WriteString(toks[x].norm)
		}
		// "Pat Carlineo" / "Patrick W. Carlineo Jr." / "J. Doe" are one person:
		// same surname and compatible given names
		if len(ks) > 1 {
			for _, q := range fulls {
				// "Le Pen" after "Marine Le Pen": the end of a full name
				if n := len(q.tokens); n > len(ks) && q.registered == nil && strings.EqualFold(strings.Join(q.tokens[n-len(ks):], " "), strings.Join(ks, " ")) {
					people[k] = q
					return q
				}
			}
			for _, q := range fulls {
				if sameFullName(q.tokens, ks) {
					if q.registered == nil && len(disp.String()) > len(q.name) {
						q.name, q.tokens = disp.String(), ks
					}
					people[k] = q
					return q
				}
			}
		}
		p := &person{name: disp.String(), tokens: ks}
		people[k] = p
		return p
	}
	for _, rm := range raw {
		if rm.reg != nil || rm.e-rm.s > 1 {
			p := personFor(rm)
			if rm.reg == nil && len(p.tokens) > 1 {
				known := false
				for _, q := range fulls {
					if q == p {
						known = true
					}
				}
				if !known {
					fulls = append(fulls, p)
				}
			}
		}
	}
	// a full name's surname is that person wherever it is written
	// capitalised, except inside a longer name the tagger gives to something
	// else ("Kleiner Perkins" is a person, "Kleiner Perkins Caufield & Byers"
	// a firm)
	surnames := map[string]bool{}
	for _, p := range fulls {
		if p.registered == nil && len(p.tokens) > 1 {
			surnames[strings.ToLower(p.tokens[len(p.tokens)-1])] = true
		}
	}
	if len(surnames) > 0 {
		for k := range toks {
			if taken[k] || !surnames[toks[k].lower] || !ner.IsCapitalised(toks[k].text) {
				continue
			}
			if !d.otherLong[k] {
				raw = append(raw, rawMention{s: k, e: k + 1})
				taken[k] = true
				continue
			}
			// the tagger's longer non-person name is the person when it is the
			// end of their full name: "Le Pen" of "Marine Le Pen"
			a := k
			for a > 0 && d.otherLong[a-1] && k-a < 3 {
				a--
			}
			for _, p := range fulls {
				if n := len(p.tokens); p.registered == nil && n > k+1-a && (k+1 == len(toks) || !d.otherLong[k+1]) && !overlaps(taken, a, k+1) &&
					equalFoldToks(p.tokens[n-(k+1-a):], toks[a:k+1]) {
					raw = append(raw, rawMention{s: a, e: k + 1, p: p})
					for j := a; j <= k; j++ {
						taken[j] = true
					}
					break
				}
			}
		}
		sort.Slice(raw, func(i, j int) bool { return raw[i].s < raw[j].s })
	}
	for _, rm := range raw {
		var p *person
		if rm.reg == nil && rm.e-rm.s == 1 {
			w := strings.ToLower(toks[rm.s].norm)
			var cands []*person
			for _, q := range fulls {
				last := strings.ToLower(q.tokens[len(q.tokens)-1])
				if (last == "jr" || last == "sr" || last == "ii" || last == "iii") && len(q.tokens) > 1 {
					last = strings.ToLower(q.tokens[len(q.tokens)-2])
				}
				if last == w || strings.ToLower(q.tokens[0]) == w {
					cands = append(cands, q)
				}
			}
			if len(cands) == 0 && cr != nil && len(cr.bySurame[w]) == 1 {
				reg := cr.bySurame[w][0]
				p = personFor(rawMention{reg: reg})
			} else if len(cands) >= 1 {
				p = cands[0]
				if len(cands) > 1 { // prefer the most recent full mention before this one
					best := -1
					for _, m := range d.mentions {
						for _, c := range cands {
							if m.p == c && m.s < rm.s && m.s > best {
								best, p = m.s, c
							}
						}
					}
				}
			}
		}
		if rm.p != nil {
			p = rm.p
		}
		if p == nil {
			p = personFor(rm)
		}
		m := mention{s: rm.s, e: rm.e, p: p}
		if rm.e < len(toks) && (toks[rm.e].norm == "'s" || toks[rm.e].norm == "'") {
			m.poss = true
		}
		if rm.s > 0 {
			if g := titleGender(toks[rm.s-1].lower); g != 0 && p.gender == 0 {
				p.gender = g
			}
		}
		if p.gender == 0 && len(p.tokens) > 1 {
			p.gender = ner.GivenNameGender(strings.ToLower(p.tokens[0]))
		}
		for k := rm.s; k < rm.e; k++ {
			d.mentAt[k] = len(d.mentions)
		}
		d.mentions = append(d.mentions, m)
	}
	return d
}

// equalFoldToks reports names (a person's tokens) equal to tokens ts,
// case-insensitively.
func equalFoldToks(names []string, ts []token) bool {
	if len(names) != len(ts) {
		return false
	}
	for i, n := range names {
		if !strings.EqualFold(n, ts[i].norm) {
			return false
		}
	}
	return true
}

// allInitials reports tokens that are all initials ("J.", "J.R.").
func allInitials(ts []token) bool {
	for _, t := range ts {
		w := strings.ReplaceAll(t.norm, ".", "")
		if w == "" || len(w) > 2 || !strings.HasSuffix(t.norm, ".") || strings.ToUpper(w) != w {
			return false
		}
	}
	return len(ts) > 0
}

func overlaps(taken []bool, a, b int) bool {
	for k := a; k < b; k++ {
		if taken[k] {
			return true
		}
	}
	return false
}

func isNameWord(w string) bool {
	for _, r := range w {
		if !(unicode.IsLetter(r) || r == '-' || r == '\'' || r == '’' || r == '.') {
			return false
		}
	}
	return true
}

// isNameTitle reports a title that marks a person but is not part of the
// name ("Mayor", "Sen.", "striker"), from the one title table (nlp).
func isNameTitle(lower string) bool {
	t, ok := nlp.LookupTitle(lower)
	return ok && t.Name
}

// isStrictTitle reports a title that, capitalised, is followed by a name.
func isStrictTitle(lower string) bool {
	t, ok := nlp.LookupTitle(lower)
	return ok && t.Strict
}

// titleGender is the gender a title gives ("Mrs" 'f'), 0 when none.
func titleGender(lower string) byte {
	t, _ := nlp.LookupTitle(lower)
	return t.Gender
}

// placeHeads end names of places and organisations, not persons:
// "Boathouse Lane", "Leeds City Council", "Lakeside General".
var placeHeads = map[string]bool{"road": true, "street": true, "avenue": true, "close": true, "lane": true,
	"way": true, "drive": true, "crescent": true, "terrace": true, "square": true, "walk": true, "end": true,
	"library": true, "college": true, "school": true, "academy": true, "university": true, "hospital": true,
	"centre": true, "center": true, "council": true, "church": true, "mosque": true, "synagogue": true,
	"temple": true, "station": true, "bridge": true, "estate": true, "court": true, "gardens": true,
	"general": true, "infirmary": true, "stadium": true, "arena": true, "museum": true, "hotel": true,
	"house": true, "office": true, "party": true, "police": true, "trust": true, "association": true,
	"society": true, "foundation": true, "group": true, "network": true, "forum": true, "committee": true,
	"city": true, "town": true, "village": true, "county": true, "borough": true, "district": true, "ward": true,
	"park": true, "green": true, "grammar": true, "box": true, "market": true, "hall": true, "common": true,
	"row": true, "parade": true, "quay": true, "fields": true, "together": true, "support": true, "inc": true,
	"ltd": true, "llc": true, "corp": true, "plc": true, "press": true, "news": true, "times": true, "post": true,
	"stadia": true, "club": true, "union": true, "league": true, "alliance": true, "coalition": true}

// looksLikePlace rejects a tagger PER span [a, b) that reads as a place or
// organisation: a place head noun last, "Councillor for X", "in X". A known
// given name first keeps it a person ("Diane Lane").
func looksLikePlace(toks []token, a, b int) bool {
	if ner.GivenNameGender(toks[a].lower) != 0 {
		return false
	}
	if placeHeads[toks[b-1].lower] || (b < len(toks) && placeHeads[toks[b].lower] && ner.IsCapitalised(toks[b].text)) {
		return true // "Boathouse Lane", "Richmond High [School]"
	}
	if a >= 2 && toks[a-1].lower == "for" && isNameTitle(toks[a-2].lower) {
		return true // Councillor for Fenwick, MP for Leeds Central
	}
	if a >= 1 {
		switch toks[a-1].lower {
		case "in", "at", "near", "along", "off", "into", "through":
			return true
		}
	}
	return false
}

var englishStop = map[string]bool{"the": true, "and": true, "of": true, "to": true, "a": true, "in": true,
	"is": true, "that": true, "for": true, "it": true, "was": true, "on": true, "with": true, "he": true,
	"she": true, "as": true, "at": true, "by": true, "this": true, "have": true, "from": true, "are": true,
	"be": true, "has": true, "his": true, "her": true, "they": true, "we": true, "said": true, "not": true}

// isEnglish reports whether the text reads as English: at least 8% of the
// lower-case words of its prose sentences are common English function
// words (English news: 40–50%). Only lower-case words of sentences with at
// least proseWords of them are judged: a list of names, a results table
// ("Tomas Brink (Denmark) beat Kenji Mori (Japan) 15-3", one lower-case word
// a line however long the table) or a headline in capitals has none, so the
// tagger still reads "Squad: Javier Pertile, Paolo Vaccari, ...". Texts
// with fewer than 15 such words always pass.
func isEnglish(toks []token, sents []sentence) bool {
	words, stop := 0, 0
	for _, s := range sents {
		w, st := 0, 0
		for _, t := range toks[s.first:s.last] {
			// a lower-case word starts with a letter: not "11-3", "'s"
			if r, _ := utf8.DecodeRuneInString(t.text); unicode.IsLetter(r) && t.text == t.lower {
				w++
				if englishStop[t.lower] {
					st++
				}
			}
		}
		if w >= proseWords {
			words += w
			stop += st
		}
	}
	return words < 15 || stop*100 >= words*8
}

// proseWords is the number of lower-case words that make a sentence prose
// for isEnglish.
const proseWords = 4

// notAPerson rejects a candidate person span [a, b) that names something
// else: a span containing the name of a configured city or of the text's
// city ("Lakeside", "Upper Millbrook", "Welcome Riverton", "Millbrook
// Grammar"), a span with a word that cannot be part of a name ("Frank )
// Vogel", "P.O. Box 12"), a single word that names a holiday, language,
// faith or group ("Christmas", "Pashto", "Muslims"), and a name in a byline
// or credit line ("Additional reporting by Lucy Tran"): the reporter is not
// part of the story.
func (f *Finder) notAPerson(toks []token, a, b int, city string) bool {
	city = strings.ToLower(strings.TrimSpace(city))
	for k := a; k < b; k++ {
		l := toks[k].lower
		if l == city && city != "" {
			return true
		}
		if _, ok := f.cities[l]; ok {
			return true
		}
		if !isNameWord(toks[k].text) && !ner.IsNameParticle(l) {
			return true
		}
	}
	if b-a == 1 && (nonPersonWords[toks[a].lower] || partyTag(toks[a].text)) {
		return true
	}
	if b-a > 1 {
		// a two-word city name: "New Haven"
		var sb strings.Builder
		for k := a; k < b; k++ {
			if k > a {
				sb.WriteByte(' ')
			}
			sb.WriteString(toks[k].lower)
		}
		n := sb.String()
		if _, ok := f.cities[n]; ok || n == city {
			return true
		}
	}
	return inByline(toks, a)
}

// postNominals follow a name and are not part of it: "Jonathan Pryce MP".
var postNominals = map[string]bool{"mp": true, "mep": true, "msp": true, "mla": true, "qc": true, "kc": true,
	"obe": true, "mbe": true, "cbe": true}

// partyTag reports a party-and-state label written after a US
// politician's name: "R-Ohio", "D-N.Y.", "I-Vt.".
func partyTag(w string) bool {
	return len(w) >= 4 && (w[0] == 'R' || w[0] == 'D' || w[0] == 'I') && w[1] == '-' && w[2] >= 'A' && w[2] <= 'Z'
}

// inByline reports a token in a byline or credit line: "By Lucy Tran",
// "Additional reporting by …", "Editing by …", "Photo: …".
func inByline(toks []token, a int) bool {
	p := toks[a].para
	first := a
	for first > 0 && toks[first-1].para == p {
		first--
	}
	words := 0
	for k := first; k < len(toks) && toks[k].para == p; k++ {
		if isWordTok(toks[k].norm) {
			words++
		}
	}
	if words > 12 {
		return false
	}
	if toks[first].lower == "by" || toks[first].lower == "photo" || toks[first].lower == "photograph" {
		return true
	}
	for k := first; k < a; k++ {
		if toks[k].lower == "by" && k > first {
			switch toks[k-1].lower {
			case "reporting", "editing", "writing", "compiled", "photo", "photos", "photograph", "images", "produced", "edited":
				return true
			}
		}
	}
	return false
}

// nonPersonWords are capitalised single words the tagger sometimes takes
// for a surname: holidays, languages, faiths and groups, days and months.
var nonPersonWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`christmas easter ramadan eid diwali hanukkah passover advent lent halloween
pashto arabic urdu farsi dari persian kurdish somali tigrinya ukrainian russian polish romanian english welsh french
german spanish italian turkish punjabi bengali hindi mandarin cantonese
muslims muslim christians christian jews jewish hindus hindu sikhs sikh buddhists catholics protestants islam
refugees migrants asylum afghans syrians ukrainians eritreans sudanese
monday tuesday wednesday thursday friday saturday sunday january february march april june july august
september october november december god allah vicar imam rabbi pastor bishop mayor councillor`) {
		m[w] = true
	}
	return m
}()

// partyWords are party labels in front of a name ("Democrat Hillary
// Clinton", "Labour councillor"): not part of it.
var partyWords = map[string]bool{"democrat": true, "democratic": true, "republican": true, "gop": true,
	"labour": true, "conservative": true, "tory": true, "liberal": true, "independent": true, "libdem": true,
	"reform": true, "ukip": true, "snp": true}

// nameSuffix reports a lower-case generational suffix: "jr.", "sr", "iii".
func nameSuffix(lower string) bool {
	switch strings.TrimSuffix(lower, ".") {
	case "jr", "sr", "ii", "iii":
		return true
	}
	return false
}

// sameFullName reports two multi-token names of one person: the same
// surname (suffixes Jr./Sr. aside) and given names where one is the other,
// a prefix of it ("Pat"/"Patrick") or its initial ("J"/"Jane").
func sameFullName(a, b []string) bool {
	core := func(t []string) []string {
		for len(t) > 1 {
			switch strings.ToLower(strings.TrimSuffix(t[len(t)-1], ".")) {
			case "jr", "sr", "ii", "iii":
				t = t[:len(t)-1]
				continue
			}
			break
		}
		return t
	}
	a, b = core(a), core(b)
	if len(a) < 2 || len(b) < 2 || !strings.EqualFold(a[len(a)-1], b[len(b)-1]) {
		return false
	}
	fa, fb := strings.ToLower(strings.TrimSuffix(a[0], ".")), strings.ToLower(strings.TrimSuffix(b[0], "."))
	if len(fa) > len(fb) {
		fa, fb = fb, fa
	}
	switch {
	case fa == fb:
		return true
	case len([]rune(fa)) == 1:
		return strings.HasPrefix(fb, fa)
	case len([]rune(fa)) >= 3:
		return strings.HasPrefix(fb, fa)
	}
	return false
}

// hashRegistry is a short hash of the registry's cities and figures in a
// canonical order, "" when the registry names no city.
func hashRegistry(registry map[string][]config.Figure) string {
	if len(registry) == 0 {
		return ""
	}
	// The same registry gives the same hash whether it comes from the
	// config or from the store: cities without figures do not count,
	// figures and aliases are sorted.
	cities := make([]string, 0, len(registry))
	for c, figs := range registry {
		if len(figs) > 0 {
			cities = append(cities, c)
		}
	}
	if len(cities) == 0 {
		return ""
	}
	sort.Strings(cities)
	h := sha256.New()
	for _, c := range cities {
		fmt.Fprintf(h, "city\x00%s\x00", c)
		figs := append([]config.Figure(nil), registry[c]...)
		sort.Slice(figs, func(i, j int) bool { return strings.TrimSpace(figs[i].Name) < strings.TrimSpace(figs[j].Name) })
		for _, f := range figs {
			as := append([]string(nil), f.Aliases...)
			for i := range as {
				as[i] = strings.TrimSpace(as[i])
			}
			sort.Strings(as)
			fmt.Fprintf(h, "figure\x00%s\x00%s\x00%s\x00%q\x00", strings.TrimSpace(f.Name), f.Role, f.Party, as)
		}
	}
	return hex.EncodeToString(h.Sum(nil))[:8]
}
