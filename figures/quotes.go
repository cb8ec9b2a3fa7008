package figures

import (
	"sort"
	"strings"

	"github.com/xenoscope/xenoscope/figures/ner"
	"github.com/xenoscope/xenoscope/model"
	"github.com/xenoscope/xenoscope/nlp"
)

// quoteSpan is a quoted passage: content tokens [ts, te), the opening and
// closing quote-mark tokens (-1 when absent: a quote left open runs to the
// end of its paragraph).
type quoteSpan struct {
	ts, te          int
	open, close     int
	title, headline bool
}

func findQuoteSpans(d *docState) []quoteSpan {
	var out []quoteSpan
	toks := d.toks
	open := -1
	flushOpen := func(end int) {
		if open >= 0 && end > open+1 {
			out = append(out, quoteSpan{ts: open + 1, te: end, open: open, close: -1})
		}
		open = -1
	}
	for k := 0; k < len(toks); k++ {
		if k > 0 && toks[k].para != toks[k-1].para {
			flushOpen(k)
		}
		switch toks[k].text {
		case "“", "„", "«":
			if p := toks[k-min(k, 1)].norm; open >= 0 && k > open+2 && (p == "," || p == "." || p == "?" || p == "!") &&
				(k+1 >= len(toks) || toks[k+1].para != toks[k].para || attributionFollows(toks, k+1)) {
				// a mistyped closing mark: “…,“ said Jim Clyburn
				out = append(out, quoteSpan{ts: open + 1, te: k, open: open, close: k})
				open = -1
				continue
			}
			flushOpen(k)
			open = k
		case "”", "»":
			if open >= 0 {
				if k > open+1 {
					out = append(out, quoteSpan{ts: open + 1, te: k, open: open, close: k})
				}
				open = -1
			}
		case `"`:
			if open >= 0 {
				if k > open+1 {
					out = append(out, quoteSpan{ts: open + 1, te: k, open: open, close: k})
				}
				open = -1
			} else {
				open = k
			}
		case "‘":
			// British single quotes: ‘We welcome everyone,’ said the mayor.
			// ’ is also the apostrophe, so a closing mark must follow sentence
			// punctuation or precede an attribution.
			if open >= 0 {
				continue
			}
			if c := singleQuoteClose(toks, k); c > 0 {
				if !isTitleLike(toks[k+1 : c]) {
					out = append(out, quoteSpan{ts: k + 1, te: c, open: k, close: c})
				}
				k = c
			}
		}
	}
	flushOpen(len(toks))
	sort.SliceStable(out, func(i, j int) bool { return out[i].ts < out[j].ts })
	for i := range out {
		q := &out[i]
		q.title = isTitleLike(toks[q.ts:q.te])
		// a quote that is its whole paragraph, with no sentence punctuation: a heading
		words := 0
		final := false
		for _, t := range toks[q.ts:q.te] {
			if isWordTok(t.norm) {
				words++
			}
			if t.norm == "." || t.norm == "!" || t.norm == "?" || t.norm == "," {
				final = true
			}
		}
		alone := true
		p := toks[q.ts].para
		for k := q.ts - 1; k >= 0 && toks[k].para == p && alone; k-- {
			if k != q.open && isWordTok(toks[k].norm) && !isNumberTok(toks[k].norm) {
				alone = false
			}
		}
		for k := q.te; k < len(toks) && toks[k].para == p && alone; k++ {
			if k != q.close && isWordTok(toks[k].norm) {
				alone = false
			}
		}
		q.headline = alone && !final && words <= 10
	}
	return out
}

// singleQuoteClose finds the ’ that closes the ‘ at k in its paragraph, or -1.
func singleQuoteClose(toks []token, k int) int {
	for c := k + 2; c < len(toks) && toks[c].para == toks[k].para; c++ {
		switch toks[c].text {
		case "“", "”", `"`, "‘":
			return -1
		case "’":
			prev := toks[c-1].norm
			if prev == "," || prev == "." || prev == "?" || prev == "!" || prev == "…" {
				return c
			}
			if c+1 == len(toks) || toks[c+1].para != toks[c].para || attributionFollows(toks, c+1) {
				return c
			}
		}
	}
	return -1
}

func isWordTok(s string) bool {
	for _, r := range s {
		if r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127 && r != '’' && r != '‘' && r != '“' && r != '”' && r != '—' && r != '–' {
			return true
		}
	}
	return false
}

func isNumberTok(s string) bool {
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r == '.') {
			return false
		}
	}
	return s != ""
}

var titleFunctionWords = map[string]bool{"and": true, "of": true, "the": true, "a": true, "in": true, "on": true,
	"for": true, "to": true, "with": true, "&": true, "no": true, "an": true, "at": true}

// isTitleLike reports a short quote in title case: a film, song or book
// title, or a nickname, not a statement.
func isTitleLike(ts []token) bool {
	words := 0
	for _, t := range ts {
		if !isWordTok(t.norm) {
			if t.norm == "." || t.norm == "!" || t.norm == "?" || t.norm == "," {
				return false
			}
			continue
		}
		words++
		if !ner.IsCapitalised(t.text) && !titleFunctionWords[t.lower] && !isNumberTok(t.norm) {
			return false
		}
	}
	return words > 0 && words <= 6
}

