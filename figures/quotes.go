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
				(k+1 >= len(toks) || toks[k+1].para != toks[k].para || attributionFollows(toks, k+1) || speechVerbs[toks[k+1].lower]) {
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
		case `"`, "''", "``", "'''":
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
	if n := len(ts); n > 0 && len(ts[n-1].norm) > 1 && strings.HasSuffix(ts[n-1].norm, ".") {
		return false // the tokenizer kept the final period with an abbreviation: “No.”
	}
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
	"declares": true, "declare": true, "retaliated": true, "suggesting": true, "claiming": true, "demanding": true,
	"complaining": true, "promising": true, "vowing": true, "admitting": true, "acknowledging": true,
	"recalling": true, "boasting": true, "yelling": true, "shouting": true, "exclaiming": true, "pleading": true,
	"predicting": true, "stressing": true, "emphasizing": true, "emphasising": true, "conceding": true,
	"reiterating": true, "lamenting": true,
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
	if k > 0 && ner.IsCapitalised(d.toks[k].text) && ner.IsCapitalised(d.toks[k-1].text) && d.sentOf[k-1] == d.sentOf[k] {
		return false // "United States", "Senate Says": a name, not a verb
	}
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
	"protesters": true, "voters": true, "delegate": true, "delegates": true, "team": true, "transition": true,
	"user": true, "users": true, "fan": true, "fans": true, "viewer": true, "viewers": true, "reader": true,
	"readers": true, "host": true, "anchor": true, "columnist": true, "reporter": true, "correspondent": true,
	"editor": true, "writer": true, "employee": true, "employees": true, "voter": true, "follower": true,
	"followers": true, "account": true, "contributor": true, "commentator": true}

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
	// "…, said Army Capt. Christian Pardo, who said he …": the person before ", who"
	if t.lower == "who" && k > 1 && d.toks[k-1].norm == "," {
		if mi := d.mentAt[k-2]; mi >= 0 && !d.mentions[mi].poss {
			return d.mentions[mi].p, -1, true
		}
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
	spans := d.spans
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
	// a quote left open at its paragraph's end continues in the next one
	// ("“… ¶ “…,” Smith said."): when the continuation is attributed and
	// the open part only inherited a speaker, it is the same speaker's
	for i := len(done) - 2; i >= 0; i-- {
		st, nx := done[i], done[i+1]
		if st.kind != "direct" || st.attributed || st.q.close >= 0 || nx.kind != "direct" || !nx.attributed {
			continue
		}
		if d.toks[nx.q.open].para == d.toks[st.e-1].para+1 && (nx.q.open == 0 || d.toks[nx.q.open-1].para != d.toks[nx.q.open].para) {
			st.speaker, st.attributed = nx.speaker, true
		}
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
	if p, ok := d.speakerAfterIn(q, last, usedVerb); ok {
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
	if p, ok := d.speakerNextSentence(q, last, usedVerb); ok {
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
// speakerNextSentence reads an attribution in the sentence after a quote
// that ends its own: "“… How are you today?” Miller, a retired worker from
// a nuclear plant, said pleasantly into the phone." The next sentence must
// start with the speaker and have a speech verb without a clause of its
// own ("Smith said that …" is a new statement).
func (d *docState) speakerNextSentence(q *quoteSpan, last *statement, usedVerb map[int]bool) (*person, bool) {
	if q.close < 0 {
		return nil, false
	}
	toks := d.toks
	si := d.sentOf[q.close]
	for k := q.close + 1; k < d.sents[si].last; k++ {
		if isWordTok(toks[k].norm) {
			return nil, false
		}
	}
	if si+1 >= len(d.sents) {
		return nil, false
	}
	ns := d.sents[si+1]
	if toks[ns.first].para != toks[q.close].para {
		return nil, false
	}
	for k := ns.first; k < ns.last && k < ns.first+30; k++ {
		if d.inQuote[k] || toks[k].norm == `"` {
			return nil, false
		}
		if !d.isSpeechVerb(k) {
			continue
		}
		if d.introducesNext(k, q) {
			return nil, false
		}
		// no clause of its own after the verb: the sentence ends, or an
		// adverbial follows ("said pleasantly into the phone", "told CNN")
		if k+1 < ns.last {
			tag := d.sentTags(si + 1)[k+1-ns.first]
			switch {
			case toks[k+1].lower == "that" || toks[k+1].lower == "he" || toks[k+1].lower == "she" || toks[k+1].lower == "they":
				return nil, false
			case tag == "IN" || tag == "RB" || tag == "TO" || tag == "RP" || tag == "NNP" || toks[k+1].norm == "." || toks[k+1].norm == ",":
			default:
				return nil, false
			}
		}
		p, pron, ok := d.subjectBefore(k, ns.first, true)
		if !ok || p == nil && pron < 0 {
			return nil, false
		}
		// the sentence starts with its subject (through titles and modifiers)
		at := pron
		if at < 0 {
			at = -1
			for x := ns.first; x < k; x++ {
				if mi := d.mentAt[x]; mi >= 0 && d.mentions[mi].p == p {
					at = x
					break
				}
			}
		}
		if at < 0 || at > ns.first+3 {
			return nil, false
		}
		if pron >= 0 {
			p = d.resolvePronoun(pron, nil, last)
		}
		usedVerb[k] = true
		return p, p != nil
	}
	return nil, false
}

// speakerAfterIn reads an attribution after the quote in its sentence.
func (d *docState) speakerAfterIn(q *quoteSpan, last *statement, usedVerb map[int]bool) (*person, bool) {
	if q.close < 0 {
		return nil, false
	}
	toks := d.toks
	end := d.sents[d.sentOf[q.close]].last
	for k := q.close + 1; k < end && k < q.close+40; k++ {
		t := toks[k]
		if d.inQuote[k] {
			continue
		}
		if t.norm == `"` || t.text == "“" || t.text == "”" || t.text == "‘" {
			// another quote in the sentence: "“A” was to be a “B,” said X" credits both
			if c := d.quoteCloseAfter(k); c > k {
				k = c
				continue
			}
			return nil, false
		}
		if t.norm == ";" {
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
		if subordinators[t.lower] {
			// "…,” Blunt, after a long pause, said": a phrase between commas
			// without a verb is no clause of its own
			if c := d.verblessAside(k, end); c > k {
				k = c
				continue
			}
			// "…,” Trump, the frontrunner … after winning New Hampshire, said":
			// inside the appositive of a name right after the quote
			if d.appositiveOpen(q.close+1, k) {
				continue
			}
			return nil, false // "…,” before optimistically predicting": another clause
		}
		if !d.isSpeechVerb(k) || d.inQuote[k] || d.passiveVerb(k) || strings.HasSuffix(t.lower, "ing") {
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
		for t := a; t < end && t < a+3; t++ {
			if isNameTitle(toks[t].lower) && ner.IsCapitalised(toks[t].text) {
				a = t // "said Army Capt. Christian Pardo"
			}
		}
		for a < end && (isNameTitle(toks[a].lower) || toks[a].norm == ".") {
			a++ // "said Rep. Beto O'Rourke (D-Tex.), …"
		}
		b := a
		for b < end && b < a+3 && ner.IsCapitalised(toks[b].text) && isNameWord(toks[b].text) && !isNameTitle(toks[b].lower) &&
			!commonInitial[toks[b].lower] && !nonPersonWords[toks[b].lower] && !isAllCapsName(toks[b].text) {
			b++
		}
		if b > a && (b == end || toks[b].norm == "," || toks[b].norm == "." || toks[b].norm == "(") {
			return d.personNamed(b - 1), true // "…," said O'Donnell, who …
		}
		return nil, false
	}
	return nil, false
}

// quoteCloseAfter returns the closing mark of the quote that opens at
// token k, -1 when k opens none.
func (d *docState) quoteCloseAfter(k int) int {
	for _, q := range d.spans {
		if q.open == k {
			return q.close
		}
	}
	return -1
}

// speakerBefore reads an attribution before the opening quote mark, in
// tokens [start, q.open) of its sentence: Morrison told the committee,
// "…" / Parise said: "…" / Brian Fallon, a spokesman for the campaign,
// said: "…" / Sanders …, saying, "…" / said Sen. Cruz: "…".
func (d *docState) speakerBefore(q *quoteSpan, start int, last *statement) (*person, bool) {
	toks := d.toks
	// "According to Paul Sperry of Counter Jihad, “…”"
	for k := start; k+1 < q.open; k++ {
		if toks[k].lower != "according" || toks[k+1].lower != "to" {
			continue
		}
		for j := k + 2; j < q.open && j < k+8 && toks[j].norm != ","; j++ {
			if mi := d.mentAt[j]; mi >= 0 && !d.mentions[mi].poss {
				return d.mentions[mi].p, true
			}
		}
		return nil, true // "According to the Daily Caller": nobody we count
	}
	for k := q.open - 1; k >= start; k-- {
		if !d.isSpeechVerb(k) {
			continue
		}
		si := d.sentOf[k]
		if d.dependentVerb(k, start) {
			// "with Trump reportedly yelling": the participle's own subject
			j := k - 1
			for j >= start && d.toks[j].text == d.toks[j].lower && isAdverb(d.toks[j].lower) {
				j--
			}
			if j >= start && strings.HasSuffix(d.toks[k].lower, "ing") {
				if mi := d.mentAt[j]; mi >= 0 && !d.mentions[mi].poss {
					return d.mentions[mi].p, true
				}
			}
			// "Mr. Trump was prompted to say": the nearest subject through verbs
			if p, ok := d.verbChainSubject(k, start); ok {
				return p, true
			}
			// "Spicer said, adding", "Lazar said … and added": the verb before speaks
			for k2 := k - 1; k2 >= start; k2-- {
				if d.toks[k2].norm == "," && !strings.HasSuffix(d.toks[k].lower, "ing") {
					break // "When asked …, Ms. Sherry smiled and said": another clause
				}
				if d.isSpeechVerb(k2) && !d.dependentVerb(k2, start) && !d.passiveVerb(k2) {
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

// subordinators open a clause of its own after a quote.
var subordinators = map[string]bool{"before": true, "after": true, "while": true, "because": true, "although": true,
	"though": true, "since": true, "unless": true, "whereas": true}

// passiveVerb reports a speech verb with no subject of its own in a
// subordinate or passive clause: "when asked", "was told", "if pressed".
func (d *docState) passiveVerb(k int) bool {
	if k == 0 {
		return false
	}
	switch d.toks[k-1].lower {
	case "when", "if", "as", "after", "before", "while", "unless", "once", "was", "were", "been", "being", "is", "are", "be":
		return true
	}
	return false
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
		// "Rubio said: That Cruz is …" paraphrases; a quote or a new paragraph follows an introduction
		return j+1 == len(toks) || toks[j+1].para != toks[j].para || toks[j+1].norm == `"` && !d.inQuote[j]
	}
	ended := false
	switch toks[q.te-1].norm {
	case ".", "?", "!", "…":
		ended = true
	}
	return ended && j+1 < len(toks) && toks[j].norm == "," && (toks[j+1].text == "“" || toks[j+1].norm == `"` && !d.inQuote[j])
}

// verbChainSubject finds the subject of a verb chain ending at k: a person
// mention followed only by verbs, adverbs, "to" and "and" ("Mr. Trump was
// prompted to say", "Hayek confirmed she had been and said" does not
// qualify: "she" is a subject of its own).
func (d *docState) verbChainSubject(k, start int) (*person, bool) {
	si := d.sentOf[k]
	tags := d.sentTags(si)
	first := d.sents[si].first
	for j := k - 1; j >= start && j > k-8; j-- {
		if mi := d.mentAt[j]; mi >= 0 {
			m := d.mentions[mi]
			if m.poss {
				return nil, false
			}
			return m.p, true
		}
		switch tag := tags[j-first]; {
		case strings.HasPrefix(tag, "VB"), tag == "RB", tag == "TO", tag == "MD", d.toks[j].lower == "and":
		default:
			return nil, false
		}
	}
	return nil, false
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
		if auxWords[l] || toks[j].text == l && isAdverb(l) || postNominals[l] || timeWords[l] {
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
		if toks[x].lower == "who" || toks[x].lower == "whose" {
			c := x
			if toks[x-1].norm == "," {
				c = x - 1
			}
			if p, ok := d.appositiveSubject(lo, c); ok {
				return p, -1, true // "Nate Silver, the polling guru who founded … tweeted"
			}
			break
		}
	}
	// "Jeffrey Lewis of the James Martin Center for Nonproliferation Studies wrote"
	if x := d.ofOrganisation(j, lo); x >= 0 {
		return d.mentions[d.mentAt[x]].p, -1, true
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
	if d.missedName(j, lo, named) {
		return d.personNamed(j), -1, true // "…" Schiff asked, Lazar said
	}
	// "Anthony Anton, president and CEO of Washington Restaurant Association stated"
	if isWordTok(t.norm) && (ner.IsCapitalised(t.text) || t.text == t.lower) {
		if p, ok := d.appositiveSubject(lo, j+1); ok {
			return p, -1, true
		}
	}
	if isWordTok(t.norm) && !stopWords[t.lower] && t.norm != "'s" {
		return d.roleHolder(j), -1, true // "the company said" (nobody) / "the mayor said"
	}
	return nil, -1, false
}

// ofOrganisation reads "NAME of/from/at ORGANISATION" ending at token j
// (a capitalised run) and returns the token of the person, -1 if none.
func (d *docState) ofOrganisation(j, lo int) int {
	toks := d.toks
	x := j
	for x > lo && x > j-12 && (ner.IsCapitalised(toks[x].text) || toks[x].lower == "the" || toks[x].lower == "for" ||
		toks[x].lower == "and" || toks[x].norm == "&" || toks[x].lower == "of" && x < j) {
		if toks[x].lower == "of" && x-1 > lo && d.mentAt[x-1] >= 0 && d.mentAt[j] < 0 {
			break // "former Gov. Jeb Bush of Florida said": the person right before "of"
		}
		x--
	}
	if x+1 > j || x <= lo {
		return -1
	}
	switch toks[x].lower {
	case "of", "from", "at":
	default:
		return -1
	}
	if mi := d.mentAt[x-1]; mi >= 0 && !d.mentions[mi].poss {
		m := d.mentions[mi]
		if m.s == lo || m.s > lo && (toks[m.s-1].norm == "," || isNameTitle(toks[m.s-1].lower)) {
			return x - 1
		}
		return -1
	}
	// a two-word name the tagger missed at the segment start
	if x-2 >= lo && (x-2 == lo || toks[x-3].norm == "," || isNameTitle(toks[x-3].lower)) && d.mentAt[x-2] < 0 && d.mentAt[x-1] < 0 &&
		ner.GivenNameGender(toks[x-2].lower) != 0 && ner.IsCapitalised(toks[x-1].text) && isNameWord(toks[x-1].text) {
		d.personNamed(x - 1)
		return x - 1
	}
	return -1
}

// missedName reports a capitalised word at j that names a person the
// tagger missed, as the subject right before a speech verb: a proper noun
// by prose's tags (or, after a quote, any capitalised name word: named),
// not a title, day or group word, and not the end of a longer capitalised
// run ("Iowa State" is no surname).
func (d *docState) missedName(j, lo int, named bool) bool {
	t := d.toks[j]
	if !ner.IsCapitalised(t.text) || !isNameWord(t.text) || commonInitial[t.lower] || isNameTitle(t.lower) ||
		nonPersonWords[t.lower] || timeWords[t.lower] || isAllCapsName(t.text) {
		return false
	}
	if j > lo && ner.IsCapitalised(d.toks[j-1].text) && d.toks[j-1].norm != "," && !isNameTitle(d.toks[j-1].lower) {
		return false
	}
	if si := d.sentOf[j]; j == d.sents[si].first || j > 0 && d.toks[j-1].norm == `"` && j-1 == d.sents[si].first {
		// capitals say nothing at a sentence start: "Officials said", "Will said"
		if groupNouns[t.lower] || d.lowerElsewhere(t.lower) {
			return false
		}
	}
	if named {
		return true
	}
	si := d.sentOf[j]
	switch d.sentTags(si)[j-d.sents[si].first] {
	case "NNP", "NNPS", "NN", "NNS": // prose tags "Sanders" NNS
		return true
	}
	return false
}

// groupNouns are capitalised at a sentence start as subjects and name no
// one: "Officials said", "Republicans said".
var groupNouns = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`officials sources aides critics experts analysts police prosecutors residents
voters protesters supporters democrats republicans lawmakers leaders observers authorities investigators
witnesses organizers organisers activists advocates officers members delegates staff staffers reporters
journalists economists scientists researchers doctors teachers parents students workers people others many some
both several most all few neighbours neighbors locals officers agents spokesmen spokeswomen`) {
		m[w] = true
	}
	return m
}()

// lowerElsewhere reports a word written in lower case somewhere in the
// text: a common word, not a surname.
func (d *docState) lowerElsewhere(lower string) bool {
	if d.lowerWords == nil {
		d.lowerWords = map[string]bool{}
		for _, t := range d.toks {
			if t.text == t.lower {
				d.lowerWords[t.lower] = true
			}
		}
	}
	return d.lowerWords[lower]
}

// isAllCapsName reports a word in capitals longer than an initial: an
// acronym or a headline word, not a surname ("ESPN said").
func isAllCapsName(w string) bool { return len(w) > 1 && nlp.IsAllCaps(w) }

// timeWords stand between a subject and its verb: "Priebus later Thursday told".
var timeWords = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true,
	"friday": true, "saturday": true, "sunday": true, "today": true, "yesterday": true, "tonight": true,
	"morning": true, "night": true, "afternoon": true, "evening": true}

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
		// titles, capitalised modifiers, determiners and nouns before the
		// name: "Sen. Ron Johnson", "the economist Jared Bernstein", "Texas
		// delegate Bill Eastland"
		si := d.sentOf[x]
		tags := d.sentTags(si)
		y := x - 1
		for y >= lo && y > x-6 && d.mentAt[y] < 0 && (isNameTitle(toks[y].lower) || toks[y].norm == "." ||
			ner.IsCapitalised(toks[y].text) && isNameWord(toks[y].text) && !commonInitial[toks[y].lower] ||
			nounLike(tags[y-d.sents[si].first]) && !ner.IsCapitalised(toks[y].text)) {
			y--
		}
		e := m.e
		for e < comma && postNominals[toks[e].lower] {
			e++ // "Jonathan Pryce MP, Member of Parliament for Millbrook, said"
		}
		segStart := y < lo || toks[y].norm == "," || toks[y].lower == "and" || toks[y].lower == "but" || subordinators[toks[y].lower] ||
			(y == lo || y == d.sents[d.sentOf[x]].first) && (introWords[toks[y].lower] || commonInitial[toks[y].lower])
		if segStart && e < len(toks) && (toks[e].norm == "," || toks[e].norm == "(") {
			return m.p, true
		}
		x = m.e - 1
	}
	// a name the tagger missed at the start: "Mr. Regalado, the mayor, said"
	x := lo
	for x < comma && (isNameTitle(toks[x].lower) || toks[x].norm == ".") {
		x++
	}
	e := x
	for e < comma && e < x+3 && d.mentAt[e] < 0 && ner.IsCapitalised(toks[e].text) && isNameWord(toks[e].text) && !isNameTitle(toks[e].lower) &&
		!commonInitial[toks[e].lower] && !nonPersonWords[toks[e].lower] && !isAllCapsName(toks[e].text) {
		e++
	}
	if e > x && e < len(toks) && toks[e].norm == "," && (x > lo || e-x >= 2) && (lo == 0 || !ner.IsCapitalised(toks[lo-1].text) || toks[lo-1].norm == `"`) {
		return d.personNamed(e - 1), true
	}
	return nil, false
}

// nounLike reports determiners, adjectives and common nouns (prose tags).
func nounLike(tag string) bool {
	switch tag {
	case "DT", "JJ", "JJR", "JJS", "NN", "NNS", "CD":
		return true
	}
	return false
}

// introWords start an introductory phrase before the subject ("In a
// statement, …", "Here in Columbia, …", "When asked, …").
var introWords = map[string]bool{"in": true, "at": true, "on": true, "during": true, "after": true, "before": true,
	"when": true, "while": true, "here": true, "there": true, "speaking": true, "asked": true, "earlier": true,
	"later": true, "last": true, "this": true, "for": true, "with": true, "as": true, "since": true,
	"following": true, "addressing": true, "responding": true, "writing": true, "today": true, "yesterday": true,
	"meantime": true, "afterward": true, "afterwards": true}

// conjStarts open a sentence before its subject: "And then Trump went …".
var conjStarts = map[string]bool{"and": true, "but": true, "yet": true, "so": true, "then": true, "still": true,
	"however": true, "instead": true, "also": true, "meanwhile": true, "separately": true, "now": true, "or": true}

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
	for a < before && conjStarts[toks[a].lower] {
		a++ // "And then Trump went …": the conjunction only
		if a < before && toks[a].norm == "," {
			a++
		}
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
				// prose tags a surname it does not know NN at a sentence's start
				// ("Trump gestured …"): then only a word never written in lower case
				noun := strings.HasPrefix(tag(x-1), "NNP") ||
					x-1 == a && (tag(x-1) == "NN" || tag(x-1) == "NNS") && !groupNouns[w.lower] && !d.lowerElsewhere(w.lower)
				if noun && d.mentAt[x-1] < 0 && ner.IsCapitalised(w.text) && isNameWord(w.text) &&
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

// appositiveOpen reports tokens [lo, k) that are a person's name followed
// by a comma and an appositive not yet closed by a second comma: "Trump,
// the 2016 GOP frontrunner …".
func (d *docState) appositiveOpen(lo, k int) bool {
	x := lo
	if x < k && d.toks[x].norm == "," {
		x++
	}
	mi := d.mentAt[x]
	if x >= k || mi < 0 || d.mentions[mi].s != x || d.mentions[mi].poss {
		return false
	}
	e := d.mentions[mi].e
	if e >= k || d.toks[e].norm != "," {
		return false
	}
	for j := e + 1; j < k; j++ {
		if d.toks[j].norm == "," {
			return false
		}
	}
	return true
}

// verblessAside returns the comma that closes an aside starting at token
// k after a comma (", after a long pause,") when no word of it is a verb
// by prose's tags, or -1.
func (d *docState) verblessAside(k, end int) int {
	if k == 0 || d.toks[k-1].norm != "," {
		return -1
	}
	si := d.sentOf[k]
	tags := d.sentTags(si)
	for j := k + 1; j < end && j < k+8; j++ {
		if d.toks[j].norm == "," {
			return j
		}
		if strings.HasPrefix(tags[j-d.sents[si].first], "VB") || strings.HasPrefix(tags[j-d.sents[si].first], "MD") {
			return -1
		}
	}
	return -1
}

// verbTag reports a finite verb or modal at token j (prose's tags).
func (d *docState) verbTag(j int) bool {
	si := d.sentOf[j]
	switch d.sentTags(si)[j-d.sents[si].first] {
	case "VB", "VBD", "VBZ", "VBP", "MD":
		return true
	}
	return false
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
			if verb < 0 && j > a && toks[j].text == toks[j].lower && d.verbTag(j) {
				break // "said the candidate could be …": a clause, not a name
			}
			if n == "." || n == ";" || n == "(" || n == `"` || toks[j].text == "“" || toks[j].text == "”" || toks[j].lower == "who" || toks[j].lower == "whose" ||
				(verb < 0 && (toks[j].lower == "in" || toks[j].lower == "on" || toks[j].lower == "at" || toks[j].lower == "to" || toks[j].lower == "about" ||
					toks[j].lower == "of" && !(j > a && isNameTitle(toks[j-1].lower)))) { // "said Secretary of State Mike Pompeo"
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
				// inverted, "…, said Cook" / "…, said Rep. Beto O'Rourke": the
				// name comes right after the verb (titles aside), not "said in
				// his office overlooking Biscayne Bay"
				c := k + 1
				for c < s.last && c < k+4 && (isNameTitle(toks[c].lower) || toks[c].norm == ".") {
					c++
				}
				if c < s.last && d.mentAt[c] >= 0 {
					subj = c
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
