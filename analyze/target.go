package analyze

import (
	"slices"
	"strings"

	"github.com/xenoscope/xenoscope/nlp"
)

// Target analysis: who is evaluated or threatened, with what, and in which
// frame. This is the representation behind anti_migrant and counter_speech
// (issue 11, "Representations that generalise"): instead of word n-grams,
// which learned the artefacts of the corpora they came from, the models see
// a small set of features that mean the same in a tweet, a dialogue turn, a
// council statement and a news sentence:
//
//   - the target: a migrant group (target.txt [migrant], a slur, an origin
//     adjective + people noun, a religious group only next to a migration
//     word, a pronoun only when the text names migrants), another group, or
//     none;
//   - what is said of it: hostility by category (dehumanising, derogatory,
//     threat, exclusion, negative emotion, negative stereotype, profanity,
//     slur), positive evaluation, with VADER valence for evaluative words no
//     lexicon lists;
//   - how: the link between the two (a predicate or attribute of the target,
//     a verb acting on it, a slur naming it), its negation ("are not
//     vermin"), its modality ("should be", imperative, "I will");
//   - the frame: quoted or named in order to condemn it ("calling refugees
//     vermin is racist"), reported as an incident ("protesters chanted ...,
//     police said"), or the text's own voice.
//
// Words are normalised first (normalize.go) so that disguised spellings
// reach the lexicons.

// Sections of models/target.txt.
const (
	tMigrant = iota
	tNationality
	tMigrationNoun
	tContext
	tInstitution
	tNonMigration
	tOriginAdj
	tPeopleNoun
	tSlur
	tOther
	tReligion
	tPronoun
	tDehum
	tDerog
	tThreat
	tExclusion
	tEmotion
	tStereotype
	tProfanity
	tPositive
	tNegation
	tCondemn
	tMeta
	tCorrection
	tSolidarity
	tIncident
	tReport
	tOriginCountry
	tTrope
	numTSections
)

var targetSectionNames = []string{
	"migrant", "nationality", "migration_noun", "context", "institution", "nonmigration", "origin_adj", "people_noun", "slur", "other_group", "religion", "pronoun", "dehum", "derog", "threat",
	"exclusion", "emotion", "stereotype", "profanity", "positive", "negation", "condemn", "meta", "correction",
	"solidarity", "incident", "report", "origin_country", "trope",
}

// hostile categories, in feature order
var hostileCats = []int{tDehum, tDerog, tThreat, tExclusion, tEmotion, tStereotype, tProfanity, tSlur}

// hostileMask holds the bits of hostileCats, for ti.hasAny.
var hostileMask = func() uint32 {
	var m uint32
	for _, c := range hostileCats {
		m |= 1 << uint(c)
	}
	return m
}()

// tword is one normalised word of a unit.
type tword struct {
	w    string // normalised, lowercased
	s, e int    // byte span in the source
	cl   int    // clause number
	// numNext: a number or a currency sign stands right after the word
	// ("less than £40"): numbers are no words of the stream
	numNext bool
	sent    int    // sentence number (a sentence ends at . ! or ?)
	q       bool   // inside quotation marks
	qid     int    // which quotation (0 outside quotes)
	tag     string // Penn tag (prose), "" when the unit was not tagged
	fixed   bool   // rewritten from a disguised spelling
	cap     bool   // the source word starts with a capital letter
	tok     int    // index of the first source token
	hash    bool   // from a hashtag
	ask     bool   // its sentence ends with a question mark
}

// target kinds
const (
	kNone = iota
	kMigrant
	kOther
)

// mention is a target mention over words [i, j).
type mention struct {
	kind        int
	i, j        int
	slur        bool
	pronoun     bool
	nationality bool // a nationality or origin, not a migrant status
	// epithet: an insulting noun that names the group itself in a text
	// about migration ("these parasites", "another boatload of
	// freeloaders")
	epithet bool
	// place: a migrant word naming a place where migrants live ("the
	// refugee hotel", "the asylum centre"); a target of threats only
	place bool
}

// link statuses
const (
	stOwn  = iota // the text's own voice (or an uncondemned quote)
	stNeg         // negated ("are not vermin", "I don't hate")
	stCond        // quoted or named in order to condemn it
	stRep         // part of a reported incident (police, court, attack)
	numStatus
)

var statusNames = [numStatus]string{"own", "neg", "cond", "rep"}

// hostLink is one evaluative term and the target it is said of.
type hostLink struct {
	cat    int // target.txt section (a hostile category or tPositive)
	i, j   int // words of the term
	kind   int // kNone (no target), kMigrant, kOther
	linked bool
	status int
	modal  bool // should/must/will/imperative/wish
	// noun: the term is a noun of removal ("deportation"); qualified: the
	// clause narrows the target to a subset ("convicted", "failed")
	noun, qualified bool
	// personal: the target is people (a group, a slur, a pronoun), not
	// migration as a topic ("immigration is a problem")
	personal bool
	// message: the term is the content of a hostile message reported as
	// sent to the target ("a family received letters telling them to get
	// out"): an incident of harassment
	message bool
	// affection: a positive term of strong affection ("love", "adore"),
	// whose denial is indifference, not hostility
	affection bool
	strength  float64
	ti        int // the target mention's first word (-1)
}

// targetInfo is the target analysis of one unit.
type targetInfo struct {
	words     []tword
	hits      []lexHit
	secAt     []uint32 // per word: bitmask of target.txt sections
	mentions  []mention
	links     []hostLink
	count     [numTAll]int
	question  bool
	migrant   bool // the unit names migrants (a mention of kind kMigrant)
	other     bool
	vstrength []vTerm // strength of the VADER pseudo-terms
	// ctxMigrant: the sentence before named migrants (pronouns may refer
	// to them)
	ctxMigrant bool
	firstPer   bool // I / we / us / my / our
	you        bool
	tagged     bool
	// harm: per word, part of the harm a blame hit names ("the housing
	// crisis is caused by migrants"): said of migrants only through the
	// blame, so not a term of its own (nil when the unit blames no one)
	harm []bool
	// noTerm: per word, no VADER term (nil when no word is marked): a
	// condemnation verb whose object is migrants (dropAimedCondemnation, a
	// position, not an evaluation of anyone), a loss their absence would
	// cause (counterfactualAbsence, said of the place, not of them), a
	// label asked away (askedLabel)
	noTerm []bool
	// cue: per word, part of a violence cue (violenceCues): a threat only
	// in the speaker's own intent or said of what will happen to the
	// target (nil when the unit has none)
	cue []bool
	// insinuate marks the words of an insinuation cue (insinuationCues)
	// or of a harm tied to migrants' arrival (timedHarmHits)
	insinuate []bool
	// insinuatedBy: for the first word of a hit tied to a migrant mention
	// (a timed harm, an ironic welcome, a danger to protect from: tieHit;
	// a praised act: praisedAct), the first word of that mention (nil when
	// there is none)
	insinuatedBy map[int]int
	// feltBy: for the first word of a feeling of hatred whose subject is
	// a migrant mention and whose object is us, our country or our ways,
	// the mention's first word (round 218)
	feltBy map[int]int
	// stopped and condemned: the spans findLinks found for counterRules,
	// a noun of hostility told to stop (stoppedHostility, round 166) and
	// the condemnation of an attack on migrants (condemnedAttack, round
	// 168); the first index is -1 when there is none
	stopped   [2]int
	condemned [2]int
	// reportLabel marks a label of hostility in a sentence that only
	// reports it (labelsInReports): no condemnation of the text's own
	reportLabel map[int]bool
}

// addHit adds a hit found after the lexicon match (a phrase built from the
// analysis, a VADER word), counted and marked on its first word.
func (ti *targetInfo) addHit(sec, start, end int) {
	ti.hits = append(ti.hits, lexHit{section: sec, start: start, end: end})
	ti.count[sec]++
	ti.secAt[start] |= 1 << uint(sec)
}

// dropSection clears section sec from words [a, b) and counts again the
// hits of sec that keep a word of it (count is per hit, not per word).
func (ti *targetInfo) dropSection(sec, a, b int) {
	for k := max(a, 0); k < b && k < len(ti.words); k++ {
		ti.secAt[k] &^= 1 << uint(sec)
	}
	ti.count[sec] = 0
	for _, h := range ti.hits {
		if h.section != sec {
			continue
		}
		for k := h.start; k < h.end; k++ {
			if ti.has(k, sec) {
				ti.count[sec]++
				break
			}
		}
	}
}

// dropped reports a hit whose words have all lost its section (dropSection).
func (ti *targetInfo) dropped(h lexHit) bool {
	for k := h.start; k < h.end; k++ {
		if ti.has(k, h.section) {
			return false
		}
	}
	return true
}

// wordAt returns word i, or "" outside the unit: the lookups around a
// term ("w(k-1)", "w(h.end)") need no bounds checks of their own.
func (ti *targetInfo) wordAt(i int) string {
	if i < 0 || i >= len(ti.words) {
		return ""
	}
	return ti.words[i].w
}

// namesMigrants reports a migrant mention (a pronoun too) in the unit.
func (ti *targetInfo) namesMigrants() bool {
	return slices.ContainsFunc(ti.mentions, func(m mention) bool { return m.kind == kMigrant })
}

// isMention reports whether word i is part of a target mention.
func (ti *targetInfo) isMention(i int) bool {
	for _, m := range ti.mentions {
		if m.i <= i && i < m.j {
			return true
		}
	}
	return false
}

func (ti *targetInfo) has(i, sec int) bool {
	return i >= 0 && i < len(ti.words) && ti.secAt[i]&(1<<uint(sec)) != 0
}

// hasAny reports a section of mask (bits 1<<section) at word i.
func (ti *targetInfo) hasAny(i int, mask uint32) bool {
	return i >= 0 && i < len(ti.words) && ti.secAt[i]&mask != 0
}

// clauseStart returns the first word of the clause of word i.
func (ti *targetInfo) clauseStart(i int) int {
	for i > 0 && ti.words[i-1].cl == ti.words[i].cl {
		i--
	}
	return i
}

// maskChars may stand inside a disguised word ("f*ck", "m!grants").
func maskChar(s string) bool {
	for _, r := range s {
		switch r {
		case '*', '!', '@', '$', '|', '#', '.', '_':
		default:
			return false
		}
	}
	return true
}

// targetWords builds the normalised word stream of toks (a unit's tokens in
// src): URLs and handles dropped, hashtags split into words, masked and
// spaced-out words joined, disguised spellings normalised, clauses and
// quotation marks recorded.
func (s *Scorer) targetWords(src string, toks []nlp.Token) (ws []tword, question bool) {
	cl, sent := 0, 0
	inQ := false
	qid, nq := 0, 0
	add := func(w string, st, en int, fixed bool, tok int) {
		ws = append(ws, tword{w: w, s: st, e: en, cl: cl, sent: sent, q: inQ, qid: qid, fixed: fixed, tok: tok, cap: firstUpper(src[st:en])})
	}
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		switch t.Kind {
		case nlp.URL:
			continue
		case nlp.Handle:
			// "Alb@nians": an @ for the letter a inside a word
			if k > 0 && toks[k-1].End == t.Start && toks[k-1].Kind == nlp.Word && len(ws) > 0 && ws[len(ws)-1].e == t.Start {
				last := &ws[len(ws)-1]
				joined := last.w + "a" + strings.ToLower(src[t.Start+1:t.End])
				if n, ok := s.vocab.normalizeWord(joined); ok || s.vocab.known(joined) {
					if ok {
						joined = n
					}
					last.w, last.e, last.fixed = joined, t.End, true
					continue
				}
			}
			// "@sylum seekers": an @ for the letter a, not a user name
			if w, ok := s.vocab.normalizeWord("a" + strings.ToLower(src[t.Start+1:t.End])); ok || s.isKey("a"+strings.ToLower(src[t.Start+1:t.End])) {
				if !ok {
					w = "a" + strings.ToLower(src[t.Start+1:t.End])
				}
				add(w, t.Start, t.End, true, k)
			}
			continue
		case nlp.Hashtag:
			body := strings.ToLower(src[t.Start+1 : t.End])
			parts := camelSplit(src[t.Start+1 : t.End])
			if ph, ok := s.joined[body]; ok && parts == nil {
				parts = ph
			}
			if parts == nil && !s.vocab.known(body) {
				parts = s.vocab.split(body)
			}
			if parts == nil {
				parts = []string{body}
			}
			// a hashtag is a clause of its own: "#NoDeals #DeportThemAll"
			// does not negate the deportation
			cl++
			for _, p := range parts {
				add(p, t.Start, t.End, false, k)
				ws[len(ws)-1].hash = true
			}
			cl++
			continue
		case nlp.Punct:
			txt := t.Lower
			// a mask inside a word: f*ck, m!grants, sh!t
			if maskChar(txt) && k > 0 && k+1 < len(toks) && toks[k-1].End == t.Start && toks[k+1].Start == t.End &&
				toks[k-1].Kind == nlp.Word && toks[k+1].Kind == nlp.Word && len(ws) > 0 && ws[len(ws)-1].e == t.Start {
				last := &ws[len(ws)-1]
				joined := last.w + txt + toks[k+1].Lower
				if w, ok := s.unmask(joined); ok {
					last.w, last.e, last.fixed = w, toks[k+1].End, true
					k++
					continue
				}
			}
			// a currency sign (not a "$" masking a letter, joined above)
			// starts an amount
			if strings.ContainsAny(txt, "£$€") && len(ws) > 0 {
				ws[len(ws)-1].numNext = true
			}
			// a possessive apostrophe ("the asylum seekers' house") is no
			// quotation mark
			if txt == "'" && k > 0 && toks[k-1].End == t.Start && strings.HasSuffix(toks[k-1].Lower, "s") &&
				(k+1 == len(toks) || toks[k+1].Start > t.End) && !inQ {
				continue
			}
			if isQuoteTok(txt) || txt == "'" {
				switch txt {
				case "“", "«":
					inQ = true
				case "”", "»":
					inQ = false
				default:
					inQ = !inQ
				}
				if inQ {
					nq++
					qid = nq
				} else {
					qid = 0
				}
				// a quotation stays in its clause ("refugees are not
				// 'invaders'": the negation reaches into the quote)
				continue
			}
			if strings.Contains(txt, "?") {
				question = true
				for x := len(ws) - 1; x >= 0 && ws[x].sent == sent; x-- {
					ws[x].ask = true
				}
			}
			if clauseBreak[txt] || strings.ContainsAny(txt, ".!?;") {
				cl++
			}
			if strings.ContainsAny(txt, ".!?") {
				sent++
			}
			continue
		}
		w := t.Lower
		if t.Kind == nlp.Number {
			if d, ok := deLeet(w); ok {
				w = d
			} else {
				if len(ws) > 0 {
					ws[len(ws)-1].numNext = true
				}
				continue
			}
		}
		if w == "rt" && k == 0 {
			continue // a retweet marker
		}
		if clauseBreak[w] {
			cl++
		}
		add(w, t.Start, t.End, false, k)
	}
	// spaced-out letters: "v e r m i n" (three or more single letters
	// separated by single spaces)
	out := ws[:0:0]
	for i := 0; i < len(ws); {
		j := i
		for j < len(ws) && len(ws[j].w) == 1 && ws[j].w[0] >= 'a' && ws[j].w[0] <= 'z' && (j == i || ws[j].s-ws[j-1].e <= 1) {
			j++
		}
		if j-i >= 3 {
			var b strings.Builder
			for _, x := range ws[i:j] {
				b.WriteString(x.w)
			}
			nw := ws[i]
			nw.w, nw.e, nw.fixed = b.String(), ws[j-1].e, true
			if parts := s.vocab.split(nw.w); parts != nil && !s.vocab.known(nw.w) {
				for _, p := range parts {
					x := nw
					x.w = p
					out = append(out, x)
				}
			} else {
				out = append(out, nw)
			}
			i = j
			continue
		}
		out = append(out, ws[i])
		i++
	}
	ws = out
	// disguised spellings and joined words
	out = make([]tword, 0, len(ws))
	for i, x := range ws {
		// a capitalised unknown word inside a sentence is a name
		// ("Brindley"): left alone unless it is a disguised key word
		name := x.cap && i > 0 && ws[i-1].cl == x.cl && !strings.ContainsAny(x.w, "0123456789@$!|")
		if s.vocab != nil && !s.vocab.known(x.w) && (len(x.w) > 2 || strings.ContainsAny(x.w, "0123456789")) && !name {
			if ph, ok := s.joined[x.w]; ok {
				for _, p := range ph {
					y := x
					y.w, y.fixed = p, true
					out = append(out, y)
				}
				continue
			}
			if n, ok := s.vocab.normalizeWord(x.w); ok {
				x.w, x.fixed = n, true
			} else if parts := s.vocab.split(x.w); len(x.w) >= 8 && parts != nil && (!x.cap || s.anyKey(parts)) {
				// a capitalised word is split only into key words
				// ("Immigrantsarescum"), not a name into common ones
				for _, p := range parts {
					y := x
					y.w, y.fixed = p, true
					out = append(out, y)
				}
				continue
			}
		}
		if name && !s.vocab.known(x.w) {
			if f, ok := s.vocab.fuzzy(x.w); ok && len(x.w) >= 6 {
				x.w, x.fixed = f, true
			}
		}
		out = append(out, x)
	}
	return out, question
}

// unmask resolves a word with mask characters ("f*ck", "m!grants"): leet
// first, then * and # as one unknown letter each, against the fuzzy keys
// and the profanity of target.txt.
func (s *Scorer) unmask(w string) (string, bool) {
	if d, ok := deLeet(w); ok && !strings.ContainsAny(d, "*#._") {
		if s.vocab.known(d) {
			return d, true
		}
		if n, ok := s.vocab.normalizeWord(d); ok {
			return n, true
		}
	}
	if s.vocab == nil || !strings.ContainsAny(w, "*#") {
		return "", false
	}
	// every key the mask fits; several: the commonest ("f*ck": fuck, not
	// feck)
	found, best := "", -1
	try := func(k string) bool {
		if len(k) != len(w) {
			return true
		}
		for i := 0; i < len(w); i++ {
			if w[i] != '*' && w[i] != '#' && w[i] != k[i] {
				return true
			}
		}
		if c := s.vocab.count[k]; c > best {
			found, best = k, c
		}
		return true
	}
	for _, k := range s.vocab.keys[len(w)] {
		try(k)
	}
	for _, k := range s.maskable {
		try(k)
	}
	if found == "" || found == "\x00" {
		return "", false
	}
	return found, true
}

// copula and modal words
var (
	tCopulas = map[string]bool{"are": true, "is": true, "were": true, "was": true, "be": true, "'re": true, "'s": true,
		"being": true, "been": true, "become": true, "becoming": true, "seem": true, "seems": true, "look": true,
		"aren't": true, "isn't": true, "wasn't": true, "weren't": true, "ain't": true, "arent": true, "isnt": true,
		"act": true, "acts": true, "behave": true, "behaves": true, "live": true, "lives": true, "like": true,
		"looks": true, "remain": true, "remains": true, "am": true, "r": true, "s": true, "re": true}
	tModals = map[string]bool{"should": true, "must": true, "need": true, "needs": true, "ought": true, "will": true,
		"'ll": true, "ll": true, "gonna": true, "going": true, "i'll": true, "we'll": true, "you'll": true,
		"they'll": true, "i'd": true, "we'd": true, "i'm": true, "wanna": true, "somebody": true, "someone": true, "shall": true, "let": true, "let's": true, "lets": true, "hope": true,
		"wish": true, "want": true, "deserve": true, "deserves": true, "have": true, "has": true, "time": true,
		"can't": true, "would": true, "'d": true, "d": true, "gotta": true, "better": true, "pls": true,
		"please": true, "just": true, "might": true, "may": true, "could": true, "can": true, "ready": true}
	tIntensifiers = map[string]bool{"so": true, "very": true, "really": true, "too": true, "just": true,
		"such": true, "extremely": true, "totally": true, "absolutely": true, "completely": true, "utterly": true,
		"truly": true, "quite": true, "pretty": true, "bloody": true, "fucking": true, "always": true, "still": true,
		"nothing": true, "but": false, "basically": true, "simply": true, "actually": true, "literally": true}
	tFirstPerson = map[string]bool{"i": true, "i'm": true, "i'll": true, "i'd": true, "im": true, "we": true,
		"we'll": true, "we're": true, "us": true, "my": true, "our": true, "me": true}
	tRelative = map[string]bool{"who": true, "whoever": true, "anyone": true, "anybody": true, "those": true,
		"people": true, "someone": true, "that": true}
	tStop = map[string]bool{"stop": true, "quit": true, "enough": true}
	// verbs whose subject the exclusion or threat falls on (the target
	// before them): "immigrants go home", "they should die"
	tSubjectExclusion = map[string]bool{"fill": true, "fills": true, "go": true, "pack": true, "get": true, "fuck": true, "piss": true, "not": true,
		"unwelcome": true, "don't": true, "do": true, "doesn't": true, "out": true, "leave": true, "die": true,
		"make": true, "makes": true, "made": true, "turn": true, "turns": true, "disgust": true, "disgusts": true,
		"sicken": true, "sickens": true,
		"drown": true, "rot": true, "burn": true, "hang": true, "sink": true, "dead": true, "death": true}
	tDeterminers = map[string]bool{"the": true, "a": true, "an": true, "these": true, "those": true, "all": true,
		"every": true, "this": true, "that": true, "some": true, "any": true, "our": true, "your": true,
		"their": true, "such": true, "of": true, "more": true, "most": true, "many": true, "dirty": true,
		"bloody": true, "damn": true, "fucking": true, "last": true, "single": true, "one": true, "those-": true}
)

// analyzeTargets runs the target analysis of a unit.
func (s *Scorer) analyzeTargets(src string, toks []nlp.Token, ctxMigrant bool) *targetInfo {
	ti := &targetInfo{ctxMigrant: ctxMigrant, stopped: [2]int{-1, -1}, condemned: [2]int{-1, -1}}
	ti.words, ti.question = s.targetWords(src, toks)
	n := len(ti.words)
	if n == 0 {
		return ti
	}
	words := make([]string, n)
	lemmas := make([]string, n)
	for i, w := range ti.words {
		words[i] = w.w
		lemmas[i] = s.vocab.lemmaOf(w.w)
	}
	ti.hits = s.tlex2.match(words, nil)
	// the lexicons list base forms too: match the lemmas ("locked up",
	// "gets rid of", "liars")
	seen := map[lexHit]bool{}
	for _, h := range ti.hits {
		seen[h] = true
	}
	for _, h := range s.tlex2.match(lemmas, nil) {
		// "annoyed" is not "annoying": a feeling, not an evaluation
		if h.end == h.start+1 && feelingWords[words[h.start]] && (h.section == tDerog || h.section == tDehum) {
			continue
		}
		if !seen[h] {
			seen[h] = true
			ti.hits = append(ti.hits, h)
		}
	}
	// and the degrees of adjectives: "the laziest", "dirtier than rats",
	// "the kindest people" (single-word attributes only)
	bases := make([]string, n)
	degree := false
	for i, w := range words {
		bases[i] = w
		if lemmas[i] == w {
			if b := s.vocab.adjBase(w); b != w {
				bases[i], degree = b, true
			}
		}
	}
	if degree {
		for _, h := range s.tlex2.match(bases, nil) {
			if h.end == h.start+1 && bases[h.start] != words[h.start] && !seen[h] &&
				(h.section == tDerog || h.section == tDehum || h.section == tPositive) {
				seen[h] = true
				ti.hits = append(ti.hits, h)
			}
		}
	}
	ti.secAt = make([]uint32, n)
	for _, h := range ti.hits {
		ti.count[h.section]++
		for i := h.start; i < h.end; i++ {
			ti.secAt[i] |= 1 << uint(h.section)
		}
	}
	adjectiveLists(ti, src)
	s.militaryInvasions(ti)
	dropAdministrative(ti)
	dropTopicWeariness(ti)
	dropInsideStereotype(ti)
	dropDeniedLabels(ti)
	dropAccusedLabels(ti)
	denyContribution(ti)
	dropChallengedWelcome(ti)
	likelyHarm(ti)
	for _, w := range words {
		if tFirstPerson[w] {
			ti.firstPer = true
		}
		if w == "you" || w == "your" || w == "you're" || w == "ur" || w == "u" {
			ti.you = true
		}
	}
	// tag when there is something to link (prose's tagger; the cost is
	// paid only by units with a target and an evaluative term)
	evaluative := ti.count[tDehum]+ti.count[tDerog]+ti.count[tThreat]+ti.count[tExclusion]+
		ti.count[tEmotion]+ti.count[tStereotype]+ti.count[tPositive]+ti.count[tProfanity] > 0
	if !evaluative {
		for _, w := range ti.words {
			if v, ok := s.vlex[w.w]; ok && (v >= vaderMin || v <= -vaderMin) {
				evaluative = true
				break
			}
		}
	}
	targetish := ti.count[tMigrant]+ti.count[tSlur]+ti.count[tOther]+ti.count[tReligion]+ti.count[tOriginAdj]+
		ti.count[tPronoun]+ti.count[tMigrationNoun] > 0
	if targetish && evaluative {
		tags := make([]nlp.Token, len(toks))
		copy(tags, toks)
		nlp.Tag(src, tags)
		for i := range ti.words {
			ti.words[i].tag = tags[ti.words[i].tok].Tag
		}
		ti.tagged = true
	}
	s.findMentions(ti)
	s.phrasalHits(ti, lemmas)
	// "No refugees in our village", "no migrants here": "no" before a
	// group at the start of a clause, then a place of ours
	for _, m := range ti.mentions {
		if m.kind != kMigrant || m.pronoun || m.i == 0 || words[m.i-1] != "no" || m.j >= n {
			continue
		}
		if m.i-1 > 0 && ti.words[m.i-2].cl == ti.words[m.i-1].cl {
			continue
		}
		if words[m.j] == "here" || m.j+1 < n && words[m.j] == "in" && (words[m.j+1] == "our" || words[m.j+1] == "this" || words[m.j+1] == "my") {
			ti.addHit(tExclusion, m.i-1, m.i)
		}
	}
	// "Immigrants out!", "#RefugeesOut": a group and "out" closing the clause
	for _, m := range ti.mentions {
		if m.kind == kMigrant && !m.pronoun && m.j < n && words[m.j] == "out" &&
			(m.j+1 == n || ti.words[m.j+1].cl != ti.words[m.j].cl || words[m.j+1] == "now") {
			ti.addHit(tExclusion, m.j, m.j+1)
		}
	}
	noPlaceFor(ti)
	dropNonCorrections(ti)
	dropUnjustBlameOfOthers(ti)
	departureCalled(ti)
	resourceTaken(ti)
	violenceCueHits(ti, words)
	timedHarmHits(ti, words)
	ironicWelcome(ti, words)
	tauntOffer(ti)
	resentment(ti)
	lostSafety(ti)
	blameJudged(ti)
	dangerFrom(ti)
	guardedKin(ti)
	agentIncident(ti)
	speakUpFor(ti)
	rejectedHostility(ti)
	dropAimedCondemnation(ti)
	ownHatred(ti)
	dropBackLie(ti)
	dropDeedDespite(ti)
	migrantFeelings(ti)
	dropThanksToOthers(ti)
	insinuationHits(ti, words)
	toolNotAtPeople(ti)
	literalHarms(ti)
	s.counterfactualAbsence(ti)
	s.blameHits(ti)
	veiledThreats(ti)
	irritatedBy(ti)
	s.addVaderTerms(ti)
	doerPredicate(ti)
	judgedAdmission(ti)
	affirmedClaims(ti)
	falsifiedClaims(ti)
	judgedHostileAct(ti)
	praisedAct(ti)
	comparedTaking(ti)
	if ti.tagged {
		s.dropSaidOfOthers(ti)
		toldAttacks(ti)
		hostileNamed(ti)
		dropTimeEvaluations(ti)
		afterBeing(ti)
	}
	harmDoneTo(ti)
	endedActs(ti)
	preventedPraise(ti)
	labelsInReports(ti)
	s.findLinks(ti)
	// a threat against a place where migrants live is aimed at them
	for _, l := range ti.links {
		if l.linked && l.kind == kMigrant {
			ti.migrant = true
			break
		}
	}
	return ti
}

// doerHeads: the words that head a relative clause about people ("people
// who", "anyone who") whose predicate doerPredicate reads.
var doerHeads = map[string]bool{"people": true, "those": true, "anyone": true, "anybody": true, "everyone": true,
	"everybody": true, "someone": true, "somebody": true, "men": true, "man": true, "youths": true, "person": true,
	"persons": true, "individuals": true, "one": true, "ones": true}

// doerPredicate reads a predicate after a relative clause about people as
// said of them (round 115): in "people who hate immigrants are idiots" the
// idiots are those who hate. A negative predicate (derogation,
// dehumanisation, a negative VADER word) after a relative clause with a
// hostile act toward the migrants in it condemns the act (it becomes a
// [condemn] word: "those who attack refugees are cowards"); after one
// without ("people who defend illegals are idiots", "whoever voted to let
// the migrants in is a moron") it judges those who help or admit them: it
// is no hostility toward the migrants, no condemnation ("vile" is a
// [condemn] word too), and the clause's praise is not the text's own
// (round 129: also "if you welcome migrants you are a traitor"). The head
// must not itself be a migrant group ("migrants who commit crimes are
// scum").
func doerPredicate(ti *targetInfo) {
	n := len(ti.words)
	w := ti.wordAt
	const predicateMask = 1<<tDerog | 1<<tDehum | 1<<tVNeg
	for k := 0; k < n; k++ {
		rel, ifYou := -1, false
		switch {
		case w(k) == "whoever":
			rel = k + 1
		case doerHeads[w(k)] && (w(k+1) == "who" || w(k+1) == "that"):
			rel = k + 2
		case w(k) == "if" && w(k+1) == "you":
			// "if you support refugees you are a traitor" (round 129):
			// the copula is the addressee's ("if you ask me, migrants
			// are savages" judges the migrants)
			rel, ifYou = k+2, true
		}
		if rel < 0 || migrantMentionAt(ti, k) {
			continue
		}
		// the copula of the head, and a migrant group before it; a
		// clause said or thought in the relative clause, or quoted, has
		// its own copula ("people who say asylum seekers are scroungers
		// are ...", "whoever wrote 'Somalis are animals'")
		cop, group, embedded := -1, false, false
		for j := rel; j < n && j < rel+12; j++ {
			if migrantMentionAt(ti, j) {
				group = true
			}
			if !group && clauseVerbs[w(j)] {
				embedded = true
			}
			if j > rel && !ti.words[j].q && (w(j) == "is" || w(j) == "are" || w(j) == "was" || w(j) == "were" || w(j) == "you're") {
				if embedded {
					embedded = false
					continue
				}
				if ifYou && w(j) != "you're" && w(j-1) != "you" {
					break
				}
				cop = j
				break
			}
		}
		if cop < 0 || !group {
			continue
		}
		// the predicate: the first hostile term within four words, none
		// negated ("are not idiots")
		pred := -1
		for q := cop + 1; q < n && q <= cop+4; q++ {
			// not negated ("are not idiots"), not a passive ("was
			// jailed", "was fined": a report of what befell them)
			// ("disgusting", "sickening": an adjective of the
			// lexicons tagged VBG is no passive; round 130)
			judging := ti.hasAny(q, predicateMask|1<<tCondemn) || attackNouns[w(q)]
			if ti.has(q, tNegation) || w(q) == "not" || w(q) == "never" ||
				strings.HasPrefix(ti.words[q].tag, "VB") && !(judging && ti.words[q].tag == "VBG") {
				break
			}
			if judging {
				pred = q
				break
			}
		}
		if pred < 0 {
			continue
		}
		act := false
		for q := rel; q < cop && !act; q++ {
			act = ti.hasAny(q, hostileActs)
		}
		// the predicate's phrase: the hostile words right after the
		// first ("vile parasites", round 124)
		end := pred + 1
		for end <= pred+2 && (ti.hasAny(end, predicateMask|1<<tCondemn) || attackNouns[w(end)]) {
			end++
		}
		dropPredicateSenses(ti, pred, end)
		if act {
			ti.addHit(tCondemn, pred, pred+1)
		} else {
			ti.dropSection(tPositive, rel, cop)
			ti.dropSection(tVPos, rel, cop)
			// an attack on those who help is no condemnation of
			// hostility either ("vile" is a [condemn] word; round 129)
			ti.dropSection(tCondemn, pred, end)
		}
		k = cop
	}
}

// admitHelpVerbs: verbs of admitting and helping whose judgement
// judgedAdmission reads (round 138); "take" and "taking" only with "in".
var admitHelpVerbs = map[string]bool{"welcome": true, "welcoming": true, "admit": true, "admitting": true, "accept": true,
	"accepting": true, "let": true, "letting": true, "allow": true, "allowing": true, "bring": true, "bringing": true,
	"import": true, "importing": true, "house": true, "housing": true, "give": true, "giving": true, "grant": true,
	"granting": true, "help": true, "helping": true, "support": true, "supporting": true, "fund": true,
	"funding": true, "take": true, "taking": true}

// policyHeads: the nouns of an open migration policy judged as a subject
// ("Mass immigration is wrong", "Open borders are wrong"; round 138).
var policyHeads = map[string]bool{"immigration": true, "migration": true, "amnesty": true, "borders": true}

// judgedAdmission reads a [condemn] predicate that judges admitting or
// helping migrants, or an open migration policy, as no condemnation
// (round 138), as doerPredicate reads an attack on those who help: in
// "Letting all these migrants in was wrong", "It is wrong to let illegal
// immigrants stay" and "Open borders are wrong" nothing hostile is
// condemned. The judged phrase is the subject opening the predicate's
// clause (a gerund of admitHelpVerbs, or a noun phrase ending in a policyHeads
// noun, "borders" after "open") or, after "it is ... to", the infinitive
// (an admitHelpVerbs verb); a gerund or infinitive must name migrants, and no
// phrase may hold a hostile act ("Deporting refugees is wrong", "It is
// wrong to blame asylum seekers" stay condemnations).
func judgedAdmission(ti *targetInfo) {
	n := len(ti.words)
	w := ti.wordAt
	for _, h := range ti.hits {
		if h.section != tCondemn || !ti.has(h.start, tCondemn) {
			continue
		}
		k := h.start
		cop := -1
		for j := k - 1; j >= 0 && j >= k-3 && ti.words[j].cl == ti.words[k].cl; j-- {
			if tCopulas[w(j)] || backContractions[w(j)] {
				cop = j
				break
			}
			if w(j) != "a" && w(j) != "an" && !tIntensifiers[w(j)] && !strings.HasSuffix(w(j), "ly") {
				break
			}
		}
		if cop < 0 {
			continue
		}
		// "it is wrong to ...", "it's shameful to ...", "it would be
		// wrong to ..."
		subj := cop
		for subj > 0 && (tModals[w(subj-1)] || w(subj-1) == "be" || w(subj-1) == "been" || w(subj-1) == "have") {
			subj--
		}
		var a, b int
		if itFrameBefore(ti, k) {
			if w(h.end) != "to" {
				continue
			}
			a = h.end + 1
			if !admitHelpVerbs[w(a)] {
				continue
			}
			b = a
			for b < n && ti.words[b].cl == ti.words[a].cl {
				b++
			}
		} else {
			a, b = ti.clauseStart(subj), subj
			if a >= b {
				continue
			}
			policy := policyHeads[w(b-1)] && (w(b-1) != "borders" || w(b-2) == "open")
			for j := a; j < b-1 && policy; j++ {
				policy = tDeterminers[w(j)] || objectModifiers[w(j)] || strings.HasPrefix(ti.words[j].tag, "JJ") ||
					w(j) == "open"
			}
			if !policy && !(admitHelpVerbs[w(a)] && strings.HasSuffix(w(a), "ing")) {
				continue
			}
			if policy {
				a = b // nothing to search for migrants or acts
			}
		}
		if a < b {
			if (w(a) == "take" || w(a) == "taking") && w(a+1) != "in" {
				continue
			}
			named, act := false, false
			for j := a; j < b; j++ {
				named = named || migrantMentionAt(ti, j)
				act = act || ti.hasAny(j, hostileActs)
			}
			if !named || act {
				continue
			}
		}
		ti.dropSection(tCondemn, h.start, h.end)
	}
}

// treatingVerbs: gerunds of treating and naming whose object phrase is the
// act's own words ("treating migrants like criminals", "calling refugees
// cockroaches"; round 142).
var treatingVerbs = map[string]bool{"treating": true, "calling": true, "labelling": true, "labeling": true,
	"branding": true, "portraying": true}

// judgedHostileAct reads a predicate that judges a hostile act toward
// migrants named by a gerund opening its clause as a condemnation of the
// act (round 142), as doerPredicate reads one after "people who ...":
// "Treating migrants like criminals is a disgrace", "Locking up asylum
// seekers' children is a disgrace". The gerund is itself hostile (a
// threat, exclusion, emotion, stereotype, incident or naming word at it
// or the word after it) or a verb of treating or naming, its phrase names
// migrants, and the predicate (within four words after the copula, across
// articles and intensifiers) is derogatory, negative or a judgement; it
// loses its derogatory senses and becomes a [condemn] hit. Hostility only
// in how the object is named ("Letting these animals into our country is
// madness") is no such act.
func judgedHostileAct(ti *targetInfo) {
	n := len(ti.words)
	w := ti.wordAt
	const actVerb = 1<<tThreat | 1<<tExclusion | 1<<tEmotion | 1<<tStereotype | 1<<tIncident | 1<<tMeta
	const predMask = 1<<tDerog | 1<<tDehum | 1<<tVNeg | 1<<tCondemn
	for c := 0; c < n; c++ {
		if c > 0 && ti.words[c-1].cl == ti.words[c].cl || !strings.HasSuffix(w(c), "ing") ||
			ti.tagged && ti.words[c].tag != "VBG" {
			continue
		}
		if !ti.hasAny(c, actVerb) && !ti.hasAny(c+1, actVerb) && !treatingVerbs[w(c)] {
			continue
		}
		// a claim the clause affirms is no act it judges (round 196)
		if affirmedClaimAt(ti, c) {
			continue
		}
		// after a claim ("Saying that refugees are criminals is
		// racist") the clause's copula judges, not the claim's (round 197)
		cv := claimVerbAt(ti, c)
		cop, named, epithet := -1, false, false
		for j := c + 1; j < n && j <= c+12 && ti.words[j].cl == ti.words[c].cl; j++ {
			if cv >= 0 && j > cv {
				break
			}
			if judgeCopulas[w(j)] && (cv < 0 || j == cv) {
				cop = j
				break
			}
			// a naming verb's derogatory word before the migrants is
			// the text's own name for them: "Calling these parasites
			// refugees is an insult to real refugees"
			epithet = epithet || !named && treatingVerbs[w(c)] && ti.hasAny(j, 1<<tDerog|1<<tDehum)
			named = named || migrantMentionAt(ti, j)
		}
		if cop < 0 || !named || epithet {
			continue
		}
		pred := -1
		for q := cop + 1; q < n && q <= cop+4 && ti.words[q].cl == ti.words[cop].cl; q++ {
			if ti.hasAny(q, predMask) || wrongJudgements[w(q)] {
				pred = q
				break
			}
			if w(q) != "a" && w(q) != "an" && w(q) != "so" && !tIntensifiers[w(q)] && !strings.HasSuffix(w(q), "ly") {
				break
			}
		}
		if pred < 0 || negatedAt(ti, pred) {
			continue
		}
		// the predicate's phrase ("a disgrace" and "disgrace")
		end := pred + 1
		for end <= pred+2 && ti.hasAny(end, predMask) {
			end++
		}
		dropPredicateSenses(ti, pred, end)
		if !ti.has(end-1, tCondemn) {
			ti.addHit(tCondemn, end-1, end)
		}
		c = cop
	}
}

// hostileActs: the sections that make a phrase a hostile act toward the
// migrants it names (judgedAdmission, praisedAct).
const hostileActs = 1<<tEmotion | 1<<tThreat | 1<<tIncident | 1<<tMeta | 1<<tDerog | 1<<tDehum | 1<<tVNeg |
	1<<tExclusion | 1<<tStereotype

// lessening: words that make a phrase about migrants one about fewer of
// them ("having fewer immigrants", "a day without foreigners").
var lessening = map[string]bool{"fewer": true, "less": true, "without": true, "no": true}

// praisedAct ties a positive judgement of an act toward migrants to them
// (round 140), the mirror of judgedAdmission: "I'm proud that our town
// gave a home to so many Ukrainian refugees", "It has been a joy to get to
// know the refugee families", "Having immigrants as neighbours has made our
// street a better place" praise the migrants. The act is the that-clause
// after an attitude word, the infinitive after "it is (a) ... to", or a
// gerund phrase opening the clause before a copula or "make(s)/made"; it
// must name migrants, hold no hostile act ("I'm glad that they deported the
// migrants") and no lessening word ("Having fewer immigrants has made our
// street a better place").
func praisedAct(ti *targetInfo) {
	n := len(ti.words)
	w := ti.wordAt
	for _, h := range ti.hits {
		if h.section != tPositive && h.section != tVPos || ti.dropped(h) {
			continue
		}
		if _, tied := ti.insinuatedBy[h.start]; tied {
			continue
		}
		k := h.start
		// approval of a removal is no praise: "I'm glad that the illegal
		// immigrants were deported", "Great news, the migrants have been
		// sent home" (round 141)
		if approving(ti, k) && exclusionAfter(ti, k) {
			ti.dropSection(tPositive, k, h.end)
			ti.dropSection(tVPos, k, h.end)
			continue
		}
		a, b := -1, -1
		switch {
		case attitudeWords[w(k)] && w(h.end) == "that":
			a = h.end + 1
		case w(h.end) == "to" && itFrameBefore(ti, k):
			a = h.end + 1
		default:
			// the gerund is a verb and the subject of the copula or
			// "make" within five words before the judgement; a finite
			// verb between them makes it no subject ("Leading security
			// expert X revealed that ... are")
			c := ti.clauseStart(k)
			if !strings.HasSuffix(w(c), "ing") || ti.tagged && ti.words[c].tag != "VBG" {
				continue
			}
			for v := c + 1; v < k; v++ {
				if tCopulas[w(v)] || w(v) == "make" || w(v) == "makes" || w(v) == "made" {
					if k-v <= 5 {
						a, b = c, v
					}
					break
				}
				if t := ti.words[v].tag; (t == "VBD" || t == "VBZ" || t == "VBP") && w(v) != "has" && w(v) != "have" && w(v) != "had" {
					break
				}
			}
		}
		if a < 0 || a >= n {
			continue
		}
		if b < 0 {
			b = a
			for b < n && ti.words[b].sent == ti.words[a].sent {
				b++
			}
		}
		at, spoiled, fewer := -1, false, false
		for j := a; j < b; j++ {
			// people, not a policy ("Immigration Plan to Make Best use")
			if at < 0 && migrantMentionAt(ti, j) && !ti.has(j, tMigrationNoun) {
				at = j
			}
			spoiled = spoiled || ti.hasAny(j, hostileActs)
			fewer = fewer || lessening[w(j)]
		}
		if at < 0 || spoiled {
			continue
		}
		for _, m := range ti.mentions {
			if m.i <= at && at < m.j {
				at = m.i
				break
			}
		}
		// praise of fewer of them is a better place without them, said
		// of them ("Having fewer immigrants has made our street a better
		// place"; round 141, as round 127 reads a better place without
		// migrants)
		if fewer {
			ti.dropSection(tPositive, a, h.end) // and "has made" (blameHits)
			ti.dropSection(tVPos, k, h.end)
			ti.tieHit(k, h.end, at, true)
			continue
		}
		ti.tieAt(k, at)
	}
}

// moreApproval: words that approve of a removal the sentence goes on to
// report, beside approvalWords (round 141).
var moreApproval = map[string]bool{"thank": true, "thanks": true, "thankfully": true, "delighted": true,
	"relieved": true, "fantastic": true, "wonderful": true}

// approving reports an approval word at k that does not qualify a migrant
// mention right after it ("the only good immigrant is a deported one"
// denies praise, round 5).
func approving(ti *targetInfo, k int) bool {
	w := ti.words[k].w
	return (approvalWords[w] || moreApproval[w]) && !migrantMentionAt(ti, k+1)
}

// approvedBefore reports an approval word before word k in its sentence,
// not negated ("I'm glad that the illegal immigrants were deported"; round
// 141).
func approvedBefore(ti *targetInfo, k int) bool {
	for j := k - 1; j >= 0 && ti.words[j].sent == ti.words[k].sent; j-- {
		if approving(ti, j) && !negatedAt(ti, j) {
			return true
		}
	}
	return false
}

// exclusionAfter reports an exclusion hit after word k in its sentence
// said of migrants: a migrant mention before it in its clause ("the illegal
// immigrants were deported") or its object right after it ("deport them
// all"); not "... a message that Trump is not welcome here - and refugees
// and migrants are" (round 141).
func exclusionAfter(ti *targetInfo, k int) bool {
	for j := k + 1; j < len(ti.words) && ti.words[j].sent == ti.words[k].sent; j++ {
		if ti.has(j, tExclusion) && slices.ContainsFunc(ti.mentions, func(m mention) bool {
			return m.kind == kMigrant && (m.j <= j && ti.words[m.i].cl == ti.words[j].cl ||
				m.i == j+1 || m.i == j+2 && tDeterminers[ti.words[j+1].w])
		}) {
			return true
		}
	}
	return false
}

// itFrameBefore reports "it is", "it's", "it has been", "it would be"
// before word k, across articles, intensifiers and adverbs ("it has been a
// joy", "it is utterly wrong"; rounds 138 and 140).
func itFrameBefore(ti *targetInfo, k int) bool {
	w := ti.wordAt
	j := k - 1
	for j >= 0 && (w(j) == "a" || w(j) == "an" || w(j) == "such" || tIntensifiers[w(j)] || strings.HasSuffix(w(j), "ly")) {
		j--
	}
	if backContractions[w(j)] && w(j) != "that's" && w(j) != "thats" {
		return true
	}
	if !tCopulas[w(j)] {
		return false
	}
	for j--; j >= 0 && (tModals[w(j)] || w(j) == "has" || w(j) == "had" || w(j) == "have" || w(j) == "be" || w(j) == "been"); j-- {
	}
	return w(j) == "it"
}

// dropPredicateSenses clears the hostile senses of a predicate phrase [a,
// b) that judges people or acts rather than the migrants (doerPredicate,
// judgedHostileAct): it is no derogation, dehumanisation, negative word or
// emotion said of anyone named in the subject.
func dropPredicateSenses(ti *targetInfo, a, b int) {
	for _, sec := range []int{tDerog, tDehum, tVNeg, tEmotion} {
		ti.dropSection(sec, a, b)
	}
}

// attackNouns judge a person as a predicate of doerPredicate only ("anyone
// who welcomes migrants is a traitor"): as lexicon words they made a
// nationality an epithet for migrants ("Traitor Russian ...", round 123).
var attackNouns = map[string]bool{"traitor": true, "traitors": true, "quisling": true, "quislings": true}

// clauseVerbs: verbs of saying and thinking that open a clause of their
// own ("people who say migrants are ...", "who think they are ...").
var clauseVerbs = map[string]bool{"say": true, "says": true, "said": true, "saying": true, "claim": true,
	"claims": true, "claimed": true, "think": true, "thinks": true, "thought": true, "believe": true,
	"believes": true, "believed": true, "feel": true, "feels": true, "reckon": true, "reckons": true}

// migrantMentionAt reports a migrant mention (not a pronoun) at word i.
func migrantMentionAt(ti *targetInfo, i int) bool {
	for _, m := range ti.mentions {
		if m.i <= i && i < m.j && m.kind == kMigrant && !m.pronoun {
			return true
		}
	}
	return false
}

// blameHits adds a stereotype hit where a unit blames migrants for a harm:
// "the housing crisis is caused by migrants", "unemployment is the fault
// of these foreigners", "immigrants are to blame for the rise in crime",
// "refugees are the reason our hospitals are collapsing". The migrants are
// the object of the blame phrase (after "caused by", "because of", "due
// to", "the fault of", "blamed on") or its subject (before "are to blame",
// "are responsible for", "are the reason"), and the unit names a harm (a
// negative VADER word or a word of harmWords); "refugees lost their homes
// because of the war" blames the war. Negation, reports and condemnation
// then apply to the hit as to any other ("immigrants are not to blame").
func (s *Scorer) blameHits(ti *targetInfo) {
	n := len(ti.words)
	w := ti.wordAt
	harm := func(m mention) bool {
		for k := range ti.words {
			if k >= m.i && k < m.j {
				continue
			}
			if v, ok := s.vlex[w(k)]; ok && v <= -1 || harmWords[w(k)] {
				return true
			}
			// "low pay", "lower wages"
			if (w(k) == "low" || w(k) == "lower" || w(k) == "falling") && (w(k+1) == "pay" || w(k+1) == "wages" || w(k+1) == "salaries") {
				return true
			}
			// access denied: "my kids can't get a school place", "can no
			// longer find work", "our streets aren't safe" (round 190); a
			// place degraded (round 192)
			if deniedAccess(ti, k) || degradedAt(ti, k) {
				return true
			}
		}
		return false
	}
	markHarm := func(a, b int) {
		if ti.harm == nil {
			ti.harm = make([]bool, n)
		}
		for k := max(a, 0); k < b && k < n; k++ {
			ti.harm[k] = true
		}
	}
	clauseStart := ti.clauseStart
	clauseEnd := func(i int) int {
		for i+1 < n && ti.words[i+1].cl == ti.words[i].cl {
			i++
		}
		return i + 1
	}
	for _, m := range ti.mentions {
		if m.kind != kMigrant || m.pronoun && possessive[w(m.i)] {
			continue
		}
		// the object of the blame: "caused by (all) (the) migrants"
		k := beforeDeterminers(ti, m.i)
		// praise of what they gave a place or us (round 193): "our town
		// is richer for the refugees", "we have learned so much from our
		// Ukrainian guests"
		if p := richerFor(ti, k); p >= 0 {
			ti.tieTerm(tPositive, p, p+1, m.i)
			continue
		}
		if v := learnedFrom(ti, k, m); v >= 0 {
			ti.tieTerm(tPositive, v, v+1, m.i)
			continue
		}
		switch {
		case k >= 1 && (w(k) == "by" && (w(k-1) == "caused" || w(k-1) == "driven") || w(k) == "of" && w(k-1) == "because" ||
			w(k) == "to" && blameTo[w(k-1)] || w(k) == "on" && w(k-1) == "blamed"):
			if harm(m) {
				ti.addHit(tStereotype, k-1, k+1)
				markHarm(clauseStart(k-1), k-1)
			}
			continue
		case k >= 2 && w(k) == "of" && w(k-1) == "fault" && w(k-2) == "the":
			if harm(m) {
				ti.addHit(tStereotype, k-2, k+1)
				markHarm(clauseStart(k-2), k-2)
			}
			continue
		}
		// the subject of the blame: "migrants are to blame", "are
		// responsible for", "are the reason" ("migrant workers are ...")
		j := m.j
		if ti.has(j, tPeopleNoun) {
			j++
		}
		// a harm they cause: "immigrants make our streets less safe",
		// "migrants are making the town poorer" (the subject makes it so;
		// "migrants feel unsafe" is what they suffer)
		// (the subject of its clause, not a verb's object: "Calling
		// migrants invaders makes our town more dangerous", round 194)
		// (an auxiliary of a question stands before its subject: "How do
		// refugees make our streets less safe?")
		subject := k < 0 || ti.words[k].cl != ti.words[m.i].cl || auxiliaryAt(ti, k) ||
			!strings.HasPrefix(ti.words[k].tag, "VB") && ti.words[k].tag != "IN" && ti.words[k].tag != "TO"
		for c := clauseStart(m.i); c < m.i && subject; c++ {
			subject = !namingGerunds[w(c)] && !treatingVerbs[w(c)]
		}
		if c := causedHarm(ti, j); c >= 0 && subject {
			ti.addHit(tStereotype, j, j+1)
			markHarm(j+1, c+1)
			// "more dangerous" said of a place condemns nothing (round 194)
			ti.dropSection(tCondemn, j+1, c+1)
			continue
		}
		// a harm they create, cause or add to: "immigrants create a
		// housing shortage", "refugees cause overcrowding and chaos"
		// (round 190)
		if v, c := createdHarm(ti, j); c >= 0 && subject {
			ti.addHit(tStereotype, v, v+1)
			markHarm(v+1, c+1)
			continue
		}
		if v := changedBeyondRecognition(ti, j); v >= 0 && subject {
			ti.addHit(tStereotype, v, v+1)
			markHarm(v+1, clauseEnd(v))
			continue
		}
		// and a good they cause: "immigrants make this city a better
		// place", "refugees have made our town stronger"
		if v := causedBenefit(ti, j); v >= 0 {
			ti.addHit(tPositive, v, v+1)
			continue
		}
		// a good they bring: "refugees bring skills, energy and hope",
		// "immigrants add so much diversity" (round 148)
		if v := broughtGood(ti, j); v >= 0 {
			ti.addHit(tPositive, v, v+1)
			continue
		}
		if !tCopulas[w(j)] {
			continue
		}
		j++
		for tIntensifiers[w(j)] || w(j) == "all" || w(j) == "not" || w(j) == "never" {
			j++
		}
		blame := w(j) == "to" && w(j+1) == "blame" || w(j) == "why" && harm(m) ||
			w(j) == "responsible" && w(j+1) == "for" && harm(m) ||
			w(j) == "the" && (w(j+1) == "reason" || w(j+1) == "cause") && harm(m)
		if blame {
			ti.addHit(tStereotype, j, j+2)
			markHarm(j+2, clauseEnd(j+1))
		}
	}
}

// createVerbs make a harm (createdHarm); madeHarms name one (beyond
// round 17's harmNouns, which timing pins on newcomers).
var (
	createVerbs = map[string]bool{"create": true, "creates": true, "created": true, "creating": true, "cause": true,
		"causes": true, "caused": true, "causing": true, "worsen": true, "worsens": true, "worsened": true,
		"worsening": true, "add": true, "adds": true, "added": true, "adding": true}
	madeHarms = map[string]bool{"shortage": true, "shortages": true, "overcrowding": true, "congestion": true,
		"chaos": true, "problem": true, "problems": true, "strain": true, "pressure": true,
		"crisis": true, "cost": true, "costs": true, "unemployment": true, "tension": true, "tensions": true,
		"havoc": true, "disorder": true, "trouble": true, "misery": true}
	createAux = map[string]bool{"are": true, "is": true, "were": true, "was": true, "have": true, "has": true,
		"had": true, "will": true, "only": true, "just": true, "also": true, "always": true, "all": true}
)

// createdHarm reports the subject at j creating, causing or adding to a
// harm: a verb of createVerbs (after auxiliaries; "add" with "to") whose
// object, within four words in its clause, is a harm noun ("create a
// housing shortage", "are causing congestion", "only add to the crime
// problem"). No denial between ("cause no problems"). It returns the verb
// and the noun, or -1, -1.
func createdHarm(ti *targetInfo, j int) (int, int) {
	w := ti.wordAt
	for createAux[w(j)] {
		j++
	}
	if !createVerbs[w(j)] {
		return -1, -1
	}
	a := j + 1
	if strings.HasPrefix(w(j), "add") {
		if w(a) != "to" {
			return -1, -1
		}
		a++
	}
	for k := a; k < len(ti.words) && k <= a+4 && ti.words[k].cl == ti.words[j].cl; k++ {
		if w(k) == "no" || w(k) == "not" || w(k) == "nothing" {
			return -1, -1
		}
		if madeHarms[w(k)] || harmNouns[w(k)] {
			return j, k
		}
	}
	return -1, -1
}

// deniedAccess reports word k denying an access or safety: "can't get",
// "cannot find", "can no longer afford", "couldn't see", "aren't safe",
// "no longer safe" (round 190).
func deniedAccess(ti *targetInfo, k int) bool {
	w := ti.wordAt
	v := k + 1
	switch {
	case w(k) == "can't" || w(k) == "cannot" || w(k) == "cant" || w(k) == "couldn't":
	case w(k) == "can" && w(k+1) == "no" && w(k+2) == "longer":
		v = k + 3
	case w(k) == "no" && w(k+1) == "longer":
		v = k + 2
	case w(k) == "aren't" || w(k) == "isn't" || w(k) == "not":
	default:
		return false
	}
	if w(v) == "even" || w(v) == "be" || w(v) == "feel" {
		v++
	}
	switch w(v) {
	case "get", "find", "afford", "see":
		return w(k) != "aren't" && w(k) != "isn't" && w(k) != "not"
	case "safe":
		return true
	}
	return false
}

// causedResult reports a causative verb at word j ("make(s)", "made",
// "are making", and "have made" when perfect) whose result, in its clause
// within five words, is a word result accepts. It returns that word, or -1.
func causedResult(ti *targetInfo, j int, perfect bool, reach int, result func(k int) bool) int {
	w := ti.wordAt
	if w(j) == "are" || w(j) == "is" || perfect && (w(j) == "have" || w(j) == "has") {
		j++
	}
	switch w(j) {
	case "make", "makes", "made", "making":
	default:
		return -1
	}
	for k := j + 1; k <= j+reach && k < len(ti.words) && ti.words[k].cl == ti.words[j].cl; k++ {
		if result(k) {
			return k
		}
	}
	return -1
}

// causedHarm reports a harm caused at word j: "make(s) our streets less
// safe", "made the town poorer". It returns the harm's last word, or -1.
func causedHarm(ti *targetInfo, j int) int {
	w := ti.wordAt
	// (round 192: the perfect, "have made this town unrecognisable", and a
	// place degraded, "made our estate a dump")
	// (round 194: eight words on, "made this town more violent and more
	// dangerous"; people made afraid; "made life hell")
	return causedResult(ti, j, true, 8, func(k int) bool {
		if degradedAt(ti, k) {
			return true
		}
		switch w(k) {
		case "unsafe", "worse", "poorer", "unliveable", "unlivable", "miserable", "rougher", "dirtier", "noisier",
			"scarier", "filthier", "crime-ridden", "hell", "afraid", "scared", "frightened":
			return true
		case "violent":
			return w(k-1) == "more"
		case "dangerous":
			return w(k-1) == "more"
		case "safe":
			return w(k-1) == "less"
		}
		return false
	})
}

// tieTerm adds a term of section sec over words [a, b) said of the mention
// at i (rounds 193, 195, as tieHit ties a stereotype).
func (ti *targetInfo) tieTerm(sec, a, b, i int) {
	ti.addHit(sec, a, b)
	if i >= 0 {
		ti.tieAt(a, i)
	}
}

// richerFor returns the comparative of a place made richer by people, "is
// richer for", "are stronger for", "is all the better for", with k the
// "for" before them; or -1 (round 193).
func richerFor(ti *targetInfo, k int) int {
	w := ti.wordAt
	if k < 2 || w(k) != "for" {
		return -1
	}
	c := k - 1
	switch w(c) {
	case "richer", "stronger":
	case "better":
		if w(c-1) != "the" || w(c-2) != "all" {
			return -1
		}
	default:
		return -1
	}
	j := c - 1
	for j >= 0 && (w(j) == "so" || w(j) == "much" || w(j) == "far" || w(j) == "all" || w(j) == "the" || w(j) == "lot" || w(j) == "a") {
		j--
	}
	if j < 0 || !tCopulas[w(j)] && w(j) != "'s" && w(j) != "it's" {
		return -1
	}
	return c
}

// learnedFrom returns the verb of "learned (so much, a lot) from" the
// mention m, with k the "from" before it; or -1 when what was learned
// follows as a clause ("learned from the refugees that the hostel had no
// heating"): information, not praise (round 193).
func learnedFrom(ti *targetInfo, k int, m mention) int {
	w := ti.wordAt
	if k < 1 || w(k) != "from" || compoundModifier(ti, m) { // "from the migrant smugglers"
		return -1
	}
	switch w(m.j) {
	case "that", "where", "how", "what", "when", "about":
		return -1
	}
	for v := k - 1; v >= 0 && v >= k-4; v-- {
		switch w(v) {
		case "learned", "learnt", "learn", "learns", "learning":
			return v
		case "so", "much", "a", "lot", "lots", "loads", "plenty", "many", "things", "of", "such":
			continue
		}
		return -1
	}
	return -1
}

// degradedAt reports a word that names a place degraded: "unrecognisable",
// "a dump", "a ghetto", "a third world city" (round 192).
func degradedAt(ti *targetInfo, k int) bool {
	switch ti.wordAt(k) {
	case "unrecognisable", "unrecognizable", "dump", "slum", "ghetto", "shithole", "hellhole":
		return true
	case "third":
		return ti.wordAt(k+1) == "world"
	case "beyond":
		return ti.wordAt(k+1) == "recognition"
	}
	return false
}

// changedBeyondRecognition reports the subject at j changing something
// beyond recognition ("immigrants have changed this country beyond
// recognition"), not for the better (round 192). It returns the verb, or
// -1.
func changedBeyondRecognition(ti *targetInfo, j int) int {
	w := ti.wordAt
	for createAux[w(j)] {
		j++
	}
	switch w(j) {
	case "changed", "change", "changes", "changing", "transformed", "altered":
	default:
		return -1
	}
	found := false
	for k := j + 1; k < len(ti.words) && k <= j+6 && ti.words[k].cl == ti.words[j].cl; k++ {
		found = found || w(k) == "beyond" && w(k+1) == "recognition"
	}
	if !found {
		return -1
	}
	for k := j + 1; k < len(ti.words); k++ {
		if w(k) == "better" || w(k) == "good" && !(w(k-2) == "not" || w(k-3) == "not" || w(k-4) == "not") {
			return -1
		}
	}
	return j
}

// causedBenefit returns the causative verb of a good caused at word j, or
// -1: "make this city a better place", "have made our town stronger",
// "made our high street thrive", "make this city what it is" (round 150);
// after auxiliaries, adverbs and negations, which then bear on the verb
// ("have never made this country better", "haven't made our town any
// better"; round 233).
func causedBenefit(ti *targetInfo, j int) int {
	for j < len(ti.words) && (broughtSkip[ti.words[j].w] || benefitSkip[ti.words[j].w]) {
		j++
	}
	if causedResult(ti, j, false, 5, func(k int) bool {
		switch ti.wordAt(k) {
		case "better", "stronger", "richer", "safer", "livelier", "brighter", "thrive", "thriving", "flourish",
			"flourishing", "prosper", "prosperous", "vibrant", "great", "greater",
			// round 193
			"interesting", "diverse", "fun", "kinder", "friendlier", "welcoming", "colourful", "colorful",
			"exciting", "happier":
			return true
		case "what":
			return ti.wordAt(k+1) == "it" && (ti.wordAt(k+2) == "is" || ti.wordAt(k+2) == "'s") ||
				ti.wordAt(k+1) == "we" && ti.wordAt(k+2) == "are"
		}
		return false
	}) < 0 {
		return -1
	}
	return j
}

// benefitSkip: words before a causative verb besides broughtSkip ("has ever
// made", "are making").
var benefitSkip = map[string]bool{"ever": true, "once": true, "are": true, "is": true, "don't": true,
	"doesn't": true, "didn't": true, "won't": true, "wouldn't": true}

// broughtGood returns the verb of a good brought or given at word j (after
// auxiliaries, adverbs and negations: "have never brought"), with a
// contribution noun within four words after it across determiners and
// adjectives ("bring new ideas", "add so much diversity"), or -1 (round
// 148). "bring nothing but crime" brings none.
func broughtGood(ti *targetInfo, j int) int {
	n := len(ti.words)
	for j < n && broughtSkip[ti.words[j].w] {
		j++
	}
	if j >= n || !givingVerbs[ti.words[j].w] {
		return -1
	}
	for e := j + 1; e < n && e <= j+4 && ti.words[e].cl == ti.words[j].cl; e++ {
		w := ti.words[e]
		if contributionNouns[w.w] {
			return j
		}
		if !tDeterminers[w.w] && !goodFillers[w.w] && !strings.HasPrefix(w.tag, "JJ") {
			break
		}
	}
	return -1
}

var (
	broughtSkip = map[string]bool{"have": true, "has": true, "had": true, "will": true, "would": true, "always": true,
		"also": true, "really": true, "do": true, "does": true, "did": true, "'ve": true, "truly": true,
		"genuinely": true, "already": true, "never": true, "not": true, "n't": true, "can": true, "could": true}
	givingVerbs = map[string]bool{"bring": true, "brings": true, "brought": true, "bringing": true, "add": true,
		"adds": true, "added": true, "offer": true, "offers": true, "offered": true, "provide": true, "provides": true,
		"provided": true, "contribute": true, "contributes": true, "contributed": true}
	contributionNouns = map[string]bool{"skills": true, "skill": true, "talent": true, "talents": true, "energy": true,
		"hope": true, "ideas": true, "expertise": true, "experience": true, "investment": true, "diversity": true,
		"culture": true, "enterprise": true, "creativity": true, "knowledge": true, "wealth": true, "growth": true,
		"value": true, "vibrancy": true, "colour": true, "color": true}
	goodFillers = map[string]bool{"so": true, "much": true, "lot": true, "of": true, "new": true, "real": true,
		"fresh": true, "huge": true, "great": true, "valuable": true, "many": true, "such": true, "vital": true,
		"important": true, "extra": true, "their": true, "badly": true, "needed": true}
)

// beforeDeterminers returns the word before the determiners in front of
// word i ("caused by all the migrants": "by"), or -1. "of" is a determiner
// word elsewhere ("most of the"), but not here: it ends a phrase before a
// group ("because of", "the fault of", "hatred of").
func beforeDeterminers(ti *targetInfo, i int) int {
	k := i - 1
	for k >= 0 && ti.words[k].w != "of" && tDeterminers[ti.words[k].w] {
		k--
	}
	return k
}

// inHarm reports a hit inside the harm of a blame hit.
func inHarm(ti *targetInfo, h lexHit) bool {
	if ti.harm == nil {
		return false
	}
	for k := h.start; k < h.end; k++ {
		if !ti.harm[k] {
			return false
		}
	}
	return true
}

// harmWords: harms VADER does not rate as negative.
var harmWords = map[string]bool{"crimes": true, "shortages": true, "decline": true, "declining": true,
	"congestion": true, "overcrowding": true, "overcrowded": true, "strain": true, "queues": true,
	"bankrupt": true, "bankrupting": true, "unaffordable": true, "rents": true, "shortage": true}

// findMentions lists the target mentions of a unit.
func (s *Scorer) findMentions(ti *targetInfo) {
	n := len(ti.words)
	migrationWord := ti.ctxMigrant || ti.count[tMigrant] > 0 || ti.count[tSlur] > 0 || ti.count[tContext] > 0 || ti.count[tMigrationNoun] > 0
	used := make([]bool, n)
	for _, h := range ti.hits {
		m := mention{i: h.start, j: h.end}
		switch h.section {
		case tContext:
			// "the asylum hotel", "asylum centres" (round 149): where
			// migrants live, as "the refugee hotel"
			if h.end == h.start+1 && ti.words[h.start].w == "asylum" && h.end < n && placeNouns[ti.words[h.end].w] &&
				!used[h.start] && !used[h.end] {
				ti.mentions = append(ti.mentions, mention{kind: kMigrant, i: h.start, j: h.end + 1, place: true})
				used[h.start], used[h.end] = true, true
			}
			continue
		case tMigrant, tNationality, tMigrationNoun:
			// "the immigration system", "asylum hotels", "refugee policy":
			// an institution, not people
			if h.end < n && ti.has(h.end, tInstitution) {
				if placeNouns[ti.words[h.end].w] && h.section != tNationality && !used[h.start] && !used[h.end] {
					ti.mentions = append(ti.mentions, mention{kind: kMigrant, i: h.start, j: h.end + 1, place: true})
					for k := h.start; k <= h.end; k++ {
						used[k] = true
					}
				}
				continue
			}
			m.kind = kMigrant
			m.nationality = h.section == tNationality
		case tSlur:
			m.kind, m.slur = kMigrant, true
		case tOther:
			// "our women", "our girls": the speaker's own people, not a
			// group hostility is aimed at
			if h.start > 0 && (ti.words[h.start-1].w == "our" || ti.words[h.start-1].w == "my") {
				continue
			}
			// "male migrants", "women refugees": a modifier of a migrant
			// mention, which names the people the term is said of
			if h.end < n && (ti.has(h.end, tMigrant) || ti.has(h.end, tSlur)) {
				continue
			}
			m.kind = kOther
		case tReligion:
			// a religious group is a migrant target only where the text
			// talks about migration ("muslim migrants", "islamic
			// invaders"); alone it is another group
			m.kind = kOther
			if migrationWord {
				m.kind = kMigrant
			}
		case tPeopleNoun:
			// "single men from Albania", "families from the Congo": people
			// named by the country they come from (round 30)
			k := h.end
			if k < n && ti.words[k].w == "from" {
				k++
				if k < n && ti.words[k].w == "the" {
					k++
				}
			}
			if k == h.end || k >= n || !ti.has(k, tOriginCountry) {
				continue
			}
			m.kind, m.nationality = kMigrant, true
			for m.j = k + 1; m.j < n && ti.has(m.j, tOriginCountry) && ti.words[m.j].cl == ti.words[k].cl; m.j++ {
			}
		case tOriginAdj:
			// "syrian men", "illegal immigrants" (the second word is a
			// [migrant] term already), "african youths"; a capitalised
			// demonym used as a noun: "one more Pole", "the average Syrian"
			if h.end < n && ti.has(h.end, tPeopleNoun) {
				m.kind, m.j = kMigrant, h.end+1
			} else if h.end < n && (ti.has(h.end, tDerog) || ti.has(h.end, tDehum)) {
				// "foreign criminals", "illegal parasites": the origin names
				// the group the insult is aimed at
				m.kind, m.nationality = kMigrant, true
			} else if w := ti.words[h.start]; w.w == "illegal" && h.end == h.start+1 && h.start > 0 && ti.tagged &&
				illegalDet[ti.words[h.start-1].w] && (h.end == n || !strings.HasPrefix(ti.words[h.end].tag, "NN") &&
				!strings.HasPrefix(ti.words[h.end].tag, "JJ")) {
				// "hang every illegal from the nearest tree", "you are just
				// an illegal to me": the adjective used as a noun for a person
				m.kind = kMigrant
			} else if w.cap && h.end == h.start+1 && ti.tagged &&
				(strings.HasPrefix(w.tag, "NN") || h.end == n || !strings.HasPrefix(ti.words[h.end].tag, "NN")) {
				m.kind, m.nationality = kMigrant, true
			} else {
				continue
			}
		default:
			continue
		}
		overlap := false
		for i := m.i; i < m.j; i++ {
			if used[i] {
				overlap = true // "Syrian men": men is part of a migrant mention
			}
		}
		if overlap {
			continue
		}
		for i := m.i; i < m.j; i++ {
			used[i] = true
		}
		ti.mentions = append(ti.mentions, m)
		if m.kind == kMigrant {
			ti.migrant = true
		} else {
			ti.other = true
		}
	}
	// "why are we letting these parasites into our country?": in a text
	// about migration with no group named, an insulting plural noun after
	// a demonstrative names the group
	if !ti.migrant {
		for _, h := range ti.hits {
			last := h.end - 1
			if (migrationWord || admitted(ti, h.start-2, h.end)) && (h.section == tDehum || h.section == tDerog) && !used[h.start] && h.start > 0 &&
				(epithetDet[ti.words[h.start-1].w] || ti.words[h.start-1].tag == "CD") &&
				strings.HasSuffix(ti.words[last].w, "s") && (!ti.tagged || ti.words[last].tag == "NNS") {
				ti.mentions = append(ti.mentions, mention{kind: kMigrant, i: h.start, j: h.end, epithet: true})
				for k := h.start; k < h.end; k++ {
					used[k] = true
				}
				ti.migrant = true
			}
		}
	}
	// "go home or we will deport you", "you are not welcome here": with a
	// call for exclusion and no group named, the addressee is the target
	if !ti.migrant && !ti.other && ti.count[tExclusion] > 0 {
		for i, w := range ti.words {
			if (w.w == "you" || w.w == "your" || w.w == "ya" || w.w == "u") && !used[i] {
				ti.mentions = append(ti.mentions, mention{kind: kMigrant, i: i, j: i + 1, pronoun: true})
				used[i] = true
				ti.migrant = true
			}
		}
	}
	// "they are just here to take our jobs", "they're not British": with
	// no group named, a trope that says by itself who is meant makes the
	// text one about migrants for its pronouns (round 104)
	if !ti.migrant && !ti.other && ti.count[tTrope] > 0 {
		migrationWord = true
	}
	// pronouns refer to the group the unit names (migrants first), or to
	// migrants in a text about migration
	if ti.migrant || ti.other || migrationWord {
		kind := kOther
		// a named other group wins over a merely migration-related text
		// ("women should stay at home and keep their mouths shut")
		if ti.migrant || migrationWord && !ti.other {
			kind = kMigrant
		}
		for _, h := range ti.hits {
			if h.section == tPronoun && !used[h.start] {
				// "these"/"those" as determiners of a named group are
				// part of that mention, not a pronoun
				if h.end == h.start+1 && (ti.words[h.start].w == "these" || ti.words[h.start].w == "those") && h.end < n &&
					(used[h.end] || ti.words[h.end].w == "who" || ti.words[h.end].w == "that" || ti.words[h.end].w == "which") {
					continue // a determiner of a named group, or "those who ..."
				}
				ti.mentions = append(ti.mentions, mention{kind: kind, i: h.start, j: h.end, pronoun: true})
				if kind == kMigrant {
					ti.migrant = true
				} else {
					ti.other = true
				}
				for i := h.start; i < h.end; i++ {
					used[i] = true
				}
			}
		}
	}
}

// findLinks links each evaluative term to the target it is said of and
// sets its status.
func (s *Scorer) findLinks(ti *targetInfo) {
	n := len(ti.words)
	w := ti.wordAt
	// a term of one of these sections may itself be a target word (slur,
	// "invaders"): it is not linked to itself
	mentionAt := make([]int, n)
	for i := range mentionAt {
		mentionAt[i] = -1
	}
	for mi, m := range ti.mentions {
		for i := m.i; i < m.j; i++ {
			mentionAt[i] = mi
		}
	}
	// condemnation and frame cues, by word
	// (a label in a plain report condemns nothing, round 211)
	condemnAt := func(i int) bool { return ti.has(i, tCondemn) && !ti.reportLabel[i] }
	for _, h := range ti.hits {
		cat := h.section
		isHostile := isHostileCat(cat)
		if cat == tVPos {
			cat = tPositive
		}
		if !isHostile && cat != tPositive || ti.dropped(h) {
			continue
		}
		// the harm a blame names is said of migrants through the blame
		if (cat == tStereotype || cat == tVNeg) && inHarm(ti, h) {
			continue
		}
		if (cat == tThreat || cat == tStereotype) && ownedHarm(ti, h.start) {
			continue
		}
		// "refugees fleeing war and terror": what migrants flee is not said
		// of them (round 172)
		if isHostile && (fledHarm(ti, h) || sufferedHarm(ti, h)) {
			continue
		}
		if (cat == tDerog || cat == tStereotype || cat == tVNeg) && namedCategory(ti, h) {
			continue
		}
		// "good" inside "a good kicking", "nice" inside "a nice beating":
		// part of the hostile phrase, not praise
		if cat == tPositive && insideHostile(ti, h) {
			continue
		}
		// wanting and needing someone is praise only when denied ("nobody
		// wants them here"); "they need to go" is not praise
		wantWord := cat == tPositive && strings.HasPrefix(s.vocab.lemmaOf(ti.words[h.start].w), "want") ||
			strings.HasPrefix(s.vocab.lemmaOf(ti.words[h.start].w), "need")
		// a condemnation word is not hostility ("racist", "vile" said of
		// a remark): the derogatory sense counts only with a target
		l := hostLink{cat: h.section, i: h.start, j: h.end, ti: -1, strength: 1,
			affection: cat == tPositive && affectionVerbs[s.vocab.lemmaOf(ti.words[h.start].w)]}
		if cat == tSlur {
			l.kind, l.linked, l.ti = kMigrant, true, h.start
		} else {
			l.ti, l.kind = s.linkTarget(ti, h)
			l.linked = l.ti >= 0
			if mi := mentionAt[h.start]; !l.linked && mi >= 0 && ti.mentions[mi].epithet {
				l.ti, l.kind, l.linked = h.start, kMigrant, true // the epithet is said of those it names
			}
		}
		l.personal = l.linked && !ti.has(l.ti, tMigrationNoun)
		// a good the target receives or asks for ("they claim asylum
		// support", "refugees receive help from the council") is no praise
		// of them (round 170)
		if cat == tPositive && l.linked && receivedGood(ti, h, l.ti) {
			continue
		}
		// "stop the hate against migrants", "all this hatred towards
		// refugees": hate named as a thing is not the speaker's emotion
		if cat == tEmotion && strings.HasPrefix(ti.words[h.start].tag, "NN") && h.start > 0 && tDeterminers[w(h.start-1)] && namedHateNext[w(h.end)] {
			continue
		}
		// "Fucking hell, ...", "what the hell": an exclamation, not an
		// insult
		if w(h.start) == "hell" && (h.start == 0 || tIntensifiers[w(h.start-1)] || w(h.start-1) == "the" || w(h.start-1) == "oh" ||
			w(h.start-1) == "holy" || ti.has(h.start-1, tProfanity)) {
			continue
		}
		// "the virus spread quickly among refugees": a disease word said
		// of no one is literal
		if cat == tDehum && !l.linked && diseaseWords[w(h.start)] {
			continue
		}
		// "migration can benefit our towns", "took over the old shop": a
		// literal sense, not the stereotype's
		if cat == tStereotype && (literalStereotype(ti, h) || harmFell(ti, h.start)) {
			continue
		}
		// a harm wished on the target, said with a negative verb and no
		// object: "foreigners deserve to suffer", "they should all suffer"
		// is a normative threat
		// (round 36: "ought to", "need to", "be made to"; "suffer for
		// this"; the subject taken as the target when the verb's own link
		// found none: "refugees should suffer")
		if h.section == tVNeg && h.end == h.start+1 && strings.HasPrefix(ti.words[h.start].tag, "VB") &&
			(h.end == len(ti.words) || ti.words[h.end].cl != ti.words[h.start].cl || w(h.end) == "for") {
			if l.linked && l.ti < h.start {
				if mi := mentionAt[l.ti]; mi >= 0 && harmWish(ti, ti.mentions[mi].j, h.start) {
					l.cat = tThreat
				}
			} else if !l.linked {
				for _, m := range ti.mentions {
					if m.j <= h.start && ti.words[m.i].cl == ti.words[h.start].cl && harmWish(ti, m.j, h.start) {
						l.ti, l.kind, l.linked, l.cat = m.i, m.kind, true, tThreat
						l.personal = !ti.has(l.ti, tMigrationNoun)
					}
				}
			}
		}
		// a derogatory word of the lexicon is an insult unless it is one of
		// the weak ones ("problem", "burden", "worse")
		if cat == tDerog && weakDerog[ti.words[h.start].w] {
			l.strength = 0.3
		}
		for _, vt := range ti.vstrength {
			if vt.i == h.start && (h.section == tVNeg || h.section == tVPos) {
				l.strength = vt.v
			}
		}
		// the same word as both a target and a hostile term ("invaders"
		// is a slur; "criminals" alone is not a target)
		if !l.linked && mentionAt[h.start] >= 0 && cat != tPositive {
			m := ti.mentions[mentionAt[h.start]]
			if m.kind == kMigrant && m.slur {
				continue
			}
		}
		// "migrants hate our way of life" (round 218): hatred of us said
		// of the migrants is a stereotype of them
		if mi, ok := ti.feltBy[h.start]; ok && cat == tEmotion {
			l.ti, l.kind, l.linked, l.cat, l.personal = mi, kMigrant, true, tStereotype, true
			cat = tStereotype
		}
		// negation: a negator in the same clause before the term, after the
		// target when the target comes first ("refugees are not vermin"),
		// or right before it ("I don't hate", "never hurt")
		negAt := -1 // the negator that denies the term
		from := h.start - 3
		if l.ti >= 0 && l.ti < h.start && ti.words[l.ti].cl == ti.words[h.start].cl && l.ti+1 < from {
			from = l.ti + 1
		}
		// "I don't see any invasion", "you wouldn't see migrants as a
		// threat": a denied perception or judgement reaches further
		for k := h.start - 1; k >= 1 && k >= h.start-7 && ti.words[k].cl == ti.words[h.start].cl; k-- {
			if (perceptionVerbs[ti.words[k].w] || cat == tPositive && encounterVerbs[s.vocab.lemmaOf(ti.words[k].w)] && praisedTarget(ti, h, l.ti)) && ti.has(k-1, tNegation) {
				from = min(from, k-1)
			}
			// "I have never once met", "nobody has ever seen" (round 208):
			// auxiliaries and adverbs between the denial and the encounter
			if cat == tPositive && encounterVerbs[s.vocab.lemmaOf(ti.words[k].w)] && praisedTarget(ti, h, l.ti) {
				if d := deniedThrough(ti, k); d >= 0 {
					from = min(from, d)
				}
			}
			// "we can no longer afford to welcome them" (round 15)
			if continueVerbs[ti.words[k].w] && k >= 2 && ti.words[k-1].w == "longer" && ti.has(k-2, tNegation) {
				from = min(from, k-2)
			} else if continueVerbs[ti.words[k].w] && ti.has(k-1, tNegation) {
				from = min(from, k-1)
			}
		}
		for k := h.start - 1; k >= 0 && k >= from && ti.words[k].cl == ti.words[h.start].cl; k-- {
			if ti.has(k, tNegation) {
				// "not only", "no more" (an exclusion phrase) are not negations
				if w(k) == "no" && w(k+1) == "more" && !comparedAway(ti, h.end) {
					continue
				}
				// "Muslims not only contribute to the economy but ..."
				// (round 225)
				if w(k) == "not" && (w(k+1) == "only" || w(k+1) == "just" || w(k+1) == "merely") {
					continue
				}
				// "if migrants did not contribute, our economy would
				// collapse": praise denied in a counterfactual is affirmed
				// (round 225)
				if cat == tPositive && counterfactualNot(ti, k) {
					break
				}
				// "I wouldn't let a refugee anywhere near my daughter"
				// (round 230): a denied "let" tied to migrants is the
				// guard itself (guardedKin)
				if _, tied := ti.insinuatedBy[h.start]; tied && w(h.start) == "let" {
					break
				}
				// "why not deport them all?": a suggestion, not a denial
				if w(k) == "not" && w(k-1) == "why" {
					break
				}
				// "you can't walk through the park without getting mugged":
				// a denied "without" asserts what follows it
				if w(k) == "without" && negatedBefore(ti, k) {
					break
				}
				// "without skilled immigrants" (round 203): the absence of
				// people praised, not praise denied them
				if w(k) == "without" && cat == tPositive && l.ti >= h.end && l.ti <= h.end+1 {
					break
				}
				// "nothing makes my blood boil like ...", "nothing annoys me
				// more than ...": an emphatic comparison, not a denial
				if w(k) == "nothing" && emphaticAfter(ti, h.end) {
					break
				}
				// "no less honest than anyone else" (round 151): an equal
				// comparison asserts the term
				if (w(k) == "no" || w(k) == "not") && w(k+1) == "less" && thanAfter(ti, h.end) {
					break
				}
				// the negation must bear on the term: only copulas,
				// auxiliaries, adverbs and determiners between ("are not
				// vermin", "never any good", "don't hate"), not another
				// verb ("doesn't report hardworking migrants")
				// "I have never met an honest immigrant": a denied
				// encounter with the praised target denies the praise
				// (with auxiliaries and adverbs between: "nobody has ever
				// seen", round 208)
				v := k + 1
				for v < h.start && encounterFillers[ti.words[v].w] {
					v++
				}
				encounter := cat == tPositive && praisedTarget(ti, h, l.ti) && v < h.start && encounterVerbs[s.vocab.lemmaOf(ti.words[v].w)]
				// "immigrants will never share our values", "they don't
				// commit more crime" (round 143): with the target the
				// subject before the negation, a verb that carries its
				// object to the subject lets the negation reach the object
				carried := l.ti >= 0 && l.ti < k && carriedObject(ti, k+1, h.start)
				if !negationReaches(ti, k+1, h.start) && !(k+1 < h.start && perceptionVerbs[ti.words[k+1].w]) && !encounter && !carried {
					break
				}
				if universalChallenge(ti, l.ti, k) {
					break
				}
				// "Aren't immigrants just the worst?", "why wouldn't they be
				// welcome?": a negative question asserts what it asks
				if ti.question && rhetoricalNeg[w(k)] && (k == 0 || ti.words[k-1].cl != ti.words[k].cl ||
					w(k-1) == "why" && (k == 1 || ti.words[k-2].cl != ti.words[k-1].cl)) {
					break
				}
				// "I would never let a filthy migrant in", "I don't want
				// dirty foreigners here": the negation bears on the
				// admission, the insult of its object stands
				if l.ti > h.start && wordBetween(ti, k+1, h.start, admitVerbs) {
					break
				}
				l.status = stNeg
				negAt = k
				break
			}
		}
		// "Somalis contribute absolutely nothing", "refugees add zero"
		// (round 80): praise emptied of its object is denied
		if cat == tPositive && l.status != stNeg && emptiedObject(ti, h.end) {
			l.status = stNeg
		}
		// "Immigrants an asset? No chance.": a term in a verbless fragment
		// that the next sentence dismisses is denied (round 176); so is a
		// claim judged false ("Whoever said refugees were hardworking was
		// lying", round 177)
		if l.status == stOwn && (dismissedFragment(ti, h.start) || claimJudgedFalse(ti, h)) {
			l.status = stNeg
		}
		// a helping act judged wrong is no praise; its denial judged wrong
		// is (round 171)
		if cat == tPositive && judgedHelp(ti, &l) {
			if l.status != stNeg {
				continue
			}
			l.status = stOwn
		}
		// "the stabbings aren't happening because of migrant gangs", "this
		// problem doesn't exist because of asylum seekers": a denied cause
		if l.status != stNeg && deniedCause(ti, h.start, l.ti) {
			l.status = stNeg
		}
		// "a blessing rather than a curse", "instead of a burden"
		if l.status != stNeg && contrastedAway(ti, h.start) {
			l.status = stNeg
		}
		// "how can immigrants be a burden?", "why would you want to get rid
		// of foreigners?": a question that challenges the claim
		// "why wouldn't they be welcome?", "why should refugees be denied
		// help?": the question challenges the denial
		if ch := challenged(ti, h.start, cat == tExclusion || cat == tThreat); ch && l.status == stNeg && cat == tPositive {
			l.status = stOwn
		} else if ch && l.status != stNeg {
			l.status = stNeg
		}
		// "stop deporting asylum seekers", "halt deportations of Afghan
		// refugees" (round 68): an exclusion or a threat ended is opposed
		if (cat == tExclusion || cat == tThreat) && l.status != stNeg && endedAct(ti, h.start) {
			l.status = stNeg
		}
		// "stop pretending migrants are the problem", "acting like asylum
		// seekers are a threat" (round 77): a claim called a pretence is
		// denied
		if l.status != stNeg && l.linked && pretended(ti, h.start, l.ti) {
			l.status = stNeg
		}
		// "if immigrants were really stealing jobs, unemployment would
		// be rising" (round 152): a counterfactual denies its condition
		if l.status == stOwn && isHostileCat(cat) && counterfactualIf(ti, h.start) {
			l.status = stNeg
		}
		// "even if they were a burden, deporting them would be a crime"
		// (round 161): a concession is no claim
		if l.status == stOwn && isHostileCat(cat) && l.linked && concededAt(ti, h.start) {
			l.status = stNeg
		}
		// "do you have any proof that migrants are a burden?", "I doubt
		// that refugees are a threat" (round 159): a claim challenged by
		// the frame whose complement it is
		if l.status == stOwn && isHostileCat(cat) && l.linked && challengedClaim(ti, h.start, l.ti) {
			l.status = stNeg
		}
		// "I don't think the world would be a better place without
		// immigrants": a denied belief denies the claim it introduces
		if b := deniedBeliefAt(ti, h.start); b >= 0 && l.status != stNeg {
			l.status = stNeg
		} else if b >= 0 && cat == tPositive && negAt > b {
			// "doesn't mean migrants shouldn't be welcome": a denied denial
			l.status = stOwn
		}
		// "the only good immigrant is a deported one": praise denied to
		// all but the excluded
		if cat == tPositive && l.linked && l.ti > h.start && h.start >= 2 && w(h.start-1) == "only" && w(h.start-2) == "the" {
			l.status = stNeg
		}
		// "I used to think immigrants were lazy, but I was wrong": a
		// belief given up
		if l.status != stNeg && formerBelief(ti, h.start) {
			l.status = stNeg
		}
		// "some people say refugees should go back": a claim put in the
		// mouths of unnamed others, the way a rebuttal starts
		if l.status == stOwn && l.linked && othersSay(ti, min(l.i, l.ti)) {
			l.status = stRep
		}
		// "migrants are blamed for crimes they never committed", "refugees
		// get accused of stealing jobs" (round 146): a charge in a passive
		// of blaming is put in others' mouths
		// "wrongly blamed", "falsely accused" (round 147): named to be
		// condemned
		if l.status == stOwn && l.linked {
			if ok, unjust := passiveBlame(ti, h); ok {
				l.status = stRep
				if unjust {
					l.status = stCond
				}
			}
		}
		// "the council didn't help the refugees", "the landlord never
		// helped the migrant tenants" (round 52): help denied of a named
		// third party, told as what happened, is a reported event, not a
		// praise the text denies (people helped, not a policy supported:
		// "MLK did not support illegal immigration" argues a position)
		if l.status == stNeg && cat == tPositive && l.linked && l.personal && l.ti > h.start && negAt >= 0 && deniedByOther(ti, negAt, h.start) {
			l.status = stRep
		}
		// "some say refugees won't follow the rules" (round 50): praise
		// denied in the mouths of others is reported, not the text's own
		if l.status == stNeg && cat == tPositive && l.linked && othersSay(ti, min(l.i, l.ti)) {
			l.status = stRep
		}
		// "he hates immigrants", "my MP clearly despises refugees": a
		// feeling reported of someone else, not the text's own (round 15)
		if l.status == stOwn && l.linked && cat == tEmotion && l.ti >= h.end && feltByOther(ti, h.start) {
			l.status = stRep
		}
		// "people say immigrants are scum. They're not.": the next
		// sentence denies the claim
		if l.status != stNeg && l.linked && deniedAfter(ti, h.end) {
			l.status = stNeg
		}
		// "not a single immigrant has ever...", "no refugee is ...": a
		// negated subject negates what is said of it
		// (not the object of a denied encounter whose relative clause
		// denies again: "never met an asylum seeker who wasn't grateful
		// for the help", round 215)
		if l.ti >= 0 && l.ti < h.start && l.status != stNeg && !s.doublyDenied(ti, l.ti, h.start) {
			// "not that a single one of them has ..." : quantifiers between
			// the negation and the subject do not count toward the window
			reach := 3
			for k := l.ti - 1; k >= 0 && k >= l.ti-reach && ti.words[k].cl == ti.words[l.ti].cl; k-- {
				// (a negation that denies a label of its own does not:
				// "it is no myth that refugees are a burden", round 15)
				if wk := w(k); (wk == "no" || wk == "not" || wk == "none" || wk == "never" || wk == "nobody") && ti.has(k, tNegation) {
					l.status = stNeg
					break
				}
				switch w(k) {
				case "single", "one", "of", "that", "a":
					reach = min(reach+1, 6)
				}
			}
		}
		// "committed by locals, not foreigners", "drug dealers and not
		// migrants": the target is contrasted away from what is said
		if l.ti > h.start && l.status != stNeg && w(l.ti-1) == "not" &&
			(w(l.ti-2) == "and" || w(l.ti-2) == "but" || l.ti < 2 || ti.words[l.ti-2].cl != ti.words[l.ti-1].cl) {
			l.status = stNeg
		}
		// "less intelligent", "hardly welcome": a lessened positive
		if cat == tPositive && l.status != stNeg {
			for k := h.start - 1; k >= 0 && k >= h.start-2; k-- {
				// "no less honest than anyone" (round 151) is no lessening
				if (w(k) == "less" || w(k) == "least") && !((w(k-1) == "no" || w(k-1) == "not") && thanAfter(ti, h.end)) {
					l.status = stNeg
				}
			}
		}
		// "fed up with the bigotry towards foreigners", "disgusting
		// attacks on refugees": the term is said of what stands between it
		// and the target (a condemnation, a speech act, an incident)
		if l.ti > l.j && cat != tPositive {
			for k := l.j; k < l.ti; k++ {
				// the preposition of the term's own phrase ("disgusted by")
				if k == l.j && (w(k) == "by" || ti.has(l.i, tCondemn) && isPreposition(ti.words[k])) {
					continue
				}
				if ti.has(k, tCondemn) || ti.has(k, tMeta) || ti.has(k, tIncident) {
					l.status = stCond
					break
				}
			}
		}
		// "not all immigrants are criminals": a negated generalisation
		if l.ti > 0 && (w(l.ti-1) == "all" && (w(l.ti-2) == "not" || w(l.ti-2) == "n't")) {
			l.status = stNeg
		}
		// modality: should / must / will / let / hope / imperative
		for k := h.start - 1; k >= 0 && k >= h.start-5 && ti.words[k].cl == ti.words[h.start].cl; k-- {
			if tModals[w(k)] {
				// "foreign criminals will be deported at the end of their
				// sentence": a future passive said of a named group states
				// what is to happen; a call needs an obligation or a wish
				// ("should be deported") or a speaker ("we will deport
				// them", "you will be sent back")
				l.modal = !(cat == tExclusion && futureWords[w(k)] && l.linked && l.ti >= 0 && l.ti < k &&
					!youWords[w(l.ti)] && (w(k+1) == "be" || w(k+1) == "get"))
				break
			}
		}
		if h.start == 0 || ti.words[h.start-1].cl != ti.words[h.start].cl {
			l.modal = true // clause-initial verb: imperative ("Deport them all")
		}
		if w(h.start) == "out" && h.end == h.start+1 {
			l.modal = true // "Immigrants out!"
		}
		if cat == tExclusion && l.ti >= h.start && s.coordinatedCall(ti, h.start) {
			l.modal = true // "Close the borders and send the migrants back" (round 101)
		}
		if w(h.start-1) == "not" && w(h.start-2) == "why" {
			l.modal = true // "why not deport them all?": a suggestion
		}
		// a wish: "it would be great if the refugee hotel burned down"
		for k := h.start - 1; k >= 1 && k >= h.start-8 && ti.words[k].cl == ti.words[h.start].cl; k-- {
			if wishIf(ti, k) || wishSee(ti, k) {
				l.modal = true
			}
		}
		if cat == tExclusion && inherentCall[w(h.start)+" "+w(h.start+1)] {
			l.modal = true // "go home", "not welcome", "don't belong": calls by themselves
		}
		if cat == tExclusion && s.returnStated(ti, l, h.start) {
			continue // "Ukrainian refugees are starting to go back home": no call (round 105)
		}
		if cat == tExclusion && !l.modal && l.status == stOwn && !ti.question && !exclusionNouns[w(h.start)] && s.institutionActs(ti, h.start) {
			continue // "The Home Office deported 40 Albanian men": a removal reported, no call (round 106)
		}
		if cat == tExclusion && l.status == stOwn && !ti.question && passiveEvent(ti, h.start) {
			// "refugees have been forced out of their homes by the
			// floods" (round 132): a removal in the passive, said of its
			// migrant subject, is what befell them ("driven out" is a
			// call by itself, inherentCall, but not in "are being
			// driven out"; passiveEvent reads the modals)
			continue
		}
		if wantWord && l.status != stNeg {
			continue
		}
		// "refugees are denied help", "deprived of dignity": a praise word
		// withheld from the target is neither praise nor denied praise
		if cat == tPositive && h.start > 0 && deprivedWords[w(h.start-1)] {
			continue
		}
		// "the mayor refused to call refugees a burden" (round 52): a
		// naming or a judgement refused denies the term it names
		if l.status != stNeg && cat != tPositive {
			if r := refusedNaming(ti, h.start); r >= 0 {
				l.status, negAt = stNeg, r
			}
		}
		// "refugees have yet to receive any help", "they don't get enough
		// support" (round 35): praise received, denied, is withheld too
		if cat == tPositive && l.status == stNeg && negAt >= 0 && wordBetween(ti, negAt+1, h.start, receiveVerbs) {
			continue
		}
		// a hostile word said of something else than the migrants named
		// (round 33): "less than £40 a week", "the housing problem", "the
		// country benefits from", "make dangerous journeys"
		if otherReferent(ti, h, cat) {
			continue
		}
		// "to be honest", "good luck", "thank god": an idiom praises no one
		// (round 31; round 8's praise rule skipped them, the features did not)
		if cat == tPositive && idiomAt(ti, h.start) {
			continue
		}
		// "why would you want immigrants to be thrown out?": the want is of
		// the hostile act that follows, not of the target; "jobs that
		// locals don't want": the want has no object after it, what is
		// wanted came before
		if wantWord && (hostileAfter(ti, h.end) || !strings.HasPrefix(ti.words[h.start].tag, "VBN") &&
			(h.end == n || ti.words[h.end].cl != ti.words[h.start].cl)) {
			continue
		}
		// "they don't want to cause trouble": what the target wants or
		// needs to do, denied or not, is no praise of it
		if wantWord && l.ti >= 0 && l.ti < h.start && w(h.end) == "to" {
			continue
		}
		// "refugees don't want handouts" (round 91): what the target wants
		// is no praise of it either ("refugees are not wanted here" is)
		if wantWord && l.ti >= 0 && l.ti < h.start && !strings.HasPrefix(ti.words[h.start].tag, "VBN") && hostileHitEnd(ti, h.end) > h.end {
			continue
		}
		// "I hope no more refugees drown": "no more" quantifies those who
		// die, it calls for no exclusion
		if cat == tExclusion && w(h.start) == "no" && w(h.start+1) == "more" && h.end == h.start+2 && (comparedAway(ti, h.end+1) || predicateDegree(ti, h.end)) {
			continue // "no more criminal than anyone else": a comparison
		}
		if cat == tExclusion && w(h.start) == "no" && w(h.start+1) == "more" && l.ti >= 0 {
			for _, m := range ti.mentions {
				if m.i == l.ti && m.j < n && s.deathWord(w(m.j)) {
					l.linked, l.kind, l.ti = false, kNone, -1
				}
			}
		}
		// "return those found to have no right to stay", "anyone with no
		// right to be here" (round 58): a right of presence denied to a
		// subset the sentence picks out is a legal category, not a call
		if cat == tExclusion && w(h.start) == "no" && (w(h.start+1) == "right" || w(h.start+1) == "business") && subsetBefore(ti, h.start) {
			continue
		}
		if cat == tExclusion {
			l.noun = exclusionNouns[w(h.start)] && h.end == h.start+1
			for k := 0; k < n; k++ {
				if ti.words[k].cl == ti.words[h.start].cl && qualifiers[w(k)] {
					l.qualified = true
				}
			}
		}
		// "hate crime", "hate speech": not an emotion
		if cat == tEmotion && h.end < n && (w(h.end) == "crime" || w(h.end) == "crimes" || w(h.end) == "speech" || w(h.end) == "incident" || w(h.end) == "incidents" || w(h.end) == "mail" || w(h.end) == "preacher" || w(h.end) == "group" || w(h.end) == "groups") {
			continue
		}
		// "a smashing lad", "they're smashing people" (rounds 98, 99):
		// British praise after an article or before a people noun, no
		// threat ("smashing windows", "smashing their heads in" are)
		if cat == tThreat && w(h.start) == "smashing" && smashingPraise(ti, h.start) {
			continue
		}
		// "hanging around", "shot up" (grew), "beat the queue": a violent
		// verb with a harmless particle or object
		if cat == tThreat && h.end < n && (w(h.end) == "around" || w(h.end) == "about" || w(h.end) == "out" && w(h.start) != "knock" || w(h.end) == "the" && w(h.end+1) == "queue") {
			continue
		}
		// "I've never met an immigrant who wasn't lazy" (round 42): a
		// denied encounter with anyone of whom the insult is denied says
		// it of all of them (after every rule that negates: the denied
		// encounter also negates the subject); praise too ("... who
		// wasn't polite", round 215)
		if l.status == stNeg && negAt > 0 && s.deniedEncounterOf(ti, negAt) {
			l.status = stOwn
		}
		// "I don't know a single refugee who is lazy" (round 44): an
		// insult in the relative clause of a denied encounter is denied
		// (and round 80: "I have never met a refugee who works hard", praise
		// in it too)
		if l.status == stOwn && negAt < 0 && l.linked && s.deniedRelative(ti, h.start) {
			l.status = stNeg
		}
		ti.links = append(ti.links, l)
	}
	// frames: condemned, reported
	for li := range ti.links {
		l := &ti.links[li]
		// a stock line named in quotes: its praise is dismissed ("don't
		// give me that 'hard-working immigrants' line"), its hostility is
		// named to be rejected ("the 'refugees are rapists' myth must
		// die")
		if l.status == stOwn && (dismissedPhrase(ti, l.i) || l.linked && dismissedPhrase(ti, l.ti)) {
			l.status = stCond
			if l.cat == tPositive {
				l.status = stNeg
			}
		}
		if l.status == stNeg && l.cat == tPositive && corrected(ti, l) {
			// a denied praise named to be corrected: "don't tell me
			// migrants don't contribute"
			l.status = stCond
			continue
		}
		// a hostile claim put in the mouths of others and then corrected
		// is named to be corrected: "They say refugees are a burden.
		// That's a myth." (round 137)
		// so is a charge in a passive of blaming ("accused of being
		// killers without any proof", round 146)
		if l.status == stRep && l.cat != tPositive && l.linked && (othersSay(ti, min(l.i, l.ti)) ||
			passiveBlamed(ti, lexHit{start: l.i, end: l.j})) && (corrected(ti, l) || rebutted(ti, l)) {
			l.status = stCond
			continue
		}
		if l.status != stOwn {
			continue
		}
		if s.condemned(ti, l, condemnAt) || judgedAct(ti, l) || evaluatedAct(ti, l) || judgedQuote(ti, l) || judgedNaming(ti, l) || wearyOfNaming(ti, l) || endedSpeech(ti, l) {
			l.status = stCond
		} else if reportedMessage(ti, l) {
			l.status, l.message = stRep, true
		} else if s.reportedIncident(ti, l) || treatedAs(ti, l) {
			l.status = stRep
		}
	}
	// a noun of hostility told to stop ("the hostility directed at
	// refugees must stop", round 166) is condemned
	ti.stopped[0], ti.stopped[1] = stoppedHostility(ti)
	if a := ti.stopped[0]; a >= 0 {
		for li := range ti.links {
			if l := &ti.links[li]; l.i == a && isHostileCat(l.cat) {
				l.status = stCond
			}
		}
	}
	// an attack on migrants whose doer is condemned (round 168): the act
	// and the punishment called for are said of the attackers
	act, a, e := condemnedAttack(ti)
	ti.condemned = [2]int{a, e}
	if act >= 0 {
		for li := range ti.links {
			if l := &ti.links[li]; isHostileCat(l.cat) && (l.i == act || l.i >= a && l.i < e) {
				l.status = stCond
			}
		}
	}
	// the word that judges an act ("Deporting them would be a crime",
	// "is not a good idea") is said of the act, not of its target (round
	// 160)
	for li := range ti.links {
		x := &ti.links[li]
		if x.status != stCond {
			continue
		}
		if k := actJudgement(ti, x); k >= 0 {
			for lj := range ti.links {
				// with its adjective: "a good idea"
				if y := &ti.links[lj]; lj != li && (y.i <= k && k < y.j || y.i == k-1 && ti.words[y.i].w == "good") {
					y.linked = false
				}
			}
		}
	}
}

// linkTarget finds the mention a term at h is said of: in the same clause
// (or the next or previous one, within six words), in the position its
// category takes. It returns the mention's first word and kind, or -1.
func (s *Scorer) linkTarget(ti *targetInfo, h lexHit) (int, int) {
	cl := ti.words[h.start].cl
	best, bestD, bestK, bestSame := -1, 1<<30, kNone, false
	if i := addressee(ti, h); i >= 0 {
		return i, kMigrant
	}
	if i := trailingVocative(ti, h); i >= 0 {
		return i, kMigrant
	}
	if i, ok := ti.insinuatedBy[h.start]; ok {
		return i, kMigrant
	}
	if i := amongTarget(ti, h); i >= 0 {
		return i, kMigrant
	}
	if (h.section == tPositive || h.section == tVPos || h.section == tDerog || h.section == tVNeg) && ti.tagged && epithetPhrase(ti, h) {
		if i := epithetTarget(ti, h); i >= 0 {
			return i, kMigrant
		}
	}
	for _, m := range ti.mentions {
		if m.i <= h.start && h.start < m.j {
			continue // the term is inside the mention ("illegal immigrants")
		}
		if h.section == tPositive && m.i >= h.start && m.i < h.end {
			continue // "pull their weight": the idiom's possessive is its doer's, named before it (round 80)
		}
		if h.section == tPositive && m.i == h.end && m.pronoun && ti.wordAt(h.end-1) == "air" {
			continue // "worth the air they breathe": the idiom's own pronoun (round 215)
		}
		if m.place && h.section != tThreat {
			continue // a place is the target of threats only
		}
		var d int
		before := m.j <= h.start // the target comes first
		if before {
			d = h.start - m.j
		} else {
			d = m.i - h.end
		}
		mc := ti.words[m.i].cl
		sameClause := mc == cl
		// across clauses only nearby and without a connective ("Typical
		// refugees: rude, greedy and lazy"; not "refugees came, but the
		// locals were rude")
		// a hashtag after the text is a slogan about what the text is
		// about ("Illegal alien arrested for drunk driving again.
		// #StopTheInvasion"): it reaches an earlier target at any distance
		slogan := before && ti.words[h.start].hash && !ti.words[m.i].hash ||
			ti.insinuate != nil && ti.insinuate[h.start]
		if !sameClause && !slogan && !(d <= 6 && absInt(mc-cl) <= 3 && !connectiveBetween(ti, min(m.j, h.end), max(m.i, h.start))) {
			continue
		}
		if !s.linkOrderOK(ti, h, m, before) {
			continue
		}
		// a mention that modifies another noun names no people a
		// predicate can be said of ("the refugee charity's director said
		// ... were dangerous"); adjacent terms still attach ("asylum
		// scum", "migrant vermin")
		if d > 2 && compoundModifier(ti, m) {
			continue
		}
		// a mention of the term's own clause before one of another clause
		// ("Refugees don't want handouts, they want to work": the
		// handouts are the refugees', not the next clause's "they"; round
		// 91), then the nearest
		if sameClause && !bestSame || sameClause == bestSame && d < bestD {
			best, bestD, bestK, bestSame = m.i, d, m.kind, sameClause
		}
	}
	return best, bestK
}

// memberNouns name one person of a group ("a decent human being", "one
// kind soul").
var memberNouns = map[string]bool{"person": true, "human": true, "being": true, "soul": true, "souls": true, "man": true,
	"woman": true, "one": true, "individual": true}

// amongTarget returns the migrant mention after "among" that a term said
// of one person names as the group the person belongs to ("a decent human
// being among the refugees", "a single honest man amongst them"; round
// 215), or -1: at most two words of the person between them.
func amongTarget(ti *targetInfo, h lexHit) int {
	switch h.section {
	case tPositive, tVPos, tDerog, tDehum, tVNeg:
	default:
		return -1
	}
	w := ti.wordAt
	k := h.end
	for j := 0; j < 2 && (ti.has(k, tOther) || memberNouns[w(k)]); j++ {
		k++
	}
	if w(k) != "among" && w(k) != "amongst" {
		return -1
	}
	for k++; tDeterminers[w(k)]; k++ {
	}
	if k >= len(ti.words) || ti.words[k].cl != ti.words[h.start].cl {
		return -1
	}
	return firstMigrantMention(ti, k, k+1)
}

// claimSubject reports a target m that is the subject of a that-clause
// after a finite or infinitive verb of saying ("I say that migrants are
// parasites", "to say that ..."), with the term at b in the clause's own
// predicate: no second verb between them ("... criminals is a lie"). A
// gerund ("Claiming that ... shows how ignorant you are") or a noun ("the
// claim that ...") is judged by what follows, which no link reads.
func claimSubject(ti *targetInfo, m mention, b int) bool {
	g := m.i - 2
	if m.i >= 1 && ti.words[m.i-1].w != "that" && ti.has(m.i-1, tMeta) {
		g = m.i - 1 // "Saying migrants are thieves is honest" (round 197)
	}
	if g < 0 || g == m.i-2 && ti.words[m.i-1].w != "that" || !ti.has(g, tMeta) {
		return false
	}
	v := ti.words[g]
	// a gerund when what follows the claim affirms it (round 196: "Saying
	// that immigrants are thieves is not xenophobic, it is a fact")
	affirmed := affirmedClaimAt(ti, g)
	gerund := v.tag == "VBG" && affirmed
	// a noun of a claim the clause affirms (round 197: "The claim that
	// asylum seekers are dangerous is a fact")
	noun := strings.HasPrefix(v.tag, "NN") && affirmed
	if ti.tagged && (!strings.HasPrefix(v.tag, "VB") && !noun || v.tag == "VBG" && !gerund) || !ti.tagged && !sayThinkVerbs[v.w] {
		return false
	}
	if g == m.i-1 && !gerund {
		return false
	}
	return len(verbGroupStarts(ti, m.j, b)) <= 1
}

// verbGroupStarts returns the first words of the verb groups in words [a,
// b): a copula, verb or modal after a word that is none of these, an adverb
// or "not" ("will never be" is one group).
func verbGroupStarts(ti *targetInfo, a, b int) []int {
	var starts []int
	in := false
	for k := a; k < b; k++ {
		w, t := ti.words[k].w, ti.words[k].tag
		switch {
		// (the tagger reads "cannot" as a noun, round 202)
		case tCopulas[w] || negatingCopulas[w] || strings.HasPrefix(t, "VB") || t == "MD" || w == "cannot":
			if !in {
				starts = append(starts, k)
			}
			in = true
		case strings.HasPrefix(t, "RB") || w == "not":
		default:
			in = false
		}
	}
	return starts
}

// claimVerbAt returns, for a claim opening its clause at g, the first word
// of the verb group that follows the claim (the clause's own verb), or -1:
// a gerund of saying with a that-clause ("Saying that X are Y is ...",
// "Pointing out that ..."; round 196) or a noun of a claim with one after
// determiners only ("The claim that X are Y is ...", round 197).
func claimVerbAt(ti *targetInfo, g int) int {
	w := ti.wordAt
	opens := g == 0 || ti.words[g-1].cl != ti.words[g].cl
	if !strings.HasSuffix(w(g), "ing") || ti.tagged && ti.words[g].tag != "VBG" {
		// a noun: only determiners before it in its clause
		for k := g - 1; k >= 0 && ti.words[k].cl == ti.words[g].cl; k-- {
			if !claimDeterminers[w(k)] {
				return -1
			}
		}
		opens = true
		if !ti.has(g, tMeta) || ti.tagged && !strings.HasPrefix(ti.words[g].tag, "NN") {
			return -1
		}
	}
	t := g + 1
	if w(t) == "out" {
		t++
	}
	// a gerund of saying may leave out "that" ("Saying migrants are
	// vermin is hate speech"); a noun may not
	switch {
	case !opens:
		return -1
	case w(t) != "that" && (g == t-1 && ti.has(g, tMeta) && strings.HasSuffix(w(g), "ing")):
		t--
	case w(t) != "that":
		return -1
	}
	// the claim's own verb group, then the clause's
	e := t + 1
	for e < len(ti.words) && ti.words[e].sent == ti.words[g].sent {
		e++
	}
	groups := verbGroupStarts(ti, t+1, e)
	if len(groups) < 2 {
		return -1
	}
	return groups[1]
}

// claimDeterminers may stand before a noun of a claim that opens its
// clause ("the claim that", "this tired old idea that").
var claimDeterminers = map[string]bool{"the": true, "this": true, "that": true, "their": true, "his": true,
	"her": true, "your": true, "any": true, "whole": true, "old": true, "tired": true}

// affirmedClaimAt reports a claim opening its clause at g (claimVerbAt)
// that the rest of the clause affirms: the copula after the claim, then
// within four words a denied condemnation label ("is not racist") or an
// affirming word ("is a fact", "is fine", "is just common sense"), not
// itself denied ("is not true") (rounds 196 and 197).
func affirmedClaimAt(ti *targetInfo, g int) bool {
	return affirmedClaimWord(ti, g) >= 0
}

// affirmedClaimWord returns the affirming word after the claim at g, or -1.
func affirmedClaimWord(ti *targetInfo, g int) int {
	c := claimVerbAt(ti, g)
	if c < 0 || !tCopulas[ti.words[c].w] && !negatingCopulas[ti.words[c].w] {
		return -1
	}
	return affirmingPredicate(ti, c)
}

// affirmedClaims takes the correction sense from a word that affirms a
// claim ("The claim that asylum seekers are dangerous is a fact", "Saying
// that ... is the truth"): it corrects nothing (round 197).
func affirmedClaims(ti *targetInfo) {
	for g := range ti.words {
		if k := affirmedClaimWord(ti, g); k >= 0 {
			ti.dropSection(tCorrection, k-1, k+1)
		}
	}
}

// falsifiedClaims reads a word of falsity after a claim ("The idea that
// refugees are lazy is nonsense", "The claim that they are criminals is
// rubbish") as the text's correction of the claim (round 202): it gains
// the correction sense and loses any sense of a word said of people.
func falsifiedClaims(ti *targetInfo) {
	for g := range ti.words {
		c := claimVerbAt(ti, g)
		if c < 0 || !tCopulas[ti.words[c].w] {
			continue
		}
		k := falsityPredicate(ti, c)
		if k < 0 || !hostileClaim(ti, g, c) {
			continue // "The idea that immigrants are an asset is laughable" is no correction
		}
		for _, sec := range []int{tDehum, tDerog, tProfanity} {
			ti.dropSection(sec, k, k+1)
		}
		if !ti.has(k, tCorrection) {
			ti.addHit(tCorrection, k, k+1)
		}
	}
}

// hostileClaim reports a hostile word in the claim between g and c, or a
// praising one denied ("that Muslims cannot integrate").
func hostileClaim(ti *targetInfo, g, c int) bool {
	denied, praised := false, false
	for k := g + 1; k < c; k++ {
		if ti.hasAny(k, hostileMask) {
			return true
		}
		denied = denied || ti.has(k, tNegation) // ("cannot" is in [negation])
		praised = praised || ti.has(k, tPositive)
	}
	return denied && praised
}

// falsityPredicate returns the word of falsity (falsityWords) that the
// copula at c gives the claim, not denied, within four words of its
// clause, or -1.
func falsityPredicate(ti *targetInfo, c int) int {
	for k := c + 1; k < len(ti.words) && k <= c+4 && ti.words[k].cl == ti.words[c].cl; k++ {
		switch w := ti.words[k].w; {
		case w == "not" || w == "n't" || w == "never" || w == "no":
			return -1
		case falsityWords[w]:
			return k
		}
	}
	return -1
}

// affirmingPredicate reports what follows the copula at c affirming a
// claim: a denied condemnation label or an affirming word, not denied.
func affirmingPredicate(ti *targetInfo, c int) int {
	w := ti.wordAt
	denied := negatingCopulas[w(c)]
	for k := c + 1; k < len(ti.words) && k <= c+4 && ti.words[k].cl == ti.words[c].cl; k++ {
		switch w(k) {
		case "not", "n't", "never", "no":
			denied = true
		case "just", "only", "merely":
			if denied && (w(k-1) == "not" || w(k-1) == "n't") {
				return -1 // "is not just racist, it is dangerous"
			}
		case "fact", "truth", "true", "reality", "fine", "honest", "realistic", "right", "correct", "accurate":
			return affirmedIf(k, !denied)
		case "sense":
			return affirmedIf(k, w(k-1) == "common" && !denied)
		}
		// a denied word of falsity affirms ("is not nonsense", round 202)
		if falsityWords[w(k)] && denied {
			return k
		}
		// a praising word affirms ("is brave", round 197)
		if ti.has(k, tPositive) {
			return affirmedIf(k, !denied)
		}
		// (round 15's dropDeniedLabels has already taken the section of
		// a denied label)
		if deniableLabels[w(k)] {
			return affirmedIf(k, denied)
		}
	}
	return -1
}

// affirmedIf returns k if ok, else -1.
func affirmedIf(k int, ok bool) int {
	if ok {
		return k
	}
	return -1
}

// linkOrderOK says whether a term of h's category can be said of a target
// in that position.
func (s *Scorer) linkOrderOK(ti *targetInfo, h lexHit, m mention, targetFirst bool) bool {
	word := ti.words[h.start].w
	tag := ti.words[h.start].tag
	verbish := strings.HasPrefix(tag, "VB")
	sec := h.section
	vader := sec == tVNeg || sec == tVPos
	if vader {
		sec = tDerog
		if verbish {
			sec = tEmotion
		}
		if h.section == tVPos {
			sec = tPositive
		}
	}
	var a, b int // the words between term and target
	if targetFirst {
		a, b = m.j, h.start
	} else {
		a, b = h.end, m.i
	}
	if sec == tPositive && !targetFirst && m.i == h.end && reflexives[ti.wordAt(m.i)] {
		return false // "enrich themselves", "help themselves": no praise (round 225)
	}
	switch sec {
	case tDehum, tDerog, tPositive:
		if targetFirst {
			// the target is the subject: "X are vermin", "X act like
			// animals", "X, these parasites", "migrant scum"
			if sec == tPositive && desireVerbs[word] && !tCopulaBetween(ti, a, b) {
				// "refugees want jobs", "they don't want charity" (round
				// 151): what the target wants or needs praises no one
				return false
			}
			if sec == tPositive && strings.HasPrefix(word, "deserve") && b-a <= 1 {
				// "refugees deserve to live here", "no immigrant deserves to
				// live" (a negated subject denies it)
				return true
			}
			if sec == tPositive && h.section == tPositive && (causedBenefit(ti, a) == h.start || causedBenefit(ti, a+1) == h.start) {
				// "immigrants make this city a better place" (blameHits)
				return true
			}
			if sec == tPositive && h.section == tPositive && givingVerbs[word] && (broughtGood(ti, a) == h.start || broughtGood(ti, a+1) == h.start) {
				// "refugees bring skills, energy and hope" (round 148)
				return true
			}
			if sec == tPositive && h.section == tPositive && doerPraise(ti, h) && ti.wordAt(m.i-1) != "than" {
				// (not compared away: "they cost more than they
				// contribute"; round 225)
				// "refugees give back", "not one of them has lifted a
				// finger" (round 80), "refugees helped us fill sandbags"
				// (rounds 81, 82): effort and help praise the doer, a
				// migrant one ("the landlord never helped the migrant
				// tenants" praises no landlord, rounds 84, 85)
				if m.kind != kMigrant {
					return false
				}
				// (round 100: across the subject's head nouns and a place
				// phrase after it, "the refugee family next door brought
				// us", "the Kurdish lads from the hostel helped us")
				if auxiliariesOnly(ti, afterPlace(ti, afterNouns(ti, a, b), b), b) {
					return true
				}
			}
			if sec == tPositive && verbish && !strings.HasPrefix(tag, "VBN") {
				// "refugees support the team": the target acts
				return tCopulaBetween(ti, a, b) && !victimBetween(ti, a, b)
			}
			if victimBetween(ti, a, b) {
				return false // "migrants are victims of ...", "face problems"
			}
			// a predicate after a quote judges the quote, not a target
			// inside it: "'Send them all back' is a disgusting thing to
			// shout" (a group word alone in quotes still takes it)
			if ti.words[m.i].q && !ti.words[h.start].q && (m.i > 0 && ti.words[m.i-1].q || ti.wordAt(m.j) != "" && ti.words[m.j].q) {
				return false
			}
			// "the abuse hurled at asylum seekers is a disgrace": the target
			// is the object of a preposition after an incident or a speech
			// act, whose head the predicate is said of
			// a complementizer "that" after a verb of saying opens the
			// claim whose subject the target is ("I say that migrants are
			// parasites", "it is racist to say that ...", round 189): no
			// preposition, for the claim's own predicate
			if m.i > 0 && isPreposition(ti.words[m.i-1]) && !claimSubject(ti, m, b) {
				for k := m.i - 2; k >= 0 && k >= m.i-5; k-- {
					if ti.has(k, tIncident) || ti.has(k, tMeta) || ti.has(k, tCondemn) {
						return false
					}
				}
			}
			// "describing migrants as 'a flood' was dangerous": the
			// predicate judges the speech act, not the target
			// ("calling migrants vermin" links vermin to migrants: it is
			// what they were called; the quote or phrase is then condemned)
			// (not a claim the clause affirms, round 196: claimSubject)
			if tCopulaBetween(ti, a, b) && !ti.words[h.start].q && !claimSubject(ti, m, b) {
				for k := m.i - 1; k >= 0 && k >= m.i-4; k-- {
					if ti.has(k, tMeta) && callingVerb(ti.words[k].w) {
						return false
					}
				}
			}
			if tCopulaBetween(ti, a, b) || b-a <= 2 && npInternal(ti, a, b, false) {
				return true
			}
			// a verb that says what they bring or do: "migrants bring
			// filth", "refugees turned the town into a dump"; not an
			// adjective of a proper name after the verb ("have no place
			// in civilised Europe")
			if strings.HasPrefix(tag, "JJ") || strings.HasPrefix(tag, "VBN") {
				if h.end < len(ti.words) && strings.HasPrefix(ti.words[h.end].tag, "NNP") {
					return false
				}
			}
			// a praise phrase said of the subject across a place it is in
			// ("not one of the migrants in that hotel has ever done an
			// honest day's work", round 14)
			reach := 5
			if sec == tPositive && h.end-h.start >= 3 {
				reach = 8
			}
			return !vader && b-a <= reach && verbBetween(ti, a, b)
		}
		// an idiom of effort or care praises its doer only: "caring for
		// immigrant minors" praises no minor (round 82)
		if sec == tPositive && h.section == tPositive && h.end-h.start >= 2 && doerPraise(ti, h) {
			return false
		}
		// an attitude toward the target: "grateful for the Haitian
		// families", "proud of our refugees", "glad to have them"
		if sec == tPositive && attitudeWords[word] {
			k := a
			switch {
			case k < b && (ti.words[k].w == "for" || ti.words[k].w == "of"):
				k++
			case k+1 < b && ti.words[k].w == "to" && (ti.words[k+1].w == "have" || ti.words[k+1].w == "welcome"):
				k += 2
			}
			if k > a && npInternal(ti, k, b, true) {
				return true
			}
		}
		// a greeting: "Welcome to our town, refugees!"
		if sec == tPositive && (h.start == 0 || ti.words[h.start-1].cl != ti.words[h.start].cl) && b-a <= 6 && !connectiveBetween(ti, a, b) {
			return true
		}
		// the term before the target: an attribute ("filthy migrants",
		// "these parasitic illegal migrants"), the object of a positive
		// verb ("we welcome refugees"), "a flood of migrants", "vermin
		// like migrants"
		if npInternal(ti, a, b, sec == tDehum) {
			return true
		}
		if !vader && b-a <= 3 && (hasWord(ti, a, b, "like") || hasWord(ti, a, b, "such")) {
			return true
		}
		// "nothing decent about illegals", "something shifty about them":
		// a quality said to be absent from or present in the target
		if ti.words[a].w == "about" && (b-a == 1 || b-a == 2 && tDeterminers[ti.words[a+1].w]) && h.start > 0 && (ti.words[h.start-1].w == "nothing" || ti.words[h.start-1].w == "something") {
			return true
		}
		// blame: "a dangerous world because of migrants"
		if b-a <= 6 && b >= 2 && ti.words[b-1].w == "of" && ti.words[b-2].w == "because" && !connectiveBetween(ti, a, b-2) {
			return true
		}
		return false
	case tThreat, tEmotion, tExclusion:
		if h.section == tThreat && ti.cue != nil && ti.cue[h.start] {
			return cueLink(ti, m, targetFirst, h)
		}
		if targetFirst && deserveFrame(ti, a, b) {
			// "those foreigners deserve to suffer", "they deserve to be shot"
			return true
		}
		if targetFirst && sec == tThreat && b == a && m.i > 0 && wishSeeVerbs[ti.words[m.i-1].w] && strings.HasSuffix(word, "en") {
			// "I want to see asylum seekers beaten", "watch them beaten"
			// (round 59): the harm wished on the target seen
			return true
		}
		if targetFirst && sec == tThreat && b-a == 1 && (ti.words[a].w == "need" || ti.words[a].w == "needs") &&
			(word == "a" || word == "an") {
			// "those refugees need a good beating": what they need is the
			// harm itself
			return true
		}
		if targetFirst && (b == a || npInternal(ti, a, b, false)) && sec == tThreat && givenTo(ti, m.i) {
			// the target as the recipient: "give those immigrants a
			// proper hiding"
			return true
		}
		if !targetFirst {
			// the target is the object: "kill all immigrants", "I hate
			// refugees", "deport every one of them"
			// "shooting at illegals", "throw stones at them"
			// "disgusted by all these refugees", "fed up with them"
			if sec == tEmotion && a < b && (ti.words[a].w == "by" || ti.words[a].w == "with" || ti.words[a].w == "at") && npInternal(ti, a+1, b, false) {
				return true
			}
			// a feeling named by a noun, then whom it is for: "contempt
			// for asylum seekers", "my hatred towards migrants" (round
			// 136)
			if sec == tEmotion && a < b && strings.HasPrefix(tag, "NN") && hatredObjects[ti.words[a].w] && npInternal(ti, a+1, b, false) {
				return true
			}
			// a threat's object across a particle, "to" after "set fire",
			// "at" after a thrown thing, or the windows or doors of a
			// place ("burn down the asylum hotel", "set fire to the
			// refugee centre", "smash the windows of that hotel"; round
			// 156)
			// (not a verb in the past: "extremists burned down his
			// clinic" tells an event)
			if sec == tThreat && tag != "VBD" && tag != "VBN" {
				if o := threatObjectStart(ti, h, a); o > a && o <= b && (o == b || npInternal(ti, o, b, true)) {
					return true
				}
			}
			return npInternal(ti, a, b, true) || b-a <= 1 && hasWord(ti, a, b, "to") ||
				sec == tThreat && b-a == 1 && ti.words[a].w == "at"
		}
		// what the target itself hopes or is able to do is no call:
		// "Syrian refugees hope to go home", "900,000 refugees will be able
		// to go home"
		if sec == tExclusion && h.start >= 2 && ti.words[h.start-1].w == "to" && ownIntent[ti.words[h.start-2].w] {
			return false
		}
		// another noun right before an intransitive exclusion is its
		// subject: "refugees welcome, tourists go home"
		if sec == tExclusion && b > a && strings.HasPrefix(ti.words[b-1].tag, "NNS") && !ti.words[b-1].hash && !ti.isMention(b-1) {
			return false
		}
		// the target before: passive or modal ("migrants should be shot",
		// "they need to be deported"), or an intransitive exclusion
		// ("immigrants go home", "refugees not welcome", "they should die")
		if victimBetween(ti, a, b) || hasWord(ti, a, b, "by") {
			return false
		}
		// the target as the object of a preposition is not the subject
		// the verb falls on: "without immigrants the crops would rot"
		if prepositionObject(ti, m.i) {
			return false
		}
		// a subject pronoun right before the exclusion (across
		// auxiliaries, modals, adverbs, negations) is its own subject:
		// "our Afghan neighbours look after our cat whenever we go away",
		// "I should go home" (rounds 157 and 158; not "we want you to get
		// out")
		if sec == tExclusion && ownSubjectBefore(ti, a, h.start) {
			return false
		}
		if passiveBetween(ti, a, b) && !strings.HasPrefix(tag, "VBG") {
			// "they are hated in their new home" reports what they
			// suffer; "they should be hated" calls for it
			if sec == tEmotion && !wordBetween(ti, a, b, tModals) {
				return false
			}
			return true
		}
		if s.deathWord(word) {
			// "they should die", "let them drown", "I hope every migrant
			// boat sinks", "great if the refugee hotel burned down"; not
			// "my dad died"
			// a wish or a demand, not a prediction or a fear: "could
			// drown", "will die" are said of victims
			for k := a; k < b; k++ {
				if wishModals[ti.words[k].w] {
					return true
				}
			}
			for k := m.i - 1; k >= 0 && k >= m.i-8; k-- {
				if wishModals[ti.words[k].w] || wishIf(ti, k) || wishSee(ti, k) {
					return true
				}
			}
			return false
		}
		// the lemma of a finite verb only ("sinks", "burned"), not an
		// adjective ("disgusting" is not "disgust")
		finite := verbish && !strings.HasPrefix(tag, "VBG")
		return tSubjectExclusion[word] || finite && tSubjectExclusion[s.vocab.lemmaOf(word)] || sec == tExclusion && !verbish
	case tStereotype:
		// "migrants bring crime", "crime by migrants", "migrant crime";
		// not the target as victim ("crimes against migrants", "migrants
		// suffer violence")
		if victimBetween(ti, a, b) {
			return false
		}
		if !targetFirst {
			// a phrase that ends in its preposition ("a strain on") puts
			// the target after it in the victim's place: "a strain on the
			// migrants who work double shifts"
			// (not the blame of "due to", "owing to", "thanks to" people,
			// round 192; "due to migration" blames a policy)
			blame := h.end >= 2 && ti.words[h.end-1].w == "to" && blameTo[ti.words[h.end-2].w] && !ti.has(m.i, tMigrationNoun)
			for _, p := range []string{"against", "on", "towards", "toward", "for", "to", "facing"} {
				if hasWord(ti, a, b, p) || ti.words[h.end-1].w == p && !blame {
					return false
				}
			}
		}
		return true
	case tProfanity:
		if ti.words[h.start].cl != ti.words[m.i].cl || interjection(ti, h) {
			return false
		}
		return b-a <= 3 && !hasTag(ti, a, b, "IN")
	}
	return false
}

// blameTo: the words before "to" in a blame phrase (blameHits).
var blameTo = map[string]bool{"due": true, "owing": true, "thanks": true}

// assertivePhrases: the [correction] phrases that, before a claim, assert
// it as much as they correct it ("the truth is, they are scum"); after a
// claim they correct it ("... there are actually enough homes").
var assertivePhrases = map[string]bool{"the truth is": true, "the truth": true, "in fact": true, "actually": true,
	"the reality is": true, "in reality": true, "facts": true, "fact": true}

// placeNouns: the [institution] nouns that name where migrants live.
var placeNouns = map[string]bool{"hotel": true, "hotels": true, "centre": true, "centres": true, "center": true,
	"centers": true}

// admitted reports an admission verb at word v whose object ends before
// word e and is let into the country: "letting these parasites in?",
// "importing these savages", "allowed those animals into our country".
func admitted(ti *targetInfo, v, e int) bool {
	if v < 0 {
		return false
	}
	switch ti.words[v].w {
	case "import", "imports", "importing", "imported":
		return true
	case "let", "lets", "letting", "allow", "allows", "allowing", "allowed", "bring", "brings", "bringing",
		"brought", "ship", "ships", "shipping", "shipped":
	default:
		return false
	}
	n := len(ti.words)
	if e >= n {
		return false
	}
	switch ti.words[e].w {
	case "in":
		return e+1 == n || ti.words[e+1].cl != ti.words[e].cl || ti.words[e+1].w == "here" || ti.words[e+1].w == "from"
	case "into":
		for k := e + 1; k < n && k <= e+3; k++ {
			switch ti.words[k].w {
			case "country", "britain", "europe", "america", "nation", "town", "city", "uk", "us":
				return true
			}
		}
	}
	return false
}

// epithetDet: the words before an insulting noun that name a group by it.
var epithetDet = map[string]bool{"these": true, "those": true, "more": true, "of": true, "the": true, "other": true}

// illegalDet: determiners before "illegal" used as a noun.
var illegalDet = map[string]bool{"an": true, "any": true, "every": true, "each": true, "this": true, "that": true,
	"one": true, "another": true, "last": true, "single": true, "next": true}

// quantifierWords: the words of the [correction] phrases that quantify a
// group ("most of them", "the vast majority").
var quantifierWords = map[string]bool{"most": true, "of": true, "them": true, "the": true, "vast": true,
	"majority": true}

// attitudeWords: positive adjectives of an attitude toward someone, said
// with for, of or "to have" before the target.
var attitudeWords = map[string]bool{"grateful": true, "thankful": true, "proud": true, "glad": true,
	"happy": true, "lucky": true, "blessed": true,
	// round 150: the nouns of an attitude ("nothing but respect for asylum
	// seekers", "so much admiration for refugees")
	"respect": true, "love": true, "admiration": true, "affection": true, "gratitude": true}

// emphaticAfter reports "like", "more than" or "as much as" right after a
// term (within two words, same clause): the second half of "nothing ...
// like X".
func emphaticAfter(ti *targetInfo, j int) bool {
	for k := j; k < len(ti.words) && k <= j+2 && ti.words[k].cl == ti.words[j-1].cl; k++ {
		switch ti.words[k].w {
		case "like", "than", "as":
			return true
		}
	}
	return false
}

// judgedAct reports a threat or exclusion named as an act and judged
// wrong: a gerund opening its clause, then a copula and a word of
// condemnation ("Deporting them would be a mistake", "Sending refugees
// back is cruel").
func judgedAct(ti *targetInfo, l *hostLink) bool {
	return actJudgement(ti, l) >= 0
}

// actJudgement returns the word that judges an act of exclusion or threat
// opening its clause, or -1 (judgedAct). Round 160: the act may be a
// to-infinitive ("To deport refugees would be a crime"), the copula may
// stand after a relative clause (ten words on), the judgement may be a
// denied good ("is not the answer", "doesn't seem like a good idea") or a
// word of shame ("a disgrace"), and a denied word of wrong judges nothing
// ("Deporting them is not a crime").
func actJudgement(ti *targetInfo, l *hostLink) int {
	if l.cat != tExclusion && l.cat != tThreat {
		return -1
	}
	return judgementAfterAct(ti, l.i, l.j, nil)
}

// judgementAfterAct returns the word that judges the act of words i..j-1
// wrong, a gerund or to-infinitive opening its clause followed by a copula
// and the judgement, or -1 (actJudgement, judgedHelp). extra: more words of
// wrong.
func judgementAfterAct(ti *targetInfo, i, j int, extra map[string]bool) int {
	first := i
	if !strings.HasSuffix(ti.words[i].w, "ing") {
		if i < 1 || ti.words[i-1].w != "to" {
			return -1
		}
		first = i - 1
	}
	if first > 0 && ti.words[first-1].cl == ti.words[i].cl {
		return -1
	}
	cop, neg := false, false
	for k := j; k < len(ti.words) && k <= j+10 && ti.words[k].cl == ti.words[i].cl; k++ {
		w := ti.words[k].w
		neg = neg || ti.has(k, tNegation)
		if tCopulas[w] || w == "would" {
			cop = true
			continue
		}
		if !cop {
			continue
		}
		denied := negatedAt(ti, k) || neg && (w == "idea" || w == "good")
		if (ti.has(k, tCondemn) || wrongWords[w] || shameWords[w] || extra[w]) && !denied {
			return k
		}
		if denied && (fairWords[w] || answerWords[w]) {
			return k
		}
	}
	return -1
}

// shameWords judge an act as shameful (round 160).
var shameWords = map[string]bool{"disgrace": true, "disgraceful": true, "shameful": true}

// answerWords: goods an act is denied to be ("not the answer", "not a
// good idea", round 160).
var answerWords = map[string]bool{"answer": true, "solution": true, "idea": true, "way": true}

// judgedNaming reports hostility named by a naming act that opens its
// clause and that the rest of the clause condemns (round 47): "Calling
// asylum seekers invaders has no place in our town", "Calling refugees
// vermin will never be accepted here". The term or its target is inside
// the act; the judgement follows it: a condemnation or a word of wrong not
// itself denied, or acceptance denied ("no place", "never be accepted",
// "will not be tolerated", "is never acceptable"). A denied condemnation
// endorses the act ("calling them invaders is not hate, it's honesty").
func judgedNaming(ti *targetInfo, l *hostLink) bool {
	if !isHostileCat(l.cat) {
		return false
	}
	g := -1
	for k := min(l.i, max(l.ti, 0)); k >= 0; k-- {
		if k == 0 || ti.words[k-1].cl != ti.words[k].cl {
			if namingGerunds[ti.words[k].w] {
				g = k
			}
			break
		}
	}
	if g < 0 || ti.words[l.i].cl != ti.words[g].cl {
		return false
	}
	// an exclusion said of a target inside the act judges the act ("...
	// has no place in our town"): its own words are read as the judgement
	from := l.j
	if l.cat == tExclusion && l.ti > g && l.ti < l.i {
		from = l.i
	}
	for k := from; k < len(ti.words) && k <= l.j+8 && ti.words[k].cl == ti.words[g].cl; k++ {
		w := ti.words[k].w
		if (ti.has(k, tCondemn) || wrongWords[w]) && !negatedAt(ti, k) {
			return true
		}
		if ti.has(k, tNegation) {
			for j := k + 1; j < len(ti.words) && j <= k+3 && ti.words[j].cl == ti.words[g].cl; j++ {
				if acceptanceWords[ti.words[j].w] {
					return true
				}
			}
		}
	}
	return false
}

// wearyOfNaming reports an insult named in a naming act that an emotion
// before it judges: "I'm sick of people calling migrants scroungers",
// "tired of hearing refugees called parasites", "I hate it when politicians
// call asylum seekers frauds" (round 87). The mention must be the naming
// verb's object: "sick of migrants calling us racists" judges the migrants.
func wearyOfNaming(ti *targetInfo, l *hostLink) bool {
	if !isHostileCat(l.cat) || l.ti < 0 {
		return false
	}
	lo, hi := min(l.i, l.ti), max(l.i, l.ti)
	cl := ti.words[lo].cl
	for k := hi - 1; k >= 0 && k >= lo-3 && ti.words[k].cl == cl; k-- {
		// (after the mention only a passive naming: "refugees called
		// parasites", not "migrants calling us racists")
		if w := ti.words[k].w; !namingWord(w) || k > l.ti && strings.HasSuffix(w, "ing") {
			continue
		}
		for e := k - 1; e >= 0 && e >= k-4 && ti.words[e].cl == cl; e-- {
			if e < l.ti && ti.has(e, tEmotion) && !negatedAt(ti, e) {
				return true
			}
		}
		return false
	}
	return false
}

// speechNouns name speech about someone ("this language of 'invaders'").
var speechNouns = map[string]bool{"language": true, "rhetoric": true, "talk": true, "words": true, "remarks": true,
	"comments": true}

// endedSpeech reports hostility inside speech that the sentence ends or
// refuses (round 97): a speech noun before the link and an ending after it
// ("This language of 'invaders' and 'swarms' has to stop", "talk of
// 'swarms' of migrants must stop"), or a naming act that "won't have"
// refuses ("I won't have anyone in this chamber calling refugees
// parasites"). "This invasion of migrants has to stop" names no speech.
func endedSpeech(ti *targetInfo, l *hostLink) bool {
	if !isHostileCat(l.cat) || l.ti < 0 {
		return false
	}
	w := ti.wordAt
	lo, hi := min(l.i, l.ti), max(l.i, l.ti)
	sent := ti.words[lo].sent
	speech := false
	for k := lo - 1; k >= 0 && k >= lo-6 && ti.words[k].sent == sent; k-- {
		if speechNouns[w(k)] {
			speech = true
			break
		}
	}
	for j := hi + 1; speech && j < len(ti.words) && ti.words[j].sent == sent; j++ {
		if (w(j) == "stop" || w(j) == "end") && (w(j-1) == "to" || w(j-1) == "must" || w(j-1) == "should") {
			return true
		}
	}
	for k := lo - 1; k >= 2 && k >= lo-6 && ti.words[k].sent == sent; k-- {
		if !namingWord(w(k)) {
			continue
		}
		for j := k - 1; j >= 1 && j >= k-6; j-- {
			if w(j) == "have" && (w(j-1) == "won't" || w(j-1) == "wont" || w(j-1) == "not" && w(j-2) == "will") {
				return true
			}
		}
		break
	}
	return false
}

// namingWord: a verb of naming someone something ("calling", "called",
// "labelled", "described").
func namingWord(w string) bool {
	if namingGerunds[w] || namingVerbs[w] {
		return true
	}
	switch w {
	case "call", "calls", "called", "label", "labels", "labelled", "labeled", "brand", "brands", "branded",
		"describe", "describes", "described", "dubbed":
		return true
	}
	return false
}

// namingGerunds open a naming act; acceptanceWords, denied, condemn it
// (round 47).
var (
	namingGerunds = map[string]bool{"calling": true, "describing": true, "labelling": true, "labeling": true,
		"branding": true, "referring": true, "comparing": true, "likening": true}
	acceptanceWords = map[string]bool{"place": true, "acceptable": true, "accepted": true, "tolerated": true,
		"tolerate": true, "welcome": true, "room": true}
)

// evaluatedAct reports hostility inside an act that the sentence judges
// wrong: "it would be cruel to send them back", "it's not fair to call
// asylum seekers scroungers", "it is ridiculous to say immigrants are
// lazy", "how dare you call them a burden". The act is the hostile term
// itself (a call for exclusion or a threat) or a speech or belief verb
// whose content holds it; an insult in the object of another act stands
// ("it is madness to let these parasites in").
// judgedQuote reports a hostile quote that the sentence then judges: "'Send
// them all back' is a disgusting thing to shout at children", "'go home'
// was a vile thing to write". The quote is the subject of a copula whose
// complement is a condemnation, a wrong or a negative word.
func judgedQuote(ti *targetInfo, l *hostLink) bool {
	if !isHostileCat(l.cat) || !ti.words[l.i].q {
		return false
	}
	w := ti.wordAt
	k := l.i
	for k < len(ti.words) && ti.words[k].q {
		k++
	}
	if !tCopulas[w(k)] {
		return false
	}
	for k++; tIntensifiers[w(k)] || w(k) == "a" || w(k) == "an" || w(k) == "such" || w(k) == "just"; k++ {
	}
	return k < len(ti.words) && !ti.words[k].q &&
		(ti.has(k, tCondemn) || wrongWords[w(k)] || ti.has(k, tVNeg) || ti.has(k, tDerog))
}

func evaluatedAct(ti *targetInfo, l *hostLink) bool {
	if !isHostileCat(l.cat) {
		return false
	}
	start := l.i
	if l.ti >= 0 && l.ti < start {
		start = l.ti
	}
	w := ti.wordAt
	for t := start - 1; t >= 1 && t >= start-8 && ti.words[t].cl == ti.words[l.i].cl; t-- {
		v := t + 1
		if tIntensifiers[w(v)] {
			v++ // "to just send them back"
		}
		act := (l.cat == tExclusion || l.cat == tThreat) && v == l.i
		said := ti.has(v, tMeta) || judgingVerbs[w(v)]
		if !act && !said {
			continue
		}
		// "how dare you call them ...": the one who dares is not the target
		if w(t-1) == "dare" && w(t-2) == "how" && !ti.isMention(t) {
			return true
		}
		// before the act itself "to" marks its infinitive, whatever the
		// tagger says ("a mistake to send the refugees back", round 152)
		if w(t) != "to" || ti.words[t].tag != "TO" && !act {
			continue
		}
		e := t - 1
		for e > 0 && (tIntensifiers[w(e)] || w(e) == "a" || w(e) == "an" || w(e) == "pure" || w(e) == "morally" || w(e) == "downright") {
			e--
		}
		negated := e > 0 && (w(e-1) == "not" || w(e-1) == "never" || w(e-1) == "n't")
		judged := negated && fairWords[w(e)] ||
			!negated && (ti.has(e, tCondemn) || wrongWords[w(e)] || ti.has(e, tVNeg))
		if !judged {
			return false
		}
		return impersonalFrame(ti, e)
	}
	return false
}

// impersonalFrame reports an impersonal frame before the judgement at word
// e: "it is", "it would be", "that's" (round 152: across adjectives, "a huge
// mistake").
func impersonalFrame(ti *targetInfo, e int) bool {
	w := ti.wordAt
	for j := e - 1; j >= 0 && j >= e-5; j-- {
		switch w(j) {
		case "it's", "its", "that's", "thats", "it", "that", "this":
			return true
		}
		if !tCopulas[w(j)] && !tModals[w(j)] && w(j) != "not" && w(j) != "never" && w(j) != "a" && !tIntensifiers[w(j)] &&
			!strings.HasPrefix(ti.words[j].tag, "JJ") {
			return false
		}
	}
	return false
}

// helpActs: the positive terms that name an act of helping or admitting
// someone (round 171).
var helpActs = map[string]bool{"integrate": true, "integrating": true, "embrace": true, "embracing": true,
	"protect": true, "protecting": true, "save": true, "saving": true, "rescue": true, "rescuing": true}

// judgedHelp reports a positive term that is an act of helping or
// admitting migrants (its target after it) judged wrong: after an
// impersonal judgement and "to" ("It would be foolish to welcome more
// refugees", "It's a mistake to try and integrate migrants"), or opening its
// clause before a copula and the judgement ("Welcoming migrants with open
// arms was a shameful mistake"). The act is not praise of them; its denial
// ("It would be a mistake not to help the refugees") is (round 171).
func judgedHelp(ti *targetInfo, l *hostLink) bool {
	if l.ti <= l.i || l.j != l.i+1 || !admitHelpVerbs[ti.words[l.i].w] && !helpActs[ti.words[l.i].w] {
		return false
	}
	if judgementAfterAct(ti, l.i, l.j, wrongJudgements) >= 0 {
		return true
	}
	w := ti.wordAt
	t := l.i - 1
	for t > 0 && (w(t) == "not" || w(t) == "just" || w(t) == "keep" || tIntensifiers[w(t)]) {
		t--
	}
	if w(t) == "and" && w(t-1) == "try" { // "to try and integrate"
		t -= 2
	}
	if w(t) != "to" || t < 2 || ti.words[t].cl != ti.words[l.i].cl {
		return false
	}
	e := t - 1
	if w(e) == "not" || w(e) == "never" { // "a mistake not to help them"
		e--
	}
	denied := w(e-1) == "not" || w(e-1) == "n't" || w(e-1) == "never"
	if !(denied && fairWords[w(e)] || !denied && (wrongWords[w(e)] || wrongJudgements[w(e)] || shameWords[w(e)])) {
		return false
	}
	return impersonalFrame(ti, e)
}

// judgingVerbs: verbs of treating and judging people whose content an
// evaluatedAct judges ("wrong to treat them like criminals", "to
// consider all immigrants bad people").
var judgingVerbs = map[string]bool{"treat": true, "consider": true, "regard": true,
	"portray": true, "paint": true, "think": true, "assume": true, "believe": true, "dismiss": true}

// fairWords: positive judgements that condemn an act when denied ("it's not
// fair to", "it is not right to").
var fairWords = map[string]bool{"fair": true, "right": true, "ok": true, "okay": true, "acceptable": true,
	"just": true, "decent": true, "fine": true, "reasonable": true, "justified": true, "true": true}

// deprivedWords: verbs that withhold what follows ("denied help").
var deprivedWords = map[string]bool{"denied": true, "deny": true, "denying": true, "refused": true, "refuse": true,
	"refusing": true, "withheld": true, "withhold": true}

// reportedMessage reports a hostile term that is the content of a message
// reported as sent to the target: "a Nigerian nurse was told to 'go home'",
// "letters warning them to get out", "messages saying his shop will be
// burned down". The message verb is past or progressive and has no modal
// before it ("they should be told to go home" is the text's own call); the
// target receives it (right after the verb, or its passive subject) or a
// written message sends it ("messages saying").
func reportedMessage(ti *targetInfo, l *hostLink) bool {
	if !l.linked || l.kind != kMigrant || !isHostileCat(l.cat) {
		return false
	}
	w := ti.wordAt
	for v := l.i - 1; v >= 0 && v >= l.i-10; v-- {
		// "a leaflet calling asylum seekers invaders was pushed through
		// doors" (round 39): what a message named them
		if namingVerbs[w(v)] && v > 0 && (messageNouns[w(v-1)] || v > 1 && messageNouns[w(v-2)]) && ti.words[v-1].cl == ti.words[v].cl {
			return true
		}
		if !messageVerbs[w(v)] {
			continue
		}
		for j := v - 1; j >= 0 && j >= v-3 && ti.words[j].cl == ti.words[v].cl; j-- {
			if tModals[w(j)] {
				return false
			}
		}
		// the addressee of telling and warning: its object ("telling
		// them", "told the asylum seeker he would ...") or passive
		// subject ("a nurse was told")
		o := v + 1
		for o < len(ti.words) && o <= v+3 && w(o) != "of" && tDeterminers[w(o)] {
			o++
		}
		recipient := addressVerbs[w(v)] && (ti.isMention(o) ||
			(w(v-1) == "was" || w(v-1) == "were" || w(v-1) == "been" || w(v-1) == "being") && (ti.isMention(v-2) || ti.isMention(v-3)))
		// "shouted at a group of Eritrean teenagers"
		if w(v+1) == "at" || w(v+1) == "to" {
			for k := v + 2; k < len(ti.words) && k <= v+5; k++ {
				if ti.isMention(k) {
					recipient = true
				}
			}
		}
		// a message noun before the verb ("a letter at her home saying
		// she would be hurt")
		for j := v - 1; j >= 0 && j >= v-4 && ti.words[j].cl == ti.words[v].cl; j-- {
			recipient = recipient || messageNouns[w(j)]
		}
		return recipient
	}
	return false
}

// predicateDegree reports an adjective at i that is a predicate, not the
// modifier of a noun: "no more likely to offend", "no more dangerous"
// compare; "no more foreign workers" calls for exclusion (round 39).
func predicateDegree(ti *targetInfo, i int) bool {
	if !ti.tagged || i >= len(ti.words) || !strings.HasPrefix(ti.words[i].tag, "JJ") || ti.isMention(i) {
		return false
	}
	return i+1 >= len(ti.words) || !strings.HasPrefix(ti.words[i+1].tag, "NN") && !ti.isMention(i+1)
}

// messageVerbs: the past and progressive verbs of a message sent.
var messageVerbs = map[string]bool{"told": true, "telling": true, "warning": true, "warned": true, "saying": true,
	"threatening": true, "threatened": true, "ordering": true, "ordered": true, "shouted": true, "shouting": true,
	"yelled": true, "yelling": true, "screamed": true, "screaming": true, "demanding": true, "demanded": true}

// addressVerbs: the message verbs whose object is the one addressed.
var addressVerbs = map[string]bool{"told": true, "telling": true, "warning": true, "warned": true, "ordering": true,
	"ordered": true}

// messageNouns: written or spoken messages that are sent.
var messageNouns = map[string]bool{"letter": true, "letters": true, "note": true, "notes": true, "message": true,
	"messages": true, "email": true, "emails": true, "call": true, "calls": true, "leaflet": true, "leaflets": true,
	"graffiti": true, "sign": true, "signs": true, "posters": true, "voicemail": true, "voicemails": true,
	// round 39
	"poster": true, "banner": true, "banners": true, "sticker": true, "stickers": true, "flyer": true, "flyers": true,
	"post": true, "posts": true, "tweet": true, "tweets": true, "video": true, "videos": true, "chant": true,
	"chants": true, "slogan": true, "slogans": true, "placard": true, "placards": true}

// namingVerbs name what a message called someone (round 39).
var namingVerbs = map[string]bool{"calling": true, "describing": true, "branding": true, "labelling": true,
	"labeling": true, "depicting": true, "portraying": true}

// treatedAs reports an insult that describes how the target is treated:
// "the managers treated them like animals", "refugees are treated as
// criminals". Told as what happens, it reports mistreatment; "they should
// be treated like animals" and "treat them like the animals they are"
// (a modal, an imperative) stay the text's own.
func treatedAs(ti *targetInfo, l *hostLink) bool {
	if l.cat != tDehum && l.cat != tDerog || l.ti < 0 || l.ti > l.i {
		return false
	}
	k := l.i - 1
	for k > 0 && tDeterminers[ti.words[k].w] {
		k--
	}
	if k < 1 || ti.words[k].w != "like" && ti.words[k].w != "as" {
		return false
	}
	k--
	if ti.isMention(k) {
		for k > 0 && ti.isMention(k-1) {
			k--
		}
		k--
	}
	if k < 0 {
		return false
	}
	switch ti.words[k].w {
	case "treated", "treating", "treats":
	default:
		return false
	}
	for j := k - 1; j >= 0 && j >= k-3 && ti.words[j].cl == ti.words[k].cl; j-- {
		if tModals[ti.words[j].w] {
			return false
		}
	}
	return true
}

// takeoverObjects: what one takes over as a business or a post.
var takeoverObjects = map[string]bool{"shop": true, "shops": true, "business": true, "businesses": true,
	"servo": true, "cafe": true, "café": true, "restaurant": true, "store": true, "pub": true, "bakery": true,
	"farm": true, "company": true, "firm": true, "lease": true, "premises": true, "takeaway": true, "garage": true,
	"salon": true, "bar": true, "practice": true, "surgery": true, "newsagent": true, "newsagents": true,
	"deli": true, "stall": true, "franchise": true, "running": true, "management": true, "role": true,
	"job": true, "post": true, "team": true, "club": true, "hotel": true, "kitchen": true, "bakery's": true}

// hostileAfter reports a call for exclusion or a threat in the six words
// from e in the clause of e-1.
func hostileAfter(ti *targetInfo, e int) bool {
	for k := e; k < len(ti.words) && k < e+6 && e > 0 && ti.words[k].cl == ti.words[e-1].cl; k++ {
		if ti.has(k, tExclusion) || ti.has(k, tThreat) {
			return true
		}
	}
	return false
}

// literalStereotype reports a stereotype word in a literal sense:
//   - "benefit" as a gain: a verb ("migrants benefit us"), or a noun with
//     what or whom it benefits ("the benefits of immigration", "a benefit to
//     the town") or brought ("brings benefits"); the welfare sense ("live
//     on benefits") is the stereotype;
//   - "take over" a business or a post: "took over the old shop" ("taking
//     over our towns", "taking over the country" are the stereotype).
func literalStereotype(ti *targetInfo, h lexHit) bool {
	i := h.start
	if ti.words[i].w == "took" || ti.words[i].w == "take" || ti.words[i].w == "takes" || ti.words[i].w == "taking" {
		if ti.words[h.end-1].w != "over" {
			return false
		}
		for k := h.end; k < len(ti.words) && k <= h.end+3; k++ {
			if takeoverObjects[ti.words[k].w] {
				return true
			}
		}
		return false
	}
	if !strings.HasPrefix(ti.words[i].w, "benefit") {
		return false
	}
	if strings.HasPrefix(ti.words[i].tag, "VB") {
		return true
	}
	if i+1 < len(ti.words) {
		switch ti.words[i+1].w {
		case "of", "to", "for":
			return true
		}
	}
	if i > 0 {
		switch ti.words[i-1].w {
		case "a", "bring", "brings", "brought", "bringing", "provide", "provides", "economic", "great", "huge",
			"many", "real", "clear", "enormous", "positive", "mutual", "big", "net":
			return true
		}
	}
	return false
}

// wrongWords: judgements of an act as wrong that the [condemn] lexicon does
// not list (they are said of many things besides hostility).
var wrongWords = map[string]bool{"mistake": true, "error": true, "wrong": true, "unfair": true, "unjust": true,
	"cruel": true, "inhumane": true, "immoral": true, "illegal": true, "unlawful": true,
	// round 152: "it would be a pity to keep them out"
	"pity": true, "tragedy": true, "crime": true, "sin": true}

// prepositionObject reports a mention at word i governed by a preposition
// other than "of" (skipping determiners): "without immigrants", "for the
// refugees".
func prepositionObject(ti *targetInfo, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch ti.words[k].w {
		case "without", "for", "with", "from", "against", "at", "about", "towards", "toward", "among", "unlike":
			return true
		}
		if !tDeterminers[ti.words[k].w] || ti.words[k].w == "of" {
			return false
		}
	}
	return false
}

// dropTopicWeariness clears round 113's "tired of hearing" before "about":
// weariness of a topic ("sick of hearing about how wonderful the refugees
// are"), not a judgement of what someone said (round 114).
func dropTopicWeariness(ti *targetInfo) {
	for _, h := range ti.hits {
		if h.section == tCondemn && h.end < len(ti.words) && ti.words[h.end-1].w == "hearing" && ti.words[h.end].w == "about" {
			ti.dropSection(tCondemn, h.start, h.end)
		}
	}
}

// dropAdministrative clears the condemnation sense of "rejected" and
// "refused" said of a claim or an application ("an asylum seeker whose
// claim has been rejected"): a decision of an office, not a condemnation
// of hostility.
func dropAdministrative(ti *targetInfo) {
	for k, w := range ti.words {
		if !ti.has(k, tCondemn) {
			continue
		}
		switch w.w {
		case "rejected", "refused", "rejects", "reject":
		default:
			continue
		}
		for j := k - 1; j >= 0 && j >= k-4; j-- {
			switch ti.words[j].w {
			case "claim", "claims", "application", "applications", "appeal", "appeals", "bid", "request", "visa", "asylum":
				ti.dropSection(tCondemn, k, k+1)
				j = -1
			}
		}
		// "the board voted to reject the shelter contract": a decision on
		// a document, not a condemnation (round 14)
		for j := k + 1; j < len(ti.words) && j <= k+4; j++ {
			if adminObjects[ti.words[j].w] {
				ti.dropSection(tCondemn, k, k+1)
				break
			}
		}
	}
}

// aimedVerbs open a condemnation phrase that takes an object ("stand
// against", "reject", "denounce").
var aimedVerbs = map[string]bool{"reject": true, "rejects": true, "rejected": true, "rejecting": true,
	"denounce": true, "denounces": true, "denounced": true, "condemn": true, "condemns": true, "condemned": true,
	"condemning": true, "deplore": true, "deplores": true, "stand": true, "stands": true, "stood": true,
	"standing": true, "united": true}

// objectModifiers may stand between a condemnation verb and the migrants it
// takes as object ("reject further immigration", "against mass immigration").
var objectModifiers = map[string]bool{"further": true, "mass": true, "illegal": true, "unlimited": true,
	"uncontrolled": true, "unchecked": true, "new": true}

// nounFollowers end a noun phrase in a unit the tagger did not read.
var nounFollowers = map[string]bool{"and": true, "or": true, "but": true, "in": true, "at": true, "who": true,
	"that": true, "which": true, "to": true, "for": true, "from": true, "with": true, "on": true, "by": true,
	"of": true, "because": true, "as": true, "into": true, "is": true, "are": true, "was": true, "were": true,
	"have": true, "has": true, "will": true, "would": true, "should": true, "must": true, "can": true}

// dropAimedCondemnation clears the condemnation sense of a phrase whose
// object is migrants or immigration (round 126): "South Koreans stand
// against Islamic immigration", "we reject mass immigration", "the town is
// united against the asylum seekers" stand against migrants, not against
// xenophobia. The migrants must head the object: "she stood up against the
// migrants' critics" keeps it; so does a contrast or a negation ("instead
// of rejecting migrants", "we do not condemn refugees"). The verb is then
// no VADER term either: rejecting immigration is a position (stance), not
// an evaluation of migrants.
func dropAimedCondemnation(ti *targetInfo) {
	n := len(ti.words)
	for _, m := range ti.mentions {
		if m.kind != kMigrant || m.pronoun || m.place {
			continue
		}
		if m.j < n && ti.words[m.j].cl == ti.words[m.j-1].cl {
			next := ti.words[m.j]
			if strings.HasPrefix(next.tag, "NN") || next.tag == "" && !nounFollowers[next.w] || migrantMentionAt(ti, m.j) {
				continue
			}
		}
		k := m.i - 1
		for k >= 0 && ti.words[k].cl == ti.words[m.i].cl && ti.words[k].w != "of" &&
			(tDeterminers[ti.words[k].w] || objectModifiers[ti.words[k].w] || strings.HasPrefix(ti.words[k].tag, "JJ") ||
				migrantMentionAt(ti, k)) {
			k--
		}
		if k < 0 || !ti.has(k, tCondemn) || ti.words[k].cl != ti.words[m.i].cl {
			continue
		}
		for _, h := range ti.hits {
			if h.section != tCondemn || h.end != k+1 || !aimedVerbs[ti.words[h.start].w] || negatedAt(ti, h.start) ||
				h.start >= 2 && (ti.wordAt(h.start-2) == "instead" || ti.wordAt(h.start-2) == "rather") {
				continue
			}
			ti.dropSection(tCondemn, h.start, h.end)
			for j := h.start; j < h.end; j++ {
				ti.markNoTerm(j)
			}
		}
	}
}

// backPronouns: a pronoun that points back to what was said before
// ("that's a lie", "I don't believe it").
var backPronouns = map[string]bool{"it": true, "that": true, "this": true, "these": true, "those": true}

// backContractions: such a pronoun joined to its copula.
var backContractions = map[string]bool{"it's": true, "its": true, "that's": true, "thats": true, "this's": true}

// pointsBack reports a correction or a "lie" at [a, b) said of what was said
// before (round 137): predicated of a pronoun that points back ("that's a
// lie", "it is all lies", "that is simply not true") or done to one that
// ends its sentence ("I don't believe it.", "don't believe that for a
// second"). Not "it's a myth that ...", which names its claim after it.
func pointsBack(ti *targetInfo, a, b int) bool {
	w := ti.wordAt
	if w(b) == "that" {
		return false
	}
	j := a - 1
	for j >= 0 && (tDeterminers[w(j)] || tIntensifiers[w(j)] || w(j) == "a" || w(j) == "all" || w(j) == "simply" ||
		w(j) == "total" || w(j) == "complete" || w(j) == "big" || w(j) == "outright" || w(j) == "another") && !backPronouns[w(j)] {
		j--
	}
	if backContractions[w(j)] || tCopulas[w(j)] && backPronouns[w(j-1)] {
		return true
	}
	if backPronouns[w(b)] {
		next := b + 1
		return next >= len(ti.words) || ti.words[next].sent != ti.words[b].sent || w(next) == "for"
	}
	return false
}

// migrantFeelings reads a verb of hatred whose subject is a migrant
// mention (right before it, or before "who"; adverbs and "do" between)
// by its object (round 218): us, our country or our ways ("Migrants hate
// our way of life", "refugees who despise this country") make it a
// stereotype of the migrants (feltBy); anything else ("refugees hate the
// smugglers", "migrant workers hate the night shifts") is their own
// feeling, aimed at no migrant, and loses its emotion.
func migrantFeelings(ti *targetInfo) {
	w := ti.wordAt
	for _, h := range ti.hits {
		if h.section != tEmotion || !feelingVerbs[w(h.start)] {
			continue
		}
		k := h.start - 1
		for k >= 0 && (feelingAdverbs[w(k)] || ti.has(k, tNegation)) {
			k--
		}
		if k >= 1 && (w(k) == "who" || w(k) == "that") {
			k--
		}
		subj := -1
		for _, m := range ti.mentions {
			if m.kind == kMigrant && !m.pronoun && m.j == k+1 && ti.words[m.i].cl == ti.words[h.start].cl {
				subj = m.i
			}
		}
		if subj < 0 {
			continue
		}
		if hostObject(ti, h.end) {
			if ti.feltBy == nil {
				ti.feltBy = map[int]int{}
			}
			ti.feltBy[h.start] = subj
		} else if !ti.isMention(h.end) && !ti.isMention(h.end+1) {
			ti.dropSection(tEmotion, h.start, h.end)
		}
	}
}

// feelingVerbs: verbs of hatred; feelingAdverbs: what may stand between
// their subject and them ("secretly", "all", "do").
var feelingVerbs = map[string]bool{"hate": true, "hates": true, "despise": true, "despises": true, "loathe": true,
	"loathes": true, "detest": true, "detests": true, "resent": true, "resents": true, "abhor": true, "abhors": true}

var feelingAdverbs = map[string]bool{"really": true, "secretly": true, "openly": true, "clearly": true, "all": true,
	"just": true, "actually": true, "do": true, "does": true, "still": true, "truly": true, "simply": true}

// hostObject reports the object at k as us or ours: "us", "our ...",
// "this country", "Britain", "the West", "everything we ...".
func hostObject(ti *targetInfo, k int) bool {
	w := ti.wordAt
	switch w(k) {
	case "us", "our", "western", "britain", "england", "america", "europe", "christians", "christianity":
		return true
	case "this":
		return ourPlaces[w(k+1)]
	case "the":
		// (not "the country": "refugees hate the country that tortured
		// them" names theirs)
		return w(k+1) == "west" || w(k+1) == "british" || w(k+1) == "english"
	case "everything", "all", "anything":
		return w(k+1) == "we" || w(k+1) == "that" && w(k+2) == "we"
	}
	return false
}

// dropDeedDespite clears the correction of "despite what" that names no
// claim (round 216): "despite what the papers say" corrects what follows,
// "a problem despite what they do" concedes deeds and corrects nothing.
func dropDeedDespite(ti *targetInfo) {
	for _, h := range ti.hits {
		if h.section != tCorrection || h.end-h.start != 2 || ti.words[h.start].w != "despite" || ti.words[h.start+1].w != "what" {
			continue
		}
		claim := false
		for k := h.end; k < len(ti.words) && k < h.end+4 && ti.words[k].cl == ti.words[h.start].cl; k++ {
			claim = claim || sayThinkVerbs[ti.words[k].w] || reportedVerbs[ti.words[k].w] || ti.has(k, tMeta)
		}
		if !claim {
			ti.dropSection(tCorrection, h.start, h.end)
		}
	}
}

// reportedVerbs: what one hears, reads or sees of a claim ("despite what
// you hear", "despite what you read").
var reportedVerbs = map[string]bool{"hear": true, "heard": true, "hears": true, "read": true, "reads": true, "see": true,
	"sees": true, "saw": true, "seen": true, "watch": true, "watched": true,
	"suggest": true, "suggests": true, "suggested": true, "assume": true, "assumed": true, "imagine": true}

// dropBackLie clears the derogation of "lie" and "lies" said of what was
// said before (round 137): the lexicons' "lying" reaches them through its
// lemma, but "It's a lie" judges a claim, not people ("Migrants are
// criminals, they say. It's a lie."), and neither does its VADER sense;
// "migrants lie about their age" and "a refugee who didn't lie" stay.
func dropBackLie(ti *targetInfo) {
	if !ti.namesMigrants() {
		return // no migrants to misread it of ("That's just a lie, homosexuality is a disease")
	}
	for k, wd := range ti.words {
		if (wd.w == "lie" || wd.w == "lies") && ti.has(k, tDerog) && pointsBack(ti, k, k+1) {
			ti.dropSection(tDerog, k, k+1)
			ti.markNoTerm(k) // nor VADER's negative word
		}
	}
}

// hatredObjects: the prepositions that name whom a hatred is for.
var hatredObjects = map[string]bool{"of": true, "for": true, "towards": true, "toward": true, "against": true}

// feelVerbs: the verbs a speaker holds a feeling with ("I feel nothing but
// hatred for ...", "we have a deep hatred of ...").
var feelVerbs = map[string]bool{"feel": true, "felt": true, "have": true, "had": true, "'ve": true, "harbour": true,
	"harbor": true, "hold": true}

// ownHatred reads "hatred" owned by the first person as the speaker's
// emotion (round 136): in "my hatred of immigrants grows every day" and "I
// feel nothing but hatred for the migrants" the hatred is the speaker's,
// no condemnation of it. When its object after of/for/towards/toward/
// against (across determiners and adjectives) is a migrant mention, its
// [condemn] sense goes and it is an [emotion] hit, linked, negated and
// reported like "hate". Hatred owned by others ("their hatred of refugees
// shames this town") or by no one ("hatred of migrants has no place here")
// stays a condemnation, and so does hatred of anyone else ("my hatred is
// for racists", "hatred for people who attack migrants").
func ownHatred(ti *targetInfo) {
	n := len(ti.words)
	w := ti.wordAt
	for k := 0; k < n; k++ {
		if w(k) != "hatred" || !ti.has(k, tCondemn) || !hatredObjects[w(k+1)] {
			continue
		}
		o := k + 2
		for o < n && ti.words[o].cl == ti.words[k].cl && !migrantMentionAt(ti, o) &&
			(tDeterminers[w(o)] || objectModifiers[w(o)] || strings.HasPrefix(ti.words[o].tag, "JJ")) {
			o++
		}
		if !migrantMentionAt(ti, o) || !firstPersonFeeling(ti, k) {
			continue
		}
		ti.dropSection(tCondemn, k, k+1)
		ti.addHit(tEmotion, k, k+1)
		ti.words[k].tag = "NN" // prose's tagger reads the ending as a past tense (VBD)
	}
}

// firstPersonFeeling reports a feeling noun at k owned by the speaker: "my"
// or "our" before it (across adjectives: "my deep hatred"), or a first
// person subject and a verb of feeling before it in its clause, "nothing
// but" inside it ("I feel nothing but hatred", "we have a burning
// hatred").
func firstPersonFeeling(ti *targetInfo, k int) bool {
	w := ti.wordAt
	c := ti.clauseStart(k)
	if w(c) == "but" && w(c-1) == "nothing" {
		c = ti.clauseStart(c - 1) // "I feel nothing but hatred for ..."
	}
	j := k - 1
	for j >= c && (strings.HasPrefix(ti.words[j].tag, "JJ") || tIntensifiers[w(j)]) {
		j--
	}
	if j >= c && (w(j) == "my" || w(j) == "our") {
		return true
	}
	for v := k - 1; v > c; v-- {
		if !feelVerbs[w(v)] {
			continue
		}
		for s := v - 1; s >= c && s >= v-3; s-- {
			if w(s) == "i" || w(s) == "we" {
				return true
			}
		}
	}
	return false
}

// violenceCues: weapons, injuries and visits that carry a threat without a
// threat verb ("the next refugee who walks past is getting a brick through
// his window", "one more boat and I'm grabbing my shotgun", "you'll be
// carried out in a box"). They are threat hits that link only as an intent
// (cueLink); in reports they stay reported like any threat.
var violenceCues = func() *lexicons {
	lx, err := parseSections(`[cue]
"brick through" "bricks through" "petrol through" "end up in hospital" "ends up in hospital" "end up in a box"
"in a box" "in a coffin" "in coffins" "in an ambulance" "in ambulances" "in the morgue" "off the road"
"a visit from us" "a little visit" "watch what we do" "see what we do" "what we do to" "what we'll do to"
"with a bat" "with bats" "with a baseball bat" "with a knife" "with knives" "with a machete" "with a crowbar"
"with a hammer" "with an axe" "my shotgun" "my gun" "my knife" "my bat" "the shotgun" "by the hair"
"by their hair" "on a stretcher" "in a body bag" "in body bags" "gets a bullet" "get a bullet" "see what happens"
"regret ever" "in hospital" "bring the petrol" "broken bones"`, []string{"cue"})
	if err != nil {
		panic(err)
	}
	return lx
}()

// violenceCueHits adds a threat hit for every violence cue of a unit that
// names migrants; a cue inside an earlier one counts once ("end up in a
// box" holds "in a box").
func violenceCueHits(ti *targetInfo, words []string) {
	if !ti.namesMigrants() {
		return
	}
	ti.cue = cueHits(ti, words, violenceCues, tThreat, nil)
}

// cueHits adds a hit of section sec for every phrase of lx in the unit
// that skip (when not nil) does not refuse, a phrase inside an earlier one
// counting once, and returns the words the hits cover (nil when none).
func cueHits(ti *targetInfo, words []string, lx *lexicons, sec int, skip func(lexHit) bool) []bool {
	var mark []bool
	end := 0
	for _, h := range lx.match(words, nil) {
		if h.start < end || skip != nil && skip(h) {
			continue
		}
		if mark == nil {
			mark = make([]bool, len(words))
		}
		for k := h.start; k < h.end; k++ {
			mark[k] = true
		}
		ti.addHit(sec, h.start, h.end)
		end = h.end
	}
	return mark
}

// cueLink says whether a violence cue is a threat against target m: the
// speaker's own intent (the cue names the speaker, "a visit from us", "watch
// what we do", or a first-person subject comes before it in its clause, "I'll
// be waiting with a bat for those Somalis", and the cue is not the instrument
// of something done to someone, "I saw an asylum seeker beaten with a bat")
// or what will happen to the target ("any foreigner who comes near my kids
// will end up in hospital").
func cueLink(ti *targetInfo, m mention, targetFirst bool, h lexHit) bool {
	for k := h.start; k < h.end; k++ {
		if w := ti.words[k].w; w == "us" || w == "we" || w == "we'll" {
			return true
		}
	}
	prev := ti.wordAt(h.start - 1)
	done := strings.HasSuffix(prev, "ed") || strings.HasPrefix(ti.words[max(h.start-1, 0)].tag, "VBN") ||
		prev == "beaten" || prev == "hit" || prev == "shot" || prev == "cut" || prev == "stabbed"
	for k := h.start - 1; k >= 0 && ti.words[k].cl == ti.words[h.start].cl && !done; k-- {
		switch ti.words[k].w {
		case "i", "i'm", "i'll", "i'd", "im", "we", "we're", "we'll", "we'd":
			return true
		}
	}
	if !targetFirst {
		return false
	}
	for k := m.j; k < h.start; k++ {
		switch ti.words[k].w {
		case "will", "'ll", "gonna", "shall", "getting", "gets":
			// "... is getting a brick through his window"
			return true
		case "going":
			if ti.wordAt(k+1) == "to" {
				return true
			}
		}
	}
	return false
}

// noPlaceFor turns "no place" into exclusion where migrants are the ones
// denied a place: "migrants have no place in Europe", "there is no place
// for refugees here". The phrase condemns hostility when what has no place
// is hatred ("racism has no place in our town", "no place for abuse of
// migrants"), so the condemnation stays wherever migrants are not the
// subject or the direct object of "for"; "no place for refugees to sleep"
// describes a lack.
func noPlaceFor(ti *targetInfo) {
	w := ti.wordAt
	for _, m := range ti.mentions {
		if m.kind != kMigrant || m.place {
			continue
		}
		a := -1
		// the object of a preposition is no subject: "hatred of refugees
		// has no place"
		k := beforeDeterminers(ti, m.i)
		subject := k < 0 || !isPreposition(ti.words[k])
		// the subject: "migrants (simply) have no place"
		j := m.j
		for tIntensifiers[w(j)] || w(j) == "simply" || w(j) == "just" {
			j++
		}
		if subject && (w(j) == "have" || w(j) == "has") && w(j+1) == "no" && w(j+2) == "place" {
			a = j + 1
		}
		// the object: "no place for (the) migrants", not "... to sleep"
		if k >= 2 && w(k) == "for" && w(k-1) == "place" && w(k-2) == "no" && w(m.j) != "to" {
			a = k - 2
		}
		if a < 0 {
			continue
		}
		// "no place (in|for)" is no condemnation here, and "there is no"
		// no correction
		for i := max(a-2, 0); i < a+3 && i < len(ti.words); i++ {
			if i >= a || w(i) == "there" || w(i) == "is" || w(i) == "'s" || w(i) == "have" || w(i) == "has" {
				ti.dropSection(tCondemn, i, i+1)
				ti.dropSection(tCorrection, i, i+1)
			}
		}
		ti.addHit(tExclusion, a, a+3)
	}
}

// resourceTaken adds a [stereotype] hit where migrants are said to take
// what is ours (rounds 153 to 155): a verb of taking before "our" or "all
// the" and a resource ("are taking our houses", "grabbing all the council
// houses"; a bare "the" names a thing taken, not ours, round 154), the
// passive with migrants the agent after "by" ("the jobs are taken by
// migrants", "the beds are taken up by immigrants"; round 155), and
// "bleeding X dry", "running X out of jobs".
func resourceTaken(ti *targetInfo) {
	n := len(ti.words)
	w := ti.wordAt
	// resourceAt reports a resource noun within three words after word k
	// (determiners and modifiers between), or -1
	resourceAt := func(k int) int {
		for e := k; e < n && e <= k+3 && ti.words[e].cl == ti.words[k].cl; e++ {
			if takenResources[w(e)] {
				if w(e) == "places" && w(e-1) != "school" || w(e) == "beds" && w(e-1) != "hospital" {
					return -1
				}
				return e
			}
			if !tDeterminers[w(e)] && !strings.HasPrefix(ti.words[e].tag, "JJ") && !takenModifiers[w(e)] {
				return -1
			}
		}
		return -1
	}
	for k := 0; k < n; k++ {
		switch {
		case takingVerbs[w(k)]:
			// "our houses", "all the jobs" (a bare "the" names a thing
			// taken, not ours: "took the homes nobody else wanted")
			a := k + 1
			if w(a) == "up" {
				a++
			}
			if w(a) == "our" || w(a) == "all" && w(a+1) == "the" {
				if e := resourceAt(a); e >= 0 {
					ti.addHit(tStereotype, k, e+1)
				}
			}
		case takenWords[w(k)]:
			b := k + 1
			if w(b) == "up" {
				b++
			}
			if w(b) != "by" || !agentMigrants(ti, b+1) {
				continue
			}
			// the resource is the subject before the auxiliary
			aux := k - 1
			for aux >= 0 && (w(aux) == "being" || w(aux) == "been" || w(aux) == "always" || w(aux) == "all" || tIntensifiers[w(aux)]) {
				aux--
			}
			if aux < 1 || !tCopulas[w(aux)] && w(aux) != "get" && w(aux) != "gets" && w(aux) != "got" {
				continue
			}
			for r := aux - 1; r >= 0 && r >= aux-2 && ti.words[r].cl == ti.words[k].cl; r-- {
				if takenResources[w(r)] {
					ti.addHit(tStereotype, k, b+1)
					break
				}
			}
		case w(k) == "dry":
			if v := verbBeforeObject(ti, k, "bleed"); v >= 0 {
				ti.addHit(tStereotype, v, k+1)
			}
		case w(k) == "out" && w(k+1) == "of":
			if v := verbBeforeObject(ti, k, "run"); v >= 0 && (resourceAt(k+2) >= 0 || w(k+2) == "money") {
				ti.addHit(tStereotype, v, k+2)
			}
		}
	}
}

// verbBeforeObject returns the word two or three before word k (a verb and
// its object of one or two words: "bleeding (the NHS) dry") that starts with
// prefix, or -1.
func verbBeforeObject(ti *targetInfo, k int, prefix string) int {
	for _, v := range []int{k - 2, k - 3} {
		if v >= 0 && strings.HasPrefix(ti.words[v].w, prefix) {
			return v
		}
	}
	return -1
}

// agentMigrants reports migrants as the agent phrase starting at word i
// (after "by"): the migrant mention after determiners, or a noun and "of"
// before it ("the children of migrants"; round 155).
func agentMigrants(ti *targetInfo, i int) bool {
	for i < len(ti.words) && ti.words[i].w != "of" && tDeterminers[ti.words[i].w] {
		i++
	}
	if migrantMentionAt(ti, i) {
		return true
	}
	if ti.wordAt(i+1) != "of" {
		return false
	}
	for i += 2; i < len(ti.words) && tDeterminers[ti.words[i].w]; i++ {
	}
	return migrantMentionAt(ti, i)
}

var (
	takingVerbs = map[string]bool{"take": true, "takes": true, "taking": true, "took": true, "steal": true,
		"steals": true, "stealing": true, "stole": true, "grab": true, "grabs": true, "grabbing": true,
		"grabbed": true, "hog": true, "hogs": true, "hogging": true, "hogged": true, "nick": true, "nicking": true}
	takenWords     = map[string]bool{"taken": true, "stolen": true, "grabbed": true, "hogged": true}
	takenResources = map[string]bool{"jobs": true, "houses": true, "homes": true, "housing": true, "benefits": true,
		"money": true, "healthcare": true, "beds": true, "places": true, "services": true, "appointments": true,
		"resources": true, "flats": true}
	takenModifiers = map[string]bool{"council": true, "social": true, "school": true, "hospital": true, "gp": true,
		"hard-earned": true, "best": true, "good": true, "local": true, "all": true}
)

// departureCalled adds an [exclusion] hit at a departure demanded or wished
// of migrants (round 144): "the refugees must leave, now", "these asylum
// seekers have to leave", "the illegals should be removed", "I wish all
// immigrants would just disappear", "I want every immigrant gone from
// this town". A departure stated ("many migrants leave after a few
// years"), past ("had to leave everything behind"), negated, or from a
// place that is not ours ("must leave the camp by Friday") is none.
func departureCalled(ti *targetInfo) {
	n := len(ti.words)
	w := ti.wordAt
	for _, m := range ti.mentions {
		if m.kind != kMigrant || m.place || m.j >= n {
			continue
		}
		cl := ti.words[m.i].cl
		wished := wishedBefore(ti, m.i)
		if k := beforeDeterminers(ti, m.i); !wished && k >= 0 && isPreposition(ti.words[k]) {
			continue // the object of a preposition is no subject
		}
		j := skipWords(ti, m.j, cl, departureFillers)
		if j >= n || ti.words[j].cl != cl {
			continue
		}
		switch {
		case wished && w(j) == "gone":
			ti.addHit(tExclusion, j, j+1)
			continue
		case wished && (w(j) == "would" || w(j) == "could" || w(j) == "will" || w(j) == "'d" || w(j) == "to"):
			j = skipWords(ti, j+1, cl, departureFillers)
		case wished:
		case deontic(w(j), w(j+1)) && w(j+1) != "not" && w(j+1) != "never":
			if w(j+1) == "to" {
				j++
			}
			j = skipWords(ti, j+1, cl, departureFillers)
			// "should be removed", "must be sent home"
			if w(j) == "be" && removalParticiples[w(j+1)] {
				e := j + 2
				if w(j+1) == "sent" {
					if w(e) != "home" && w(e) != "away" {
						continue
					}
					e++
				}
				if departureEnd(ti, e, cl) >= 0 {
					ti.addHit(tExclusion, j+1, e)
				}
				continue
			}
		default:
			continue
		}
		v := j
		if v >= n || ti.words[v].cl != cl || !leavingVerbs[w(v)] {
			continue
		}
		if w(v) == "go" && w(v+1) == "away" || w(v) == "get" && w(v+1) == "out" || w(v) == "clear" && w(v+1) == "off" {
			v++
		} else if w(v) == "get" || w(v) == "clear" {
			continue
		}
		if departureEnd(ti, v+1, cl) >= 0 {
			ti.addHit(tExclusion, j, v+1)
		}
	}
}

// departureFillers: words between a departure's subject, its demand or
// wish and its verb ("the refugees themselves should all just leave").
var departureFillers = map[string]bool{"all": true, "just": true, "simply": true, "really": true, "now": true,
	"themselves": true, "here": true, "finally": true, "immediately": true, "quickly": true, "already": true}

// leavingVerbs: the verbs of a departure (round 144); "get" and "clear"
// only with "out" and "off".
var leavingVerbs = map[string]bool{"leave": true, "go": true, "disappear": true, "vanish": true, "get": true,
	"clear": true}

// removalParticiples: a removal in the passive after a demand ("should be
// removed", "must be sent home"; "sent" only with "home" or "away").
var removalParticiples = map[string]bool{"removed": true, "expelled": true, "deported": true, "sent": true}

// departureTime: time words that may follow a departure ("leave now").
var departureTime = map[string]bool{"now": true, "immediately": true, "soon": true, "today": true, "tomorrow": true,
	"already": true, "forever": true, "quickly": true, "asap": true, "too": true}

// ourPlaces: the places a departure is demanded from ("leave this country").
var ourPlaces = map[string]bool{"country": true, "town": true, "city": true, "village": true, "area": true,
	"street": true, "streets": true, "land": true, "nation": true, "island": true, "neighbourhood": true,
	"neighborhood": true, "estate": true, "community": true, "britain": true, "england": true, "uk": true,
	"europe": true, "america": true, "ireland": true, "scotland": true, "wales": true}

// departureEnd returns the end of a departure that starts at word k: the
// end of the clause after time words, "and never come back", or our place
// ("this country", "from our streets"); -1 when something else follows
// ("leave the camp by Friday", "go to school").
func departureEnd(ti *targetInfo, k, cl int) int {
	n := len(ti.words)
	w := ti.wordAt
	for k < n && ti.words[k].cl == cl && departureTime[w(k)] {
		k++
	}
	if k >= n || ti.words[k].cl != cl {
		return k
	}
	if w(k) == "and" && (w(k+1) == "never" || w(k+1) == "not") {
		return k
	}
	j := k
	if w(j) == "from" || w(j) == "out" && w(j+1) == "of" {
		j++
		if w(j) == "of" {
			j++
		}
	}
	if w(j) == "our" || w(j) == "this" || w(j) == "the" {
		j++
	}
	if ourPlaces[w(j)] {
		return j + 1
	}
	return -1
}

// wishedBefore reports a wish of the speaker's right before the mention at
// i, across "that" and determiners: "I wish (that) the", "I hope", "if
// only", "I want every", "I'd like all the".
func wishedBefore(ti *targetInfo, i int) bool {
	k := i - 1
	for k >= 0 && (tDeterminers[ti.words[k].w] || ti.words[k].w == "every" || ti.words[k].w == "last" || ti.words[k].w == "that") {
		k--
	}
	if k < 0 || ti.words[k].cl != ti.words[i].cl {
		return false
	}
	w := ti.wordAt
	switch w(k) {
	case "wish", "hope", "want":
		return w(k-1) == "i" || w(k-1) == "we" || w(k-1) == "just" && (w(k-2) == "i" || w(k-2) == "we")
	case "like":
		return (w(k-1) == "'d" || w(k-1) == "would") && (w(k-2) == "i" || w(k-2) == "we")
	case "only":
		return w(k-1) == "if"
	}
	return false
}

// skipWords returns the first word from k on in clause cl that is not in
// set.
func skipWords(ti *targetInfo, k, cl int, set map[string]bool) int {
	for k < len(ti.words) && ti.words[k].cl == cl && set[ti.words[k].w] {
		k++
	}
	return k
}

// dropInsideStereotype drops the correction words inside a stereotype
// ("pay taxes" in "they don't pay taxes", "never pay tax"): the text
// asserts the stereotype, it corrects nothing.
func dropInsideStereotype(ti *targetInfo) {
	for _, h := range ti.hits {
		if h.section != tStereotype {
			continue
		}
		for _, c := range ti.hits {
			if c.section != tCorrection || c.start < h.start || c.end > h.end {
				continue
			}
			ti.dropSection(tCorrection, c.start, c.end)
		}
	}
}

// dropNonCorrections drops the [correction] sense of an adverb of
// correction inside its clause after an asserted hostile term and a
// migrant mention: it intensifies ("refugees are lazy scroungers who
// actually enjoy living on handouts"); "Actually, they commit less crime",
// opening its clause, still corrects (round 145).
func dropNonCorrections(ti *targetInfo) {
	w := ti.wordAt
	for _, c := range ti.hits {
		if c.section != tCorrection || ti.dropped(c) {
			continue
		}
		phrase := w(c.start) + " " + w(c.start+1)
		if c.end == c.start+1 && w(c.start) == "actually" || phrase == "in fact" || phrase == "in reality" {
			// "it's actually not for free" denies
			if !opensClause(ti, c.start) && !ti.has(c.end, tNegation) && hostileBefore(ti, c.start) {
				ti.dropSection(tCorrection, c.start, c.end)
			}
		}
	}
}

// negationInClause reports a negation before word k in its clause.
func negationInClause(ti *targetInfo, k int) bool {
	for j := k - 1; j >= 0 && ti.words[j].cl == ti.words[k].cl; j-- {
		if ti.has(j, tNegation) {
			return true
		}
	}
	return false
}

// opensClause reports word k first in its clause, or right after a
// conjunction that is.
func opensClause(ti *targetInfo, k int) bool {
	if k == 0 || ti.words[k-1].cl != ti.words[k].cl {
		return true
	}
	switch ti.words[k-1].w {
	case "but", "and", "yet", "so":
		return k == 1 || ti.words[k-2].cl != ti.words[k-1].cl
	}
	return false
}

// hostileBefore reports a hostile term, not negated in its clause, and a
// migrant mention before word k in its sentence.
func hostileBefore(ti *targetInfo, k int) bool {
	sent := ti.words[k].sent
	named := false
	for _, m := range ti.mentions {
		if m.kind == kMigrant && m.i < k && ti.words[m.i].sent == sent {
			named = true
			break
		}
	}
	if !named {
		return false
	}
	for _, h := range ti.hits {
		if h.end <= k && ti.words[h.start].sent == sent && isHostileCat(h.section) && !ti.dropped(h) && !negationInClause(ti, h.start) {
			return true
		}
	}
	return false
}

// deniableLabels are the words that name a claim as false or as prejudice
// ("a myth", "a stereotype", "racist"). Denied after a copula they assert
// the claim (round 15).
var deniableLabels = map[string]bool{"myth": true, "myths": true, "lie": true, "lies": true, "hoax": true,
	"rumour": true, "rumours": true, "rumor": true, "rumors": true, "stereotype": true, "stereotypes": true,
	"exaggeration": true, "exaggerated": true, "generalisation": true, "generalization": true, "fake": true,
	"misinformation": true, "disinformation": true, "racist": true, "racism": true, "xenophobic": true,
	"xenophobia": true, "bigoted": true, "bigotry": true, "prejudice": true, "prejudiced": true, "hateful": true}

// labelFillers may stand between a denial and the label it denies ("not
// just a myth", "no urban myth", "not over exaggerated").
var labelFillers = map[string]bool{"a": true, "an": true, "the": true, "just": true, "simply": true, "merely": true,
	"really": true, "only": true, "some": true, "any": true, "urban": true, "over": true, "remotely": true,
	"even": true, "being": true}

// denialCopulas introduce a predicate a following "not" or "no" denies
// ("it's not a myth", "that is no stereotype", "it not over exaggerated"
// in posts that drop the apostrophe).
var denialCopulas = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "'s": true,
	"it's": true, "its": true, "that's": true, "thats": true, "this's": true, "it": true, "they're": true,
	"theyre": true, "'re": true, "am": true, "i'm": true, "im": true}

// dropDeniedLabels drops the correction and condemnation sections of a
// label denied as a predicate: "It's not a myth, migrants commit more
// crime", "That's not a stereotype, it's a fact", "Wanting fewer migrants
// isn't racist". The denial affirms what the label would have called
// false or prejudiced, so it is no pushback; its negation bears on the
// label alone (round 15).
func dropDeniedLabels(ti *targetInfo) {
	for k, tw := range ti.words {
		if !deniableLabels[tw.w] || !ti.has(k, tCorrection) && !ti.has(k, tCondemn) {
			continue
		}
		j := k - 1
		for j >= 0 && k-j <= 3 && labelFillers[ti.words[j].w] {
			j--
		}
		asked := askedLabel(ti, k)
		if !asked && (j < 0 || ti.words[j].cl != tw.cl) {
			continue
		}
		switch {
		case asked:
			j = -1 // no negation word to drop
		case negatingCopulas[ti.words[j].w]:
		case ti.words[j].w == "not" || ti.words[j].w == "no" || ti.words[j].w == "never" || ti.words[j].w == "n't":
			if j == 0 || !denialCopulas[ti.words[j-1].w] {
				continue
			}
		default:
			continue
		}
		// the whole label: "fake news", "urban myth"
		e := k + 1
		for _, h := range ti.hits {
			if h.start == k && h.end > e && (h.section == tCorrection || h.section == tCondemn) {
				e = h.end
			}
		}
		ti.dropSection(tCorrection, k, e)
		ti.dropSection(tCondemn, k, e)
		ti.dropSection(tMeta, k, e)
		if j >= 0 {
			ti.dropSection(tNegation, j, j+1)
		} else {
			// asked away, it is no VADER term either: it judges no act
			// (evaluatedAct)
			for i := k; i < e; i++ {
				ti.markNoTerm(i)
			}
		}
	}
}

// veiledThreats adds threat hits a text veils (round 195): a mock regret,
// "It would be a shame if that refugee hotel caught fire", "Pity if
// something happened to them" (the harm of the if-clause); a dealing in
// the passive under a wink, "they should be taken care of, if you know
// what I mean"; a dealing made permanent, "do something about these
// foreigners, permanently" (the dealing verb).
func veiledThreats(ti *targetInfo) {
	w := ti.wordAt
	n := len(ti.words)
	wink := false
	for k := range ti.words {
		wink = wink || w(k) == "know" && w(k+1) == "what" && w(k+2) == "i" && w(k+3) == "mean" ||
			w(k) == "catch" && w(k+1) == "my" && w(k+2) == "drift" || w(k) == "nudge" && w(k+1) == "nudge"
	}
	for k := 0; k < n; k++ {
		switch {
		case (w(k) == "shame" || w(k) == "pity") && w(k+1) == "if" &&
			(k == 0 || ti.words[k-1].cl != ti.words[k].cl || w(k-1) == "a" || w(k-1) == "real"):
			for j := k + 2; j < n && ti.words[j].sent == ti.words[k].sent; j++ {
				if mockedHarm(ti, j) {
					// said of the people or place the if-clause names;
					// the regret is mock, no condemnation
					ti.dropSection(tCondemn, k, k+1)
					ti.tieTerm(tThreat, j, j+1, firstMigrantMention(ti, k+2, j))
					break
				}
			}
		case wink && (w(k) == "taken" && w(k+1) == "care" && w(k+2) == "of" || w(k) == "dealt" && w(k+1) == "with" ||
			w(k) == "sorted" || w(k) == "handled") && k > 0 && (w(k-1) == "be" || w(k-1) == "been" || w(k-1) == "get"):
			e := k + 1
			if w(k) == "taken" {
				e = k + 3
			}
			ti.dropSection(tPositive, k, e)
			ti.addHit(tThreat, k, e)
		case w(k) == "permanently":
			for v := k - 1; v >= 0 && v >= k-6; v-- {
				if (w(v) == "deal" || w(v) == "dealt") && w(v+1) == "with" || w(v) == "do" && w(v+1) == "something" && w(v+2) == "about" ||
					w(v) == "get" && w(v+1) == "rid" && w(v+2) == "of" {
					ti.tieTerm(tThreat, v, v+1, firstMigrantMention(ti, v+1, k))
					break
				}
			}
		}
	}
}

// irritatedBy ties an irritation idiom whose verb takes no target before it
// in linkOrderOK ("drive me up the wall", "wind me up") to the migrant
// mention that is its subject, right before it across adverbs: "Refugees
// (really) drive me up the wall" (round 195).
func irritatedBy(ti *targetInfo) {
	for _, h := range ti.hits {
		if h.section != tEmotion {
			continue
		}
		switch ti.words[h.start].w {
		case "drive", "drives", "driving", "wind", "winds", "winding":
		default:
			continue
		}
		e := h.start
		for e > 0 && (ti.words[e-1].w == "really" || ti.words[e-1].w == "just" || ti.words[e-1].w == "always" || ti.words[e-1].w == "all") {
			e--
		}
		for _, m := range ti.mentions {
			if m.j == e && m.kind == kMigrant {
				ti.tieAt(h.start, m.i)
			}
		}
	}
}

// firstMigrantMention returns the first word of the first migrant mention
// (a place too) starting in words [a, b), or -1.
func firstMigrantMention(ti *targetInfo, a, b int) int {
	for _, m := range ti.mentions {
		if m.i >= a && m.i < b && m.kind == kMigrant {
			return m.i
		}
	}
	return -1
}

// mockedHarm reports a harm at word j of a mock regret's if-clause:
// "caught fire", "burned down", "set alight", "something happened", "got
// hurt", "had an accident".
func mockedHarm(ti *targetInfo, j int) bool {
	w := ti.wordAt
	switch w(j) {
	case "fire":
		return w(j-1) == "caught" || w(j-1) == "catch" || w(j-1) == "on"
	case "burned", "burnt", "burn", "burns":
		return w(j+1) == "down"
	case "alight", "hurt", "accident":
		return true
	case "happened", "happen", "happens":
		return w(j-1) == "something" || w(j-2) == "something"
	}
	return false
}

// negatingCopulas deny the predicate after them ("isn't racist").
var negatingCopulas = map[string]bool{"isn't": true, "isnt": true, "aren't": true, "arent": true, "wasn't": true,
	"wasnt": true, "weren't": true, "werent": true, "ain't": true, "aint": true}

// askedLabel reports a condemnation label at k asked of an act in a
// question the next sentence does not answer yes: "Is it racist to say that
// asylum seekers are freeloaders? Because they are.", "Since when is it
// xenophobic to point out ...?" ask the label away (round 189). Not "Isn't
// it racist to ...?" (a negative question asserts it) and not "Is it racist
// to call them rats? Of course it is."
func askedLabel(ti *targetInfo, k int) bool {
	w := ti.wordAt
	if !ti.words[k].ask || !ti.has(k, tCondemn) || w(k+1) != "to" && w(k+1) != "about" {
		return false
	}
	j := k - 1
	for j >= 0 && askFillers[w(j)] {
		j--
	}
	if j < 1 || w(j) != "it" || w(j-1) != "is" && w(j-1) != "was" || ti.words[j-1].sent != ti.words[k].sent {
		return false
	}
	// the answer: the first words of the next sentence
	a := k + 1
	for a < len(ti.words) && ti.words[a].sent == ti.words[k].sent {
		a++
	}
	return !answeredYes(ti, a)
}

// answeredYes reports a sentence starting at word a that answers yes: "Yes,
// it is.", "Of course it is.", "It is.", "It's racist." (not "Of course
// not", not "It's the truth.").
func answeredYes(ti *targetInfo, a int) bool {
	w := ti.wordAt
	first := w(a)
	if first == "of" && w(a+1) == "course" {
		first = "course"
		a++
	}
	if yesWords[first] {
		return w(a+1) != "not"
	}
	e := a + 1 // after "it's", or "it is"
	switch {
	case first == "it's" || first == "its":
	case first == "it" && (w(a+1) == "is" || w(a+1) == "was"):
		e = a + 2
	default:
		return false
	}
	for e < len(ti.words) && askFillers[w(e)] || w(e) == "certainly" || w(e) == "definitely" {
		e++
	}
	return e >= len(ti.words) || ti.words[e].sent != ti.words[a].sent || ti.has(e, tCondemn)
}

// askFillers stand between "is it" and the label it asks ("is it really
// racist"); yesWords answer a question yes.
var (
	askFillers = map[string]bool{"really": true, "so": true, "somehow": true, "even": true, "actually": true,
		"now": true, "suddenly": true, "still": true}
	yesWords = map[string]bool{"yes": true, "yeah": true, "yep": true, "yup": true, "absolutely": true,
		"definitely": true, "certainly": true, "obviously": true, "course": true, "sure": true}
)

// denyContribution turns a denied payment into the stereotype it is:
// "they don't even pay taxes", "never actually paid tax". The correction
// phrase "pay taxes" is then no correction (round 15; "don't pay taxes"
// without the adverb is a stereotype phrase of target.txt).
func denyContribution(ti *targetInfo) {
	for _, h := range ti.hits {
		if h.section != tCorrection || ti.dropped(h) {
			continue
		}
		switch ti.words[h.start].w {
		case "pay", "pays", "paid", "paying":
		default:
			continue
		}
		k := h.start - 1
		for k >= 0 && h.start-k <= 3 && (ti.words[k].w == "even" || ti.words[k].w == "ever" || ti.words[k].w == "actually" || ti.words[k].w == "really") {
			k--
		}
		// "migrants should pay taxes before they get a penny" (round 63):
		// paying demanded corrects nothing
		if k >= 0 && k == h.start-1 && (ti.words[k].w == "should" || ti.words[k].w == "must" ||
			ti.words[k].w == "to" && k > 0 && deontic(ti.words[k-1].w, "to")) {
			ti.dropSection(tCorrection, h.start, h.end)
			continue
		}
		if k < 0 || k == h.start-1 || !ti.has(k, tNegation) || ti.words[k].w == "no" {
			continue
		}
		ti.dropSection(tCorrection, h.start, h.end)
		ti.addHit(tStereotype, k, h.end)
	}
}

// dropChallengedWelcome drops the solidarity of a welcome a why-question
// challenges: "Why should we welcome migrants who hate our way of life?",
// "why would we welcome even more refugees". "Why shouldn't we welcome
// them?" keeps it (round 15).
func dropChallengedWelcome(ti *targetInfo) {
	n := len(ti.words)
	for k := 0; k+3 < n; k++ {
		if ti.words[k].w != "why" {
			continue
		}
		switch ti.words[k+1].w {
		case "should", "would", "must", "do", "does", "did", "are", "is":
		default:
			continue
		}
		for j := k + 2; j < n && j <= k+4; j++ {
			if ti.has(j, tSolidarity) && ti.words[j].cl == ti.words[k].cl {
				ti.dropSection(tSolidarity, j-1, j+3)
				break
			}
		}
	}
}

// accusedLabels are the labels a speaker complains of being given.
var accusedLabels = map[string]bool{"racist": true, "racists": true, "racism": true, "bigot": true, "bigots": true,
	"bigoted": true, "bigotry": true, "xenophobe": true, "xenophobes": true, "xenophobic": true, "xenophobia": true}

// accusingVerbs give someone a label.
var accusingVerbs = map[string]bool{"call": true, "calls": true, "called": true, "calling": true, "label": true,
	"labels": true, "labelled": true, "labeled": true, "labelling": true, "labeling": true, "brand": true,
	"brands": true, "branded": true, "branding": true, "dubbed": true, "smeared": true, "accuse": true,
	"accuses": true, "accused": true, "accusing": true, "dismissed": true}

// accusedPersons: the speaker, or the generic "you" of "you get called
// racist".
var accusedPersons = map[string]bool{"i": true, "i'm": true, "im": true, "we": true, "we're": true, "me": true,
	"us": true, "you": true, "you're": true, "u": true, "being": true}

// dropAccusedLabels drops the condemnation of a label the speaker says
// they are given: "I was called a racist for saying we should deport
// illegal immigrants", "you get branded a bigot", "they call us
// xenophobes". The speaker rejects the label; nothing is condemned
// (round 15). A label given to anyone else ("the councillor was called a
// racist") keeps its reading.
func dropAccusedLabels(ti *targetInfo) {
	for k, tw := range ti.words {
		if !accusedLabels[tw.w] || !ti.has(k, tCondemn) {
			continue
		}
		v := k - 1
		for v >= 0 && k-v <= 3 && !accusingVerbs[ti.words[v].w] {
			switch ti.words[v].w {
			case "a", "an", "as", "of", "being", "me", "us", "you", "just", "instantly", "immediately", "automatically":
				v--
				continue
			}
			v = -1
		}
		if v < 0 || k-v > 3 || !accusingVerbs[ti.words[v].w] || ti.words[v].cl != tw.cl {
			continue
		}
		// the accused: an object right after the verb, or a subject or
		// "being" in the four words before it
		accused := v+1 < k && accusedPersons[ti.words[v+1].w] && ti.words[v+1].w != "being"
		for j := v - 1; j >= 0 && j >= v-4 && !accused; j-- {
			accused = accusedPersons[ti.words[j].w] && ti.words[j].w != "me" && ti.words[j].w != "us"
		}
		if !accused {
			continue
		}
		ti.dropSection(tCondemn, k, k+1)
		ti.dropSection(tMeta, v, k+1)
	}
}

// insideHostile reports a hit lying inside a longer hit of a hostile
// category.
func insideHostile(ti *targetInfo, h lexHit) bool {
	for _, o := range ti.hits {
		if o.end-o.start > h.end-h.start && o.start <= h.start && h.end <= o.end && isHostileCat(o.section) {
			return true
		}
	}
	return false
}

// deniedCause reports a term at h or its target at t (-1 for none) after
// "because of", "due to" or "caused by" whose clause denies the cause
// before it: "the stabbings aren't happening because of migrant gangs".
func deniedCause(ti *targetInfo, h, t int) bool {
	at := h
	if t >= 0 && t < h {
		at = t
	}
	for k := at - 1; k >= 1 && k >= at-4 && ti.words[k].cl == ti.words[at].cl; k-- {
		if p := ti.words[k-1].w + " " + ti.words[k].w; p != "because of" && p != "due to" && p != "caused by" {
			continue
		}
		// "because" may open a clause of its own: the denial is in the
		// clause before it
		for j := k - 2; j >= 0 && j >= k-6 && ti.words[j].cl == ti.words[max(k-2, 0)].cl; j-- {
			if ti.has(j, tNegation) {
				return true
			}
		}
		return false
	}
	return false
}

// dismissedPhrase reports a word inside quotation marks whose quote is
// then named as a stock line: "don't give me that 'hard-working
// immigrants' line", "the 'refugees welcome' mantra". Praise so named is
// dismissed, not given.
func dismissedPhrase(ti *targetInfo, i int) bool {
	if !ti.words[i].q {
		return false
	}
	k := i + 1
	for k < len(ti.words) && ti.words[k].q && ti.words[k].qid == ti.words[i].qid {
		k++
	}
	return k < len(ti.words) && stockLines[ti.words[k].w]
}

var stockLines = map[string]bool{"line": true, "narrative": true, "mantra": true, "spiel": true, "nonsense": true,
	"rubbish": true, "drivel": true, "garbage": true, "bullshit": true, "bollocks": true, "propaganda": true,
	"myth": true, "fairy": true, "trope": true, "cliche": true, "cliché": true, "lie": true, "crap": true}

// universalChallenge reports a negation at word k inside a relative clause
// of the mention at m that a challenge to find an exception governs: "is
// there a single immigrant who isn't on the fiddle?", "name one refugee
// that doesn't claim benefits". The challenge asserts the term of them
// all; the negation does not deny it.
func universalChallenge(ti *targetInfo, m, k int) bool {
	if m < 0 || m >= k {
		return false
	}
	rel := false
	for j := m + 1; j < k; j++ {
		if w := ti.words[j].w; w == "who" || w == "that" || w == "which" {
			rel = true
		}
	}
	if !rel {
		return false
	}
	for j := m - 1; j >= 1 && j >= m-4; j-- {
		switch ti.words[j].w {
		case "there":
			if w := ti.words[j-1].w; w == "is" || w == "are" || w == "was" {
				return true
			}
		case "name", "show", "find":
			return true
		}
	}
	return false
}

// endVerbs: verbs and nouns of ending or stopping an act (round 68).
var endVerbs = map[string]bool{"stop": true, "stops": true, "stopped": true, "stopping": true, "end": true,
	"ends": true, "ending": true, "halt": true, "halts": true, "halted": true, "halting": true, "cease": true,
	"ceased": true, "suspend": true, "suspends": true, "suspended": true, "suspending": true, "scrap": true,
	"scrapped": true, "oppose": true, "opposes": true, "opposed": true, "opposing": true, "against": true,
	"block": true, "blocked": true, "blocking": true, "resist": true, "resisting": true}

// endedAct reports an exclusion or a threat at i that a verb of ending
// acts on, right before it or across a determiner ("stop deporting asylum
// seekers", "halt the removal of", "an end to the deportation of", "stop
// attacking refugees"): the act is opposed, not called for (round 68).
// "Stop them coming" is untouched: "them" is no term.
func endedAct(ti *targetInfo, i int) bool {
	k := i - 1
	for k >= 0 && (tDeterminers[ti.words[k].w] || ti.words[k].w == "further" || ti.words[k].w == "any") {
		k--
	}
	if k >= 1 && ti.words[k].w == "to" && ti.words[k-1].w == "end" {
		return true // "an end to", "put an end to"
	}
	return k >= 0 && endVerbs[ti.words[k].w] && ti.words[k].cl == ti.words[i].cl
}

// wishModals: the modal words of a wish or a demand (not of a prediction,
// a possibility or a fear: will, could, might, may).
var wishModals = map[string]bool{"should": true, "must": true, "need": true, "needs": true, "ought": true,
	"let": true, "let's": true, "lets": true, "hope": true, "wish": true, "want": true, "deserve": true,
	"deserves": true, "better": true, "gotta": true, "shall": true}

// wishWords: "great if", "nice if": a wish for what follows.
var wishWords = map[string]bool{"great": true, "good": true, "nice": true, "lovely": true, "brilliant": true,
	"fantastic": true, "best": true, "better": true}

// wishIf reports "if" at k after a word of wishWords: "it would be great if".
func wishIf(ti *targetInfo, k int) bool {
	return k > 0 && ti.words[k].w == "if" && wishWords[ti.words[k-1].w]
}

// wishSee: "I'd love to see", "can't wait to see", "want to see": a wish
// for what follows.
func wishSee(ti *targetInfo, k int) bool {
	if k < 2 || ti.words[k].w != "see" || ti.words[k-1].w != "to" {
		return false
	}
	switch ti.words[k-2].w {
	case "love", "like", "want", "wait", "hope":
		return true
	}
	return false
}

// deathWord reports a word of deathWords or an inflection of one ("sinks").
func (s *Scorer) deathWord(w string) bool {
	return deathWords[w] || deathWords[s.vocab.lemmaOf(w)]
}

// perceptionVerbs: verbs of perceiving or judging whose negation denies
// what follows ("I don't see an invasion").
var perceptionVerbs = map[string]bool{"see": true, "consider": true, "regard": true, "find": true, "view": true,
	// verbs of judging aloud (round 35): "you can't call these migrants
	// hard-working", "I wouldn't call them lazy"
	"call": true, "describe": true}

// encounterVerbs: verbs of meeting someone whose negation denies that the
// someone exists ("never met an honest immigrant"); WordNet lemmas.
var encounterVerbs = map[string]bool{"meet": true, "see": true, "find": true, "know": true, "encounter": true}

// deniedThrough returns the denial before the verb at k with only
// auxiliaries and adverbs of time between ("never once met", "nobody has
// ever seen", round 208), or -1.
func deniedThrough(ti *targetInfo, k int) int {
	for j := k - 1; j >= 0 && j >= k-4 && ti.words[j].cl == ti.words[k].cl; j-- {
		switch {
		case ti.has(j, tNegation):
			return j
		case !encounterFillers[ti.words[j].w]:
			return -1
		}
	}
	return -1
}

// encounterFillers may stand between a denial and a verb of encounter.
var encounterFillers = map[string]bool{"has": true, "have": true, "had": true, "ever": true, "once": true,
	"really": true, "actually": true, "yet": true, "will": true, "would": true, "did": true, "could": true,
	"can": true, "i": true, "you": true, "we": true, "'ve": true, "i've": true, "even": true}

// contrastedAway reports "rather than" or "instead of" right before the
// term at i (skipping a determiner): the term is set aside, not said.
func contrastedAway(ti *targetInfo, i int) bool {
	k := i - 1
	if k >= 0 && tDeterminers[ti.words[k].w] {
		k--
	}
	return k >= 1 && (ti.words[k-1].w == "rather" && ti.words[k].w == "than" || ti.words[k-1].w == "instead" && ti.words[k].w == "of")
}

// challenged reports a term inside a question that challenges a claim: the
// clause opens with "how can/could" or "why would you" or "why should
// they/X be" ("How can immigrants be a burden?"), or, for an act (a call
// for exclusion or a threat), "why should/would" ("why should we deport
// them?"). "Why should we pay for them?" and "Why are refugees so lazy?"
// are not challenges.
func challenged(ti *targetInfo, i int, act bool) bool {
	if !ti.question {
		return false
	}
	start := i
	for start > 0 && ti.words[start-1].cl == ti.words[i].cl {
		start--
	}
	// "so why should we ...", "but how can they ..."
	for start < i && (ti.words[start].w == "so" || ti.words[start].w == "and" || ti.words[start].w == "but" || ti.words[start].w == "then") {
		start++
	}
	if start+2 >= len(ti.words) || start+2 > i {
		return false
	}
	// "why would we keep them when we don't want them here?": the
	// subordinate clause is not the question's
	for k := start + 3; k < i; k++ {
		if subordinators[ti.words[k].w] {
			return false
		}
	}
	w0, w1, w2 := ti.words[start].w, ti.words[start+1].w, ti.words[start+2].w
	// "how does immigration threaten our security?", "how exactly do
	// refugees steal our jobs?", "how are asylum seekers a danger?" (round
	// 169): the claim said of the question's subject is challenged
	if w0 == "how" && howChallenge(ti, start+1, i) {
		return true
	}
	switch {
	case w0 == "how" && (w1 == "can" || w1 == "could"):
		return true
	case w0 == "why" && (w1 == "would" || w1 == "should") && (w2 == "you" || w2 == "anyone"):
		return true
	case w0 == "why" && w1 == "should" && w2 != "we" && w2 != "i" && hasWord(ti, start+2, i, "be"):
		return true
	case (w0 == "do" || w0 == "does" || w0 == "did") && w1 == "you" && (w2 == "really" || w2 == "honestly" || w2 == "seriously"):
		// "do you really think the crisis is caused by migrants?"
		return true
	case w0 == "why" && (w1 == "should" || w1 == "would") && act:
		// "why should we ban them?": the call itself is challenged ("why
		// should we pay for them?" is no challenge: paying is no call)
		return true
	case w0 == "why" && (w1 == "should" || w1 == "would") && welcomeAsked(ti, start+2, i):
		// "why should we welcome migrants?", "why should taxpayers help
		// illegal immigrants?" (round 217): the help itself is
		// challenged, unless the text answers ("... ? Because ...")
		return true
	case w0 == "why" && (w1 == "do" || w1 == "does" || w1 == "did") && ti.has(i, tEmotion) && !ti.isMention(start+2) && !askers[w2]:
		// "why do so many people hate migrants?": a question about the
		// hatred of others, not the asker's
		return true
	case w0 == "why" && (w1 == "do" || w1 == "did" || w1 == "would") && (w2 == "you" || w2 == "u") &&
		beliefVerbs[ti.wordAt(start+3)] && start+3 < i && !answered(ti, i):
		// "why do you think refugees are criminals?" (round 226): the
		// addressee's belief is asked for, unless the asker answers
		// ("... ? Because they are.")
		return true
	case w0 == "why" && (w1 == "do" || w1 == "did") && (w2 == "you" || w2 == "u" || w2 == "ya") && ti.has(i, tEmotion):
		// "why do you hate migrants?" (round 152): the addressee's
		// hatred challenged
		return true
	case w0 == "why" && (w1 == "would" || w1 == "should" || w1 == "do") && hasWord(ti, start+2, i, "need"):
		// "why would we need to deport them?"
		return true
	}
	return false
}

// welcomeAsked reports the praise word at i as the verb of help or
// admission of the question whose subject (one or two words) starts at a
// ("why should we welcome ...", "why should this town help ..."), in a
// question the next sentence does not answer with "because" (round 217).
func welcomeAsked(ti *targetInfo, a, i int) bool {
	// (the tagger reads "this town welcome" as an adjective and
	// "taxpayers help" as two verbs: the verbs of help are named, and
	// the subject is at most two words)
	w := ti.words[i].w
	if !ti.has(i, tPositive) || !admitHelpVerbs[w] && !helpActs[w] || strings.HasSuffix(w, "ing") || i-a > 2 || i == a {
		return false
	}
	for k := a; k < i; k++ {
		if ti.words[k].tag == "MD" || tCopulas[ti.words[k].w] {
			return false
		}
	}
	return !answered(ti, i)
}

// answered reports a question (word i in it) that the next sentence
// answers with "because" (rounds 217, 226).
func answered(ti *targetInfo, i int) bool {
	k := i
	for k < len(ti.words) && ti.words[k].sent == ti.words[i].sent {
		k++
	}
	return k < len(ti.words) && ti.words[k].w == "because"
}

// beliefVerbs: what a "why do you ..." question asks the addressee's
// grounds for (round 226).
var beliefVerbs = map[string]bool{"think": true, "believe": true, "assume": true, "reckon": true, "imagine": true,
	"suppose": true, "feel": true}

// howChallenge reports a "how" question (k the word after "how") whose
// auxiliary (do, does, did, is, are) is followed by a migrant mention and
// the term at i right after it, or after is/are by "a" or "an" and the term
// (round 169). Adverbs (exactly, really, actually) may stand around.
func howChallenge(ti *targetInfo, k, i int) bool {
	w := ti.wordAt
	cl := ti.words[k].cl
	k = skipWords(ti, k, cl, questionAdverbs)
	aux := w(k)
	if aux != "do" && aux != "does" && aux != "did" && aux != "is" && aux != "are" {
		return false
	}
	j := skipWords(ti, k+1, cl, questionAdverbs)
	for tDeterminers[w(j)] && w(j) != "these" && w(j) != "those" && w(j) != "our" {
		j++
	}
	for _, m := range ti.mentions {
		if m.kind != kMigrant || m.i != j || m.j > i {
			continue
		}
		e := skipWords(ti, m.j, cl, questionAdverbs)
		if e == i || (aux == "is" || aux == "are") && (w(e) == "a" || w(e) == "an") && e+1 == i {
			return true
		}
	}
	return false
}

// questionAdverbs may stand around the subject of a "how" question
// (howChallenge, round 169).
var questionAdverbs = map[string]bool{"exactly": true, "really": true, "actually": true}

// counterfactualIf reports word k in a clause opened by "if" with "really"
// before k, and "would" or "'d" after k in its sentence ("if they were
// really replacing us, we'd ...", round 152).
func counterfactualIf(ti *targetInfo, k int) bool {
	c := ifClauseAt(ti, k)
	return c >= 0 && hasWord(ti, c+1, k, "really") && wouldAfter(ti, k)
}

// ifClauseAt returns the "if" that opens the clause of word k (after "and",
// "but" or "so"), or -1.
func ifClauseAt(ti *targetInfo, k int) int {
	c := ti.clauseStart(k)
	for c < k && (ti.words[c].w == "and" || ti.words[c].w == "but" || ti.words[c].w == "so") {
		c++
	}
	if ti.wordAt(c) != "if" {
		return -1
	}
	return c
}

// wouldAfter reports "would" or "'d" in a later clause of word k's
// sentence: the consequence of a conditional.
func wouldAfter(ti *targetInfo, k int) bool {
	for j := k + 1; j < len(ti.words) && ti.words[j].sent == ti.words[k].sent; j++ {
		if ti.words[j].cl != ti.words[k].cl && (ti.words[j].w == "would" || ti.words[j].w == "'d") {
			return true
		}
	}
	return false
}

// counterfactualNot reports a negation at k in a clause opened by "if"
// whose sentence goes on, in another clause, with "would" or "'d" ("if
// migrants did not contribute, our economy would collapse"; round 225).
func counterfactualNot(ti *targetInfo, k int) bool {
	if w := ti.wordAt(k); w != "not" && w != "n't" && w != "never" {
		return false
	}
	return ifClauseAt(ti, k) >= 0 && wouldAfter(ti, k)
}

// approvedAttack finds an attack on migrants whose doer is praised (round
// 167): an [incident] or [threat] word (or "put the windows through") with
// a migrant mention within six words after it in its sentence, and praise
// of its doer after it ("deserves a medal", "is a hero") or before it
// ("fair play to", "hats off to"): "Whoever put the windows through at the
// migrant hotel deserves a medal". It returns the first and the end word
// of the span, or -1.
func approvedAttack(ti *targetInfo) (int, int) {
	w := ti.wordAt
	// praise before the act: "fair play to (the lads who ...)"
	pre := func(j int) int {
		if praisePrefix(w(j), w(j+1), w(j+2)) {
			return j + 2
		}
		return -1
	}
	// praise after it: "deserves a medal", "is a hero"
	post := func(j, lo int) int {
		switch {
		case strings.HasPrefix(w(j), "deserve") && (rewardWords[w(j+1)] || rewardWords[w(j+2)] || w(j+1) == "a" && w(j+2) == "pat"),
			(w(j) == "given" || w(j) == "get" || w(j) == "gets") && (rewardWords[w(j+1)] || rewardWords[w(j+2)]) && hasWord(ti, max(j-3, lo), j, "should"),
			(w(j) == "is" || w(j) == "are" || w(j) == "'s" || w(j) == "'re") && (heroWords[w(j+1)] || w(j+1) == "a" && heroWords[w(j+2)]):
			return j + 3
		}
		return -1
	}
	act, obj, a, e := attackJudgement(ti, pre, post)
	switch {
	case act < 0:
		return -1, -1
	case a < act:
		return a, obj
	}
	return act, e
}

// attackJudgement finds an attack on migrants (attackOnMigrants) judged by
// a phrase in its sentence, before the act (pre) or after its object
// (post); pre and post report the end of the phrase that starts at word j
// (post also gets the sentence's first word), or -1. It returns the act, the end of its object, the phrase's first
// word and its end (at most the sentence's), or act -1 (rounds 167 and
// 168).
func attackJudgement(ti *targetInfo, pre func(j int) int, post func(j, lo int) int) (act, obj, a, e int) {
	for k := range ti.words {
		obj, lo, hi := attackOnMigrants(ti, k)
		if obj < 0 {
			continue
		}
		for j := lo; j+1 < k; j++ {
			if e := pre(j); e >= 0 {
				return k, obj, j, e
			}
		}
		for j := obj; j < hi; j++ {
			if e := post(j, lo); e >= 0 {
				return k, obj, j, min(e, hi)
			}
		}
	}
	return -1, -1, -1, -1
}

// attackOnMigrants reports an act of attack at word k (an [incident] or
// [threat] word, or "put the windows through") whose object is a migrant
// mention within six words after it in its sentence (rounds 167 and 168):
// the end of that mention and the bounds of the sentence, or obj -1.
func attackOnMigrants(ti *targetInfo, k int) (obj, lo, hi int) {
	w := ti.wordAt
	n := len(ti.words)
	act := ti.has(k, tIncident) || ti.has(k, tThreat) || w(k) == "put" && hasWord(ti, k+1, min(k+4, n), "windows") && hasWord(ti, k+1, min(k+5, n), "through")
	if !act {
		return -1, 0, 0
	}
	sent := ti.words[k].sent
	obj = -1
	for j := k + 1; j < n && j <= k+6 && ti.words[j].sent == sent && obj < 0; j++ {
		if attackObjectEnd[w(j)] {
			break
		}
		for _, m := range ti.mentions {
			if m.kind == kMigrant && m.i == j {
				obj = m.j
			}
		}
	}
	if obj < 0 {
		return -1, 0, 0
	}
	lo, hi = k, obj
	for lo > 0 && ti.words[lo-1].sent == sent {
		lo--
	}
	for hi < n && ti.words[hi].sent == sent {
		hi++
	}
	return obj, lo, hi
}

// condemnedAttack finds an attack on migrants whose doer is condemned
// (round 168): "Whoever attacked the Syrian family should be locked up",
// "Those who attacked the asylum seekers deserve nothing but contempt",
// "Shame on the cowards who threatened the refugee children". It returns
// the act, the first and the end word of the condemnation, or -1.
func condemnedAttack(ti *targetInfo) (act, a, e int) {
	w := ti.wordAt
	pre := func(j int) int {
		if w(j) == "shame" && w(j+1) == "on" {
			return j + 2
		}
		return -1
	}
	post := func(j, _ int) int {
		switch {
		case (w(j) == "should" || w(j) == "must") && w(j+1) == "be" && punishWords[w(j+2)]:
			return j + 3
		case w(j) == "ought" && w(j+1) == "to" && w(j+2) == "be" && punishWords[w(j+3)]:
			return j + 4
		case (w(j) == "should" || w(j) == "must") && w(j+1) == "be" && w(j+2) == "brought" && w(j+3) == "to" && w(j+4) == "justice",
			w(j) == "must" && w(j+1) == "face" && w(j+2) == "justice":
			return j + 5
		case strings.HasPrefix(w(j), "deserve"):
			x := j + 1
			if w(x) == "nothing" && w(x+1) == "but" {
				x += 2
			}
			if w(x) == "contempt" || w(x) == "prison" || w(x) == "jail" ||
				w(x) == "to" && (w(x+1) == "go" && (w(x+3) == "prison" || w(x+3) == "jail") || w(x+1) == "be" && punishWords[w(x+2)]) {
				return x + 4
			}
		}
		return -1
	}
	act, _, a, e = attackJudgement(ti, pre, post)
	return act, a, e
}

// punishWords: what the doer of a condemned act should be (round 168).
var punishWords = map[string]bool{"locked": true, "jailed": true, "prosecuted": true, "punished": true, "ashamed": true,
	"caught": true, "charged": true, "arrested": true, "imprisoned": true, "sentenced": true}

// praisePrefix: "good on", "fair play to", "well done to", "hats off to",
// "respect to", "kudos to", "nice one to" (round 167).
func praisePrefix(a, b, c string) bool {
	switch {
	case a == "good" && b == "on", a == "respect" && b == "to", a == "kudos" && b == "to":
		return true
	case a == "fair" && b == "play" && c == "to", a == "well" && b == "done" && c == "to", a == "hats" && b == "off" && c == "to",
		a == "nice" && b == "one" && c == "to":
		return true
	}
	return false
}

// attackObjectEnd: words after which an attack's object has ended ("chased
// the burglars away from the refugee family", round 167).
var attackObjectEnd = map[string]bool{"from": true, "away": true, "for": true, "with": true}

// rewardWords: what the doer of a praised act deserves (round 167).
var rewardWords = map[string]bool{"medal": true, "knighthood": true, "pint": true, "drink": true, "award": true,
	"statue": true}

// heroWords: what the doer of a praised act is called (round 167).
var heroWords = map[string]bool{"hero": true, "heroes": true, "legend": true, "legends": true}

// stoppedHostility finds a noun of hostility whose object is a migrant
// mention and which is the subject of a call to stop (round 166): "the
// racist abuse aimed at the Afghans has to stop", "this hostility towards
// migrant families must end", "threats against the refugees must stop".
// Not with the migrants as agents ("the attacks by migrants on our women
// must stop"). It returns the noun and the end of the call, or -1.
func stoppedHostility(ti *targetInfo) (int, int) {
	w := ti.wordAt
	for k := range ti.words {
		if !stoppableNouns[w(k)] && !ti.has(k, tIncident) {
			continue
		}
		cl := ti.words[k].cl
		// the object: a preposition (or "aimed at", "directed at") right
		// before a migrant mention, within six words
		obj := -1
		for _, m := range ti.mentions {
			if m.kind != kMigrant || m.i <= k || m.i > k+6 || ti.words[m.i].cl != cl {
				continue
			}
			p := beforeDeterminers(ti, m.i)
			for p > k && strings.HasPrefix(ti.words[p].tag, "JJ") {
				p--
			}
			if p > k && hostilityObjectPreps[w(p)] {
				obj = m.j
				break
			}
		}
		if obj < 0 {
			continue
		}
	call:
		for j := obj; j+1 < len(ti.words) && ti.words[j].cl == cl; j++ {
			switch {
			case w(j) == "by":
				break call // the migrants' own act
			case stopModals[w(j)] && (w(j+1) == "stop" || w(j+1) == "end" || w(j+1) == "cease"):
				return k, j + 2
			case (w(j) == "has" || w(j) == "have" || w(j) == "need" || w(j) == "needs") && w(j+1) == "to" &&
				(w(j+2) == "stop" || w(j+2) == "end" || w(j+2) == "cease"):
				return k, j + 3
			case (w(j) == "has" || w(j) == "have") && w(j+1) == "got" && w(j+2) == "to" && (w(j+3) == "stop" || w(j+3) == "end"):
				return k, j + 4
			case w(j) == "must" && w(j+1) == "be" && (w(j+2) == "stopped" || w(j+2) == "ended"):
				return k, j + 3
			}
		}
	}
	return -1, -1
}

// stoppableNouns name hostility toward people that a call can stop (round
// 166; the [incident] section names the acts).
var stoppableNouns = map[string]bool{"abuse": true, "hostility": true, "hatred": true, "hate": true, "harassment": true,
	"racism": true, "discrimination": true, "bullying": true, "insults": true, "threats": true, "intimidation": true,
	"violence": true}

// hostilityObjectPreps put a migrant mention as the object of a noun of
// hostility (round 166).
var hostilityObjectPreps = map[string]bool{"of": true, "at": true, "towards": true, "toward": true, "against": true,
	"on": true, "targeting": true}

// stopModals call for an end: "must stop", "should end" (round 166).
var stopModals = map[string]bool{"must": true, "should": true}

// concededAt reports word i after "even if" in its clause (round 161):
// "even if they were a burden, ...", "... wrong even if they were a
// burden". "Even though" asserts what it concedes.
func concededAt(ti *targetInfo, i int) bool {
	for k := max(ti.clauseStart(i), 1); k < i; k++ {
		if ti.words[k].w == "if" && ti.words[k-1].w == "even" {
			return true
		}
	}
	return false
}

// challengedClaim reports a term at i said of the migrant mention that
// starts at t (t < i), the first noun phrase of a complement whose frame
// challenges it (round 159): in a question, "(any|the|your) proof or
// evidence (that)", "how is it possible (that)", "what makes you think
// (that)", "is it really true (that)", "who told you (that)", "are you sure
// (that)"; in any sentence, "not sure (that)" and "doubt (that)" after a
// subject pronoun or an adverb ("I very much doubt that refugees are a
// burden"). "How is it possible that the council houses these parasites?"
// is no challenge of "parasites": the mention is the term.
func challengedClaim(ti *targetInfo, i, t int) bool {
	if t < 0 || t >= i {
		return false
	}
	// beforeDeterminers skips "that" too (tDeterminers)
	k := beforeDeterminers(ti, t)
	if k < 1 || ti.words[k].sent != ti.words[t].sent || ti.words[i].sent != ti.words[t].sent {
		return false
	}
	w := ti.wordAt
	ask := ti.words[k].ask
	switch w(k) {
	case "proof", "evidence":
		return ask
	case "possible":
		return ask && w(k-1) == "it" && (w(k-2) == "is" || w(k-2) == "'s") && w(k-3) == "how"
	case "think":
		return ask && w(k-1) == "you" && w(k-2) == "makes" && w(k-3) == "what"
	case "true":
		return ask && w(k-1) == "really" && w(k-2) == "it"
	case "you":
		return ask && w(k-1) == "told" && w(k-2) == "who"
	case "sure":
		return ask && w(k-1) == "you" && (w(k-2) == "are" || w(k-2) == "really") ||
			w(k-1) == "not" || w(k-1) == "n't"
	case "doubt":
		switch w(k - 1) {
		case "i", "we", "really", "much", "seriously", "strongly":
			return true
		}
	}
	return false
}

// subordinators open a clause inside a sentence's clause.
var subordinators = map[string]bool{"when": true, "because": true, "if": true, "since": true, "while": true,
	"although": true, "though": true, "unless": true, "whereas": true}

// deniedBeliefAt reports "don't think", "do not believe", "never
// thought", "doesn't mean" within the ten words before i in the same
// clause: the negator's index, or -1.
func deniedBeliefAt(ti *targetInfo, i int) int {
	for k := i - 1; k >= 1 && k >= i-10 && ti.words[k].cl == ti.words[i].cl; k-- {
		// "I don't understand why ...", "can't see why ..." (round 152)
		if (ti.words[k].w == "understand" || ti.words[k].w == "see") && (ti.wordAt(k+1) == "why" || ti.wordAt(k+1) == "how") {
			switch ti.words[k-1].w {
			case "don't", "dont", "not", "n't", "can't", "cant", "cannot", "couldn't", "really":
				if ti.words[k-1].w != "really" {
					return k - 1
				}
				if k >= 2 && ti.has(k-2, tNegation) {
					return k - 2 // "don't really understand why"
				}
			}
		}
		switch ti.words[k].w {
		case "think", "believe", "thought", "agree", "mean", "means":
			switch ti.words[k-1].w {
			case "don't", "dont", "not", "never", "doesn't", "didn't", "n't", "hardly", "scarcely":
				return k - 1
			}
		}
	}
	return -1
}

// pretended reports a term at i, linked to a target at t, in the
// complement of a pretence before both in their clause ("stop pretending
// migrants are the problem", "acting like asylum seekers are a threat",
// "acting as if immigrants are criminals"; round 77): the claim is called
// false. Not when a migrant mention comes before the pretence (the
// migrants pretend: "the migrants pretend to be children").
func pretended(ti *targetInfo, i, t int) bool {
	for k := min(i, t) - 1; k >= 0 && k >= i-10 && ti.words[k].cl == ti.words[i].cl; k-- {
		w := ti.words[k].w
		pretence := strings.HasPrefix(w, "pretend")
		if (w == "act" || w == "acts" || w == "acting") && (ti.wordAt(k+1) == "like" || ti.wordAt(k+1) == "as") {
			pretence = true
		}
		if !pretence {
			continue
		}
		for j := k - 1; j >= 0 && ti.words[j].cl == ti.words[k].cl; j-- {
			if ti.isMention(j) {
				return false
			}
		}
		return true
	}
	return false
}

// givenTo reports a mention at word i right after a form of give (skipping
// determiners): "give those immigrants a beating".
func givenTo(ti *targetInfo, i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch ti.words[k].w {
		case "give", "gives", "gave", "giving", "given":
			return true
		}
		if !tDeterminers[ti.words[k].w] {
			return false
		}
	}
	return false
}

// deserveFrame reports whether words [a, b) between a target and a term
// after it are "deserve(s) to (be|get)" and adverbs: the term is wished on
// the target.
func deserveFrame(ti *targetInfo, a, b int) bool {
	found := false
	for k := a; k < b; k++ {
		switch w := ti.words[k].w; w {
		case "deserve", "deserves", "deserved":
			found = true
		case "to", "be", "get", "all", "really", "truly", "just", "totally", "fully", "every", "one", "of", "them":
		default:
			return false
		}
	}
	return found && b-a <= 5
}

// deniedAfter reports a rebuttal right after the claim that ends at word e:
// a "no" of its own ("'Immigrants are parasites' - no, they're our
// nurses", "Refugees are parasites. No, they're our neighbours") or a bare
// denial as the next clause ("They're not.", "They are simply not.").
func deniedAfter(ti *targetInfo, e int) bool {
	n := len(ti.words)
	if e >= n || e == 0 {
		return false
	}
	if bareNo(ti, e) {
		return true
	}
	cl := ti.words[e-1].cl
	k := e
	for k < n && ti.words[k].cl == cl {
		k++ // the rest of the claim's clause
	}
	if k == n {
		return false
	}
	if bareNo(ti, k) {
		return true
	}
	next := ti.words[k].cl
	pron, neg := false, false
	for ; k < n && ti.words[k].cl == next; k++ {
		switch ti.words[k].w {
		case "they", "they're", "theyre":
			pron = true
		case "not", "n't", "aren't", "arent":
			neg = true
		case "are", "'re", "no", "really", "simply", "just", "certainly", "at", "all":
		default:
			return false
		}
	}
	// the denial ends the text or its sentence
	return pron && neg && (k == n || ti.words[k].cl != next)
}

// askers: the subjects of a why-question that make the hostility the
// asker's or the target's own ("why do we hate them", "why do they ...").
var askers = map[string]bool{"i": true, "we": true, "you": true, "they": true, "these": true, "those": true,
	"u": true, "ya": true}

// bareNo reports a "no" at k that is a clause of its own ("No, ...",
// "Are refugees criminals? No."; not "no doubt").
func bareNo(ti *targetInfo, k int) bool {
	w := ti.words[k].w
	if w != "no" && w != "nope" {
		return false
	}
	if k+1 < len(ti.words) {
		return ti.words[k+1].cl != ti.words[k].cl
	}
	return k > 0 && ti.words[k-1].cl != ti.words[k].cl
}

// formerBelief reports "used to think/believe" before word i in its clause.
func formerBelief(ti *targetInfo, i int) bool {
	for k := i - 1; k >= 2 && k >= i-8 && ti.words[k].cl == ti.words[i].cl; k-- {
		switch ti.words[k].w {
		case "think", "believe", "assume", "imagine":
			if ti.words[k-1].w == "to" && ti.words[k-2].w == "used" {
				return true
			}
		}
	}
	return false
}

// diseaseWords: dehumanising words with a literal medical sense.
var diseaseWords = map[string]bool{"virus": true, "disease": true, "diseases": true, "infection": true,
	"cancer": true, "tumour": true, "tumor": true}

// receiveVerbs: verbs of receiving, which a negation reaches through.
var receiveVerbs = map[string]bool{"get": true, "gets": true, "got": true, "getting": true, "receive": true,
	"receives": true, "received": true, "given": true, "handed": true, "offered": true}

// namedHateNext: words after a hate noun that name it as a thing done to
// someone ("the hate against migrants", "this hatred aimed at refugees").
var namedHateNext = map[string]bool{"against": true, "towards": true, "toward": true, "aimed": true,
	"directed": true, "targeting": true, "targeted": true, "faced": true, "suffered": true, "spewed": true,
	"hurled": true, "shown": true}

// comparedAway reports "than" right after a term (or one word later):
// "no more criminal than anyone else" denies the term.
func comparedAway(ti *targetInfo, e int) bool {
	for k := e; k < len(ti.words) && k <= e+1; k++ {
		if ti.words[k].w == "than" {
			return true
		}
	}
	return false
}

// othersSay reports "some people say", "people claim", "they say" before
// word i in its clause.
func othersSay(ti *targetInfo, i int) bool {
	if endorsedAfter(ti, i) {
		return false // "everyone says they are criminals, and everyone is right" (round 96)
	}
	w := ti.wordAt
	for k := i - 1; k >= 1 && k >= i-8 && ti.words[k].cl == ti.words[i].cl; k-- {
		switch w(k) {
		case "say", "claim", "think", "believe", "reckon", "insist":
			if othersSubject[w(k-1)] || w(k-1) == "papers" || w(k-1) == "media" {
				return true
			}
		case "see", "view", "regard", "call", "label", "brand", "describe":
			// "some people see migrants as a threat", "people call
			// refugees scroungers" (round 214)
			if othersSubject[w(k-1)] {
				return true
			}
		case "says", "claims", "thinks", "believes", "reckons", "insists":
			// a hypothetical speaker: "when someone says refugees are a
			// burden, ..." (a named one is quoted, not put in the mouth
			// of others); "everyone says" (round 95)
			switch w(k - 1) {
			case "someone", "somebody", "anyone", "anybody", "everyone", "everybody":
				return true
			}
		case "saying", "telling":
			// "people keep saying", "they keep telling us" (round 95); not
			// "I keep saying it"
			if (w(k-1) == "keep" || w(k-1) == "keeps") && othersSubject[w(k-2)] {
				return true
			}
		case "tell":
			// "they tell you refugees are scroungers" (round 95); not "let
			// me tell you", "I tell you"
			if w(k-1) == "they" && (w(k+1) == "you" || w(k+1) == "us") {
				return true
			}
		case "told":
			// "we're told", "we are told", "you're told" (round 95)
			if w(k-1) == "we're" || w(k-1) == "you're" || (w(k-1) == "are" || w(k-1) == "were") && (w(k-2) == "we" || w(k-2) == "you") {
				return true
			}
		case "hear":
			// "you hear that migrants ...", "you often hear" (round 95)
			if w(k-1) == "you" || w(k-2) == "you" && strings.HasPrefix(ti.words[k-1].tag, "RB") {
				return true
			}
		}
	}
	return false
}

// rebutted reports a claim that the speaker answers with words of their
// own after it, in its sentence or the next ("Some say refugees are a
// burden; I say they are our neighbours", round 206): "I" or "we" and a
// verb of saying, calling or seeing, with no hostile word after it in its
// sentence ("I say they are a burden and a danger" endorses the claim).
func rebutted(ti *targetInfo, l *hostLink) bool {
	end := max(l.j, l.ti+1)
	if end <= 0 || end >= len(ti.words) {
		return false
	}
	s := ti.words[end-1].sent
	for k := end; k+1 < len(ti.words) && ti.words[k].sent <= s+1; k++ {
		if w := ti.words[k].w; (w != "i" && w != "we") || !rebuttalVerbs[ti.words[k+1].w] {
			continue
		}
		for j := k + 2; j < len(ti.words) && ti.words[j].sent == ti.words[k].sent; j++ {
			if ti.hasAny(j, hostileMask) {
				return false
			}
		}
		return true
	}
	return false
}

// rebuttalVerbs answer a claim in the speaker's own voice ("I say", "we
// call them", "I see them as").
var rebuttalVerbs = map[string]bool{"say": true, "call": true, "see": true, "think": true, "know": true,
	"believe": true, "view": true, "regard": true}

// endorsedAfter reports an endorsement of the claim at word i later in its
// sentence, after a conjunction: "and everyone is right", "and they're not
// wrong", "and it's true", "and I agree", "because it's true", "which is
// exactly right"; "but it isn't true", "and they are wrong" endorse nothing
// (round 96).
func endorsedAfter(ti *targetInfo, i int) bool {
	w := ti.wordAt
	sent := ti.words[i].sent
	after := false
	for j := i + 1; j < len(ti.words) && ti.words[j].sent == sent; j++ {
		switch w(j) {
		case "and", "which", "because":
			after = true
			continue
		}
		if !after {
			continue
		}
		negated := negatedAt(ti, j)
		switch {
		case w(j) == "right" || w(j) == "true":
			if !negated {
				return true
			}
		case w(j) == "wrong":
			if negated {
				return true
			}
		case w(j) == "agree" && (w(j-1) == "i" || w(j-1) == "we"):
			return true
		case w(j) == "believe" && w(j-1) == "i" && w(j+1) == "it":
			return true
		case w(j) == "what" && (w(j+1) == "they" && w(j+2) == "are" || w(j+1) == "they're"):
			// "because that is exactly what they are" (round 214)
			return !negated
		}
	}
	return false
}

// othersSubject: the others who keep saying a claim (round 95).
var othersSubject = map[string]bool{"people": true, "they": true, "some": true, "many": true, "others": true,
	"folks": true, "folk": true, "everyone": true, "everybody": true}

// feelerSkip: auxiliaries, negations and adverbs between a feeling verb and
// the one who feels it ("she doesn't really hate", "clearly despises",
// "can't stand").
var feelerSkip = map[string]bool{"does": true, "doesn't": true, "doesnt": true, "did": true, "didn't": true,
	"didnt": true, "can't": true, "cant": true, "cannot": true, "can": true, "could": true, "couldn't": true,
	"would": true, "just": true, "really": true, "clearly": true, "obviously": true, "openly": true, "also": true,
	"still": true, "truly": true, "genuinely": true, "absolutely": true, "simply": true, "not": true, "never": true,
	"always": true, "secretly": true, "apparently": true, "probably": true, "totally": true, "so": true}

// notFeelers are subjects whose feeling the text owns or generalises
// ("everyone", "people"), beside the speaker (tFirstPerson) and the words
// that begin with "you" or "they", which feltByOther tests apart.
var notFeelers = map[string]bool{"u": true, "people": true, "everyone": true, "everybody": true, "nobody": true,
	"anyone": true, "anybody": true, "all": true, "who": true, "that": true, "folks": true, "ppl": true, "one": true,
	"many": true, "most": true, "some": true, "y'all": true, "ya": true, "i've": true, "ive": true, "we've": true,
	"we'd": true}

// feelingVerbForms are third-person and past forms of feeling verbs the
// tagger may take for nouns ("Farage loathes asylum seekers").
var feelingVerbForms = map[string]bool{"hates": true, "hated": true, "loathes": true, "loathed": true,
	"despises": true, "despised": true, "detests": true, "detested": true, "abhors": true, "abhorred": true,
	"resents": true, "resented": true}

// feltByOther reports a feeling verb at i whose subject is a third person:
// "he", "she", a name or a noun ("the man next door hates foreigners").
func feltByOther(ti *targetInfo, i int) bool {
	switch w := ti.words[i].w; {
	case strings.HasPrefix(ti.words[i].tag, "VB"), feelingVerbForms[w]:
	case (w == "can't" || w == "cant" || w == "cannot") && i+1 < len(ti.words) && ti.words[i+1].w == "stand":
	default:
		return false
	}
	k := i - 1
	for k >= 0 && i-k <= 4 && feelerSkip[ti.words[k].w] {
		k--
	}
	return !ti.isMention(k) && namedOther(ti, k, i, false)
}

// namedOther reports word j, in the clause of word c, as a third party the
// text names: "he", "she", a name or a singular noun (plural nouns too with
// plural), not the speaker, "you", "they" or a generic subject (notFeelers).
// feltByOther and deniedByOther read their subject with it.
func namedOther(ti *targetInfo, j, c int, plural bool) bool {
	if j < 0 || ti.words[j].cl != ti.words[c].cl {
		return false
	}
	w := ti.words[j].w
	if notFeelers[w] || tFirstPerson[w] || youWord(w) || strings.HasPrefix(w, "they") {
		return false
	}
	if w == "he" || w == "she" {
		return true
	}
	t := ti.words[j].tag
	return t == "NNP" || t == "NNPS" || t == "NN" || plural && t == "NNS"
}

// youWord reports a word of the addressee: "you", "your", "you're",
// "yourselves", not "youths" or "young" (round 198).
func youWord(w string) bool {
	return strings.HasPrefix(w, "you") && !strings.HasPrefix(w, "youth") && !strings.HasPrefix(w, "young")
}

// deniedByOther reports an act at v denied by the negation at k of a third
// party, in the indicative: "the council didn't help", "the landlord never
// helped" (round 52). "Nobody" names no third party ("nobody wants them" is
// the text's own generalisation; round 51 lost it). The speaker's own
// refusal ("I would never help"), an order ("don't help them"), a modal
// ("you should never help") and the migrants' own acts are not.
func deniedByOther(ti *targetInfo, k, v int) bool {
	w := ti.wordAt
	if k >= v || ti.question {
		return false
	}
	switch w(k) {
	case "won't", "wont", "wouldn't", "wouldnt", "shouldn't", "shouldnt", "can't", "cant", "cannot", "couldn't",
		"couldnt", "mustn't", "don't", "dont":
		return false
	}
	for j := k + 1; j < v; j++ {
		if tModals[w(j)] && w(j) != "have" && w(j) != "has" || tFirstPerson[w(j)] {
			return false
		}
	}
	// told as what happened: a past or perfect verb, or a past or perfect
	// auxiliary with the negation ("didn't", "has not"); "nobody wants
	// them" is a generalisation the text owns (round 51 lost it)
	past := strings.HasPrefix(ti.words[v].tag, "VBD") || strings.HasPrefix(ti.words[v].tag, "VBN")
	switch w(k) {
	case "didn't", "didnt", "hasn't", "hasnt", "haven't", "havent", "hadn't", "hadnt":
		past = true
	}
	j := k - 1
	for j >= 0 && k-j <= 3 && (w(j) == "did" || w(j) == "has" || w(j) == "have" || w(j) == "had" || w(j) == "was" ||
		w(j) == "were" || strings.HasPrefix(ti.words[j].tag, "RB")) {
		past = past || w(j) == "did" || w(j) == "has" || w(j) == "have" || w(j) == "had"
		j--
	}
	if !past {
		return false
	}
	for _, m := range ti.mentions {
		if m.i <= j && j < m.j && m.kind == kMigrant {
			return false // the migrants' own acts
		}
	}
	return !tModals[w(j)] && namedOther(ti, j, k, true)
}

// refusedNaming returns the refusal verb before a term at i that refuses
// the naming or judgement of it ("refused to call refugees a burden",
// "declined to describe migrants as a threat"; round 52), or -1.
func refusedNaming(ti *targetInfo, i int) int {
	w := ti.wordAt
	for k := i - 1; k >= 2 && k >= i-6 && ti.words[k].cl == ti.words[i].cl; k-- {
		if !(perceptionVerbs[w(k)] || callingVerb(w(k)) && !strings.HasSuffix(w(k), "ing")) || w(k-1) != "to" {
			continue
		}
		switch w(k - 2) {
		case "refuse", "refuses", "refused", "refusing", "decline", "declines", "declined", "declining":
			return k - 2
		}
	}
	return -1
}

// rhetoricalNeg: negated auxiliaries that open a question asking for
// agreement ("Aren't they just the worst?", "Don't you think ...?").
var rhetoricalNeg = map[string]bool{"aren't": true, "arent": true, "isn't": true, "isnt": true, "don't": true,
	"dont": true, "doesn't": true, "doesnt": true, "wasn't": true, "weren't": true, "wouldn't": true, "won't": true}

// admitVerbs: verbs of admitting or wanting someone, whose negation does
// not reach an insult in their object.
var admitVerbs = map[string]bool{"let": true, "letting": true, "allow": true, "allowing": true, "allowed": true,
	"want": true, "wants": true, "need": true, "needs": true, "welcome": true, "accept": true, "tolerate": true}

// harmWish reports a wish frame between a target and a verb: "deserve to",
// "should (all)", "must".
func harmWish(ti *targetInfo, a, b int) bool {
	if deserveFrame(ti, a, b) {
		return true
	}
	if a >= b {
		return false
	}
	w := ti.wordAt
	k := a
	switch {
	case w(k) == "should" || w(k) == "must":
		k++
	case (w(k) == "ought" || w(k) == "need" || w(k) == "needs") && w(k+1) == "to":
		k += 2 // round 36
	default:
		return false
	}
	if w(k) == "all" || w(k) == "just" {
		k++
	}
	if w(k) == "be" && w(k+1) == "made" && w(k+2) == "to" {
		k += 3 // "must be made to suffer" (round 36)
	}
	return k == b
}

// npInternal reports whether words [a, b) stay inside one noun phrase:
// determiners, adjectives, numbers, possessives, quantifiers ("all of",
// "every one of"), commas of an apposition; with of, also "of" ("a flood
// of migrants").
func npInternal(ti *targetInfo, a, b int, of bool) bool {
	for k := a; k < b; k++ {
		w := ti.words[k]
		if w.cl != ti.words[a].cl && k > a {
			return false
		}
		if tDeterminers[w.w] || tIntensifiers[w.w] || groupNouns[w.w] || w.w == "next" || w.w == "them" {
			continue
		}
		if w.w == "of" && (of || k > a && (tDeterminers[ti.words[k-1].w] || ti.words[k-1].w == "each" || ti.words[k-1].w == "none")) {
			continue
		}
		t := w.tag
		if t == "" || strings.HasPrefix(t, "JJ") || t == "DT" || t == "PDT" || t == "CD" || t == "PRP$" || t == "POS" {
			continue
		}
		if strings.HasPrefix(t, "RB") && k+1 < b && strings.HasPrefix(ti.words[k+1].tag, "JJ") {
			continue // "really filthy"
		}
		if k == b-1 && ti.has(k, tOther) && ti.isMention(b) {
			continue // "aggressive male migrants": a modifier of the mention
		}
		return false
	}
	return true
}

// groupNouns quantify a group inside its noun phrase: "the lot of them",
// "a bunch of refugees", "every last one of them".
var groupNouns = map[string]bool{"lot": true, "bunch": true, "load": true, "whole": true, "rest": true, "one": true,
	"ones": true, "majority": true, "number": true, "couple": true, "few": true, "pack": true, "gang": true}

var connectives = map[string]bool{"but": true, "because": true, "although": true, "though": true, "while": true,
	"whereas": true, "however": true, "yet": true, "so": false, "unlike": true, "if": true, "when": true}

func connectiveBetween(ti *targetInfo, a, b int) bool {
	for k := a; k < b && k < len(ti.words); k++ {
		if connectives[ti.words[k].w] {
			return true
		}
	}
	return false
}

func hasWord(ti *targetInfo, a, b int, w string) bool {
	for k := a; k < b && k < len(ti.words); k++ {
		if ti.words[k].w == w {
			return true
		}
	}
	return false
}

func hasTag(ti *targetInfo, a, b int, t string) bool {
	for k := a; k < b && k < len(ti.words); k++ {
		if ti.words[k].tag == t {
			return true
		}
	}
	return false
}

// wordBetween reports a word of set among words [a, b).
func wordBetween(ti *targetInfo, a, b int, set map[string]bool) bool {
	for k := a; k < b && k < len(ti.words); k++ {
		if set[ti.words[k].w] {
			return true
		}
	}
	return false
}

func verbBetween(ti *targetInfo, a, b int) bool {
	for k := a; k < b && k < len(ti.words); k++ {
		if strings.HasPrefix(ti.words[k].tag, "VB") || strings.HasPrefix(ti.words[k].tag, "MD") {
			return true
		}
	}
	return false
}

// victim words: the target suffers what follows ("migrants are victims of
// crime", "refugees face abuse", "immigrants were subjected to")
var victimWords = map[string]bool{"victim": true, "victims": true, "suffer": true, "suffered": true,
	"suffering": true, "suffers": true, "face": true, "faced": true, "faces": true, "facing": true,
	"subjected": true, "targeted": true, "experience": true, "experienced": true, "endure": true,
	"endured": true, "fear": true, "fled": true, "flee": true, "fleeing": true, "escape": true,
	"escaped": true, "escaping": true, "survivors": true, "survived": true, "treated": true}

// exposedWords: the target is exposed to what follows "to" (round 178).
var exposedWords = map[string]bool{"subject": true, "exposed": true, "vulnerable": true}

// victimBetween reports a victim word between a and b; a verb of flight
// whose clause a finite verb closes before b is none ("refugees escaping
// war are dangerous criminals": the predicate is the main clause's, round
// 175).
func victimBetween(ti *targetInfo, a, b int) bool {
	for k := max(a, 0); k < b && k < len(ti.words); k++ {
		// "migrants are often subject to violence", "exposed to abuse"
		// (round 178)
		if exposedWords[ti.words[k].w] && k+1 < b && ti.words[k+1].w == "to" {
			return true
		}
		if !victimWords[ti.words[k].w] {
			continue
		}
		if !fleeWords[ti.words[k].w] || !slices.ContainsFunc(ti.words[k+1:min(b, len(ti.words))], func(t tword) bool { return finiteTag(t.tag) }) {
			return true
		}
	}
	return false
}

// ownedHarm reports a harm told of what a migrant owns (round 64): a
// participle after a noun of a migrant possessive, either in a finished
// passive ("their houses were destroyed", "their relatives were killed by
// the regime") or right after the noun ("have seen their families killed",
// "had their villages burned"). The owners suffered it; no one is
// threatened or blamed. Not when a modal or a wish frames it ("their homes
// should be burned", "I want to see their homes burned").
func ownedHarm(ti *targetInfo, i int) bool {
	if !strings.HasPrefix(ti.words[i].tag, "VBN") {
		return false
	}
	k := i - 1
	for k >= 0 && ownedAux[ti.words[k].w] {
		k--
	}
	nouns := 0
	for k >= 0 && strings.HasPrefix(ti.words[k].tag, "NN") && !ti.isMention(k) && nouns < 2 {
		k--
		nouns++
	}
	if nouns == 0 || k < 0 || ti.words[k].tag != "PRP$" || !possessive[ti.words[k].w] || !ti.isMention(k) {
		return false
	}
	for j := k - 1; j >= 0 && ti.words[j].cl == ti.words[i].cl; j-- {
		if wishModals[ti.words[j].w] || wishSee(ti, j) || wishIf(ti, j) {
			return false
		}
	}
	return true
}

// categoryModifiers: migration nouns that name a kind of offence or affair
// when they modify a noun ("immigration fraud", "asylum fraud").
var categoryModifiers = map[string]bool{"immigration": true, "migration": true, "asylum": true, "visa": true,
	"border": true, "citizenship": true}

// namedCategory reports a derogatory noun right after a migration noun, the
// compound governed by a preposition or a verb (round 70): "jailed for
// immigration fraud", "a show about immigration fraud", "admitted
// immigration fraud". It names a category of offence, said of no migrant.
// A compound that is the subject of a claim ("asylum fraud is rampant")
// keeps its link.
func namedCategory(ti *targetInfo, h lexHit) bool {
	if h.end != h.start+1 || h.start < 2 || !strings.HasPrefix(ti.words[h.start].tag, "NN") ||
		!categoryModifiers[ti.words[h.start-1].w] {
		return false
	}
	j := h.start - 2
	if t := ti.words[j].tag; (t == "DT" || t == "PRP$") && j > 0 {
		j--
	}
	t := ti.words[j].tag
	return ti.words[j].cl == ti.words[h.start].cl && (t == "IN" || t == "TO" || strings.HasPrefix(t, "VB"))
}

// ownedAux: the auxiliaries of a finished passive ("were destroyed", "have
// been burned", "got smashed"); no "be", no modal.
var ownedAux = map[string]bool{"was": true, "were": true, "been": true, "have": true, "has": true, "had": true,
	"got": true, "all": true, "already": true}

// tCopulaBetween reports a copula between words a and b.
func tCopulaBetween(ti *targetInfo, a, b int) bool { return wordBetween(ti, a, b, tCopulas) }

// passiveBetween reports "be"/"get"/"got" (a passive or modal frame) between
// the target and the term: "should be deported", "got shot".
func passiveBetween(ti *targetInfo, a, b int) bool {
	for k := a; k < b && k < len(ti.words); k++ {
		switch ti.words[k].w {
		case "be", "been", "being", "get", "got", "gets", "are", "were", "is", "was":
			return true
		}
	}
	return false
}

// condemned reports whether the hostility of l is quoted or named in order
// to condemn it: a condemnation word elsewhere in the unit together with a
// quotation, a speech word ("calling", "say", "remarks") or a relative
// frame ("those who", "anyone who") before the term; or "stop"/"don't"
// before a speech verb ("stop calling them animals").
func (s *Scorer) condemned(ti *targetInfo, l *hostLink, condemnAt func(int) bool) bool {
	n := len(ti.words)
	condemn := false
	for k := 0; k < n; k++ {
		if k >= l.i && k < l.j {
			continue
		}
		if condemnAt(k) && (ti.words[k].qid == 0 || ti.words[k].qid != ti.words[l.i].qid) && !s.isLinkedHostile(ti, k) && !negatedAt(ti, k) {
			condemn = true
			break
		}
	}
	start := l.i
	if l.ti >= 0 && l.ti < start {
		start = l.ti
	}
	frame := ti.words[l.i].q // quoted hostility
	for k := 0; k < start && !frame; k++ {
		if ti.has(k, tMeta) || tRelative[ti.words[k].w] && k+1 < n && (ti.words[k+1].w == "who" || ti.words[k+1].w == "that") {
			frame = true
		}
		// a speech act stopped or forbidden condemns the hostility of
		// its own clause or a quote, not a clause after it ("Don't call
		// them refugees, they are invaders", round 118)
		own := ti.words[k].cl == ti.words[l.i].cl || ti.words[l.i].q
		if own && tStop[ti.words[k].w] && k+1 < n && ti.has(k+1, tMeta) {
			return true
		}
		// the speech verb after a forbidding word, across adverbs and a
		// progressive "be" (round 118: "no one should ever say", "don't
		// ever call", "shouldn't be calling")
		sp := speechAfter(ti, k)
		if own && (ti.words[k].w == "don't" || ti.words[k].w == "dont" || ti.words[k].w == "never") && ti.has(sp, tMeta) {
			return true
		}
		// a speech act forbidden: "no one should say that ...", "you
		// shouldn't call them ..."
		if own && ti.has(sp, tMeta) && forbidden(ti, k) {
			return true
		}
		// a telling forbidden (round 57): "nobody should tell migrants
		// they are not welcome", "you must not tell them to go home";
		// "tell" is no meta word ("I'll tell you what", "tell your reps")
		if own && tellVerbs[ti.wordAt(sp)] && forbidden(ti, k) {
			return true
		}
		// "nobody should be told to go home": the telling forbidden
		if ti.words[k].w == "told" && k >= 3 && ti.words[k-1].w == "be" && (ti.words[k-2].w == "should" || ti.words[k-2].w == "must") && noOneAt(ti, k-3) {
			return true
		}
		// "don't listen to those who say ...": the speech dismissed
		if (ti.words[k].w == "don't" || ti.words[k].w == "dont" || ti.words[k].w == "never") && k+1 < n && ti.words[k+1].w == "listen" {
			return true
		}
		if ti.words[k].w == "if" && k+1 < n && (ti.words[k+1].w == "you" || ti.words[k+1].w == "someone" || ti.words[k+1].w == "anyone") {
			frame = true
		}
		// "the racists who hate them": the hostility is that of those the
		// text condemns
		// ("it's a disgrace that ..." is no relative clause)
		if ti.has(k, tCondemn) && k+1 < n && (ti.words[k+1].w == "who" || ti.words[k+1].w == "that" && ti.words[k].tag == "NNS") && !s.isLinkedHostile(ti, k) {
			return true
		}
	}
	// a meta word right after the hostile phrase: "'go home' chants", "the
	// 'invasion' rhetoric"
	if !frame && l.j < n && ti.has(l.j, tMeta) && ti.words[l.j].cl == ti.words[l.i].cl {
		frame = true
	}
	if condemn && frame {
		return true
	}
	return corrected(ti, l)
}

// migrantObjectAt reports a migrant mention, a pronoun one too, right after
// the determiners at word k ("rob them", "exploit the refugees").
func migrantObjectAt(ti *targetInfo, k int) bool {
	for k < len(ti.words) && ti.words[k].w != "of" && tDeterminers[ti.words[k].w] {
		k++
	}
	for _, m := range ti.mentions {
		if m.i == k && m.kind == kMigrant {
			return true
		}
	}
	return false
}

// agentOfAct reports a noun at k that is the subject of a verb whose
// object is a migrant mention: "thugs attacked two asylum seekers", "gangs
// rob refugees" say who did something to migrants (round 135). Not when a
// migrant mention stands right before the noun ("migrant gangs rob
// pensioners") or the noun opens a phrase that names them ("gangs of
// Romanians", "criminals from Albania", "parasites like these asylum
// seekers"): the verb must follow the noun, across adverbs and modals.
func agentOfAct(ti *targetInfo, k int) bool {
	n := len(ti.words)
	if k > 0 && ti.isMention(k-1) {
		return false
	}
	j := k + 1
	for j < n && (strings.HasPrefix(ti.words[j].tag, "RB") || ti.words[j].tag == "MD") {
		j++
	}
	if j >= n || ti.words[j].cl != ti.words[k].cl {
		return false
	}
	// a finite verb ("benefit seeking Romanian migrants" has none), not an
	// auxiliary ("How many more crimes do these migrants have to commit")
	switch tg := ti.words[j].tag; {
	case tg == "VBD", tg == "VBZ", tg == "VBP", tg == "VB" && ti.words[j-1].tag == "MD":
	default:
		return false
	}
	switch ti.words[j].w {
	case "is", "are", "was", "were", "be", "been", "have", "has", "had", "do", "does", "did":
		return false
	}
	o := j + 1
	if o < n && ti.words[o].tag == "RP" { // "beat up"
		o++
	}
	for o < n && (tDeterminers[ti.words[o].w] && ti.words[o].w != "of" || ti.words[o].tag == "CD" || strings.HasPrefix(ti.words[o].tag, "JJ")) {
		o++
	}
	return o < n && migrantMentionAt(ti, o)
}

// otherReferent reports a hostile term at h that is said of something else
// than the people a sentence names (round 33): "less than" before an amount
// ("less than £40 a week", "less than half"); a derogatory noun named by
// the noun before it ("the housing problem", "a health threat": problemNouns); "benefits"
// as a verb ("the country benefits from"); a derogatory or dehumanising
// adjective of another noun that is the object of a preposition or of a verb
// of undergoing ("live in filthy conditions", "make dangerous journeys",
// "fled violent wars").
func otherReferent(ti *targetInfo, h lexHit, cat int) bool {
	w := ti.wordAt
	n := len(ti.words)
	if cat == tDerog && w(h.start) == "less" && w(h.start+1) == "than" && h.end == h.start+2 {
		if ti.words[h.end-1].numNext || amountWords[w(h.end)] || w(h.end) == "a" && amountWords[w(h.end+1)] {
			return true
		}
	}
	// "automation could drive down wages", "cheap imports undercut wages"
	// (round 41): a stereotype phrase that starts with its verb is said of
	// the subject before it, here not migrants
	// (not an insinuation, which is said of the migrants it ties the harm
	// to: "this street used to be safe before the immigrants came")
	_, insinuation := ti.insinuatedBy[h.start]
	// an insinuation cue too ("Better hide the silverware": "better" is
	// no subject; round 127)
	insinuation = insinuation || ti.insinuate != nil && ti.insinuate[h.start]
	// A one-word verb said by another subject is said of the migrants only
	// when they are not its object (round 128): "smugglers rob them",
	// "landlords exploit migrants" say what is done to migrants.
	if cat == tStereotype && !insinuation && ti.tagged && strings.HasPrefix(ti.words[h.start].tag, "VB") &&
		(h.end > h.start+1 || migrantObjectAt(ti, h.end)) {
		p := h.start - 1
		for p >= 0 && (ti.words[p].tag == "MD" || strings.HasPrefix(ti.words[p].tag, "RB")) {
			p--
		}
		if p >= 0 && strings.HasPrefix(ti.words[p].tag, "NN") && !ti.isMention(p) && ti.words[p].cl == ti.words[h.start].cl {
			return true
		}
	}
	// "refugees don't bring diseases" (round 41): a word of a longer
	// stereotype phrase is said by the phrase
	if (cat == tDehum || cat == tDerog) && h.end == h.start+1 {
		for _, o := range ti.hits {
			if o.section == tStereotype && o.end-o.start > 1 && o.start <= h.start && h.end <= o.end {
				return true
			}
		}
	}
	if !ti.tagged || h.end != h.start+1 {
		return false
	}
	tag := ti.words[h.start].tag
	if (cat == tDerog || cat == tDehum || cat == tStereotype) && strings.HasPrefix(tag, "NN") && agentOfAct(ti, h.start) {
		return true // "Thugs attacked two asylum seekers" (round 135)
	}
	switch {
	case cat == tStereotype && (w(h.start) == "benefits" || w(h.start) == "benefit"):
		// the tagger reads "the country benefits from" as a plural noun:
		// a verb is a benefit from something, after its subject (not "the
		// benefits from migration")
		nx := h.end
		for nx < n && strings.HasPrefix(ti.words[nx].tag, "RB") {
			nx++
		}
		p := h.start - 1
		return strings.HasPrefix(tag, "VB") || w(nx) == "from" && p >= 0 && !tDeterminers[w(p)] &&
			!strings.HasPrefix(ti.words[p].tag, "JJ") && !strings.HasPrefix(ti.words[p].tag, "PRP")
	case cat == tDerog && problemNouns[w(h.start)] && strings.HasPrefix(tag, "NN") && h.start > 0:
		// two words of their own (a joined "nigeriansarethieves" split in
		// three carries one tag)
		p := h.start - 1
		return strings.HasPrefix(ti.words[p].tag, "NN") && ti.words[p].tok != ti.words[h.start].tok && !ti.isMention(p) &&
			ti.secAt[p] == 0 && ti.words[p].cl == ti.words[h.start].cl
	case (cat == tDerog || cat == tDehum) && strings.HasPrefix(tag, "JJ") && h.end < n:
		nx := h.end
		if !strings.HasPrefix(ti.words[nx].tag, "NN") || ti.words[nx].tok == ti.words[h.start].tok || ti.isMention(nx) ||
			ti.secAt[nx] != 0 || ti.words[nx].cl != ti.words[h.start].cl {
			return false
		}
		p := h.start - 1
		for p >= 0 && (tDeterminers[w(p)] || strings.HasPrefix(ti.words[p].tag, "RB") || strings.HasPrefix(ti.words[p].tag, "JJ")) {
			p--
		}
		if p < 0 || ti.words[p].cl != ti.words[h.start].cl {
			return false
		}
		// not "into" ("turned our estate into a rubbish tip" says what
		// they made of it)
		return ti.words[p].tag == "IN" && w(p) != "like" && w(p) != "than" && w(p) != "into" || undergoVerbs[w(p)]
	}
	return false
}

// deniedEncounterOf reports a negator at k that opens a relative clause
// ("who wasn't", "that doesn't") after a mention that is the object of a
// denied encounter ("never met", "don't know a single", "have yet to
// meet"), round 42.
func (s *Scorer) deniedEncounterOf(ti *targetInfo, k int) bool {
	w := ti.wordAt
	r := k - 1
	if tCopulas[w(r)] || w(r) == "do" || w(r) == "does" || w(r) == "did" {
		r-- // "who was not", "who did not"
	}
	return s.deniedEncounterAt(ti, r)
}

// deniedEncounterAt reports "who" or "that" at r right after a mention that
// is the object of a denied encounter.
func (s *Scorer) deniedEncounterAt(ti *targetInfo, r int) bool {
	w := ti.wordAt
	if w(r) != "who" && w(r) != "that" || r < 1 || !ti.isMention(r-1) {
		return false
	}
	m := r - 1
	for m > 0 && ti.isMention(m-1) {
		m--
	}
	v := m - 1
	for v >= 0 && tDeterminers[w(v)] { // "a", "any", "a single", "one"
		v--
	}
	if v < 1 || !encounterVerbs[s.vocab.lemmaOf(w(v))] {
		return false
	}
	for j := v - 1; j >= 0 && j >= v-3; j-- {
		if ti.has(j, tNegation) {
			return true
		}
	}
	return false
}

// doublyDenied reports the mention at t as the object of a denied
// encounter, followed by a relative clause with a negation of its own
// before word i ("never met an asylum seeker who wasn't grateful for the
// help"; round 215).
func (s *Scorer) doublyDenied(ti *targetInfo, t, i int) bool {
	r := t
	for r < i && ti.isMention(r) {
		r++
	}
	if !s.deniedEncounterAt(ti, r) {
		return false
	}
	for k := r + 1; k < i; k++ {
		if ti.has(k, tNegation) {
			return true
		}
	}
	return false
}

// deniedRelative reports that the nearest "who" or "that" before word i
// (at most six words back) opens the relative clause of a denied
// encounter (round 43's rule, adopted alone in round 44).
func (s *Scorer) deniedRelative(ti *targetInfo, i int) bool {
	for r := i - 1; r >= 1 && r >= i-6; r-- {
		// "... who wasn't grateful for the help" (round 215): the clause's
		// own negation denies the denial
		if ti.has(r, tNegation) {
			return false
		}
		if w := ti.words[r].w; w == "who" || w == "that" {
			return s.deniedEncounterAt(ti, r)
		}
	}
	return false
}

// idiomAt: a positive word inside an idiom that praises no one ("to be
// honest", "good luck", "thank god"); findLinks makes no link for it, so
// neither the features nor the praise rule see it (round 31).
func idiomAt(ti *targetInfo, i int) bool {
	w := ti.wordAt
	return w(i) == "honest" && w(i-1) == "be" || w(i) == "good" && w(i+1) == "luck" || w(i-1) == "thank" && w(i) == "god"
}

// problemNouns name a trouble of something: "the housing problem", "a
// health threat", "the benefits scandal".
var problemNouns = map[string]bool{"problem": true, "problems": true, "threat": true, "threats": true,
	"danger": true, "dangers": true, "burden": true, "menace": true, "nuisance": true, "disaster": true,
	"mess": true, "crisis": true, "scandal": true, "fraud": true}

// amountWords follow "less than" in an amount: "less than half", "less than
// a third".
var amountWords = map[string]bool{"half": true, "third": true, "quarter": true, "fifth": true, "tenth": true,
	"one": true, "two": true, "three": true, "four": true, "five": true, "ten": true, "twenty": true, "fifty": true,
	"hundred": true, "thousand": true, "million": true, "billion": true, "week": true, "month": true, "year": true,
	"day": true, "pound": true, "pounds": true, "dollar": true, "dollars": true, "euro": true, "euros": true,
	"percent": true, "per": true, "minimum": true}

// undergoVerbs take what their subject goes through as object: "refugees
// make dangerous journeys", "face dangerous conditions", "fled violent
// wars".
var undergoVerbs = map[string]bool{"face": true, "faces": true, "faced": true, "facing": true, "flee": true,
	"flees": true, "fled": true, "fleeing": true, "escape": true, "escapes": true, "escaped": true, "escaping": true,
	"make": true, "makes": true, "made": true, "making": true, "endure": true, "endured": true, "enduring": true,
	"survive": true, "survived": true, "surviving": true, "undertake": true, "undertook": true, "risk": true,
	"risked": true, "risking": true}

// forbidden reports a modal at k that forbids what follows: "shouldn't",
// "should not", "nobody should", "no one must".
func forbidden(ti *targetInfo, k int) bool {
	w := ti.wordAt
	switch w(k) {
	case "shouldn't", "shouldnt", "mustn't", "mustnt":
		return true
	case "not":
		return w(k-1) == "should" || w(k-1) == "must"
	case "should", "must", "can":
		return noOneAt(ti, k-1)
	case "to":
		// "no one has the right to call ..." (round 118)
		return w(k-1) == "right" && w(k-2) == "the" && (w(k-3) == "has" || w(k-3) == "have") && noOneAt(ti, k-4)
	case "be":
		// "nobody deserves to be called ..."
		return w(k-1) == "to" && (w(k-2) == "deserves" || w(k-2) == "deserve") && noOneAt(ti, k-3)
	}
	return false
}

// speechAfter returns the word after k across adverbs ("ever", "really",
// "just", "even", "keep") and a progressive "be" ("be calling"): where a
// forbidden speech verb stands (round 118).
func speechAfter(ti *targetInfo, k int) int {
	j := k + 1
	for j < len(ti.words) {
		switch ti.words[j].w {
		case "ever", "really", "just", "even", "keep", "honestly", "seriously":
			j++
			continue
		case "be":
			if j+1 < len(ti.words) && strings.HasSuffix(ti.words[j+1].w, "ing") {
				j++
				continue
			}
		}
		break
	}
	return j
}

// subsetBefore reports a subset picked out within four words before i in
// its clause: "those found to have", "anyone with", "people who have".
func subsetBefore(ti *targetInfo, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4 && ti.words[k].cl == ti.words[i].cl; k-- {
		switch ti.words[k].w {
		case "those", "anyone", "anybody", "whoever", "with", "who", "whose":
			return true
		}
	}
	return false
}

// wishSeeVerbs take the target and the harm wished on it as a small
// clause: "see them beaten", "watch those illegals beaten" (round 59).
var wishSeeVerbs = map[string]bool{"see": true, "watch": true}

// tellVerbs: telling someone something, forbidden in a condemnation.
var tellVerbs = map[string]bool{"tell": true, "telling": true}

// dropUnjustBlameOfOthers drops the [condemn] sense of blame named as
// unjust ("wrongly accused", "unfairly targeted", "scapegoated", round 147)
// when the accused are not migrants: the subject of the passive before it
// ("refugees are wrongly blamed") or the object right after it ("unfairly
// target migrants") must be a migrant mention; "a man who was wrongly
// accused of attacking a refugee" defends the man.
func dropUnjustBlameOfOthers(ti *targetInfo) {
	for _, h := range ti.hits {
		if h.section != tCondemn || !injusticeAdverbs[ti.words[h.start].w] && ti.words[h.start].w != "scapegoated" {
			continue
		}
		if migrantAfter(ti, h.end) || migrantSubjectBefore(ti, h.start) {
			continue
		}
		ti.dropSection(tCondemn, h.start, h.end)
	}
}

// migrantAfter reports a migrant mention at word k, across determiners.
func migrantAfter(ti *targetInfo, k int) bool {
	for k < len(ti.words) && tDeterminers[ti.words[k].w] {
		k++
	}
	return migrantMentionAt(ti, k)
}

// injusticeAdverbs judge a blaming as unjust (round 147).
var injusticeAdverbs = map[string]bool{"wrongly": true, "unfairly": true, "unjustly": true, "falsely": true,
	"wrongfully": true}

// migrantSubjectBefore reports a migrant mention before word k in its
// clause with an auxiliary of the passive and adverbs between ("refugees
// are constantly", "immigrants have been"); not the subject of an active
// verb ("migrants falsely accuse border guards").
func migrantSubjectBefore(ti *targetInfo, k int) bool {
	j := k - 1
	aux := false
	for j >= 0 && ti.words[j].cl == ti.words[k].cl && (passiveAuxWords[ti.words[j].w] || blameAdverbs[ti.words[j].w] ||
		ti.words[j].w == "have" || ti.words[j].w == "has" || ti.words[j].w == "had") {
		aux = aux || passiveAuxWords[ti.words[j].w]
		j--
	}
	if !aux {
		return false
	}
	for _, m := range ti.mentions {
		if m.kind == kMigrant && m.j-1 == j && j >= 0 {
			return true
		}
	}
	return false
}

// passiveBlame reports a hostile term h said of a migrant subject before
// it through a passive of blaming or accusing (round 146): "migrants are
// blamed for crimes they never committed", "refugees always get accused
// of stealing jobs". A demand ("should be blamed") or an endorsing adverb
// ("rightly blamed") makes the charge the speaker's; "are to blame" and "I
// blame them" are. unjust: an adverb of injustice judges the blaming
// ("wrongly blamed", round 147).
func passiveBlame(ti *targetInfo, h lexHit) (ok, unjust bool) {
	t := -1
	for _, m := range ti.mentions {
		if m.kind == kMigrant && m.j <= h.start && ti.words[m.i].cl == ti.words[h.start].cl {
			t = m.j - 1
		}
	}
	if t < 0 {
		return false, false
	}
	w := ti.wordAt
	// "no wonder so many refugees are accused of fraud": the speaker
	// endorses the charge
	for j := t; j >= 1 && ti.words[j].cl == ti.words[t].cl; j-- {
		if w(j) == "wonder" && w(j-1) == "no" || w(j) == "surprise" && w(j-1) == "no" || w(j) == "course" && w(j-1) == "of" {
			return false, false
		}
	}
	for k := t + 1; k < h.start && k <= t+8; k++ {
		if ti.words[k].cl != ti.words[t].cl {
			return false, false
		}
		if !blameParticiples[w(k)] {
			continue
		}
		if p := w(k + 1); p != "for" && p != "of" {
			return false, false
		}
		j := k - 1
		for j > t && blameAdverbs[w(j)] {
			if endorsingAdverbs[w(j)] {
				return false, false
			}
			unjust = unjust || injusticeAdverbs[w(j)]
			j--
		}
		if !passiveAuxWords[w(j)] || deonticBefore(ti, t, k) {
			return false, false
		}
		return true, unjust
	}
	return false, false
}

// passiveBlamed reports a passive of blaming before h (passiveBlame).
func passiveBlamed(ti *targetInfo, h lexHit) bool {
	ok, _ := passiveBlame(ti, h)
	return ok
}

// blameParticiples, blameAdverbs, endorsingAdverbs and passiveAuxWords make
// a passive of blaming (round 146).
var (
	blameParticiples = map[string]bool{"blamed": true, "accused": true, "scapegoated": true}
	blameAdverbs     = map[string]bool{"always": true, "often": true, "constantly": true, "unfairly": true,
		"wrongly": true, "routinely": true, "regularly": true, "frequently": true, "falsely": true, "unjustly": true,
		"repeatedly": true, "still": true, "usually": true, "also": true, "just": true, "being": true, "rightly": true,
		"justly": true, "deservedly": true, "correctly": true, "rightfully": true, "wrongfully": true}
	endorsingAdverbs = map[string]bool{"rightly": true, "justly": true, "deservedly": true, "correctly": true,
		"rightfully": true}
	passiveAuxWords = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true,
		"being": true, "get": true, "gets": true, "got": true, "getting": true, "'re": true, "'s": true}
)

// noOneAt reports "nobody", "noone", "no-one" or "no one" ending at word k.
func noOneAt(ti *targetInfo, k int) bool {
	if k < 0 {
		return false
	}
	switch ti.words[k].w {
	case "nobody", "noone", "no-one":
		return true
	case "one":
		return k > 0 && ti.words[k-1].w == "no"
	}
	return false
}

// corrected reports a claim named to be corrected: "it's a myth that
// migrants are criminals", "the idea that refugees steal jobs is false",
// "Immigrants are scroungers? Not true.", "don't tell me migrants don't
// contribute".
// correctionRun reports words [a, b) all of the correction section.
func correctionRun(ti *targetInfo, a, b int) bool {
	for k := a; k < b; k++ {
		if !ti.has(k, tCorrection) {
			return false
		}
	}
	return true
}

func corrected(ti *targetInfo, l *hostLink) bool {
	if ti.count[tCorrection] == 0 {
		return false
	}
	n := len(ti.words)
	start := l.i
	if l.ti >= 0 && l.ti < start {
		start = l.ti
	}
	// assertive: "the truth is", "in fact", "facts", words that assert
	// what they introduce ("we all know the truth: asylum seekers are
	// scum") rather than correct it; evidence: a phrase naming evidence
	// ("the figures", "statistics") that does not deny it ("no evidence")
	assertive := make([]bool, n)
	evidence := make([]bool, n)
	back := make([]bool, n)
	for _, h := range ti.hits {
		if h.section != tCorrection {
			continue
		}
		if pointsBack(ti, h.start, h.end) {
			for k := h.start; k < h.end; k++ {
				back[k] = true
			}
		}
		var b strings.Builder
		ev, denial := false, false
		for k := h.start; k < h.end; k++ {
			if k > h.start {
				b.WriteByte(' ')
			}
			b.WriteString(ti.words[k].w)
			ev = ev || evidenceNouns[ti.words[k].w]
			denial = denial || ti.has(k, tNegation)
		}
		for k := h.start; k < h.end; k++ {
			assertive[k] = assertive[k] || assertivePhrases[b.String()]
			evidence[k] = evidence[k] || ev && !denial
		}
	}
	for k := 0; k < n; k++ {
		if k >= l.i && k < l.j || !ti.has(k, tCorrection) || negatedAt(ti, k) {
			continue
		}
		// "there is no decent person among them" (round 215): a phrase of
		// denial right before the praise is its own negation, no correction
		if l.cat == tPositive && k < l.i && ti.has(l.i-1, tNegation) && correctionRun(ti, k, l.i) {
			continue
		}
		// a quantifier after the claim that goes on in its own hostile or
		// negative words extends the claim ("... criminal, and most of them
		// have no intention of ever doing a day's work", round 14)
		if k > l.j && quantifierWords[ti.words[k].w] && extendsClaim(ti, k) {
			continue
		}
		// the correction follows the claim; right after it, only a denial
		// ("... doesn't hold up", "... isn't true"): "Immigrants =
		// parasites. fact." asserts
		// "Immigrants are lazy. That's not a stereotype, it's a fact.":
		// "a fact" after the claim asserts it (round 15)
		if k > l.j && (ti.words[k].w == "fact" || ti.words[k].w == "facts") && k > 0 && ti.words[k-1].w == "a" {
			continue
		}
		// so does "it's the truth", "that is just reality" (round 189)
		if k > l.j && truthAffirmed(ti, k) {
			continue
		}
		// evidence after the claim said to show it asserts it: "...
		// and the statistics prove it" (round 137)
		if k > l.j && confirmsClaim(ti, k) {
			continue
		}
		if k > l.j || k == l.j && ti.has(k, tNegation) {
			return true
		}
		if assertive[k] || evidenceShows(ti, k) {
			continue // before the claim, it asserts it
		}
		// a correction of what was said before, in a clause before the
		// claim's, does not reach it: "We know that's a lie, Muslim
		// migrants commit crimes all the time", "I don't believe it. ALL
		// migrants are a burden" (round 137)
		if back[k] && ti.words[k].cl != ti.words[start].cl {
			continue
		}
		// evidence in a clause before the claim's ("forget the figures,
		// refugees are a burden", "I don't need statistics: migrants are
		// parasites") or said to be of it ("plenty of evidence of migrants
		// ruining our towns") does not correct it; "little evidence of"
		// and "no evidence that" do
		if evidence[k] && (ti.words[k].cl != ti.words[start].cl || evidenceOf(ti, k)) {
			continue
		}
		if k < start && start-k <= 4 && !quantifierWords[ti.words[k].w] {
			// "don't tell me migrants don't contribute", "the myth of ...";
			// not a quantifier over the target ("most of them freeloading
			// scum" generalises the claim, it does not correct it)
			return true
		}
		for j := k + 1; j < start && j <= k+4; j++ {
			// "the myth that ...", "it is not true that ..."; the clause
			// ends at a clause break, and an assertion after it is the
			// text's own ("It's not true that they have been here long,
			// they're all stealing our jobs", round 216) unless it goes
			// on with "and", "or" or "that"
			if ti.words[j].w == "that" && (ti.words[start].cl == ti.words[j].cl || continuedClause(ti, start)) {
				return true
			}
		}
	}
	return false
}

// continuedClause reports the clause of word i opened by "and", "or",
// "nor" or "that" (round 216).
func continuedClause(ti *targetInfo, i int) bool {
	a := i
	for a > 0 && ti.words[a-1].cl == ti.words[i].cl {
		a--
	}
	switch ti.words[a].w {
	case "and", "or", "nor", "that":
		return true
	}
	return false
}

// truthAffirmed reports word k inside "it's the truth", "that is simply
// reality": the truth or reality predicated of "it", "that" or "this" at
// the end of its phrase (not "the truth is ...", "the reality of ...").
func truthAffirmed(ti *targetInfo, k int) bool {
	w := ti.wordAt
	t := k
	if w(t) == "the" {
		t++
	}
	if w(t) != "truth" && w(t) != "reality" {
		return false
	}
	switch w(t + 1) {
	case "is", "was", "of", "that":
		return false
	}
	b := t - 1
	for b >= 0 && (w(b) == "the" || w(b) == "just" || w(b) == "simply" || w(b) == "plain" || w(b) == "only") {
		b--
	}
	switch w(b) {
	case "it's", "its", "that's", "thats":
		return true
	case "is", "was":
		return w(b-1) == "it" || w(b-1) == "that" || w(b-1) == "this"
	}
	return false
}

// evidenceShows reports evidence said to show what follows: "statistics
// show that migrants are criminals" asserts the claim it introduces ("no
// evidence that", "the myth that" still correct it).
func evidenceShows(ti *targetInfo, k int) bool {
	if k+1 >= len(ti.words) || !evidenceNouns[ti.words[k].w] {
		return false
	}
	switch ti.words[k+1].w {
	case "show", "shows", "showed", "shown", "prove", "proves", "proved", "tell", "tells", "told", "suggest",
		"suggests", "say", "says", "indicate", "indicates", "confirm", "confirms", "reveal", "reveals":
		return true
	}
	return false
}

// confirmsClaim reports word k inside "evidence shows it" (an evidence
// noun, a verb of showing, then "it", "this", "that", "so" or the end):
// "the statistics prove it", "studies confirm this" (round 137); "the
// figures show otherwise" corrects.
func confirmsClaim(ti *targetInfo, k int) bool {
	for j := k - 1; j <= k+1; j++ {
		if evidenceShows(ti, j) {
			switch ti.wordAt(j + 2) {
			case "it", "this", "that", "so", "":
				return true
			}
		}
	}
	return false
}

// evidenceOf reports evidence said to be of or for what follows: "(plenty
// of) evidence of migrants ruining our towns"; not after a word that
// denies or belittles it ("little evidence of", "any evidence that").
func evidenceOf(ti *targetInfo, k int) bool {
	switch ti.wordAt(k + 1) {
	case "of", "that", "for":
	default:
		return false
	}
	switch ti.wordAt(k - 1) {
	case "no", "little", "any", "scant", "zero", "without", "lack", "absence":
		return false
	}
	return !negatedAt(ti, k)
}

var evidenceNouns = map[string]bool{"evidence": true, "studies": true, "study": true, "research": true, "data": true,
	"statistics": true, "figures": true, "facts": true, "fact": true, "proof": true}

// isLinkedHostile reports whether word k is a hostile term linked to a
// target (then a word like "disgusting" is the text's hostility, not its
// condemnation).
func (s *Scorer) isLinkedHostile(ti *targetInfo, k int) bool {
	for _, l := range ti.links {
		if l.i <= k && k < l.j && l.linked && l.cat != tPositive {
			return true
		}
	}
	return false
}

// condemnsAt reports a condemnation word at k that is the text's own: not
// a hostile term said of a target, not negated ("not disgusting").
func (s *Scorer) condemnsAt(ti *targetInfo, k int) bool {
	return ti.has(k, tCondemn) && !s.isLinkedHostile(ti, k) && !negatedAt(ti, k)
}

// reportedIncident reports whether the hostility of l is part of a
// reported incident: the unit has incident or report-frame words and the
// term is quoted or follows a speech word ("shouted", "chanted", "daubed").
func (s *Scorer) reportedIncident(ti *targetInfo, l *hostLink) bool {
	if ti.count[tIncident]+ti.count[tReport] == 0 {
		return false
	}
	// a hashtag is the author's own comment on what the text reports:
	// "Illegal alien already sentenced for assault ... #StopTheInvasion"
	if ti.words[l.i].hash {
		return false
	}
	// "a Syrian family's car was set alight, police said": the violence
	// is the event reported, not a threat made
	if l.cat == tThreat && !l.modal && ti.count[tReport] > 0 {
		return true
	}
	if ti.words[l.i].q {
		return true
	}
	for k := 0; k < l.i; k++ {
		if ti.has(k, tMeta) {
			return true
		}
		if ti.has(k, tIncident) {
			// "asylum seekers, who are now harassing our girls": with no
			// report frame, migrants doing the incident is the speaker's
			// accusation, not an incident reported against them
			if l.cat == tStereotype && l.ti >= 0 && l.ti < k && ti.count[tReport] == 0 {
				continue
			}
			// "Paris woman attacked by street rapefugee": a slur in the
			// text's own narration, unquoted and said by no one named,
			// is the text's own word (round 133)
			if l.cat == tSlur {
				continue
			}
			return true
		}
	}
	return false
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// anyKey reports whether one of parts is a key word of the lexicons.
func (s *Scorer) anyKey(parts []string) bool {
	for _, p := range parts {
		if len(p) >= 4 && s.isKey(p) {
			return true
		}
	}
	return false
}

// isKey reports whether w is a fuzzy key (a target or hostility word).
func (s *Scorer) isKey(w string) bool {
	if s.vocab == nil {
		return false
	}
	for _, k := range s.vocab.keys[len(w)] {
		if k == w {
			return true
		}
	}
	return false
}

// phrasal verbs whose object stands between verb and particle: "get the
// immigrants out", "send them back", "string them up". They count only with
// a target (a mention or pronoun) in between.
var phrasal = map[string]struct {
	sec       int
	particles []string
}{
	"get": {tExclusion, []string{"out", "away", "gone"}}, "kick": {tExclusion, []string{"out"}},
	"throw": {tExclusion, []string{"out"}}, "send": {tExclusion, []string{"back", "home", "away", "packing"}},
	"ship": {tExclusion, []string{"back", "out", "home", "off"}}, "boot": {tExclusion, []string{"out"}},
	"tow": {tExclusion, []string{"back"}}, "teach": {tThreat, []string{"lesson"}}, "move": {tExclusion, []string{"away"}},
	"chuck": {tExclusion, []string{"out"}}, "drive": {tExclusion, []string{"out", "away"}},
	"force": {tExclusion, []string{"out", "back", "leave"}}, "push": {tExclusion, []string{"back", "out"}},
	"flush": {tExclusion, []string{"out"}}, "make": {tExclusion, []string{"leave"}},
	"turf": {tExclusion, []string{"out"}}, "run": {tExclusion, []string{"out"}}, "put": {tExclusion, []string{"back"}},
	"fly": {tExclusion, []string{"back", "home", "out"}}, "round": {tExclusion, []string{"up"}},
	"lock": {tExclusion, []string{"up", "away"}}, "string": {tThreat, []string{"up"}}, "beat": {tThreat, []string{"up"}},
	"sort": {tThreat, []string{"out"}}, "smash": {tThreat, []string{"up"}}, "knock": {tThreat, []string{"out"}},
	"wipe": {tThreat, []string{"out"}}, "take": {tThreat, []string{"out"}}, "finish": {tThreat, []string{"off"}},
	"bump": {tThreat, []string{"off"}}, "line": {tThreat, []string{"up"}}, "gun": {tThreat, []string{"down"}},
	"mow": {tThreat, []string{"down"}}, "hunt": {tThreat, []string{"down"}}, "burn": {tThreat, []string{"out", "down"}},
}

// passiveEvent reports a participle at k after a form of be or get (across
// adverbs) whose subject, before the auxiliary in its clause, is a migrant
// mention, with no modal, "need to", "deserve to" or "want" between: "the
// refugees were kicked out", "migrants are being driven out", not "should
// be kicked out", "need to be thrown out".
func passiveEvent(ti *targetInfo, k int) bool {
	if ti.words[k].tag != "VBN" && !(ti.words[k].tag == "" && (strings.HasSuffix(ti.words[k].w, "ed") || strings.HasSuffix(ti.words[k].w, "en"))) {
		return false
	}
	a := k - 1
	for a >= 0 && strings.HasPrefix(ti.words[a].tag, "RB") {
		a--
	}
	if a < 0 {
		return false
	}
	// (not "be": "demanded that the asylum seekers be sent back", "to be
	// sent back" are demands)
	switch ti.words[a].w {
	case "are", "is", "were", "was", "being", "been", "get", "gets", "got", "getting":
	default:
		return false
	}
	subject := false
	for j := a - 1; j >= 0 && ti.words[j].cl == ti.words[k].cl; j-- {
		switch w := ti.words[j].w; {
		case ti.words[j].tag == "MD", modalWords[w], deontic(w, ti.wordAt(j+1)), w == "need", w == "needs", w == "deserve",
			w == "deserves", w == "want", w == "wants":
			return false // "should all be kicked out", "Will the migrants be sent back?"
		}
		subject = subject || migrantMentionAt(ti, j)
	}
	// a removal told with approval is the speaker's call: "I'm glad
	// that the illegal immigrants were deported" (round 141)
	return subject && !approvedBefore(ti, k)
}

// modalWords: modal verbs by their words (a misspelt or odd sentence may
// leave them untagged: "migrans shoud all be kicked out").
var modalWords = map[string]bool{"should": true, "must": true, "will": true, "would": true, "can": true, "could": true,
	"shall": true, "may": true, "might": true, "shoud": true, "shld": true, "'ll": true}

// betweenParticle: adverbs allowed between a phrasal verb's object and its
// particle ("move the refugees somewhere far away").
var betweenParticle = map[string]bool{"somewhere": true, "far": true, "right": true, "straight": true,
	"to": true} // "force them to leave" (round 131)

func (s *Scorer) phrasalHits(ti *targetInfo, lemmas []string) {
	n := len(ti.words)
	isTarget := make([]bool, n)
	for _, m := range ti.mentions {
		for i := m.i; i < m.j; i++ {
			isTarget[i] = true
		}
	}
	for i := 0; i < n; i++ {
		pv, ok := phrasal[lemmas[i]]
		if !ok {
			continue
		}
		tgt := false
		for j := i + 1; j < n && j <= i+8 && ti.words[j].cl == ti.words[i].cl; j++ {
			if isTarget[j] {
				tgt = true
				continue
			}
			w := ti.words[j].w
			if !tDeterminers[w] && w != "each" && w != "every" && !betweenParticle[w] && !slicesContains(pv.particles, w) {
				break // only the object between verb and particle
			}
			for _, p := range pv.particles {
				if ti.words[j].w == p && tgt {
					// "the unrest that forced them to leave": a cause
					// told, not a call (round 132)
					if p == "leave" && (ti.words[i].tag == "VBD" || ti.words[i].tag == "VBZ" || ti.words[i].tag == "VBN") {
						break
					}
					ti.addHit(pv.sec, i, j+1)
					j = n
					break
				}
			}
		}
	}
}

func slicesContains(s []string, w string) bool {
	for _, x := range s {
		if x == w {
			return true
		}
	}
	return false
}

// smashingPraise reports "smashing" at k as praise: after an article or
// before a people noun ("a smashing lad", "smashing people"; rounds 98, 99).
func smashingPraise(ti *targetInfo, k int) bool {
	return ti.wordAt(k-1) == "a" || ti.wordAt(k-1) == "an" || k+1 < len(ti.words) && (ti.has(k+1, tPeopleNoun) || ti.words[k+1].w == "blokes")
}

// doerPraise: a praise term said of its doer: the idioms of effort ("give
// back", "lift a finger", "pull their weight"; target.txt [positive], round
// 80), hard work, care and help ("work hard", "look after", "care for",
// "helped"; rounds 81 and 82), but not help that is a sneer ("help
// themselves") or serves a harm ("helped destroy").
func doerPraise(ti *targetInfo, h lexHit) bool {
	first, last := ti.wordAt(h.start), ti.wordAt(h.end-1)
	if h.end-h.start >= 2 {
		// a kind act toward the speaker ("brought us a cake", "fixed my
		// fence", "returned my wallet"; round 100), unless what follows is
		// a harm or nothing ("brought us nothing but trouble")
		if second := ti.wordAt(h.start + 1); second == "us" || second == "me" || second == "my" || second == "our" {
			for k := h.end; k < h.end+3 && k < len(ti.words); k++ {
				if hostileHitEnd(ti, k) > k || ti.words[k].w == "nothing" {
					return false
				}
			}
			return true
		}
		return ti.wordAt(h.start+1) == "back" || last == "finger" || last == "weight" || last == "hard" || last == "harder" ||
			last == "after" && strings.HasPrefix(first, "look") || last == "for" && strings.HasPrefix(first, "car")
	}
	// a verb of contribution ("refugees enrich our town", "contribute a
	// lot", "strengthen our community"; round 225) praises its doer over
	// an object of four words, unless what it feeds is a harm ("contribute
	// to the housing crisis") or the doer itself ("enrich themselves")
	reach := 2
	if contributionVerbs[first] {
		reach = 4
	} else if !helpVerbs[first] {
		return false
	}
	if reflexives[ti.wordAt(h.end)] {
		return false
	}
	for k := h.end; k < h.end+reach && k < len(ti.words) && ti.words[k].cl == ti.words[h.start].cl; k++ {
		if hostileHitEnd(ti, k) > k {
			return false
		}
	}
	return true
}

// comparedTaking (round 225): what migrants take, named in the "than"
// clause of a contribution that is more ("contribute more in taxes than they
// receive in benefits"), is said to be less than what they give: its
// stereotype words are no stereotype.
func comparedTaking(ti *targetInfo) {
	w := ti.wordAt
	for k := range ti.words {
		if w(k) != "than" {
			continue
		}
		more := false
		for j := k - 1; j >= 0 && j >= k-5 && ti.words[j].sent == ti.words[k].sent; j-- {
			if w(j) == "more" && j > 0 && (contributionVerbs[w(j-1)] || w(j-1) == "pay" || w(j-1) == "pays" || w(j-1) == "paid") {
				more = true
			}
		}
		if more {
			e := k + 1
			for e < len(ti.words) && e <= k+6 && ti.words[e].sent == ti.words[k].sent {
				e++
			}
			ti.dropSection(tStereotype, k+1, e)
		}
	}
}

var (
	helpVerbs         = map[string]bool{"help": true, "helps": true, "helped": true}
	contributionVerbs = map[string]bool{"contribute": true, "contributes": true, "contributed": true, "enrich": true,
		"enriches": true, "enriched": true, "strengthen": true, "strengthens": true,
		// round 235: "migrants boost the local economy"
		"boost": true, "boosts": true, "boosted": true, "boosting": true}
	reflexives = map[string]bool{"themselves": true, "himself": true, "herself": true, "yourself": true,
		"yourselves": true, "itself": true}
)

// afterNouns returns the end of a run of nouns starting at word a and
// ending before b ("taxi driver" after "the Somali"; round 100).
func afterNouns(ti *targetInfo, a, b int) int {
	for a < b && strings.HasPrefix(ti.words[a].tag, "NN") {
		a++
	}
	return a
}

// afterPlace returns the end of a place phrase that starts at word a and
// ends before b ("next door", "across the road", "from the hostel", "at the
// gym"; a preposition and up to three words of a noun phrase), or a when
// there is none (round 100).
func afterPlace(ti *targetInfo, a, b int) int {
	if a+1 < b && ti.words[a].w == "next" && ti.words[a+1].w == "door" {
		return a + 2
	}
	// (round 193: "down the road", "across the street")
	if a >= b || ti.words[a].tag != "IN" && !placePrepositions[ti.words[a].w] || ti.words[a].w == "of" || ti.words[a].w == "that" {
		return a
	}
	j := a + 1
	for j < b && j <= a+3 {
		t := ti.words[j].tag
		if t != "DT" && t != "PRP$" && t != "CD" && t != "POS" && !strings.HasPrefix(t, "NN") && !strings.HasPrefix(t, "JJ") {
			break
		}
		j++
	}
	if j == a+1 {
		return a
	}
	return j
}

// placePrepositions open a place phrase the tagger may not read as a
// preposition (afterPlace).
var placePrepositions = map[string]bool{"down": true, "up": true, "across": true, "along": true}

// auxiliariesOnly reports words [a, b) that are auxiliaries, modals,
// negations, adverbs or a relative pronoun only: "has never", "will ever",
// "don't", "a refugee who".
func auxiliariesOnly(ti *targetInfo, a, b int) bool {
	for k := a; k < b; k++ {
		switch ti.words[k].w {
		case "ever", "never", "not", "n't", "who", "that":
			continue
		}
		if !auxiliaryAt(ti, k) {
			return false
		}
	}
	return true
}

// auxiliaryAt reports an auxiliary, a modal, a negation or an adverb at word
// k ("has", "should", "not", "always").
func auxiliaryAt(ti *targetInfo, k int) bool {
	w := ti.words[k]
	switch w.w {
	case "has", "have", "had", "do", "does", "did", "will", "would":
		return true
	}
	return ti.has(k, tNegation) || tModals[w.w] || strings.HasPrefix(w.tag, "RB") || strings.HasPrefix(w.tag, "MD")
}

// threatObjectStart returns where the object of the threat term h begins,
// from word a after it, across a particle ("burn down"; not "in":
// "killings in refugee camps"), "to" after "set fire" ("set fire to"), "at"
// ("throw stones at") and "the windows (doors, homes, houses, cars, shops)
// of" (round 156); a when none is crossed.
func threatObjectStart(ti *targetInfo, h lexHit, a int) int {
	w := ti.wordAt
	o := a
	switch w(o) {
	case "down", "up", "out":
		o++
	case "to":
		if h.end-h.start == 2 && w(h.start) == "set" {
			o++
		}
	case "at":
		o++
	}
	if (w(o) == "the" || w(o) == "their") && threatenedParts[w(o+1)] && w(o+2) == "of" {
		o += 3
	}
	return o
}

// threatenedParts: the parts of a place or home a threat names ("smash the
// windows of").
var threatenedParts = map[string]bool{"windows": true, "doors": true, "door": true, "homes": true, "houses": true,
	"cars": true, "shops": true, "window": true, "home": true, "house": true}

// thanAfter reports "than" within three words after word k, in its clause
// ("no less honest than anyone").
func thanAfter(ti *targetInfo, k int) bool {
	for j := k; j < len(ti.words) && j <= k+2 && ti.words[j].cl == ti.words[k-1].cl; j++ {
		if ti.words[j].w == "than" {
			return true
		}
	}
	return false
}

// ownSubjectBefore reports a word of ownSubjects in [a, k) with only
// auxiliaries, modals, adverbs and negations between it and word k.
func ownSubjectBefore(ti *targetInfo, a, k int) bool {
	for j := k - 1; j >= a; j-- {
		if ownSubjects[ti.words[j].w] {
			return true
		}
		if !auxiliaryAt(ti, j) {
			return false
		}
	}
	return false
}

// ownSubjects: subject pronouns that are not a group of migrants (rounds
// 157 and 158).
// Only the first person: "you" and "he" are often the migrants addressed
// or told of ("You're not welcome here", "he was told he did not belong
// here").
var ownSubjects = map[string]bool{"i": true, "we": true, "i'm": true, "we're": true, "i'll": true, "we'll": true,
	"i'd": true, "we'd": true, "i've": true, "we've": true}

// desireVerbs: the active forms of wanting and needing.
var desireVerbs = map[string]bool{"want": true, "wants": true, "wanted": true, "wanting": true, "need": true,
	"needs": true, "needed": true, "needing": true}

// emptiedObject reports an object that empties what the praise word before
// word k gives: "contribute absolutely nothing", "add zero", "give back sod
// all" (round 80); "nothing but praise", "nothing less than" give all, and
// "nothing more than safety" is all that is wanted.
func emptiedObject(ti *targetInfo, k int) bool {
	n := len(ti.words)
	for j := k; j < n && j <= k+2 && ti.words[j].cl == ti.words[k-1].cl; j++ {
		switch w := ti.words[j].w; {
		case w == "nothing":
			// (round 82: "want nothing more than safety", "nothing else")
			next := ti.wordAt(j + 1)
			return next != "but" && next != "less" && next != "short" && next != "more" && next != "else"
		case w == "zero":
			return true
		case (w == "sod" || w == "fuck" || w == "bugger") && ti.wordAt(j+1) == "all":
			return true
		case !strings.HasPrefix(ti.words[j].tag, "RB") && !tIntensifiers[w]:
			return false
		}
	}
	return false
}

// negatedAt reports a negation right before word k ("it's not racism to
// say ...": a denied condemnation condemns nothing).
func negatedAt(ti *targetInfo, k int) bool {
	for j := k - 1; j >= 0 && j >= k-2 && ti.words[j].cl == ti.words[k].cl; j-- {
		if ti.has(j, tNegation) {
			return true
		}
	}
	return false
}

// exclusionNouns name removal as a policy, not a call ("deportation").
var exclusionNouns = map[string]bool{"deportation": true, "deportations": true, "expulsion": true, "removal": true,
	"removals": true, "remigration": true}

// qualifiers narrow a removal to a subset of people: "convicted offenders",
// "failed asylum seekers", "those with no right to remain".
var qualifiers = map[string]bool{"convicted": true, "failed": true, "refused": true, "rejected": true, "offenders": true,
	"offender": true, "overstayers": true, "criminals": true, "criminal": true, "crimes": true, "offences": true,
	"offenses": true, "unsuccessful": true, "ineligible": true, "appeal": true, "appeals": true, "process": true,
	"processed": true, "claims": true, "claim": true}

// callingVerb: a speech verb whose object is then described ("calling
// refugees vermin", "describing migrants as a flood", "blaming
// immigrants"), not a verb of reporting ("said the Poles were ...").
func callingVerb(w string) bool {
	switch w {
	case "call", "calls", "called", "describe", "describes", "described", "label", "labels", "labelled", "labeled",
		"brand", "brands", "branded", "blame", "blames", "blamed", "refer", "refers", "referred":
		return true
	}
	return strings.HasSuffix(w, "ing")
}

// namingPronouns, namingModals: the speaker and the modal of a naming
// frame ("what I would call", "what you'd call").
var (
	namingPronouns = map[string]bool{"i": true, "you": true, "we": true, "one": true, "people": true, "anyone": true,
		"i'd": true, "you'd": true, "we'd": true}
	namingModals = map[string]bool{"would": true, "'d": true, "might": true, "could": true}
)

// namingFrameEnd returns the end of a naming frame "what PRONOUN [would]
// call" starting at word k and ending before b, or -1 (round 181).
func namingFrameEnd(ti *targetInfo, k, b int) int {
	w := ti.wordAt
	if w(k) != "what" || !namingPronouns[w(k+1)] {
		return -1
	}
	j := k + 2
	if namingModals[w(j)] {
		j++
	}
	if (w(j) == "call" || w(j) == "describe" || w(j) == "consider") && j+1 <= b {
		if w(j+1) == "as" && j+2 <= b {
			return j + 2
		}
		return j + 1
	}
	return -1
}

// negationReaches reports whether words [a, b) let a negation before them
// bear on the word at b.
func negationReaches(ti *targetInfo, a, b int) bool {
	sawHostile := false
	for k := a; k < b; k++ {
		w := ti.words[k]
		// "not lazy or dangerous", "don't commit crimes or live off
		// benefits" (round 50): a negation reaches over a hostile term it
		// denies, and over "or" or "nor" after one, to the next term of
		// the coordination
		if e := hostileHitEnd(ti, k); e > k {
			sawHostile = true
			k = e - 1
			continue
		}
		if (w.w == "or" || w.w == "nor") && sawHostile {
			continue
		}
		if tCopulas[w.w] || tModals[w.w] || tIntensifiers[w.w] || tDeterminers[w.w] || w.w == "to" || w.w == "ever" ||
			w.w == "even" || w.w == "at" || placeAdverbs[w.w] || w.w == "be" || w.w == "been" || w.w == "being" || w.w == "do" || w.w == "does" ||
			w.w == "did" || w.w == "have" || w.w == "has" || w.w == "done" {
			continue
		}
		// "not what I would call hardworking", "hardly what you'd call
		// law-abiding" (round 181): a naming frame the negation reaches
		// through
		if e := namingFrameEnd(ti, k, b); e > k {
			k = e - 1
			continue
		}
		// "not capable of working hard", "not willing to integrate" (rounds
		// 84, 85): a capacity or a will denied denies what it is of
		if abilityWords[w.w] && k+1 < b && (ti.words[k+1].w == "of" || ti.words[k+1].w == "to") {
			k++
			continue
		}
		// "refugees don't want handouts", "do not claim more benefits",
		// "migrants don't come here for benefits", "don't ask for charity"
		// (round 91): a verb of seeking before what is sought
		if seekVerbs[w.w] || w.w == "more" && k == b-1 {
			continue
		}
		if comeVerbs[w.w] || w.w == "ask" || w.w == "asks" || w.w == "asked" {
			f := -1
			for j := k + 1; j < b && j <= k+4; j++ {
				if ti.words[j].w == "for" {
					f = j
					break
				}
			}
			if f >= 0 {
				k = f
				continue
			}
		}
		// "refugees do not get free cars": a verb of receiving before the
		// benefit the stereotype names
		if receiveVerbs[w.w] {
			continue
		}
		// "we can't keep welcoming them", "cannot continue to welcome",
		// "can't go on welcoming", "can no longer afford to take": a
		// denied continuation denies what would continue (round 15)
		if continueVerbs[w.w] || goOnVerbs[w.w] && k+1 < b && ti.words[k+1].w == "on" ||
			w.w == "on" && goOnVerbs[ti.wordAt(k-1)] || w.w == "longer" && ti.wordAt(k-1) == "no" {
			continue
		}
		// "shouldn't be blamed for crime", "don't blame migrants for it"
		if (w.w == "blame" || w.w == "blamed" || w.w == "blaming") && k+1 < b || (w.w == "for" || w.w == "of") && k > a && strings.HasPrefix(ti.words[k-1].w, "blam") {
			continue
		}
		if ti.isMention(k) {
			continue // "no immigrant is a criminal", "not all refugees are"
		}
		t := w.tag
		if t != "" && (strings.HasPrefix(t, "RB") || t == "DT" || t == "PDT" || t == "MD") {
			continue
		}
		// another insult of the same noun phrase: "not lazy scroungers"
		if ti.has(k, tDerog) || ti.has(k, tDehum) {
			continue
		}
		return false
	}
	return true
}

// carriedObject reports words [a, b) that are auxiliaries and adverbs, one
// of carryVerbs and then words a negation reaches over (round 143).
func carriedObject(ti *targetInfo, a, b int) bool {
	for j := a; j < b; j++ {
		if carryVerbs[ti.words[j].w] {
			return auxiliariesOnly(ti, a, j) && negationReaches(ti, j+1, b)
		}
	}
	return false
}

// carryVerbs: verbs of having, doing or bringing whose object is said of
// their subject ("share our values", "commit crime", "pose a threat").
var carryVerbs = map[string]bool{"share": true, "shares": true, "shared": true, "commit": true, "commits": true,
	"committed": true, "bring": true, "brings": true, "brought": true, "cause": true, "causes": true, "caused": true,
	"pose": true, "poses": true, "posed": true, "spread": true, "spreads": true, "show": true, "shows": true,
	"showed": true, "hold": true, "holds": true, "held": true, "respect": true, "respects": true, "respected": true,
	"carry": true, "carries": true, "carried": true}

// seekVerbs and comeVerbs carry a negation to what is sought (round 91).
var (
	seekVerbs = map[string]bool{"want": true, "wants": true, "wanted": true, "expect": true, "expects": true,
		"expected": true, "claim": true, "claims": true, "claimed": true, "demand": true, "demands": true, "demanded": true}
	comeVerbs = map[string]bool{"come": true, "comes": true, "came": true, "coming": true}
)

// abilityWords carry a negation to the act they are of or to: "not capable
// of", "not able to", "never willing to", "not prepared to" (rounds 84,
// 85).
var abilityWords = map[string]bool{"capable": true, "able": true, "willing": true, "prepared": true}

// hostileHitEnd returns the end of a hostile term that starts at word k
// and has kept its section, or k when none does.
func hostileHitEnd(ti *targetInfo, k int) int {
	e := k
	for _, h := range ti.hits {
		if h.start == k && h.end > e && isHostileCat(h.section) && !ti.dropped(h) {
			e = h.end
		}
	}
	return e
}

// continueVerbs carry a negation on to the verb they continue (round 15);
// goOnVerbs do with "on" ("can't go on welcoming").
var continueVerbs = map[string]bool{"keep": true, "keeps": true, "continue": true, "continues": true,
	"afford": true}
var goOnVerbs = map[string]bool{"go": true, "going": true, "carry": true, "carrying": true}

var placeAdverbs = map[string]bool{"here": true, "there": true, "round": true, "around": true, "anymore": true,
	"today": true, "now": true, "else": true, "one": true, "single": true, "once": true, "yet": true}

// weakDerog are derogatory words said of situations as much as of people.
var weakDerog = map[string]bool{"problem": true, "problems": true, "burden": true, "threat": true, "danger": true,
	"menace": true, "worse": true, "mess": true, "disaster": true, "catastrophe": true, "hell": true, "nuisance": true,
	"unwanted": true, "dangerous": true, "violent": true, "criminal": true, "illegal": true, "fake": true, "bogus": true,
	"unskilled": true, "uneducated": true, "illiterate": true, "ghetto": true, "ghettos": true, "backward": true,
	"backwards": true, "the worst": true, "no good": true, "no use": true, "a drain": true, "a burden": true, "a threat": true}

// deathWords: a death wished on the target only with a modal before it.
var deathWords = map[string]bool{"die": true, "died": true, "dies": true, "dead": true, "death": true, "drown": true,
	"drowned": true, "rot": true, "burn": true, "sink": true, "perish": true}

// interjection: profanity aimed at nobody ("fucking hell", "holy shit",
// "oh shit", "bloody hell").
func interjection(ti *targetInfo, h lexHit) bool {
	w := ti.wordAt
	return w(h.end) == "hell" || w(h.start-1) == "holy" || w(h.start-1) == "oh" || w(h.end) == "it" && w(h.start) == "damn"
}

// futureWords: modals of the future, not of obligation or wish.
var futureWords = map[string]bool{"will": true, "'ll": true, "would": true, "shall": true, "wo": true}

// youWords: the addressee as a target ("you will be sent back" threatens).
var youWords = map[string]bool{"you": true, "ya": true, "u": true, "yall": true, "y'all": true}

// ownIntent: words before "to" that say what the target itself wishes or
// is able to do ("hope to go home"), not what others call for.
var ownIntent = map[string]bool{"hope": true, "hopes": true, "hoping": true, "hoped": true, "want": true,
	"wants": true, "wanted": true, "wanting": true, "wish": true, "wishes": true, "wished": true, "able": true,
	"eager": true, "desperate": true, "longing": true, "long": true, "yearn": true, "yearning": true,
	"plan": true, "plans": true, "planning": true, "planned": true, "decide": true, "decided": true,
	"choose": true, "chose": true, "free": true}

// inherentCall: exclusion phrases that are calls without a modal.
var inherentCall = map[string]bool{"go home": true, "go back": true, "not welcome": true, "get out": true,
	"fuck off": true, "piss off": true, "don't belong": true, "do not": true, "doesn't belong": true,
	"not wanted": true, "go away": true, "get lost": true, "back to": true, "back where": true, "out of": true,
	"driven out": true, "good riddance": true}

// coordinatedCall reports an exclusion verb at k in its base form that
// follows "and", "or", "then" or "and then" after an imperative or a demand:
// a clause opened by a verb before its object ("Close the borders and send
// the migrants back", "Tear down the camps and throw them out", "Give them 20
// years then deport them"), a clause with a deontic modal ("India should be
// tough on illegal immigration and deport the immigrants", round 103) or a
// hashtag slogan ("#BuildThatWall and deport them all"). A clause opened by
// its subject ("Migrants come here and go back home", "Police arrested the
// men and deported the migrants") or by a negation ("Don't close the borders
// and ...") is no such call (round 101).
func (s *Scorer) coordinatedCall(ti *targetInfo, k int) bool {
	if k < 2 || s.vocab.lemmaOf(ti.words[k].w) != ti.words[k].w {
		return false
	}
	conj := k - 1
	switch ti.words[conj].w {
	case "and", "or":
	case "then":
		if ti.words[conj-1].w == "and" {
			conj--
		}
	default:
		return false
	}
	c0 := ti.clauseStart(conj)
	if c0 == conj {
		// the conjunction opens its clause: the clause before it is a
		// hashtag slogan that opens the sentence
		b := c0 - 1
		if b < 0 || !ti.words[b].hash {
			return false
		}
		for b > 0 && ti.words[b-1].cl == ti.words[c0-1].cl {
			b--
			if !ti.words[b].hash {
				return false
			}
		}
		return b == 0 || ti.words[b-1].sent != ti.words[b].sent
	}
	if deonticBefore(ti, c0, conj) {
		return true
	}
	v := ti.words[c0]
	if c0+1 >= conj || tDeterminers[v.w] || isPreposition(v) || ti.has(c0, tNegation) || ti.has(c0, tPronoun) ||
		tFirstPerson[v.w] || youWords[v.w] || ti.has(c0, tMigrant) {
		return false
	}
	nx := ti.words[c0+1].w
	return tDeterminers[nx] || verbParticles[nx] || objectPronouns[nx]
}

// deontic reports a word of obligation before next: "should", "must",
// "ought", "need(s) to", "ha(ve|s) to" (features.go's demanded, the paying
// demanded of denyContribution, deonticBefore).
func deontic(w, next string) bool {
	switch w {
	case "should", "must", "ought":
		return true
	case "need", "needs", "have", "has":
		return next == "to"
	}
	return false
}

// deonticBefore reports a demand among words [from, to), not negated
// ("should not", "must never" are no such words).
func deonticBefore(ti *targetInfo, from, to int) bool {
	for j := from; j < to; j++ {
		next := ""
		if j+1 < to {
			next = ti.words[j+1].w
		}
		if next != "not" && next != "never" && deontic(ti.words[j].w, next) {
			return true
		}
	}
	return false
}

// returnStated reports a going back (home) at k said of the migrant subject
// before it through words that state it: "Ukrainian refugees are starting to
// go back home", "the Syrian family will go back home next year", "migrants
// come here and go back home", "refugees want to go home when the war
// ends". Nothing between ("Refugees go home!"), a demand ("should go back"),
// a permission ("they can go back on the next ferry": a dismissal), a
// negation ("who will never go home"), a condition ("if ..., they will go
// back", "they would ... go home"), "you", a
// message or quote ("was told to 'go home'") or a subject in another clause
// ("Migrants, go home!") leave the call (round 105).
func (s *Scorer) returnStated(ti *targetInfo, l hostLink, k int) bool {
	if s.vocab.lemmaOf(ti.words[k].w) != "go" || !l.linked || l.kind != kMigrant {
		return false
	}
	// the subject: the last migrant mention before the verb ("Most asylum
	// seekers will work ... and then go back to their families"), not a
	// possessive, which names an owner ("they would take down their signs
	// and go home"; hostility.go's possessive)
	subj, end := -1, -1
	for _, m := range ti.mentions {
		if m.kind == kMigrant && m.j <= k && m.i > subj && !possessive[ti.words[m.i].w] {
			subj, end = m.i, m.j
		}
	}
	if subj < 0 || youWords[ti.words[subj].w] || end >= k || ti.words[k].q || deonticBefore(ti, end, k) ||
		negatedAt(ti, k) || ti.words[k-1].w == "never" {
		return false
	}
	// "if the refugees don't get food, they will go back quick": a
	// consequence held out, not a return told
	for j := k - 1; j >= 0 && ti.words[j].sent == ti.words[k].sent; j-- {
		if ti.words[j].w == "if" {
			return false
		}
	}
	stated := false
	for j := end; j < k; j++ {
		if ti.words[j].cl != ti.words[k].cl {
			return false
		}
		if messageVerbs[ti.words[j].w] || ti.has(j, tMeta) || ti.words[j].w == "would" || ti.words[j].w == "'d" {
			return false // "a nurse was told to go home": a message sent; "they would ... go home": a wish
		}
		stated = stated || returnStaters[ti.words[j].w]
	}
	return stated
}

// returnStaters: the words between a subject and its going back that state
// the return rather than call for it.
var returnStaters = map[string]bool{"will": true, "'ll": true, "are": true, "is": true, "were": true,
	"was": true, "be": true, "been": true, "want": true, "wants": true, "wanted": true, "hope": true, "hopes": true,
	"hoped": true, "chose": true, "choose": true, "chooses": true, "decided": true, "decide": true, "decides": true,
	"plan": true, "plans": true, "planned": true, "started": true, "starting": true, "start": true, "starts": true,
	"began": true, "begin": true, "begins": true, "able": true, "allowed": true, "free": true, "likely": true,
	"expected": true, "and": true, "then": true,
	"eventually": true, "often": true, "usually": true}

// institutionActs reports an exclusion verb at k whose subject is an
// institution or an official actor ([institution] or [report] of
// target.txt: "the government", "officials", "police", "the Home Office")
// with no migrant named between them: a removal carried out and reported,
// or planned, not a call (round 106; a demand is modal and stays a call).
func (s *Scorer) institutionActs(ti *targetInfo, k int) bool {
	// a removal done ("deported", "sent back") or planned ("new powers to
	// deport"), not a bare verb ("no judges, deport ASAP!": a call)
	v := ti.words[k].w
	if lem := s.vocab.lemmaOf(v); (lem == v || strings.HasSuffix(v, "ing")) && (k == 0 || ti.words[k-1].w != "to") {
		return false
	}
	for j := k - 1; j >= 0 && ti.words[j].cl == ti.words[k].cl; j-- {
		if ti.has(j, tMigrant) || ti.has(j, tNationality) || ti.has(j, tPronoun) || tFirstPerson[ti.words[j].w] {
			return false
		}
		if ti.has(j, tInstitution) || ti.has(j, tReport) || officialActors[ti.words[j].w] {
			return true
		}
	}
	return false
}

// officialActors act for the state without being listed as institutions.
var officialActors = map[string]bool{"government": true, "governments": true, "ministry": true, "state": true,
	"council": true, "authorities": true, "ice": true}

// verbParticles follow a verb that opens an imperative ("Wake up", "Tear
// down the camps", "Shut down the hotels"); objectPronouns too ("Give them
// 20 years").
var (
	verbParticles  = map[string]bool{"up": true, "down": true, "off": true, "out": true}
	objectPronouns = map[string]bool{"them": true, "him": true, "her": true, "em": true, "'em": true}
)

func isPreposition(w tword) bool {
	switch w.w {
	case "at", "against", "towards", "toward", "on", "to", "for", "about", "with", "of":
		return true
	}
	return w.tag == "IN" || w.tag == "TO"
}

// compoundModifier reports a mention followed by a common noun it
// modifies ("refugee charity", "asylum hotel", "migrant centre"), not by a
// noun for people ("migrant workers").
func compoundModifier(ti *targetInfo, m mention) bool {
	if m.j >= len(ti.words) || ti.words[m.j].cl != ti.words[m.i].cl {
		return false
	}
	nx := ti.words[m.j]
	// "Mexicans crossing over are ...": an -ing word before a particle or
	// preposition is a participle the tagger took for a noun
	if strings.HasSuffix(nx.w, "ing") && m.j+1 < len(ti.words) &&
		(ti.words[m.j+1].tag == "RP" || ti.words[m.j+1].tag == "IN") {
		return false
	}
	return strings.HasPrefix(nx.tag, "NN") && !strings.HasPrefix(nx.tag, "NNP") && !ti.has(m.j, tPeopleNoun) &&
		!ti.has(m.j, tMigrant) && !ti.has(m.j, tSlur) && !ti.has(m.j, tDehum) && !ti.has(m.j, tDerog)
}

// dropSaidOfOthers clears the hostile terms that a unit says of something
// other than the migrants it names, or that report what was done to them
// (round 10, docs/analysis.md): the object of a migrant's caring act
// ("refugees feed the stray animals", "migrants who pick up the rubbish"),
// a harm reported as done to them ("a refugee was stabbed during a
// robbery", "three foreign students were mugged at knifepoint"), the place
// a passive puts them in ("asylum seekers were housed in a filthy hotel"),
// and a dehumanising place noun that is no place they are put in ("the
// migrant workers were trapped when the barn caught fire"). Left linked,
// these read victims and helpers as targets of hostility.
func (s *Scorer) dropSaidOfOthers(ti *targetInfo) {
	n := len(ti.words)
	for k := 0; k < n; k++ {
		if ti.has(k, tDehum) && dehumPlaces[ti.words[k].w] && !placeFrame(ti, k) {
			ti.dropSection(tDehum, k, k+1)
		}
	}
	for _, m := range ti.mentions {
		if m.kind != kMigrant || m.place || m.j >= n || m.pronoun && ti.words[m.i].tag == "PRP$" {
			continue
		}
		k := m.j
		// the head noun a mention modifies ("the immigrant shopkeeper",
		// "migrant workers"), a relative pronoun, adverbs
		for k < n && k < m.j+2 && strings.HasPrefix(ti.words[k].tag, "NN") && !ti.isMention(k) {
			k++
		}
		for k < n && k < m.j+4 && (ti.words[k].w == "who" || ti.words[k].w == "that" || strings.HasPrefix(ti.words[k].tag, "RB")) {
			k++
		}
		if k >= n || ti.words[k].cl != ti.words[m.i].cl {
			continue
		}
		if strings.HasPrefix(ti.words[k].tag, "VB") && careVerbs[s.vocab.lemmaOf(ti.words[k].w)] {
			a, b := k+1, objectEnd(ti, k+1, 6)
			for _, sec := range []int{tDehum, tDerog, tVNeg, tStereotype} {
				ti.dropSection(sec, a, b)
			}
			continue
		}
		// a finished passive: "was", "were", "has been", "had been"
		aux := k
		for aux < n && aux < k+3 && (ti.words[aux].w == "has" || ti.words[aux].w == "have" || ti.words[aux].w == "had" || strings.HasPrefix(ti.words[aux].tag, "RB")) {
			aux++
		}
		v := aux + 1
		// or a reduced passive with its circumstances, as in headlines:
		// "refugee stabbed in Leeds", "I saw an asylum seeker beaten with
		// a bat"
		reduced := k < n && strings.HasPrefix(ti.words[k].tag, "VBN") && k+1 < n && isPreposition(ti.words[k+1]) &&
			ti.words[k+1].w != "like" && ti.words[k+1].w != "as"
		if reduced {
			v = k
		} else if aux >= n || !(ti.words[aux].w == "was" || ti.words[aux].w == "were" || ti.words[aux].w == "been") {
			continue
		}
		for v < n && strings.HasPrefix(ti.words[v].tag, "RB") {
			v++
		}
		if v >= n || !strings.HasPrefix(ti.words[v].tag, "VBN") {
			continue
		}
		end := v + 1
		// coordinated participles: "punched and robbed"
		for end+1 < n && ti.words[end].w == "and" && strings.HasPrefix(ti.words[end+1].tag, "VBN") {
			end += 2
		}
		b := clauseEnd(ti, end, 6)
		if (ti.has(v, tThreat) || ti.has(v, tStereotype)) && !approvedHarm(ti, m.i, end) && !migrantAgent(ti, end, b) {
			// the harm and how it was done: "at knifepoint", "with a bat"
			ti.dropSection(tThreat, v, b)
			ti.dropSection(tStereotype, v, b)
			continue
		}
		if end < n && ti.words[end].tag == "IN" && ti.words[end].w != "like" && ti.words[end].w != "as" {
			b := objectEnd(ti, end+1, 4)
			ti.dropSection(tDerog, end+1, b)
			ti.dropSection(tDehum, end+1, b)
		}
	}
}

// toldAttacks clears the threat sense of a violent verb that tells an
// attack by a third party (round 198), the active counterpart of
// dropSaidOfOthers' finished passive: "Two men punched an asylum seeker",
// "Neo-Nazi thugs beat up a Syrian refugee", "Thugs smashed the windows of
// the mosque and beat an Afghan refugee". The verb is past (or perfect, or
// a verb whose past is its present, as "beat" and "hit", or progressive
// with no modal, wish or approval in its sentence: round 201), no modal comes
// before it in its clause, and its subject is a third party the text names
// (namedOther: not the speaker, "you", "they" or a generic subject, and no
// migrant: "Migrants beat up a local man" keeps its sense); a subject
// before "and" carries to the second verb. The attacked are migrants, named
// in the verb's object. A harm approved or wished
// ("Good, someone finally beat up one of those illegals") keeps it.
func toldAttacks(ti *targetInfo) {
	w := ti.wordAt
	for _, h := range ti.hits {
		// an incident verb ("are attacking") names its doers too
		if h.section != tThreat && (h.section != tIncident || !strings.HasPrefix(ti.words[h.start].tag, "VB")) || ti.dropped(h) {
			continue
		}
		v := h.start
		tag := ti.words[v].tag
		k := v - 1
		perfect, progressive := false, false
		for k >= 0 && (w(k) == "has" || w(k) == "have" || w(k) == "had" || strings.HasPrefix(ti.words[k].tag, "RB") ||
			tag == "VBG" && progressiveAux[w(k)]) {
			perfect = perfect || w(k) == "has" || w(k) == "have" || w(k) == "had"
			progressive = progressive || progressiveAux[w(k)]
			k--
		}
		if !(tag == "VBD" || tag == "VBN" && perfect || pastAsPresent[w(v)] && (tag == "VBP" || tag == "VB") ||
			tag == "VBG" && progressive && !wishInSentence(ti, v)) {
			continue
		}
		// the subject of a first verb before "and"
		if w(k) == "and" {
			j := k - 1
			for j > 0 && ti.words[j].cl == ti.words[v].cl && ti.words[j].tag != "VBD" {
				j--
			}
			if j <= 0 || ti.words[j].tag != "VBD" {
				continue
			}
			k = j - 1
		}
		if k < 0 || migrantMentionAt(ti, k) || !namedOther(ti, k, v, true) || approvedHarm(ti, k, h.end) {
			continue
		}
		// the attacked are migrants: the first mention within eight words
		// after the verb, in its clause, in its object ("killed an
		// innocent American couple" tells no attack on migrants; "activist
		// murdered after hitching ride with Moroccan truck driver" none by
		// a third party)
		victim := false
		for j := h.end; j < len(ti.words) && j < h.end+8 && ti.words[j].cl == ti.words[v].cl; j++ {
			if ti.isMention(j) {
				victim = migrantMentionAt(ti, j)
				break
			}
			if ti.words[j].tag == "IN" && !victimPrepositions[w(j)] {
				break
			}
		}
		if !victim {
			continue
		}
		modal := false
		for j := k; j >= 0 && ti.words[j].cl == ti.words[v].cl; j-- {
			modal = modal || tModals[w(j)] || wishModals[w(j)]
		}
		if modal {
			continue
		}
		if h.section == tThreat {
			ti.dropSection(tThreat, h.start, h.end)
			ti.dropSection(tStereotype, h.start, h.end)
		}
		// the attackers' names are said of them: "thugs", "yobs"
		a := k
		for a > 0 && ti.words[a-1].cl == ti.words[k].cl && !strings.HasPrefix(ti.words[a-1].tag, "VB") {
			a--
		}
		for _, sec := range []int{tDerog, tDehum, tStereotype} {
			ti.dropSection(sec, a, k+1)
		}
	}
}

// hostileNamed clears the derogatory, dehumanising and stereotype senses of
// a word that names hostility toward others (round 199): a word inside a
// longer condemnation ("crimes" in "the rise in hate crimes"), or after a
// word naming a hostile movement ("racist gangs", "far-right thugs") or
// before "of" or "from" and one ("a gang of racist thugs", "a mob of
// neo-Nazi yobs", "threats from far-right gangs": round 200). Left, they read the attackers' names as things said of the
// migrants they attack. A condemning word that is also derogatory
// ("dangerous", "disgusting") keeps its senses.
func hostileNamed(ti *targetInfo) {
	const named = 1<<tDerog | 1<<tDehum | 1<<tStereotype
	for _, h := range ti.hits {
		if named&(1<<uint(h.section)) == 0 || ti.dropped(h) {
			continue
		}
		by := hostileMovements[ti.wordAt(h.start-1)]
		if ti.wordAt(h.end) == "of" || ti.wordAt(h.end) == "from" {
			for k := h.end + 1; k <= h.end+2; k++ {
				by = by || hostileMovements[ti.wordAt(k)]
			}
		}
		for _, c := range ti.hits {
			if c.section != tCondemn || ti.dropped(c) || c.start > h.start || h.end > c.end {
				continue
			}
			// longer by a word of its own ("hate"), not an article ("a
			// disgrace")
			for k := c.start; k < c.end; k++ {
				by = by || (k < h.start || k >= h.end) && ti.words[k].tag != "DT"
			}
		}
		if by {
			for _, sec := range []int{tDerog, tDehum, tStereotype} {
				ti.dropSection(sec, h.start, h.end)
			}
		}
	}
}

// labelsInReports marks a label of hostility in a sentence that only reports
// it (round 200), so that it counts as no condemnation of the text's own
// (q:condemn; the hate-crime model still reads it as evidence of a reported
// hate crime): "Racist attacks on Afghan refugees doubled", "The far-right
// party distributed leaflets", "Hate crimes against asylum seekers rose by a
// fifth". The label stands before a noun of what happened or who did it, or
// is "hate crime(s)", and names it, not the text's judgement of it; the
// sentence has no other condemnation, solidarity or correction word
// ("Migrants are more likely to be victims of hate crime than to commit
// crimes themselves" argues), no speaker or addressee (I, we, our, you), no
// exclamation and no question ("Was it a racist attack?"), and the label
// is no predicate ("this is racist"). A
// label used as an argument ("is the result of racism", "such racist
// tactics") keeps its sense.
//
// Round 223: a statistic is a report too. The words that source a figure
// ("according to police figures", "a study found", "20 percent") do not
// judge the sentence, and a noun of harm to migrants named in a sentence
// that tells a change or a finding ("Discrimination against immigrants
// remains widespread, a study found", "Violence against asylum seekers
// increased by a third") is such a label; the sourcing words of a sentence
// with a label are no correction of a claim either.
func labelsInReports(ti *targetInfo) {
	w := ti.wordAt
	judged := map[int]bool{}
	told := map[int]bool{} // sentences that tell a change or a finding
	for k := range ti.words {
		s := ti.words[k].sent
		told[s] = told[s] || reportedChange[w(k)]
		switch {
		case ti.has(k, tCorrection) && evidenceWords[w(k)]:
		case ti.has(k, tSolidarity), ti.has(k, tCorrection), tFirstPerson[w(k)], youWord(w(k)), w(k) == "!", w(k) == "?":
			judged[s] = true
		case ti.has(k, tCondemn) && !hostileMovements[w(k)] && w(k) != "hate" && w(k) != "crime" && w(k) != "crimes" &&
			!(harmBefore[w(k)] && harmToMigrants(ti, k+1)):
			judged[s] = true
		}
	}
	for _, h := range ti.hits {
		if h.section != tCondemn || ti.dropped(h) || judged[ti.words[h.start].sent] {
			continue
		}
		// a label before a noun of what happened or who did it ("racist
		// attacks", "the far-right party"), or "hate crime(s)"
		label := h.end-h.start == 1 && hostileMovements[w(h.start)] && labelledNouns[w(h.end)] ||
			h.end-h.start == 2 && w(h.start) == "hate" && (w(h.start+1) == "crime" || w(h.start+1) == "crimes") ||
			h.end-h.start == 1 && told[ti.words[h.start].sent] && harmBefore[w(h.start)] && harmToMigrants(ti, h.end)
		if !label || tCopulas[w(h.start-1)] || tCopulas[w(h.start-2)] && strings.HasPrefix(ti.words[h.start-1].tag, "RB") {
			continue
		}
		if ti.reportLabel == nil {
			ti.reportLabel = map[int]bool{}
		}
		for k := h.start; k < h.end; k++ {
			ti.reportLabel[k] = true
		}
		for k := range ti.words {
			if ti.words[k].sent == ti.words[h.start].sent && evidenceWords[w(k)] && ti.has(k, tCorrection) {
				ti.dropSection(tCorrection, k, k+1)
			}
		}
	}
}

// harmToMigrants reports a preposition at k (against, towards, on,
// targeting, and "of" after a noun whose "of" names the victim) with a
// migrant mention right after it, across determiners (migrantAfter:
// "discrimination against immigrants", "harassment of migrant workers";
// not "the violence of migrants").
func harmToMigrants(ti *targetInfo, k int) bool {
	switch ti.wordAt(k) {
	case "against", "towards", "toward", "on", "targeting":
	case "of":
		if !victimOf[ti.wordAt(k-1)] {
			return false
		}
	default:
		return false
	}
	return migrantAfter(ti, k+1)
}

// victimOf: nouns of harm whose "of" names the victim ("the abuse of
// refugees"); after any other, it names the doer ("the violence of ...").
var victimOf = map[string]bool{"abuse": true, "harassment": true, "discrimination": true, "hatred": true,
	"persecution": true, "mistreatment": true, "exploitation": true, "demonisation": true, "demonization": true}

// harmDoneTo (round 224) reads a noun of harm (harmBefore) that names its
// migrant victims after it ("the violence against asylum seekers", "the
// abuse of refugees") as harm done to them: it is no stereotype,
// derogation or threat of theirs ("We must end the violence against asylum
// seekers" was anti_migrant 0.64). Ended ("end", "stop", "tackle", "fight"
// within three words before it, or "must stop", "has to end" within four
// words after its migrants), it is condemned: a [condemn] hit.
func harmDoneTo(ti *targetInfo) {
	w := ti.wordAt
	for k := range ti.words {
		if !harmBefore[w(k)] || !harmToMigrants(ti, k+1) {
			continue
		}
		for _, sec := range []int{tStereotype, tDerog, tDehum, tThreat} {
			ti.dropSection(sec, k, k+2)
		}
		ended := false
		for j := k - 1; j >= 0 && j >= k-3 && ti.words[j].cl == ti.words[k].cl; j-- {
			ended = ended || endingVerbs[w(j)]
		}
		e := k + 2
		for e < len(ti.words) && ti.isMention(e) {
			e++
		}
		for j := e; j < len(ti.words) && j < e+4 && ti.words[j].sent == ti.words[k].sent; j++ {
			ended = ended || endingVerbs[w(j)] && (tModals[w(j-1)] || w(j-1) == "to")
		}
		if ended && !ti.has(k, tCondemn) {
			ti.addHit(tCondemn, k, k+1)
		}
	}
}

// endedActs (round 227) reads a call to stop a hostile act toward
// migrants as its condemnation: an ending verb ("stop", "quit", "end")
// right before a gerund of threat, attack, derogation, hatred or hostile
// speech (hostileSpeechActs) whose object, right after it (across
// determiners), is a migrant mention
// ("Stop attacking refugees", "Quit threatening refugees" was anti_migrant
// 0.79). The gerund loses its hostile senses and becomes a [condemn] hit.
// A command a report tells ("police told the men to stop attacking the
// migrants") is no call of the text's.
func endedActs(ti *targetInfo) {
	w := ti.wordAt
	hostile := func(k int) bool {
		return slices.ContainsFunc(endedSections, func(sec int) bool { return ti.has(k, sec) }) || hostileSpeechActs[w(k)]
	}
	for k := 1; k < len(ti.words); k++ {
		if !endingVerbs[w(k-1)] && w(k-1) != "quit" || !strings.HasSuffix(w(k), "ing") || !hostile(k) {
			continue
		}
		if !migrantAfter(ti, k+1) {
			continue
		}
		told := false
		for j := k - 2; j >= 0 && j >= k-6 && ti.words[j].sent == ti.words[k].sent; j-- {
			told = told || commandVerbs[w(j)]
		}
		if told {
			continue
		}
		for _, sec := range endedSections {
			ti.dropSection(sec, k, k+1)
		}
		ti.addHit(tCondemn, k, k+1)
	}
}

// endedSections: the sections of a hostile gerund that endedActs reads and
// turns into a condemnation.
var endedSections = []int{tThreat, tIncident, tDerog, tDehum, tEmotion, tStereotype}

// hostileSpeechActs: the [meta] gerunds that are hostile acts themselves
// ("stop demonising refugees"; endedActs), unlike "saying" or "calling".
var hostileSpeechActs = map[string]bool{"blaming": true, "scapegoating": true, "demonising": true,
	"demonizing": true, "vilifying": true, "smearing": true}

// preventedPraise (round 228) drops a praise word denied, or a stereotype
// that denies a virtue ("can't integrate"), as the effect of a ban on the
// migrants' working or learning, told in its sentence and
// tied to it by a subordinator or "so": "Asylum seekers cannot contribute
// because they are not allowed to work" (anti_migrant 0.88) denies nothing
// of them. A ban called for ("they never contribute, they should be banned
// from working") is tied by nothing and keeps the denial.
func preventedPraise(ti *targetInfo) {
	for _, h := range ti.hits {
		if h.section != tPositive && h.section != tStereotype || ti.dropped(h) {
			continue
		}
		// praise denied ("cannot contribute"), or a stereotype that is a
		// denial ("can't integrate", "never integrate")
		denied := false
		for k := h.start - 3; k < h.end; k++ {
			denied = denied || k >= 0 && ti.words[k].cl == ti.words[h.start].cl && ti.has(k, tNegation) &&
				(h.section == tPositive) == (k < h.start)
		}
		if !denied {
			continue
		}
		for j := range ti.words {
			if ti.words[j].sent != ti.words[h.start].sent || (j >= h.start && j < h.end) || !banAt(ti, j) {
				continue
			}
			if wordBetween(ti, min(j, h.end), max(j, h.start), tieWords) {
				ti.dropSection(h.section, h.start, h.end)
				break
			}
		}
	}
}

// banAt reports a ban on working or learning at word j: "not allowed to
// work", "banned from working", "forbidden to work", "(don't) let them
// work", "preventing them from learning" (preventedPraise).
func banAt(ti *targetInfo, j int) bool {
	w := ti.wordAt
	negBefore := w(j-1) == "not" || w(j-1) == "n't" || w(j-2) == "not" || w(j-2) == "n't"
	switch w(j) {
	case "allowed", "permitted":
		return negBefore && w(j+1) == "to" && productiveVerbs[w(j+2)]
	case "banned", "barred", "forbidden", "prohibited":
		return (w(j+1) == "from" || w(j+1) == "to") && productiveVerbs[w(j+2)]
	case "let":
		return negBefore && productiveVerbs[w(j+2)]
	case "preventing", "prevent", "prevented", "stopping", "barring", "banning":
		return w(j+2) == "from" && productiveVerbs[w(j+3)]
	}
	return false
}

// tieWords tie a denied praise to the ban that causes it (preventedPraise).
var tieWords = map[string]bool{"because": true, "when": true, "while": true, "if": true, "as": true, "since": true,
	"so": true, "unless": true}

// productiveVerbs: what a ban on migrants stops them doing (banAt).
var productiveVerbs = map[string]bool{"work": true, "working": true, "learn": true, "learning": true, "study": true,
	"studying": true, "contribute": true, "contributing": true, "pay": true, "paying": true, "volunteer": true,
	"volunteering": true, "train": true, "training": true}

// commandVerbs report a command ("told them to stop"; endedActs).
var commandVerbs = map[string]bool{"told": true, "tell": true, "tells": true, "ordered": true, "order": true,
	"asked": true, "instructed": true, "warned": true}

// endingVerbs end or fight a harm (harmDoneTo).
var endingVerbs = map[string]bool{"end": true, "ending": true, "stop": true, "stopping": true, "tackle": true,
	"tackling": true, "fight": true, "fighting": true, "combat": true, "combating": true, "combatting": true,
	"halt": true, "prevent": true, "preventing": true}

// evidenceWords source a figure or a finding (labelsInReports, round 223).
var evidenceWords = map[string]bool{"statistics": true, "figures": true, "data": true, "study": true,
	"studies": true, "research": true, "percent": true, "per": true, "cent": true, "percentage": true,
	"show": true, "shows": true, "the": true}

// reportedChange: the words that tell a change in a count or a finding
// (labelsInReports, round 223).
var reportedChange = map[string]bool{"rose": true, "risen": true, "rising": true, "rise": true, "rises": true,
	"increased": true, "increasing": true, "doubled": true, "tripled": true, "trebled": true, "soared": true,
	"jumped": true, "fell": true, "fallen": true, "falling": true, "dropped": true, "remains": true,
	"remained": true, "recorded": true, "found": true, "according": true, "widespread": true}

// labelledNouns are the events and actors that a hostile movement's name
// labels in a report (labelsInReports).
var labelledNouns = map[string]bool{"attack": true, "attacks": true, "incident": true, "incidents": true,
	"graffiti": true, "group": true, "groups": true, "party": true, "parties": true, "gang": true, "gangs": true,
	"thugs": true, "mob": true, "mobs": true, "rally": true, "rallies": true, "march": true, "leaflets": true,
	"flyers": true, "stickers": true, "activists": true, "activist": true, "assault": true, "assaults": true,
	"crimes": true, "crime": true, "vandalism": true, "extremists": true, "extremist": true, "members": true}

// hostileMovements name people by a hostile movement they belong to
// (hostileNamed), and label what they do (labelsInReports).
var hostileMovements = map[string]bool{"racist": true, "far-right": true, "fascist": true, "nazi": true,
	"neo-nazi": true, "neonazi": true, "xenophobic": true, "bigoted": true, "white-supremacist": true}

// progressiveAux stand before a violent verb told as going on ("are
// attacking", "have been throwing", "keep harassing"; round 201).
var progressiveAux = map[string]bool{"is": true, "are": true, "was": true, "were": true, "been": true,
	"keep": true, "keeps": true, "kept": true}

// wishInSentence reports a modal, wish or approval word anywhere in the
// sentence of word v ("Patriots are beating migrants, as they should").
func wishInSentence(ti *targetInfo, v int) bool {
	for k := range ti.words {
		x := ti.words[k].w
		perfectAux := (x == "have" || x == "has" || x == "had") && ti.wordAt(k+1) != "to"
		if ti.words[k].sent == ti.words[v].sent && (tModals[x] && !perfectAux || wishModals[x] || approvalWords[x]) {
			return true
		}
	}
	return false
}

// victimPrepositions may stand between a told attack and the migrants it
// hit ("the windows of a Syrian family's home", "the mosque used by Syrian
// families", "stones at the refugee children").
var victimPrepositions = map[string]bool{"of": true, "by": true, "at": true}

// pastAsPresent: violent verbs whose past is their present form.
var pastAsPresent = map[string]bool{"beat": true, "hit": true, "cut": true, "hurt": true, "set": true, "shut": true}

// objectEnd returns the end of the noun phrase that starts at word a (at
// most max words): determiners, adjectives, particles and nouns in one
// clause ("up the garbage left after" ends before "left").
func objectEnd(ti *targetInfo, a, max int) int {
	k := a
	for k < len(ti.words) && k < a+max && ti.words[k].cl == ti.words[a].cl && !ti.isMention(k) {
		t := ti.words[k].tag
		if !(strings.HasPrefix(t, "NN") || strings.HasPrefix(t, "JJ") || t == "DT" || t == "RP" || t == "PRP$" || t == "CD" ||
			(t == "VBN" || t == "VBG") && k+1 < len(ti.words) && strings.HasPrefix(ti.words[k+1].tag, "NN") ||
			k == a && (t == "IN" || ti.words[k].w == "up" || ti.words[k].w == "after")) {
			break
		}
		k++
	}
	return k
}

// clauseEnd returns the end of the clause of word a, at most max words on.
func clauseEnd(ti *targetInfo, a, max int) int {
	k := a
	for k < len(ti.words) && k < a+max && ti.words[k].cl == ti.words[a-1].cl {
		k++
	}
	return k
}

// approvedHarm reports a wish or approval around a harm reported as done to
// mention m and ending at word e: "glad the migrant was beaten", "I hope
// the refugee was hurt", "... was stabbed. Good.", "deserved it".
func approvedHarm(ti *targetInfo, i, e int) bool {
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		if wishModals[ti.words[k].w] || wishIf(ti, k) || wishSee(ti, k) || approvalWords[ti.words[k].w] {
			return true
		}
	}
	for k := e; k < len(ti.words); k++ {
		if approvalWords[ti.words[k].w] || ti.words[k].w == "deserved" || ti.has(k, tProfanity) {
			return true
		}
	}
	return false
}

// approvalWords: words that approve of a harm reported beside them.
var approvalWords = map[string]bool{"glad": true, "good": true, "great": true, "pleased": true, "happy": true,
	"serves": true, "finally": true, "brilliant": true, "excellent": true, "hilarious": true, "lol": true,
	"haha": true}

// careVerbs: verbs whose object is something apart from the subject,
// which it looks after, cleans, mends, saves or flees, not something said
// of the subject (WordNet lemmas).
var careVerbs = map[string]bool{"escape": true, "flee": true, "survive": true, "help": true, "feed": true,
	"rescue": true, "save": true, "clean": true, "fix": true, "repair": true, "care": true, "nurse": true,
	"protect": true, "adopt": true, "tend": true, "pick": true, "clear": true, "collect": true, "tidy": true,
	"sort": true, "foster": true, "shelter": true, "cure": true, "heal": true, "wash": true, "raise": true,
	"mind": true, "walk": true, "treat": true, "recycle": true, "remove": true}

// dehumPlaces: the dehumanising nouns that are places; they say something
// of a target only as where it belongs or is sent ("they belong in a zoo",
// "send them back to the jungle").
var dehumPlaces = map[string]bool{"kennel": true, "kennels": true, "zoo": true, "zoos": true, "cage": true,
	"cages": true, "pen": true, "pens": true, "jungle": true, "pigsty": true, "sty": true, "barn": true}

// placeFrame reports a preposition of place up to three words before word
// i ("in a zoo", "back to the jungle", "out of their cages") or a place
// kept for someone after it ("a kennel for asylum seekers", "a zoo full of
// them").
func placeFrame(ti *targetInfo, i int) bool {
	if w := ti.wordAt(i + 1); w == "for" || w == "full" {
		return true
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch ti.words[k].w {
		case "in", "into", "to", "from", "inside", "of", "back":
			return true
		}
	}
	return false
}

// migrantAgent reports "by" and a migrant mention between words a and b:
// the migrants did it ("stolen by illegal aliens").
func migrantAgent(ti *targetInfo, a, b int) bool {
	for _, m := range ti.mentions {
		if m.kind == kMigrant && m.i > a && m.i < b && hasWord(ti, a, m.i, "by") {
			return true
		}
	}
	return false
}

// addressee returns the migrant mention a unit addresses ("To the refugees
// at number 14: you've got a week. After that we'll burn you out.", "Oi,
// migrants, ...") when term h falls on "you" right after it, else -1.
func addressee(ti *targetInfo, h lexHit) int {
	if h.end >= len(ti.words) {
		return -1
	}
	switch ti.words[h.end].w {
	case "you", "ya", "u", "yous", "youse":
	default:
		return -1
	}
	switch ti.words[0].w {
	case "to", "oi", "dear", "hey", "attention", "listen":
	default:
		return -1
	}
	for _, m := range ti.mentions {
		if m.kind != kMigrant || m.pronoun || m.i > 3 || ti.words[m.i].cl != ti.words[0].cl {
			continue
		}
		// the address is a clause of its own, with no verb
		for k := 0; k < len(ti.words) && ti.words[k].cl == ti.words[0].cl; k++ {
			if strings.HasPrefix(ti.words[k].tag, "VB") || ti.words[k].tag == "MD" {
				return -1
			}
		}
		return m.i
	}
	return -1
}

// trailingVocative returns the first word of a migrant group named alone in
// the last clause of the sentence of a call that opens it ("Go back home,
// refugees.", "Get out of our country, foreigners!"; round 107), or -1.
func trailingVocative(ti *targetInfo, h lexHit) int {
	if h.section != tExclusion && h.section != tThreat || h.start > 0 && ti.words[h.start-1].sent == ti.words[h.start].sent {
		return -1
	}
	sent, n := ti.words[h.start].sent, len(ti.words)
	last := h.start
	for last+1 < n && ti.words[last+1].sent == sent {
		last++
	}
	c0 := ti.clauseStart(last)
	if c0 <= h.start || ti.words[c0-1].sent != sent {
		return -1
	}
	for _, m := range ti.mentions {
		if m.kind != kMigrant || m.pronoun || m.place || m.i < c0 || m.j-1 > last {
			continue
		}
		for k := c0; k <= last; k++ {
			if (k < m.i || k >= m.j) && !tDeterminers[ti.words[k].w] && !youWords[ti.words[k].w] {
				return -1
			}
		}
		return m.i
	}
	return -1
}

// timeNouns: nouns of a time or an experience; an evaluation of them says
// how a time was, not what anyone is ("they've had a horrendous few years").
var timeNouns = map[string]bool{"year": true, "years": true, "time": true, "times": true, "week": true,
	"weeks": true, "month": true, "months": true, "day": true, "days": true, "journey": true, "journeys": true,
	"life": true, "lives": true, "ordeal": true, "experience": true, "experiences": true, "childhood": true,
	"past": true, "winter": true, "summer": true, "night": true, "nights": true}

// dropTimeEvaluations clears the derogatory and VADER-negative adjectives
// that modify a time or experience noun ("a horrendous few years", "a
// terrible journey").
func dropTimeEvaluations(ti *targetInfo) {
	for k, w := range ti.words {
		if !strings.HasPrefix(w.tag, "JJ") || !(ti.has(k, tDerog) || ti.has(k, tVNeg)) {
			continue
		}
		for j := k + 1; j < len(ti.words) && j <= k+2; j++ {
			if timeNouns[ti.words[j].w] {
				ti.dropSection(tDerog, k, k+1)
				ti.dropSection(tVNeg, k, k+1)
				break
			}
			if !strings.HasPrefix(ti.words[j].tag, "JJ") {
				break
			}
		}
	}
}

// afterBeing clears the harm of "after being" + participle ("treated in
// hospital after being set upon", "after being attacked"): what was done to
// the unit's subject, not a threat (round 12).
func afterBeing(ti *targetInfo) {
	for k := 0; k+2 < len(ti.words); k++ {
		if ti.words[k].w != "after" || ti.words[k+1].w != "being" {
			continue
		}
		if v := k + 2; strings.HasPrefix(ti.words[v].tag, "VBN") || ti.has(v, tThreat) {
			b := clauseEnd(ti, v+1, 6)
			ti.dropSection(tThreat, v, b)
			ti.dropSection(tStereotype, v, b)
		}
	}
}

// affectionVerbs: verbs of strong affection (WordNet lemmas).
var affectionVerbs = map[string]bool{"love": true, "adore": true, "admire": true, "cherish": true}

// extendsClaim reports that the rest of word k's clause goes on with the
// claim rather than against it: a hostile term not denied ("most of them
// are thieves") or praise denied ("most of them have no intention of ever
// doing a day's work"); not a denied stereotype ("but most of them are
// working and can't access benefits for years").
func extendsClaim(ti *targetInfo, k int) bool {
	neg := false
	for j := k + 1; j < len(ti.words) && ti.words[j].cl == ti.words[k].cl; j++ {
		switch {
		case ti.has(j, tNegation):
			neg = true
		case ti.has(j, tDerog) || ti.has(j, tDehum) || ti.has(j, tStereotype) || ti.has(j, tVNeg):
			if !neg {
				return true
			}
		case ti.has(j, tPositive) || ti.has(j, tVPos):
			if neg {
				return true
			}
		}
	}
	return false
}

// adminObjects: what councils and courts reject or refuse as a decision.
var adminObjects = map[string]bool{"contract": true, "contracts": true, "plan": true, "plans": true,
	"application": true, "applications": true, "proposal": true, "proposals": true, "motion": true,
	"bid": true, "scheme": true, "planning": true, "permission": true, "licence": true, "license": true,
	"offer": true, "deal": true, "budget": true, "amendment": true, "request": true, "appeal": true,
	"claim": true, "claims": true, "tender": true}

// negatedBefore reports a verbal negation earlier in word k's clause ("can't
// walk ... without", "never ... without").
func negatedBefore(ti *targetInfo, k int) bool {
	for j := k - 1; j >= 0 && ti.words[j].cl == ti.words[k].cl; j-- {
		switch ti.words[j].w {
		case "can't", "cannot", "couldn't", "can", "never", "not", "won't", "wouldn't":
			if ti.words[j].w != "can" || ti.wordAt(j+1) == "not" {
				return true
			}
		}
	}
	return false
}

// praisedTarget reports a praise term inside the target's noun phrase,
// right before it ("an honest immigrant", "a decent, honest migrant"): what
// a denied encounter denies exists (not "don't know anyone who would help
// them").
func praisedTarget(ti *targetInfo, h lexHit, t int) bool {
	// a participle right before the target is its adjective ("a
	// hardworking Somali", which the tagger reads as a verb; round 208)
	verb := strings.HasPrefix(ti.words[h.start].tag, "VB") && !(ti.words[h.start].tag == "VBG" && t == h.end)
	if t >= 0 && t == amongTarget(ti, h) {
		return true // "a single honest man among them" (round 215)
	}
	return t > h.start && t-h.end <= 2 && !verb && npInternal(ti, h.end, t, false)
}

// goodNouns: what someone is given; receivingVerbs: getting or asking for
// it (round 170).
var goodNouns = map[string]bool{"help": true, "support": true, "assistance": true, "aid": true, "protection": true, "care": true}

var receivingVerbs = map[string]bool{"get": true, "gets": true, "got": true, "getting": true, "gotten": true,
	"receive": true, "receives": true, "received": true, "receiving": true, "claim": true, "claims": true, "claimed": true,
	"claiming": true, "demand": true, "demands": true, "demanded": true, "demanding": true, "take": true, "takes": true,
	"took": true, "taking": true, "seek": true, "seeks": true, "sought": true, "seeking": true, "ask": true, "asks": true,
	"asked": true, "asking": true}

// receivedGood reports a good noun (help, support, ...) that is the object
// of a receiving verb whose subject is the target at word target, within
// four words and with no other verb between: "they can claim asylum
// support", "migrants get free help from the state" (round 170). The good
// is what they get, not a judgement of them.
func receivedGood(ti *targetInfo, h lexHit, target int) bool {
	if h.end != h.start+1 || !goodNouns[ti.words[h.start].w] {
		return false
	}
	for k := h.start - 1; k >= 0 && k >= h.start-4 && ti.words[k].cl == ti.words[h.start].cl; k-- {
		w := ti.words[k].w
		if receivingVerbs[w] {
			// "take care of" is an act of the target, not a good it gets
			return target >= 0 && target < k && !(ti.words[h.start].w == "care" && strings.HasPrefix(w, "t"))
		}
		if w != "for" && strings.HasPrefix(ti.words[k].tag, "VB") {
			return false
		}
	}
	return false
}

// finiteTag reports the Penn tag of a finite verb or a modal: what closes a
// clause of flight (victimBetween, fledHarm) and what a verbless fragment
// lacks (dismissedFragment, which also counts a base form).
func finiteTag(tag string) bool {
	switch tag {
	case "VBZ", "VBP", "VBD", "MD":
		return true
	}
	return false
}

// fleeWords: verbs of flight (round 172).
var fleeWords = map[string]bool{"flee": true, "flees": true, "fled": true, "fleeing": true, "escape": true,
	"escapes": true, "escaped": true, "escaping": true}

// fromVerbs: the verbs of "running away from" (round 172; "coming from" is
// an origin, not a flight, and origins are said of migrants in hostile
// tropes: round 174).
var fromVerbs = map[string]bool{"run": true, "runs": true, "ran": true, "running": true}

// fugitiveObjects: what a fugitive flees ("fleeing the scene of the crime",
// "escaped the police"): no harm suffered (round 174).
var fugitiveObjects = map[string]bool{"scene": true, "police": true, "law": true, "justice": true, "authorities": true,
	"prosecution": true, "arrest": true, "custody": true, "jail": true, "prison": true}

// relativeWords open a relative clause.
var relativeWords = map[string]bool{"that": true, "which": true, "who": true, "where": true, "whose": true, "whom": true}

// flightAt reports a verb of flight at word v whose subject is a migrant
// mention ending at most six words before it in its sentence; not a
// denied flight ("migrants are not running away from wars") nor a
// fugitive's.
func flightAt(ti *targetInfo, v int) bool {
	w := ti.wordAt
	first := v
	switch {
	case fleeWords[w(v)]:
	case w(v) == "from" && fromVerbs[w(v-1)]:
		first = v - 1
	case w(v) == "from" && w(v-1) == "away" && fromVerbs[w(v-2)]:
		first = v - 2
	default:
		return false
	}
	for k := first - 1; k >= 0 && k >= first-3 && ti.words[k].cl == ti.words[v].cl; k-- {
		if ti.has(k, tNegation) {
			return false
		}
	}
	o := v + 1
	for tDeterminers[w(o)] {
		o++
	}
	if fugitiveObjects[w(o)] {
		return false
	}
	return slices.ContainsFunc(ti.mentions, func(m mention) bool {
		return m.kind == kMigrant && m.j <= v && v-m.j <= 6 && ti.words[m.i].sent == ti.words[v].sent
	})
}

// fledHarm reports a hostile term that names what migrants flee (round
// 172): in the complement of a verb of flight whose subject is a migrant
// mention ("Many refugees flee violence, torture and rape", "fled a regime
// that murdered their families"), or heading a noun phrase such a clause modifies ("the
// problems refugees are trying to escape", "the terrible situations that
// many refugees flee from"). Not past a finite verb outside a relative
// clause ("asylum seekers fleeing war are all rapists", round 173: "flee
// their countries and then bring their crime here"), a purpose
// infinitive ("escaped to Britain to sponge off our benefits") or a verb
// term outside a relative clause ("fleeing to Europe to rape our women").
func fledHarm(ti *targetInfo, h lexHit) bool {
	w := ti.wordAt
	sent := ti.words[h.start].sent
	verbTerm := strings.HasPrefix(ti.words[h.start].tag, "VB")
	for v := h.start - 1; v >= 0 && v >= h.start-15 && ti.words[v].sent == sent; v-- {
		if !flightAt(ti, v) {
			continue
		}
		rel := false
		for k := v + 1; k < h.start; k++ {
			tag := ti.words[k].tag
			switch {
			case relativeWords[w(k)]:
				rel = true
			case rel:
			case tag == "VB" || finiteTag(tag) || w(k) == "to" && strings.HasPrefix(ti.words[k+1].tag, "VB"):
				return false
			}
		}
		return rel || !verbTerm
	}
	if verbTerm {
		return false
	}
	// the term heads a noun phrase a clause of flight modifies: the
	// mention within four words after it, the verb within four words after
	// the mention and with no object of its own
	for _, m := range ti.mentions {
		if m.kind != kMigrant || m.i <= h.start || m.i-h.end > 3 || ti.words[m.i].sent != sent {
			continue
		}
		for v := m.j; v < len(ti.words) && v <= m.j+3 && ti.words[v].sent == sent; v++ {
			if !fleeWords[w(v)] {
				continue
			}
			next := v + 1
			return next >= len(ti.words) || ti.words[next].sent != sent || w(next) == "from" || tCopulas[w(next)]
		}
	}
	return false
}

// sufferVerbs: what a subject suffers, not does (round 178; "face" and
// "experience" as nouns are tagged NN and not read).
var sufferVerbs = map[string]bool{"face": true, "faces": true, "faced": true, "facing": true, "suffer": true,
	"suffers": true, "suffered": true, "suffering": true, "endure": true, "endures": true, "endured": true,
	"enduring": true, "experience": true, "experiences": true, "experienced": true, "experiencing": true}

// npLink: the words that may stand between a noun and the relative clause
// that modifies it, or inside the clause before its subject ("the racism
// and violence that many foreigners suffer").
var npLink = map[string]bool{"and": true, "or": true, "that": true, "which": true, "the": true,
	"many": true, "most": true, "some": true, "these": true, "those": true, "other": true, "all": true}

// sufferedHarm reports a hostile noun that heads a noun phrase a clause of
// suffering modifies (round 178): "the problems refugees face", "the
// dangers that asylum seekers face at sea", "the racism and violence that
// foreigners suffer". What migrants suffer is not said of them. The verb
// within two words after the mention (an adverb or an auxiliary between:
// "have often faced"); not a verb of doing ("the problems migrants cause",
// "the threat these migrants pose"), and not when something else is the
// clause's subject ("a danger that our country faces").
func sufferedHarm(ti *targetInfo, h lexHit) bool {
	if !strings.HasPrefix(ti.words[h.end-1].tag, "NN") {
		return false
	}
	sent := ti.words[h.start].sent
	for _, m := range ti.mentions {
		if m.kind != kMigrant || m.i < h.end || m.i-h.end > 4 || ti.words[m.i].sent != sent {
			continue
		}
		for k := h.end; k < m.i; k++ {
			if t := ti.words[k].tag; !npLink[ti.words[k].w] && !strings.HasPrefix(t, "NN") && !strings.HasPrefix(t, "JJ") {
				return false
			}
		}
		for v := m.j; v < len(ti.words) && v <= m.j+2 && ti.words[v].sent == sent; v++ {
			if sufferVerbs[ti.words[v].w] {
				return true
			}
			if t := ti.words[v].tag; !strings.HasPrefix(t, "RB") && !strings.HasPrefix(t, "VB") && t != "MD" {
				break
			}
		}
		return false
	}
	return false
}

// contrastDeterminers: what may stand between a contrast word and the
// mention it contrasts out ("not the migrants", "rather than these
// refugees").
var contrastDeterminers = map[string]bool{"the": true, "these": true, "those": true, "all": true, "any": true,
	"our": true, "some": true, "many": true, "most": true}

// contrastedOut reports a unit whose every migrant mention is contrasted
// out (round 179): right after ", not" (a clause break before "not"), "and
// not", "rather than", "instead of", or after a "not" that a "but" follows
// in its sentence ("the problem is not the refugees but the politicians"),
// across determiners and one preposition ("not from migrants", "rather
// than to the asylum seekers").
// Not a slur or an epithet ("veterans, not filthy parasites from
// abroad"), not "but not" (a complaint about what others leave out: "they
// complain about deaths by guns but not by illegal immigrants"), and not
// where a "they" or "them" comes first in the sentence: "they are
// criminals, not refugees" denies them a status.
func contrastedOut(ti *targetInfo) bool {
	w := ti.wordAt
	n := 0
	for _, m := range ti.mentions {
		if m.kind != kMigrant {
			continue
		}
		// "the politicians who exploit them": an object pronoun after a
		// contrasted mention refers to it
		if n > 0 && m.pronoun && w(m.i) == "them" {
			continue
		}
		n++
		if m.slur || m.epithet || m.pronoun {
			return false
		}
		sent := ti.words[m.i].sent
		for k := m.i - 1; k >= 0 && ti.words[k].sent == sent; k-- {
			if w(k) == "they" || w(k) == "them" {
				return false
			}
		}
		k := m.i - 1
		for contrastDeterminers[w(k)] {
			k--
		}
		if w(k) == "of" && w(k-1) == "instead" {
			continue
		}
		if k >= 0 && isPreposition(ti.words[k]) && w(k) != "than" {
			k--
			for contrastDeterminers[w(k)] {
				k--
			}
		}
		if w(k) == "than" && w(k-1) == "rather" {
			continue
		}
		if w(k) != "not" || w(k-1) == "but" {
			return false
		}
		// a comma or a semicolon opens a new clause (punctuation is no
		// word of the stream)
		if k > 0 && ti.words[k-1].cl != ti.words[k].cl || w(k-1) == "and" {
			continue
		}
		but := false
		for j := m.j; j < len(ti.words) && ti.words[j].sent == sent; j++ {
			if w(j) == "but" {
				but = true
				break
			}
		}
		if !but {
			return false
		}
	}
	return n > 0
}

// dismissals: the openings of a sentence that dismisses the claim before it
// (round 176), words joined by spaces as the tokenizer splits them.
var dismissals = []string{"no chance", "not a chance", "no way", "don't make me laugh", "do n't make me laugh",
	"dont make me laugh", "yeah right", "yea right", "as if", "dream on", "give me a break", "you must be joking",
	"you must be kidding", "you're joking", "you 're joking", "you are joking", "you're having a laugh",
	"you 're having a laugh", "are you kidding", "are you joking", "in your dreams", "not likely", "hardly"}

// dismissedFragment reports a term at word i in a verbless sentence (a
// fragment such as "Immigrants an asset?", "Refugees dangerous?";
// participles allowed) that the next sentence opens by dismissing ("No
// chance.", "Don't make me laugh.", "Yeah right."): the claim is put only to
// be denied, praise and hostility alike (round 176).
func dismissedFragment(ti *targetInfo, i int) bool {
	s := ti.words[i].sent
	next := -1
	for k := range ti.words {
		if ti.words[k].sent != s {
			if ti.words[k].sent == s+1 && next < 0 {
				next = k
			}
			continue
		}
		if t := ti.words[k].tag; t == "VB" || finiteTag(t) {
			return false
		}
	}
	if next < 0 {
		return false
	}
	var b strings.Builder
	for k := next; k < len(ti.words) && k < next+6 && ti.words[k].sent == s+1; k++ {
		b.WriteString(ti.words[k].w)
		b.WriteByte(' ')
	}
	opening := b.String()
	return slices.ContainsFunc(dismissals, func(d string) bool { return strings.HasPrefix(opening, d+" ") })
}

// falsityWords judge a claim false (round 177).
var falsityWords = map[string]bool{"lie": true, "lying": true, "lies": true, "liar": true, "liars": true, "joke": true,
	"joking": true, "laughable": true, "nonsense": true, "rubbish": true, "ridiculous": true, "absurd": true,
	"deluded": true, "delusional": true, "dreaming": true, "wrong": true, "mistaken": true, "false": true,
	"untrue": true, "myth": true, "fantasy": true, "bollocks": true, "bullshit": true}

// claimWords and claimers open a claim frame (round 177).
var claimWords = map[string]bool{"idea": true, "notion": true, "claim": true, "belief": true, "suggestion": true}

var claimers = map[string]bool{"whoever": true, "anyone": true, "those": true, "people": true, "everyone": true,
	"anybody": true}

var sayThinkVerbs = map[string]bool{"say": true, "says": true, "said": true, "think": true, "thinks": true,
	"thought": true, "believe": true, "believes": true, "believed": true, "claim": true, "claims": true,
	"claimed": true, "tell": true, "tells": true, "told": true, "reckon": true, "reckons": true}

// claimJudgedFalse reports a term inside a claim that the sentence then
// judges false (round 177): the claim opens before the term in its sentence
// with a naming gerund at its clause's start ("Calling migrants an asset is
// a joke"), a claimer and a verb of saying or thinking ("Whoever said
// refugees were hardworking was lying", "Anyone who thinks asylum seekers
// are dangerous is deluded") or "the idea that" ("The idea that immigrants
// are a burden is laughable"); after the term, within eight words, a copula
// or auxiliary and then a word of falsity not denied.
func claimJudgedFalse(ti *targetInfo, h lexHit) bool {
	w := ti.wordAt
	sent := ti.words[h.start].sent
	framed := false
	for k := h.start - 1; k >= 0 && k >= h.start-10 && ti.words[k].sent == sent && !framed; k-- {
		switch {
		case namingGerunds[w(k)] && (k == 0 || ti.words[k-1].cl != ti.words[k].cl):
			framed = true
		case claimWords[w(k)] && w(k+1) == "that":
			framed = true
		case claimers[w(k)]:
			for v := k + 1; v <= k+2; v++ {
				framed = framed || sayThinkVerbs[w(v)]
			}
		}
	}
	if !framed {
		return false
	}
	cop := false
	for k := h.end; k < len(ti.words) && k <= h.end+8 && ti.words[k].sent == sent; k++ {
		if tCopulas[w(k)] || tModals[w(k)] {
			cop = true
			continue
		}
		if cop && falsityWords[w(k)] {
			return !negatedAt(ti, k)
		}
	}
	return false
}

// adjectiveLists joins the clause of a comma inside a list of two words of
// praise ("a decent, honest migrant"; round 208): one noun phrase, not two
// clauses, so that a negation before the list reaches its second word.
func adjectiveLists(ti *targetInfo, src string) {
	for k := 1; k+1 < len(ti.words); k++ {
		a, b := ti.words[k-1], ti.words[k]
		// (the parts of a split word share their offsets)
		if a.cl == b.cl || a.sent != b.sent || a.e > b.s || strings.TrimSpace(src[a.e:b.s]) != "," || b.cl != ti.words[k+1].cl {
			continue
		}
		if !ti.has(k-1, tPositive) || !ti.has(k, tPositive) {
			continue
		}
		for j := k; j < len(ti.words) && ti.words[j].cl == b.cl; j++ {
			ti.words[j].cl = a.cl
		}
	}
}

// militaryInvasions reads an invasion of a country people flee from, or
// one a country makes, as war ("The invasion of Ukraine has forced millions
// of refugees to flee", "Since Russia's invasion, ..."; round 210), not as
// the trope of migrants invading: "invasion" then "of" and a country of
// [origin_country], or after a country's possessive, with no migrant,
// nationality or religion word right before it ("the migrant invasion of
// Europe" keeps the trope).
func (s *Scorer) militaryInvasions(ti *targetInfo) {
	w := ti.wordAt
	country := func(x string) bool {
		return slices.ContainsFunc(s.tlex2.match([]string{x}, nil), func(h lexHit) bool { return h.section == tOriginCountry })
	}
	for k := range ti.words {
		if w(k) != "invasion" && w(k) != "invasions" {
			continue
		}
		of := w(k+1) == "of" && ti.has(k+2, tOriginCountry)
		possessive := w(k-1) == "'s" && ti.has(k-2, tOriginCountry) ||
			strings.HasSuffix(w(k-1), "'s") && country(strings.TrimSuffix(w(k-1), "'s"))
		// ("the invasion" is itself a phrase of [migration_noun])
		if !of && !possessive || !tDeterminers[w(k-1)] && ti.hasAny(k-1, 1<<tMigrant|1<<tMigrationNoun|1<<tNationality|1<<tReligion|1<<tOriginAdj) {
			continue
		}
		for _, sec := range []int{tStereotype, tMigrant, tMigrationNoun, tContext, tDehum, tTrope} {
			ti.dropSection(sec, k-1, k+1)
		}
	}
}