// speechVerbs introduce or close a quote.
var speechVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "told": true, "tells": true, "asked": true, "asks": true,
	"added": true, "adds": true, "explained": true, "explains": true, "noted": true, "notes": true,
	"wrote": true, "writes": true, "argued": true, "argues": true, "claimed": true, "claims": true,
	"warned": true, "warns": true, "insisted": true, "insists": true, "stressed": true, "recalled": true,
	"recalls": true, "acknowledged": true, "admitted": true, "agreed": true, "replied": true, "responded": true,
	"continued": true, "laughed": true, "joked": true, "quipped": true, "tweeted": true, "posted": true,
	"stated": true, "states": true, "declared": true, "announced": true, "urged": true, "urges": true,
	"conceded": true, "remarked": true, "observed": true, "suggested": true, "testified": true,
	"reiterated": true, "exclaimed": true, "shouted": true, "complained": true, "countered": true,
	"cautioned": true, "predicted": true, "promised": true, "vowed": true, "boasted": true, "concluded": true,
	"begged": true, "pleaded": true, "telling": true, "saying": true, "adding": true, "writing": true,
	"describing": true, "described": true, "called": true, "calls": true, "demanded": true, "pointed": true,
	"emphasised": true, "emphasized": true, "maintained": true, "confirmed": true, "denied": true,
	"alleged": true, "believes": true, "thinks": true, "feels": true, "barked": true, "charged": true,
	"snapped": true, "retorted": true, "scoffed": true, "mused": true, "interjected": true, "lamented": true,
	"deadpanned": true, "yelled": true, "screamed": true, "cried": true, "answered": true, "reasoned": true,
	"recounted": true, "offered": true, "chimed": true, "shouts": true, "sighed": true, "whispered": true,
	"bragged": true, "proclaimed": true, "marveled": true, "marvelled": true, "contended": true,
	"contends": true, "opined": true, "elaborated": true, "texted": true, "emailed": true, "wrote:": true,
	"says:": true, "continues": true, "asserted": true, "asserts": true, "pressed": true, "remembered": true,
	"remembers": true, "reacted": true, "questioned": true, "beamed": true, "exhorted": true, "agrees": true,
	"sang": true, "sings": true, "blogged": true, "reported": true, "reports": true, "chided": true,
	"scolded": true, "gushed": true, "raved": true, "hinted": true, "teased": true, "mocked": true,
	"fumed": true, "groaned": true, "griped": true, "grumbled": true, "muttered": true, "murmured": true,
	"clarified": true, "advised": true, "acknowledges": true, "responds": true, "replies": true, "add": true,
	"ask": true, "tell": true, "write": true, "note": true, "explain": true, "wondered": true, "wonders": true,
	"stated:": true, "jokes": true, "quips": true, "warning": true, "noting": true, "asking": true,
	"explaining": true, "declaring": true, "insisting": true, "arguing": true, "remarking": true,
	"quipping": true, "joking": true, "responding": true, "stating": true, "tweeting": true, "posting": true,
	"urging": true, "declared:": true, "concedes": true, "admits": true, "counters": true, "predicts": true,
	"promises": true, "vows": true, "boasts": true, "complains": true, "laments": true,
}

// isSpeechVerb reports a speech verb at token k, phrasal ones included
// ("shot back", "fired back", "went on").
func (d *docState) isSpeechVerb(k int) bool {
	l := d.toks[k].lower
	if speechVerbs[l] {
		return true
	}
	if k+1 < len(d.toks) {
		switch l {
		case "shot", "fired", "hit", "pushed", "struck", "wrote", "snapped":
			return d.toks[k+1].lower == "back"
		case "went", "goes", "carried", "pressed":
			return d.toks[k+1].lower == "on"
		case "chimed", "weighed":
			return d.toks[k+1].lower == "in"
		case "put", "puts":
			return d.toks[k+1].lower == "it" // "as Cornyn put it"
		}
	}
	return false
}

// indirectVerbs introduce reported speech ("X said that ...").
var indirectVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "tells": true, "warned": true, "warns": true, "argued": true,
	"argues": true, "claimed": true, "claims": true, "insisted": true, "insists": true, "added": true,
	"noted": true, "stressed": true, "explained": true, "acknowledged": true, "admitted": true,
	"reiterated": true, "urged": true, "testified": true, "believes": true, "announced": true,
	"suggested": true, "conceded": true, "predicted": true, "promised": true, "vowed": true,
	"alleged": true, "maintained": true, "confirmed": true, "emphasised": true, "emphasized": true,
	"called": true, "calls": true, "wrote": true, "writes": true,
}

// afterVerbWords follow a sentence-final attribution (", Cook said Tuesday").
var afterVerbWords = map[string]bool{".": true, ",": true, ";": true, "in": true, "on": true, "at": true,
	"while": true, "during": true, "after": true, "before": true, "when": true, "last": true, "this": true,
	"earlier": true, "later": true, "recently": true, "today": true, "yesterday": true, "as": true, "via": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "of": true, "to": true, "from": true, "through": true, "ever": true, "since": true}

// adverbs allowed between a subject and its speech verb.
var subjAdverbs = map[string]bool{"also": true, "later": true, "then": true, "previously": true, "has": true,
	"had": true, "have": true, "repeatedly": true, "publicly": true, "again": true, "once": true, "first": true,
	"further": true, "recently": true, "earlier": true, "then-": true, "has since": true, "initially": true}

// modifiedNouns follow a name that modifies them: "Clinton spokesman Josh
// Schwerin", "Sanders campaign manager Jeff Weaver", "Cruz constituent".
var modifiedNouns = map[string]bool{"spokesman": true, "spokeswoman": true, "spokesperson": true, "campaign": true,
	"ally": true, "allies": true, "aide": true, "aides": true, "adviser": true, "advisor": true, "pollster": true,
	"strategist": true, "constituent": true, "supporter": true, "supporters": true, "surrogate": true,
	"staffer": true, "staff": true, "official": true, "officials": true, "lawyer": true, "attorney": true,
	"press": true, "speechwriter": true, "deputy": true, "senior": true, "top": true, "administration": true,
	"economist": true, "researcher": true, "executive": true, "loyalist": true, "backer": true, "friend": true,
	"confidant": true, "donor": true, "fundraiser": true, "critic": true, "biographer": true, "associate": true,
	"protesters": true, "voters": true, "delegate": true, "delegates": true, "team": true, "transition": true}

// isAdverb reports an adverb between a subject and its verb ("Trump
// reportedly said").
func isAdverb(w string) bool {
	return subjAdverbs[w] || len(w) > 4 && strings.HasSuffix(w, "ly") && w != "only" && w != "family"
}

var pronouns = map[string]byte{"he": 'm', "she": 'f'}

var nominalPronouns = map[string]bool{"they": true, "it": true, "we": true, "i": true, "you": true, "who": true}

// statement is a candidate before attribution.
type statement struct {
	s, e       int // tokens [s, e)
	kind       string
	q          *quoteSpan
	speaker    *person
	attributed bool // a speech pattern decided (speaker may be nil: unnamed)
	verb       int  // verb token of an indirect statement
	subj       int  // subject token of an indirect statement (-1: none)
	subjEnd    int
}

// subjectAt classifies the noun phrase ending at token k (inclusive) as a
// person mention, a pronoun, or something else; it returns the person (nil
// for unnamed) and ok=false when k cannot be a subject.
func (d *docState) subjectAt(k int) (p *person, pron int, ok bool) {
	if k < 0 {
		return nil, -1, false
	}
	t := d.toks[k]
	if mi := d.mentAt[k]; mi >= 0 && !d.mentions[mi].poss {
		return d.mentions[mi].p, -1, true
	}
	if _, isPron := pronouns[t.lower]; isPron {
		return nil, k, true
	}
	if nominalPronouns[t.lower] {
		return nil, -1, true
	}
	if isWordTok(t.norm) && t.norm != "'s" {
		return d.roleHolder(k), -1, true // a nominal subject: "the company", "prosecutors", "the mayor"
	}
	return nil, -1, false
}

// roleOf returns the office a role noun or title names ("the senator",
// "Sen. X" -> "senator"), "" when it names none; from the title table.
func roleOf(lower string) string {
	t, _ := nlp.LookupTitle(lower)
	return t.Role
}

// roleHolder resolves "the mayor" (token k is the role noun, after "the"
// or a possessive) to the person introduced with that title (or registered
// with that role) who was mentioned last before k; nil when there is none
// (the article's own voice stays unnamed).
func (d *docState) roleHolder(k int) *person {
	role := roleOf(d.toks[k].lower)
	if role == "" || k == 0 || (d.toks[k-1].lower != "the" && d.toks[k-1].norm != "'s") {
		return nil
	}
	// persons introduced with the role; the one mentioned last before k wins
	titled := map[*person]bool{}
	for _, m := range d.mentions {
		if m.s < k && ((m.s > 0 && roleOf(d.toks[m.s-1].lower) == role) ||
			(m.p.registered != nil && strings.Contains(strings.ToLower(m.p.registered.role), role))) {
			titled[m.p] = true
		}
	}
	var best *person
	bestAt := -1
	for _, m := range d.mentions {
		if m.s < k && m.s > bestAt && titled[m.p] {
			best, bestAt = m.p, m.s
		}
	}
	return best
}

// resolvePronoun finds the nearest compatible named person before token k.
func (d *docState) resolvePronoun(k int, exclude map[*person]bool, last *statement) *person {
	g := pronouns[d.toks[k].lower]
	compat := func(p *person) bool {
		return p != nil && !exclude[p] && (p.gender == 0 || p.gender == g)
	}
	// firstIn returns the first compatible person of sentence si before upto;
	// chained reports that a same-gender pronoun comes first (it is the
	// subject, referring further back).
	firstIn := func(si, upto int, allowPoss bool) (p *person, chained bool) {
		s := d.sents[si]
		for j := s.first; j < s.last && j < upto; j++ {
			if d.inQuote[j] {
				continue
			}
			if mi := d.mentAt[j]; mi >= 0 {
				m := d.mentions[mi]
				if (allowPoss || !m.poss) && compat(m.p) {
					return m.p, false
				}
			} else if pronouns[d.toks[j].lower] == g && j < upto {
				return nil, true
			}
		}
		return nil, false
	}
	set := func(p *person) *person {
		if p != nil && p.gender == 0 {
			p.gender = g
		}
		return p
	}
	si := d.sentOf[k]
	usedLast := false
	para := d.toks[k].para
	for j := si; j >= 0 && j >= si-12; j-- {
		p, chained := firstIn(j, k, false)
		if p != nil {
			return set(p)
		}
		if !chained && j < si && !usedLast {
			usedLast = true
			if last != nil && last.speaker != nil && compat(last.speaker) && d.toks[last.s].para >= para-2 {
				return set(last.speaker)
			}
		}
	}
	for j := si; j >= 0 && j >= si-12; j-- {
		if p, _ := firstIn(j, k, true); p != nil {
			return set(p)
		}
	}
	return nil
}

var stopWords = map[string]bool{"and": true, "but": true, "or": true, "then": true, "so": true, "as": true,
	"who": true, "which": true, "that": true, "also": true, "had": true, "has": true, "have": true, ",": true}

// quotes finds and attributes the statements of the document.
func (d *docState) quotes(f *Finder) []model.Quote {
	spans := findQuoteSpans(d)
	var cands []*statement
	usedVerb := map[int]bool{}
	for i := range spans {
		q := &spans[i]
		if q.title {
			continue
		}
		cands = append(cands, &statement{s: q.ts, e: q.te, kind: "direct", q: q, subj: -1})
	}
	// indirect speech, found before attribution so that both are ordered
	for si := range d.sents {
		cands = append(cands, d.indirect(si)...)
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].s < cands[j].s })

	var done []*statement
	var last *statement
	for _, st := range cands {
		if st.kind == "direct" {
			d.attributeDirect(st, last, usedVerb)
		} else {
			if usedVerb[st.verb] {
				continue
			}
			// drop reported speech that is mostly a direct quote already
			in := 0
			for k := st.s; k < st.e; k++ {
				if d.inQuote[k] {
					in++
				}
			}
			if in*2 >= st.e-st.s {
				continue
			}
			st.attributed = true
			if st.subj >= 0 {
				p, pron, _ := d.subjectAt(st.subj)
				if pron >= 0 {
					p = d.resolvePronoun(pron, nil, last)
				}
				st.speaker = p
			}
		}
		done = append(done, st)
		last = st
	}
	out := make([]model.Quote, 0, len(done))
	for _, st := range done {
		a, b := d.toks[st.s].start, d.toks[st.e-1].end
		name := ""
		if st.speaker != nil {
			name = st.speaker.name
		}
		out = append(out, model.Quote{Speaker: name, Text: d.text[a:b], Start: a, End: b, Kind: st.kind})
	}
	return out
}

func (d *docState) attributeDirect(st *statement, last *statement, usedVerb map[int]bool) {
	q := st.q
	if q.headline {
		st.attributed = true
		return
	}
	set := func(p *person) { st.speaker, st.attributed = p, true }
	if p, ok := d.speakerAfter(q, last, usedVerb); ok {
		set(p)
		return
	}
	si := d.sentOf[q.open]
	// the sentence before the quote: from its start or the last quote mark
	start := d.sents[si].first
	for k := q.open - 1; k >= start; k-- {
		if d.inQuote[k] || d.toks[k].text == "”" || (d.toks[k].norm == `"` && k != q.open) {
			start = k + 1
			break
		}
	}
	if p, ok := d.speakerBefore(q, start, last); ok {
		set(p)
		return
	}
	if p, ok := d.colonSpeaker(q, si, last); ok {
		set(p)
		return
	}
	// "Halvorson blasted Shuster for “cavorting” …", "Trump called it “a disaster”":
	// a quote inside a sentence is its subject's
	if start == d.sents[si].first && start < q.open && !namingWords[d.toks[q.open-1].lower] {
		if p, pron, ok := d.sentenceSubject(si, q.open); ok {
			if pron >= 0 {
				p = d.resolvePronoun(pron, nil, last)
			}
			set(p)
			return
		}
	}
	if p, ok := d.dashSpeaker(q); ok {
		set(p)
		return
	}
	if start == d.sents[si].first && start == q.open {
		if p, ok := d.previousSentenceSpeaker(si, last); ok {
			set(p)
			return
		}
	}
	// no attribution of its own: a split or continued quote keeps the last speaker
	if last != nil && d.toks[last.s].para >= d.toks[st.s].para-1 {
		st.speaker = last.speaker
	}
}

// namingWords before a quote name it rather than quote anyone: "the
// slogan “Meth, we're on it”", "a sign that read “15%!”".
var namingWords = map[string]bool{"slogan": true, "tagline": true, "headline": true, "title": true, "titled": true,
	"entitled": true, "hashtag": true, "banner": true, "sign": true, "phrase": true, "term": true, "motto": true,
	"chant": true, "chanting": true, "chanted": true, "read": true, "reads": true, "reading": true, "dubbed": true,
	"nicknamed": true, "label": true, "labeled": true, "labelled": true, "branded": true, "word": true, "words": true}

// speakerAfter reads an attribution after a closing quote mark, in the
// quote's sentence: "…," Volker said / "…," said CEO Tim Cook / "…," he
// told Benioff / "…," Matdos Santos, legal director for ACLU of Oregon,
// said / "…," according to Jane Doe. ok reports that an attribution was
// found (p may be nil: "the company said").
func (d *docState) speakerAfter(q *quoteSpan, last *statement, usedVerb map[int]bool) (*person, bool) {
	if q.close < 0 {
		return nil, false
	}
	toks := d.toks
	end := d.sents[d.sentOf[q.close]].last
	for k := q.close + 1; k < end && k < q.close+40; k++ {
		t := toks[k]
		if t.norm == `"` || t.text == "“" || t.text == "”" || t.norm == ";" {
			return nil, false
		}
		if t.lower == "according" && k+1 < end && toks[k+1].lower == "to" {
			usedVerb[k] = true
			for j := k + 2; j < end && j < k+8 && toks[j].norm != "," && toks[j].norm != "."; j++ {
				if mi := d.mentAt[j]; mi >= 0 && !d.mentions[mi].poss {
					return d.mentions[mi].p, true
				}
			}
			return nil, true // "according to CNN": nobody we count
		}
		if !d.isSpeechVerb(k) || d.inQuote[k] {
			continue
		}
		if d.introducesNext(k, q) {
			return nil, false // Smith agreed: "…" / Mills writes back, "…" introduce the next quote
		}
		usedVerb[k] = true
		if k > q.close+1 {
			// the subject between the quote and the verb
			if p, pron, ok := d.subjectBefore(k, q.close+1, true); ok {
				if pron >= 0 {
					p = d.resolvePronoun(pron, d.personsIn(q.close+1, end, pron), last)
				}
				return p, true
			}
			if k > q.close+6 && toks[k-1].norm != "," {
				return nil, false // a verb of another clause
			}
		}
		// inverted: said Mayor Doe / said he / said Clinton ally James Carville
		a := k + 1
		if a < end && (toks[a].lower == "back" || toks[a].lower == "on" || toks[a].lower == "in") {
			a++
		}
		if p, pron, ok := d.npSpeaker(a, end, -1); ok {
			if pron >= 0 {
				p = d.resolvePronoun(pron, d.personsIn(q.close+1, end, pron), last)
			}
			return p, true
		}
		if a < end && ner.IsCapitalised(toks[a].text) && isNameWord(toks[a].text) && !isNameTitle(toks[a].lower) && !commonInitial[toks[a].lower] &&
			(a+1 == end || toks[a+1].norm == "," || toks[a+1].norm == ".") {
			return d.personNamed(a), true // "…," said O'Donnell, who …
		}
		return nil, false
	}
	return nil, false
}

// speakerBefore reads an attribution before the opening quote mark, in
// tokens [start, q.open) of its sentence: Morrison told the committee,
// "…" / Parise said: "…" / Brian Fallon, a spokesman for the campaign,
// said: "…" / Sanders …, saying, "…" / said Sen. Cruz: "…".
func (d *docState) speakerBefore(q *quoteSpan, start int, last *statement) (*person, bool) {
	toks := d.toks
	for k := q.open - 1; k >= start; k-- {
		if !d.isSpeechVerb(k) {
			continue
		}
		si := d.sentOf[k]
		if d.dependentVerb(k, start) {
			// "Spicer said, adding", "Lazar said … and added": the verb before speaks
			for k2 := k - 1; k2 >= start; k2-- {
				if d.isSpeechVerb(k2) && !d.dependentVerb(k2, start) {
					if p, pron, ok := d.subjectBefore(k2, start, false); ok {
						if pron >= 0 {
							p = d.resolvePronoun(pron, nil, last)
						}
						return p, true
					}
					break
				}
			}
			// "…, saying", "went on to say": the sentence's subject speaks
			if p, pron, ok := d.sentenceSubject(si, k); ok {
				if pron >= 0 {
					p = d.resolvePronoun(pron, nil, last)
				}
				return p, true
			}
		}
		if p, pron, ok := d.subjectBefore(k, start, false); ok {
			if pron >= 0 {
				p = d.resolvePronoun(pron, nil, last)
			}
			return p, true
		}
		if toks[k].lower == "said" || toks[k].lower == "says" {
			for j := k + 1; j < q.open && j < k+5; j++ {
				if mi := d.mentAt[j]; mi >= 0 {
					return d.mentions[mi].p, true
				}
			}
		}
		return nil, false
	}
	return nil, false
}

// introducesNext reports a speech verb after quote q that introduces the
// next quote instead: "Smith agreed: “…”", and after a quote that ended
// its sentence, "Mills then writes back, “…”" (after "“…,” Lee said, “…”"
// the verb belongs to both parts of the split quote).
func (d *docState) introducesNext(k int, q *quoteSpan) bool {
	toks := d.toks
	j := k + 1
	if j < len(toks) && (toks[j].lower == "back" || toks[j].lower == "on" || toks[j].lower == "in" || toks[j].lower == "it") {
		j++
	}
	if j < len(toks) && toks[j].norm == ":" {
		return true
	}
	ended := false
	switch toks[q.te-1].norm {
	case ".", "?", "!", "…":
		ended = true
	}
	return ended && j+1 < len(toks) && toks[j].norm == "," && (toks[j+1].text == "“" || toks[j+1].norm == `"` && !d.inQuote[j])
}

// dependentVerb reports a speech verb that has no subject of its own: a
// participle ("…, saying"), an infinitive ("went on to say", "interjected
// to say"), "by saying", or a second verb of its subject ("… and said").
func (d *docState) dependentVerb(k, start int) bool {
	l := d.toks[k].lower
	if strings.HasSuffix(l, "ing") {
		return true
	}
	if k-1 < start {
		return false
	}
	switch d.toks[k-1].lower {
	case "to", "and", "but", "by":
		return true
	}
	return false
}

// colonSpeaker reads a colon introduction: "Carl Bialik: “…”", "Dr. Ward
// stated: ¶ “…”", "Trump issued the following statement: ¶ “…”".
func (d *docState) colonSpeaker(q *quoteSpan, si int, last *statement) (*person, bool) {
	if q.open == 0 || d.toks[q.open-1].norm != ":" {
		return nil, false
	}
	colon := q.open - 1
	if mi := d.mentAt[colon-min(colon, 1)]; mi >= 0 && !d.mentions[mi].poss {
		return d.mentions[mi].p, true
	}
	cs := d.sentOf[colon]
	if cs == si && d.sents[si].first < colon {
		// the same sentence: handled by speakerBefore and the sentence subject
		if p, pron, ok := d.sentenceSubject(cs, colon); ok {
			if pron >= 0 {
				p = d.resolvePronoun(pron, nil, last)
			}
			return p, true
		}
		return nil, false
	}
	// the introducing sentence is in the paragraph before: its subject speaks
	if p, pron, ok := d.sentenceSubject(cs, colon); ok {
		if pron >= 0 {
			p = d.resolvePronoun(pron, nil, last)
		}
		return p, true
	}
	return nil, false
}

// dashSpeaker reads a signature after a quote that ends its paragraph:
// "“…” ¶ - Bernie Sanders." / "¶ —Michelle Marks, Philadelphia."
func (d *docState) dashSpeaker(q *quoteSpan) (*person, bool) {
	toks := d.toks
	c := q.close
	if c < 0 {
		c = q.te - 1
	}
	k := c + 1
	for k < len(toks) && toks[k].para == toks[c].para {
		if isWordTok(toks[k].norm) {
			return nil, false
		}
		k++
	}
	if k+1 >= len(toks) || (toks[k].norm != "--" && toks[k].norm != "-") {
		return nil, false
	}
	j := k + 1
	for j < len(toks) && toks[j].para == toks[k].para && isNameTitle(toks[j].lower) {
		j++
	}
	if j < len(toks) && toks[j].para == toks[k].para {
		if mi := d.mentAt[j]; mi >= 0 && !d.mentions[mi].poss {
			return d.mentions[mi].p, true
		}
	}
	return nil, false
}

// previousSentenceSpeaker reads an attribution that ends the sentence before
// a quote in the same paragraph: "Sam Lau said in a statement. “…”".
func (d *docState) previousSentenceSpeaker(si int, last *statement) (*person, bool) {
	if si == 0 {
		return nil, false
	}
	ps := d.sents[si-1]
	toks := d.toks
	if toks[ps.first].para != toks[d.sents[si].first].para {
		return nil, false
	}
	for k := ps.last - 1; k >= ps.first; k-- {
		if d.inQuote[k] || toks[k].norm == `"` || toks[k].lower == "that" {
			return nil, false
		}
		if !d.isSpeechVerb(k) || d.dependentVerb(k, ps.first) {
			continue
		}
		// only adverbials after the verb: "in a statement", "on Twitter", "to reporters"
		for j := k + 1; j < ps.last; j++ {
			if d.mentAt[j] >= 0 && j > k+1 || isSpeechVerbWord(toks[j].lower) {
				return nil, false
			}
		}
		if ps.last-k > 8 {
			return nil, false
		}
		if p, pron, ok := d.subjectBefore(k, ps.first, false); ok {
			if pron >= 0 {
				p = d.resolvePronoun(pron, nil, last)
			}
			return p, p != nil
		}
		return nil, false
	}
	return nil, false
}

func isSpeechVerbWord(l string) bool { return speechVerbs[l] || indirectVerbs[l] }

// auxWords stand between a subject and its verb: "has said", "would tell".
var auxWords = map[string]bool{"has": true, "had": true, "have": true, "will": true, "would": true, "did": true,
	"does": true, "also": true, "then": true, "later": true, "again": true, "just": true, "once": true,
	"previously": true, "first": true, "further": true, "recently": true, "earlier": true, "initially": true,
	"then-": true, "often": true, "never": true, "since": true, "quickly": true, "simply": true, "finally": true}

// subjectBefore reads the subject of the speech verb at k in tokens [lo,
// k): a person (through auxiliaries and adverbs, a parenthesis such as
// "(D-Nev.)", and an appositive: "Brian Fallon, a spokesman for the
// campaign, said"), a pronoun (pron >= 0), or a noun phrase that names
// nobody ("the company said": p nil, ok). named also accepts a capitalised
// word the tagger missed right before the verb ("…," Schiff asked).
func (d *docState) subjectBefore(k, lo int, named bool) (p *person, pron int, ok bool) {
	toks := d.toks
	j := k - 1
	for j >= lo {
		l := toks[j].lower
		if auxWords[l] || isAdverb(l) || postNominals[l] {
			j--
			continue
		}
		if toks[j].norm == ")" {
			o := j - 1
			for o >= lo && o > j-8 && toks[o].norm != "(" {
				o--
			}
			if o >= lo && toks[o].norm == "(" {
				j = o - 1
				continue
			}
		}
		break
	}
	if j < lo {
		return nil, -1, false
	}
	t := toks[j]
	switch {
	case t.norm == ",":
		if p, ok := d.appositiveSubject(lo, j); ok {
			return p, -1, true
		}
		return nil, -1, false
	case t.lower == "and" || t.lower == "but":
		return d.sentenceSubject(d.sentOf[k], k)
	}
	// "Katie Packer, who is chairman of Our Principles PAC, said": the
	// subject is the person before ", who"
	for x := j; x > lo && x > j-20; x-- {
		if (toks[x].lower == "who" || toks[x].lower == "whose") && toks[x-1].norm == "," {
			if p, ok := d.appositiveSubject(lo, x-1); ok {
				return p, -1, true
			}
			break
		}
	}
	if mi := d.mentAt[j]; mi >= 0 {
		if d.mentions[mi].poss {
			return nil, -1, false
		}
		return d.mentions[mi].p, -1, true
	}
	if _, isPron := pronouns[t.lower]; isPron {
		return nil, j, true
	}
	if nominalPronouns[t.lower] {
		return nil, -1, true
	}
	if named && ner.IsCapitalised(t.text) && isNameWord(t.text) && !commonInitial[t.lower] && !isNameTitle(t.lower) &&
		(j == lo || !ner.IsCapitalised(toks[j-1].text) || toks[j-1].norm == ",") {
		return d.personNamed(j), -1, true // "…" Schiff asked
	}
	if isWordTok(t.norm) && !stopWords[t.lower] && t.norm != "'s" {
		return d.roleHolder(j), -1, true // "the company said" (nobody) / "the mayor said"
	}
	return nil, -1, false
}

// appositiveSubject finds the subject of "X, an appositive, said" in
// tokens [lo, comma): the earliest person mention that starts a comma
// segment (titles and capitalised modifiers before it allowed: "Sen. Ron
// Johnson, R-Wis., said") and is followed by a comma or a parenthesis.
// Possessives ("Carlineo's attorney, Sonya Zoghlin, said") are skipped.
func (d *docState) appositiveSubject(lo, comma int) (*person, bool) {
	toks := d.toks
	for x := lo; x < comma; x++ {
		mi := d.mentAt[x]
		if mi < 0 || d.mentions[mi].s != x {
			continue
		}
		m := d.mentions[mi]
		if m.poss || d.inQuote[x] {
			x = m.e - 1
			continue
		}
		y := x - 1
		for y >= lo && d.mentAt[y] < 0 && (isNameTitle(toks[y].lower) || toks[y].norm == "." ||
			ner.IsCapitalised(toks[y].text) && isNameWord(toks[y].text) && !commonInitial[toks[y].lower]) {
			y--
		}
		e := m.e
		for e < comma && postNominals[toks[e].lower] {
			e++ // "Jonathan Pryce MP, Member of Parliament for Millbrook, said"
		}
		segStart := y < lo || toks[y].norm == "," || toks[y].lower == "and" || toks[y].lower == "but" ||
			(y == lo || y == d.sents[d.sentOf[x]].first) && (introWords[toks[y].lower] || commonInitial[toks[y].lower])
		if segStart && e < len(toks) && (toks[e].norm == "," || toks[e].norm == "(") {
			return m.p, true
		}
		x = m.e - 1
	}
	return nil, false
}

// introWords start an introductory phrase before the subject ("In a
// statement, …", "Here in Columbia, …", "When asked, …").
var introWords = map[string]bool{"in": true, "at": true, "on": true, "during": true, "after": true, "before": true,
	"when": true, "while": true, "here": true, "there": true, "speaking": true, "asked": true, "earlier": true,
	"later": true, "last": true, "this": true, "meanwhile": true, "separately": true, "still": true, "yet": true,
	"however": true, "instead": true, "also": true, "but": true, "and": true, "for": true, "with": true,
	"as": true, "since": true, "following": true, "addressing": true, "responding": true, "writing": true,
	"today": true, "yesterday": true, "now": true, "then": true, "meantime": true, "afterward": true, "afterwards": true}

// clauseWords end the subject noun phrase of a sentence: verbs and
// relative words.
var clauseWords = map[string]bool{"is": true, "was": true, "are": true, "were": true, "has": true, "had": true,
	"have": true, "will": true, "would": true, "could": true, "should": true, "can": true, "may": true,
	"might": true, "who": true, "which": true, "that": true, "did": true, "does": true, "do": true}

// sentenceSubject returns the subject of sentence si when it comes before
// token before: after an introductory phrase ("In a statement, …", "Here
// in Columbia, …"), the first person mention before the main clause's
// first finite verb (prose's part-of-speech tags), skipping possessives,
// modifiers ("Clinton spokesman Brian Fallon") and objects of prepositions
// ("a spokesman for Sanders said" names nobody); a pronoun that starts the
// sentence; or a capitalised name the tagger missed right before the verb
// ("Iowa State University's Dianne Bystrom agreed").
func (d *docState) sentenceSubject(si, before int) (p *person, pron int, ok bool) {
	toks := d.toks
	s := d.sents[si]
	tags := d.sentTags(si)
	tag := func(x int) string { return tags[x-s.first] }
	a := s.first
	for a < before && !isWordTok(toks[a].norm) {
		a++
	}
	if a < before && d.mentAt[a] < 0 && (introWords[toks[a].lower] || tag(a) == "IN" || tag(a) == "VBG" || tag(a) == "RB") {
		for c := a + 1; c < before && c < a+15; c++ {
			if toks[c].norm == "," {
				a = c + 1
				break
			}
		}
	}
	for x := a; x < before; x++ {
		t := toks[x]
		if d.inQuote[x] || t.norm == `"` || t.norm == ";" || t.norm == ":" {
			return nil, -1, false
		}
		if mi := d.mentAt[x]; mi >= 0 {
			m := d.mentions[mi]
			prep := x > a && (tag(x-1) == "IN" || tag(x-1) == "TO")
			if m.poss || d.isModifier(m) || prep {
				x = m.e - 1
				continue
			}
			return m.p, -1, true
		}
		if _, isPron := pronouns[t.lower]; isPron && x == a {
			return nil, x, true
		}
		switch tag(x) {
		case "VB", "VBD", "VBZ", "VBP", "MD":
			if x > a && x-1 >= s.first {
				w := toks[x-1]
				if strings.HasPrefix(tag(x-1), "NNP") && d.mentAt[x-1] < 0 && ner.IsCapitalised(w.text) && isNameWord(w.text) &&
					!commonInitial[w.lower] && !isNameTitle(w.lower) && !nonPersonWords[w.lower] {
					return d.personNamed(x - 1), -1, true
				}
			}
			return nil, -1, false
		case "WP", "WDT":
			return nil, -1, false
		}
	}
	return nil, -1, false
}

// sentTags returns prose's part-of-speech tags of sentence si's tokens,
// tagged on first use.
func (d *docState) sentTags(si int) []string {
	if t, ok := d.tags[si]; ok {
		return t
	}
	s := d.sents[si]
	nt := make([]nlp.Token, s.last-s.first)
	for k := s.first; k < s.last; k++ {
		nt[k-s.first] = nlp.Token{Start: d.toks[k].start, End: d.toks[k].end}
	}
	nlp.Tag(d.text, nt)
	out := make([]string, len(nt))
	for i, t := range nt {
		out[i] = t.Tag
	}
	if d.tags == nil {
		d.tags = map[int][]string{}
	}
	d.tags[si] = out
	return out
}

// isModifier reports a mention that modifies the noun after it: "Clinton
// spokesman", "Sanders campaign", "Clinton Foundation", "Trump Tower".
func (d *docState) isModifier(m mention) bool {
	if m.e >= len(d.toks) {
		return false
	}
	n := d.toks[m.e]
	if postNominals[n.lower] {
		return false // "Jonathan Pryce MP"
	}
	if modifiedNouns[n.lower] || isNameTitle(n.lower) {
		return true
	}
	return ner.IsCapitalised(n.text) && isNameWord(n.text) && d.mentAt[m.e] < 0 && n.para == d.toks[m.s].para
}

// npSpeaker reads the noun phrase of a speaker in tokens [a, b): up to the
// first comma, the last person mention that is neither possessive nor a
// modifier of the noun after it ("Clinton spokesman Josh Schwerin",
// "Rubio's deputy campaign manager, Rich Beeson" from the appositive when
// the first part names nobody), else a pronoun. verb is the speech verb
// that ends the phrase (-1 when the phrase follows its verb). It reports
// ok=false when the phrase names no one.
func (d *docState) npSpeaker(a, b, verb int) (p *person, pron int, ok bool) {
	toks := d.toks
	scan := func(a, b int) (*person, int, bool) {
		var best *person
		pr := -1
		for j := a; j < b; j++ {
			n := toks[j].norm
			if n == "." || n == ";" || n == "(" || n == `"` || toks[j].text == "“" || toks[j].text == "”" || toks[j].lower == "who" || toks[j].lower == "whose" ||
				(verb < 0 && (toks[j].lower == "in" || toks[j].lower == "on" || toks[j].lower == "at" || toks[j].lower == "of" || toks[j].lower == "to" || toks[j].lower == "about")) {
				break
			}
			if mi := d.mentAt[j]; mi >= 0 {
				m := d.mentions[mi]
				j = m.e - 1
				if m.poss {
					continue
				}
				if nx := m.e; nx < b && nx != verb && (modifiedNouns[toks[nx].lower] || isNameTitle(toks[nx].lower) && !postNominals[toks[nx].lower]) {
					continue // "Clinton spokesman …": a modifier
				}
				best = m.p
				continue
			}
			if _, isPron := pronouns[toks[j].lower]; isPron && best == nil && pr < 0 {
				pr = j
			}
		}
		return best, pr, best != nil || pr >= 0
	}
	comma := b
	for j := a; j < b; j++ {
		if toks[j].norm == "," {
			comma = j
			break
		}
	}
	if p, pr, ok := scan(a, comma); ok {
		if p != nil {
			pr = -1
		}
		return p, pr, true
	}
	if comma < b { // the appositive: "said Rubio's deputy campaign manager, Rich Beeson, who …"
		end := b
		for j := comma + 1; j < b; j++ {
			if toks[j].norm == "," {
				end = j
				break
			}
		}
		if p, _, ok := scan(comma+1, end); ok && p != nil {
			return p, -1, true
		}
	}
	return nil, -1, false
}

func (d *docState) personsIn(a, b, skip int) map[*person]bool {
	out := map[*person]bool{}
	for k := a; k < b; k++ {
		if mi := d.mentAt[k]; mi >= 0 && k != skip {
			out[d.mentions[mi].p] = true
		}
	}
	return out
}

// indirect finds reported speech in sentence si: "X said (that) …",
// "…, X said." and "according to X, …".
func (d *docState) indirect(si int) []*statement {
	s := d.sents[si]
	toks := d.toks
	var out []*statement
	endTrim := s.last
	for endTrim > s.first && !isWordTok(toks[endTrim-1].norm) {
		endTrim--
	}
	for k := s.first; k < s.last; k++ {
		if d.inQuote[k] {
			continue
		}
		l := toks[k].lower
		if l == "according" && k+1 < s.last && toks[k+1].lower == "to" {
			subj := -1
			for j := k + 2; j < s.last && j < k+8; j++ {
				if d.mentAt[j] >= 0 {
					subj = j
					break
				}
				if toks[j].norm == "," {
					break
				}
			}
			if k == s.first || (k == s.first+1 && !isWordTok(toks[s.first].norm)) {
				c := k + 2
				for c < s.last && toks[c].norm != "," {
					c++
				}
				if c+3 < endTrim {
					out = append(out, &statement{s: c + 1, e: endTrim, kind: "indirect", verb: k, subj: subj})
				}
			} else if k-1 > s.first+2 && toks[k-1].norm == "," {
				out = append(out, &statement{s: s.first, e: k - 1, kind: "indirect", verb: k, subj: subj})
			}
			continue
		}
		if !indirectVerbs[l] {
			continue
		}
		if l == "called" || l == "calls" {
			if k+1 >= s.last || toks[k+1].lower != "for" {
				continue
			}
		}
		// subject right before the verb (allowing adverbs)
		j := k - 1
		for j >= s.first && subjAdverbs[toks[j].lower] {
			j--
		}
		next := ""
		if k+1 < s.last {
			next = toks[k+1].lower
		}
		// sentence-final attribution: "…, Cook said Tuesday."
		comma := -1
		for c := j; c >= s.first && c >= j-6; c-- {
			if toks[c].norm == "," {
				comma = c
				break
			}
		}
		if comma > s.first+3 && (endTrim-k <= 3 || afterVerbWords[next]) {
			subj := -1
			if j > comma {
				subj = j
			} else {
				for c := k + 1; c < s.last && c < k+6; c++ {
					if d.mentAt[c] >= 0 {
						subj = c
						break
					}
				}
			}
			if d.inQuote[comma-1] || toks[comma-1].text == "”" || toks[comma-1].norm == `"` {
				continue
			}
			if j > comma || subj >= 0 { // "…, Cook said Tuesday" or "…, said Cook"
				out = append(out, &statement{s: s.first, e: comma, kind: "indirect", verb: k, subj: subj})
				continue
			}
			// "X, the mayor, said in a statement …": an appositive, not a final attribution
		}
		if j < s.first {
			continue
		}
		if toks[j].norm == "," { // "Sonya Zoghlin, Carlineo's attorney, said", "Carlineo's attorney, Sonya Zoghlin, said"
			// the earliest person that starts a comma segment within the window is the subject
			lo := max(s.first, j-12)
			comma := j
			for x := j - 1; x >= lo; x-- { // fallback: the nearest person before the comma
				if mi := d.mentAt[x]; mi >= 0 && !d.mentions[mi].poss && !d.inQuote[x] {
					j = x
					break
				}
			}
			for x := lo; x < comma; x++ {
				mi := d.mentAt[x]
				if mi < 0 || d.mentions[mi].poss || d.inQuote[x] || d.mentions[mi].s != x {
					continue
				}
				y := x - 1
				for y >= s.first && isNameTitle(toks[y].lower) {
					y--
				}
				if y < s.first || toks[y].norm == "," || toks[y].lower == "but" || toks[y].lower == "and" {
					j = d.mentions[mi].e - 1
					break
				}
			}
		}
		if _, _, ok := d.subjectAt(j); !ok {
			continue
		}
		// the reported clause
		c := k + 1
		if l == "called" || l == "calls" {
			c++
		}
		for x := c; x < endTrim && x < k+10; x++ {
			if toks[x].lower == "that" {
				c = x + 1
				break
			}
		}
		if c < endTrim && toks[c].norm == "," {
			c++
		}
		e := endTrim
		for x := c + 3; x < endTrim; x++ { // stop before a direct quote that follows
			if d.inQuote[x] {
				for e = x - 1; e > c && !isWordTok(toks[e-1].norm); e-- {
				}
				break
			}
		}
		if e-c < 3 || d.inQuote[c] {
			continue
		}
		out = append(out, &statement{s: c, e: e, kind: "indirect", verb: k, subj: j})
	}
	return out
}
