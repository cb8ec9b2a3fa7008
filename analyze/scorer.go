// Package analyze scores texts for how they speak about migrants: topic
// (migration), hostility (anti_migrant), counter-speech, policy stance, tone,
// populism and hate-crime reports, each with the evidence spans that moved
// it. See docs/analysis.md for the models, data, validation and limits.
//
// Everything works at the sentence level and is aggregated to the document,
// so a long article with one hostile sentence is scored by that sentence and
// the evidence points at it. Short texts (at most shortSentences sentences
// or shortTextWords words, e.g. a tweet or a quote) are scored as one unit,
// which is also how the classifiers were trained.
//
// The models are small linear models (logistic regression, AdaGrad SGD, L2,
// Platt-calibrated on a held-out split) over features from package nlp:
// word and stem n-grams, hand-lexicon hits, same-clause co-occurrences
// (target group + dehumanising metaphor, negation, reported speech,
// condemnation frames, quotes) and a faithful VADER port. Weights and
// lexicons are embedded (analyze/models) and reproducible with
// `xenoscope train -task all -data ../shared/data -out analyze/models`.
package analyze

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/xenoscope/xenoscope/model"
	"github.com/xenoscope/xenoscope/nlp"
)

//go:embed models/*.json models/*.txt
var modelFS embed.FS

// Task names (also the model file names, analyze/models/TASK.json).
const (
	TaskMigration     = "migration"
	TaskAntiMigrant   = "anti_migrant"
	TaskCounterSpeech = "counter_speech"
	TaskStance        = "stance"
	TaskTone          = "tone"
	TaskHateCrime     = "hate_crime_report"
)

// ScoreOf returns a document's score for task, NaN for a task with no score.
func ScoreOf(sc model.Scores, task string) float64 {
	switch task {
	case TaskMigration:
		return sc.Migration
	case TaskAntiMigrant:
		return sc.AntiMigrant
	case TaskCounterSpeech:
		return sc.CounterSpeech
	case TaskHateCrime:
		return sc.HateCrimeReport
	case TaskStance:
		return sc.Stance
	case TaskTone:
		return sc.Tone
	}
	return math.NaN()
}

// Tasks lists the trained models in a fixed order.
var Tasks = []string{TaskMigration, TaskAntiMigrant, TaskCounterSpeech, TaskStance, TaskTone, TaskHateCrime}

// shortSentences: texts with at most this many sentences are scored as one
// unit (tweets, quotes, dialogue turns, short statements).
const shortSentences = 3

// shortTextWords: texts of at most this many words are one unit too, however
// many sentences the tokenizer finds in them ("Wow. Just wow. These migrants
// are scum. Nobody wants them here.": emoticons, "!!!" and dialogue turns'
// short sentences). Round 102 chose it on HatEval en_dev, DIALOCONAN's
// training dialogues and the tone training tweets (the gains level off at
// about a tweet's length).
const shortTextWords = 60

// People finds person mentions and attributed quotes (implemented by package
// figures). Mentions and quotes carry byte offsets into text.
type People interface {
	Find(text string, tc model.TextContext) ([]model.Mention, []model.Quote)
}

// Scorer scores texts. It is safe for concurrent use once built; set People
// before the first Score call.
type Scorer struct {
	People People

	lex   *lexicons
	slex  *lexicons   // stance.txt: read only by the stance model
	hlex  *lexicons   // hate.txt: read only by the hate_crime_report model
	tlex  *lexicons   // topic.txt: migration anchors, read only by the migration gate
	tlex2 *lexicons   // target.txt: targets, hostility, frames (target.go)
	vocab *vocabulary // vocab.txt: known words of the spelling normaliser
	// maskable: words a masked spelling may stand for ("f*ck")
	maskable []string
	// custom: tasks whose model the user replaced (WithModel)
	custom map[string]bool
	// joined: the multi-word terms of target.txt written as one word
	// ("deportthemall" -> deport them all), for hashtags and run-ons
	joined  map[string][]string
	vlex    map[string]float64
	pop     *populism
	models  map[string]*LinearModel
	version string
}

// Option configures New.
type Option func(*Scorer) error

// WithModel replaces one task's embedded model (e.g. a user's retrained
// anti_migrant.json from `xenoscope train`). The version string changes.
func WithModel(task string, m *LinearModel) Option {
	return func(s *Scorer) error {
		if _, ok := s.models[task]; !ok {
			return fmt.Errorf("unknown task %q (want one of %s)", task, strings.Join(Tasks, ", "))
		}
		s.models[task] = m
		// a user's model carries the user's own definitions: the
		// definitional rules of the shipped anti_migrant and
		// counter_speech (hostility.go) do not apply to it
		s.custom[task] = true
		raw, _ := json.Marshal(m)
		h := sha256.Sum256(append([]byte(s.version), raw...))
		s.version = "xs1-" + hex.EncodeToString(h[:])[:12]
		return nil
	}
}

// WithCandidate replaces one task's model like WithModel but keeps the
// definitional rules of anti_migrant and counter_speech: for evaluating a
// model trained on the same features (cross-validation in package train).
func WithCandidate(task string, m *LinearModel) Option {
	return func(s *Scorer) error {
		if err := WithModel(task, m)(s); err != nil {
			return err
		}
		delete(s.custom, task)
		return nil
	}
}

// newFeaturizer loads the lexicons only (training uses it before any model
// exists).
func newFeaturizer() (*Scorer, error) {
	s := &Scorer{models: map[string]*LinearModel{}, custom: map[string]bool{}}
	read := func(name string) (string, error) {
		b, err := modelFS.ReadFile(path.Join("models", name))
		if err != nil {
			return "", fmt.Errorf("embedded %s: %w", name, err)
		}
		return string(b), nil
	}
	src, err := read("lexicons.txt")
	if err != nil {
		return nil, err
	}
	if s.lex, err = parseLexicons(src); err != nil {
		return nil, err
	}
	// the lexicons of the small models and the migration gate
	for _, l := range []struct {
		file  string
		names []string
		dst   **lexicons
	}{
		{"stance.txt", stanceSectionNames, &s.slex},
		{"hate.txt", hateSectionNames, &s.hlex},
		{"topic.txt", []string{"anchor"}, &s.tlex},
		{"target.txt", targetSectionNames, &s.tlex2},
	} {
		if src, err = read(l.file); err != nil {
			return nil, err
		}
		if l.file == "target.txt" {
			// the seeds widened with WordNet (build_wordnet.go)
			if wn, err := read("wordnet.txt"); err == nil {
				src += "\n" + wn
			}
		}
		if *l.dst, err = parseSections(src, l.names); err != nil {
			return nil, fmt.Errorf("%s: %w", l.file, err)
		}
	}
	if src, err = read("vader_lexicon.txt"); err != nil {
		return nil, err
	}
	if vs, err := read("vocab.txt"); err == nil {
		if s.vocab, err = parseVocab(vs); err != nil {
			return nil, fmt.Errorf("vocab.txt: %w", err)
		}
		s.vocab.addKeys(s.tlex2, spellingSections...)
		// every single-word term also matches by its lemma: "rapists" in
		// the lexicon finds "rapist" and the other way round
		s.tlex2.addLemmas(s.vocab)
		// "a Syrian-owned shop", "Polish-run café": an origin of people
		s.tlex2.addOriginCompounds()
	}
	for w, es := range s.tlex2.exact {
		for _, e := range es {
			if len(e.words) == 0 && (e.section == tProfanity || e.section == tMigrant || e.section == tSlur || e.section == tDehum) {
				s.maskable = append(s.maskable, w)
			}
		}
	}
	slices.Sort(s.maskable)
	s.joined = map[string][]string{}
	for w, es := range s.tlex2.exact {
		for _, e := range es {
			if len(e.words) > 0 && !slices.Contains(e.prefix, true) {
				ph := append([]string{w}, e.words...)
				s.joined[strings.Join(ph, "")] = ph
			}
		}
	}
	if s.vlex, err = parseVADERLexicon(src); err != nil {
		return nil, err
	}
	if src, err = read("populism.txt"); err != nil {
		return nil, err
	}
	if s.pop, err = parsePopulism(src); err != nil {
		return nil, err
	}
	return s, nil
}

// New loads the embedded models and lexicons.
func New(opts ...Option) (*Scorer, error) {
	s, err := newFeaturizer()
	if err != nil {
		return nil, err
	}
	for _, t := range Tasks {
		raw, err := modelFS.ReadFile("models/" + t + ".json")
		if err != nil {
			return nil, fmt.Errorf("embedded model %s: %w (run xenoscope train -task all)", t, err)
		}
		var m LinearModel
		if err := json.Unmarshal(raw, &m); err != nil {
			return nil, fmt.Errorf("embedded model %s: %w", t, err)
		}
		s.models[t] = &m
	}
	v, err := embeddedVersion()
	if err != nil {
		return nil, err
	}
	s.version = v
	for _, o := range opts {
		if err := o(s); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// spellingSections: the target.txt sections whose words disguised
// spellings are mapped onto.
var spellingSections = []int{tMigrant, tNationality, tOriginAdj, tSlur, tDehum, tDerog, tThreat, tExclusion, tEmotion, tStereotype, tProfanity}

// embeddedVersion hashes every embedded model and lexicon file.
func embeddedVersion() (string, error) {
	h := sha256.New()
	var names []string
	err := fs.WalkDir(modelFS, "models", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	sort.Strings(names)
	fmt.Fprintf(h, "scoring-revision\x00%d\x00", scoringRevision)
	for _, n := range names {
		b, _ := modelFS.ReadFile(n)
		fmt.Fprintf(h, "%s\x00%d\x00", n, len(b))
		h.Write(b)
	}
	return "xs1-" + hex.EncodeToString(h.Sum(nil))[:12], nil
}

// Version is the model version string written with every score: the hash
// of the embedded models and lexicons and of scoringRevision. It does not
// depend on the People finder or its figure registry (see
// AttributionVersion), so analyze with or without -config gives the same
// version and never rescores for a registry change.
func (s *Scorer) Version() string {
	return s.version
}

// scoringRevision counts changes to the scoring code that alter scores
// without changing a model file (aggregation, gates). Bump it with them.
//
//	2: migration needs a migration term; quote stance gated by relevance.
//	3: [contribution] lexicon section with its clause and unit features
//	   (c:target+contribution, u:target&contribution).
//	4: stance from composed direction features (stance.go) with a wider
//	   policy-cue gate; document stance weighted by migration probability.
//	5: hate_crime_report from incident features (hatecrime.go).
//	6: counter_speech = max(counter_speech, contribution model) where
//	   contributionGate holds (contribution.go).
//	7: the migration gate also accepts the anchor phrases of topic.txt.
//	8: anti_migrant = max(anti_migrant, news-hostility model) where
//	   hostilityGate holds (hostility.go).
//	9: anti_migrant from the stacker (any_hate x migration) in units with
//	   a migration anchor (antistack.go).
//	10: round 2 (issue 11): anti_migrant and counter_speech from the target
//	   analysis (target.go) with definitional floors, vetoes and the
//	   migrant-target gate (hostility.go); the stacker, the news-hostility
//	   and contribution models are gone.
//	14: round 3: no anti_migrant in a unit whose migration words are all in
//	   another sense; hate_crime_report at most 0.35 for an incident against
//	   no group; rules of target.go (corrections, judged acts, deserve).
//	15: epithets name the group in a text about migration; "illegal" as a
//	   noun; a descriptive word of a reported incident is no counter cue.
//	16: challenged, contrasted and disbelieved claims are negated; passive
//	   emotions need a modal; administrative "rejected"; counter cues and
//	   contribution exclude reported incidents.
//	17: threats against places where migrants live; death verbs need a
//	   wish; longer phrasal objects; "no X in our ..." exclusion.
//	18: a document anti_migrant >= 0.5 caps its counter_speech.
//	19: round 4: dependence frame ("would fall apart without them"),
//	   challenges to find an exception, stock lines in quotes, denied
//	   causes and blame, "nothing/something P about X", threats "at" X,
//	   epithets let in, unlinked death words are no threat, passive chains
//	   after the victim's noun phrase.
//	20: round 5: hashtag slogans reach the text's target and are never
//	   reported; what the target hopes or is able to do is no call; a
//	   noun subject before a call takes it; other-group modifiers of a
//	   migrant noun; evidence said to show a claim asserts it; a future
//	   passive said of a group is no call.
//	21: round 5, second group: wished harm ("deserve to suffer", "love to
//	   see them burn"), forbidden and dismissed speech, a bare denial in
//	   the next sentence, negation through insults of the same noun
//	   phrase but not through admission verbs, rhetorical negative
//	   questions, "the only good X", former beliefs, "no more X than",
//	   emotions "by/with/at" the target, literal disease words, "hell".
//	22: round 5, third group: a "no" rebutting the claim before it,
//	   claims put in the mouths of unnamed others are reported, "the
//	   hate against X" is named hate, negation through verbs of
//	   receiving, "nobody should be told".
//	23: round 6: acts judged wrong, rhetorical why-questions, denied
//	   denials, contrasts, literal senses of stereotype words, the
//	   hostility of those condemned, reported mistreatment, hostile
//	   messages reported as harassment (also for hate_crime_report),
//	   threats of office (docs/analysis.md, "Round 6 choices").
//	24: round 6, fourth group: an incident word hits the victim after
//	   "against" ("threats posted online against a family").
//	25: the language is detected on a text's first 3,000 bytes.
//	26: round 6, fifth group: blame ("the crisis is caused by migrants",
//	   "immigrants are not to blame"), "do you really think" challenges,
//	   "hardly think" denies.
//	27: round 7: blame after "because of" and "the fault of" (round 6's
//	   never matched), evidence that asserts a claim, "no place" said of
//	   migrants, causative harm ("make our streets less safe"), questions
//	   about the hatred of others, a bare "No." answering a claim, no
//	   correction cue inside a stereotype (docs/analysis.md, "Round 7").
//	28: round 8: violence cues as an intent ("a brick through his
//	   window", "my shotgun"), causative praise ("make this city a better
//	   place"), conceded praise before "but", feelings are no evaluation,
//	   a hypothetical speaker's claim, a judged quote, the addressee
//	   behind a determiner, advice and statistics cues (docs/analysis.md,
//	   "Round 8").
//	29-35: rounds 10 to 14 (docs/analysis.md, "Round 10" ... "Round 14").
//	36: round 15: a label denied as a predicate ("it's not a myth", "not
//	   racist") and a label the speaker says they are given ("I was
//	   called a racist") are no pushback, a feeling reported of a third
//	   person ("he hates immigrants") is not the text's own, a denied
//	   continuation ("we can't keep welcoming them") denies the welcome,
//	   a denied payment ("they don't even pay taxes") is a stereotype, and
//	   a why-question takes the solidarity from a welcome.
//	37: round 15, after its looks: clitics written apart ("doesn ’ t")
//	   are joined to their word (nlp.ParseWith).
//	38: round 17: insinuation read by structure (a harm tied to migrants'
//	   arrival, a place better before they came, a tag asking the reader
//	   to conclude, an ironic welcome), migrants as a danger to protect
//	   from, "more likely to commit crimes" as a claim, thanks addressed
//	   to a person or for a deed (analyze/insinuation.go).
//	39: round 17, after its look: a harm followed by "on" or "against" is
//	   suffered (no insinuation) only when a target follows ("break-ins
//	   on the street where the Eritreans live" insinuates).
//	40: round 17 review: a denied fall is no fall ("crime will never fall
//	   while the migrants keep coming"); a tag ties a harm to the arriving
//	   migrants, not to the first named (score output the same on every
//	   text of the test and development sets).
//	41: round 18: a contribution word is no pushback in a unit whose only
//	   policy direction is restrictive, an evaluative phrase without a
//	   verb ("such lovely people", "Absolute legends.") is said of the
//	   migrants named before it, and "no" before a policy object reads
//	   in its clause and not before a modal ("No, refugees don't ...",
//	   "no migrant should have to sleep rough").
//	42: round 18 review: a rising harm timed before migrants came
//	   ("knife crime started rising two years before the first refugees
//	   were housed") is no insinuation; only a good state can have been
//	   before them (score output the same on every test and development
//	   text).
//	43: round 20: an ironic welcome needs "oh" before the praise word or
//	   a marker of irony ("I'm sure ...", "just what this town needs")
//	   and no other praise ("Brilliant, another refugee family has opened
//	   a bakery" is sincere); "raised" concerns, questions or rents is no
//	   contribution.
//	44: round 21: a statistic alone ("official figures show", "data",
//	   "per cent", "a study") corrects nothing unless the unit answers a
//	   claim (a hostile word, a negation, a contrast, a claim named, a
//	   figure minimised); standing or speaking up for migrants is
//	   solidarity.
//	45: round 22: a finding reported with "more likely" or "less likely"
//	   and an opinion poll correct nothing unless the comparison is on the
//	   ground of a myth (crime, benefits, jobs) or answers a claim; a
//	   negated verb of acceptance with hostility as its object ("would not
//	   tolerate racism") condemns it.
//	46: round 23: bricks and stones thrown are incidents (models/hate.txt),
//	   a bias the offender voiced names the victims' group, a migrant who
//	   was subjected to or suffered abuse is its victim and one who was
//	   charged or jailed its perpetrator.
//	47: round 24: "abuse" is a restrictive stance cue only as abuse of a
//	   system (models/stance.txt), not as harassment ("subjected to abuse",
//	   "the abuse directed at refugee children").
//	48: round 25: a letter, note or message telling its recipients to
//	   leave is a harassment incident; "not welcome" voices a bias and
//	   banging on a door is an incident (models/hate.txt).
//	49: round 26: more migration anchors (models/topic.txt): visas and
//	   permits, citizenship ceremonies, boats and dinghies, protection.
//	50: review of rounds 17-26: a good state that was ("our town was
//	   lovely once") may stand before the arrival like "used to be safe";
//	   round 18's mend had left it out (score output the same on every
//	   text of the test and development sets).
//	51: round 29: a call to violence or the offence of incitement,
//	   reported by the police or a court, is an incident (hatecrime.go,
//	   incitement).
//	52: round 30: people named by the country they come from ("families
//	   from Syria": models/target.txt [origin_country]) are a migrant
//	   mention; a country's name stays a word of the bag (lexBag).
//	53: round 31: a praise word inside an idiom ("to be honest", "good
//	   luck", "thank god") makes no link, so no feature, not only no rule.
//	54: round 33: a hostile word said of something else makes no link
//	   ("less than £40", "the housing problem", "the country benefits
//	   from", "live in filthy conditions": target.go, otherReferent).
//	55: round 34: VADER truth words ("true") and mood words ("happy",
//	   "safe") make no praise link; a denied VADER praise of a target is a
//	   hostile word for q:nohostility, like a denied lexicon praise.
//	56: round 35: more ways to deny ("far from", "anything but", "yet to",
//	   "no such thing as"; "can't call", "wouldn't describe"; "never done");
//	   praise received, denied ("have yet to receive any help"), is withheld.
//	57: round 36: a harm wished on the subject ("refugees should suffer",
//	   "ought to starve", "must be made to suffer") is a threat to it.
//	58: round 37: people nouns of everyday local life ("my Polish
//	   colleague", "the Somali shopkeeper"): target.txt, [people_noun].
//	59: round 38: stance negation: "no longer", a negation reaching over
//	   "afford to"/"keep"/"continue to", "no" before a position or a
//	   measure, an inner verb of amount in a chain (stance.go).
//	60: round 39: what a message named them ("a leaflet calling asylum
//	   seekers invaders") is reported; "no more likely" compares.
//	61: round 41: the myths counter-speech corrects ("priority for
//	   housing", "drive down wages", "bring disease", "luxury hotels") in
//	   [stereotype]; a verb-first stereotype phrase after a non-migrant
//	   subject and a word inside a stereotype phrase make no link.
//	62: round 42: "security risk", "liability" in [stereotype]; "never
//	   met an immigrant who wasn't lazy" says it of all of them.
//	63: round 44: an insult in the relative clause of a denied encounter
//	   is denied ("I don't know a single refugee who is lazy").
//	64: round 45: [contribution] takes taxes paid, care given, "built",
//	   hard work (lexicons.txt).
//	65: round 47: a naming act condemned in its own clause ("Calling
//	   asylum seekers invaders has no place in our town") is condemned.
//	66: round 50: a negation reaches over a hostile term and over "or"
//	   or "nor" after it ("not lazy or dangerous"); praise denied in the
//	   mouth of others is reported ("some say refugees don't contribute").
//	67: round 52: help denied of a third party, told as what happened, is
//	   reported ("the council didn't help the refugees"); a refused naming
//	   denies its term ("the mayor refused to call refugees a burden").
//	68: rounds 57 and 58: a forbidden telling is condemned ("nobody should
//	   tell migrants they are not welcome"); a right of presence denied to
//	   a subset the sentence picks out is no exclusion.
//	69: round 59: a harm wished on a target seen is a threat ("I want to
//	   see asylum seekers beaten").
//	70: round 60: a violence cue said of no one makes no threat feature
//	   ("treated in hospital after being attacked").
//	71: round 63: a contribution or a tax payment demanded ("migrants
//	   should pay taxes before ...") is no contribution and no correction.
//	72: round 64: a harm told of what a migrant owns ("their houses were
//	   destroyed", "have seen their families killed") links to no one.
//	73: round 65: a policy phrase in a unit whose migration word has its
//	   other sense gives no stance ("stop the invasion of Ukraine").
//	74: rounds 66 and 67: a decrease of hostility toward migrants as
//	   people is an open position ("stop blaming migrants"); a gerund's
//	   object is no compound head ("stop deporting asylum seekers").
//	75: rounds 68 and 69: an exclusion or a threat a verb of ending acts
//	   on is opposed ("halt deportations of Afghan refugees").
//	76: round 70: a derogatory noun after a migration noun, governed by a
//	   preposition or a verb, names a category ("jailed for immigration
//	   fraud").
//	77: round 71: "against" after a noun of harm is no opposition
//	   ("violence against refugees" has no stance).
//	78: round 72: the taunt "if you love refugees so much, take them
//	   home" and "funny how" with luxury goods insinuate.
//	79: round 73: a contribution noun naming a place visited ("went to
//	   the doctor's") is no contribution.
//	80: rounds 74 and 75: migrants said to get more than, or be treated
//	   better than, an in-group ("our veterans") insinuate resentment,
//	   unless a negation denies it.
//	81: round 76: an unsafe feeling caused by migrants ("I don't feel
//	   safe with all these migrants around") insinuates hostility.
//	82: round 77: a claim called a pretence is denied ("stop pretending
//	   migrants are the problem").
//	83: round 78: blame of migrants judged badly is a condemnation
//	   ("Blaming refugees for the housing crisis is lazy politics").
//	84: round 79: "jobs" after a verb of taking is no contribution
//	   ("migrants are taking all the jobs").
//	85: round 80: praise emptied of its object is denied ("contribute
//	   absolutely nothing"), idioms of effort praise their doer ("give
//	   back", "pull their weight"), praise in the relative clause of a
//	   denied encounter is denied.
//	86: round 82 (round 81 narrowed): hard work, care and help praise their
//	   doer ("work hard", "look after", "helped"), the idioms of effort and
//	   care their doer only; "nothing more than" empties nothing.
//	87: round 85: a negation reaches over "capable of", "able to",
//	   "willing to", "prepared to"; help and effort praise a migrant doer
//	   only.
//	88: round 86: stereotype entries (contempt for the law, entitlement);
//	   the lexicon text is in the model hash, the revision marks the round.
//	89: round 87: an insult named in a naming act that an emotion before
//	   it judges is condemned ("I'm sick of people calling migrants
//	   scroungers").
//	90: round 89: stance: ending a naming of migrants by a restrictive term
//	   is open ("stop calling refugees illegals"), and the terms a hostile
//	   act uses are no position ("stop treating migrants like criminals").
//	91: round 91: a negation reaches what is sought across a verb of
//	   seeking ("don't want handouts", "don't come here for benefits"); a
//	   term links to a mention of its own clause first; a want of the
//	   target with a hostile term after it is no praise.
//	92: round 93 (round 92 narrowed): harm tied to migrants' arrival
//	   reads a good state before it ("this was a lovely town"), lost
//	   freedom or safety after it ("nobody feels safe"), "before the
//	   foreigners" and "filled with migrants" as arrivals.
//	93: round 95: claims put in the mouths of others, widened ("people
//	   keep saying", "they tell you", "we're told", "you hear that",
//	   "everyone says", "the papers say").
//	94: round 96: a claim put in the mouths of others that the text then
//	   endorses is its own ("..., and everyone is right").
//	95: round 97: hostility inside speech the sentence ends or refuses is
//	   condemned ("this language of 'invaders' has to stop", "I won't
//	   have anyone calling refugees parasites").
//	96: round 99: "smashing" after an article or before a people noun is
//	   praise, no threat ("a smashing lad").
//	97: round 100: kind acts toward the speaker praise their migrant doer
//	   ("fixed my fence"), and a doer link reaches its subject across head
//	   nouns and a place phrase ("the Kurdish lads from the hostel helped
//	   us").
//	98: round 101: a call for exclusion coordinated with an imperative or a
//	   hashtag slogan is a call ("Close the borders and send the migrants
//	   back", "#BuildThatWall and deport them all").
//	99: round 102: a text of at most shortTextWords words is one unit,
//	   however many sentences it has.
//	100: round 103: round 101's coordinated call after "then" and after a
//	   conjunct with a deontic modal ("should be tough on illegal
//	   immigration and deport the immigrants").
//	101: round 104: with no group named, a [trope] of target.txt makes
//	   "they" migrants ("they are just here to take our jobs").
//	102: round 105: a going back stated of its migrant subject is no call
//	   ("Ukrainian refugees are starting to go back home").
//	103: round 106: a removal an institution carried out or plans is no
//	   call ("The Home Office deported 40 Albanian men").
//	104: round 107: a call that opens the sentence links to a migrant
//	   group named alone in its last clause ("Go back home, refugees.").
//	105: round 114: round 113's "tired of hearing" condemns no topic
//	   ("sick of hearing about how wonderful the refugees are").
//	106: round 115: a predicate after a relative clause about people is
//	   said of them ("people who hate immigrants are idiots").
//	107: round 118: a forbidden speech act reaches across adverbs ("no
//	   one should ever call") and condemns only its own clause ("Don't
//	   call them refugees, they are invaders").
//	108: round 124: round 115's predicate covers its phrase ("a stupid
//	   idiot", "vile parasites").
//	109: round 126: a condemnation aimed at migrants or immigration is
//	   none ("South Koreans stand against Islamic immigration").
//	110: round 127: precautions ("Better hide the silverware", "count your
//	   kids") and a better place without migrants ("if there were no
//	   migrants, crime would drop") insinuate.
//	111: round 128: a loss without migrants is not said of them ("without
//	   immigrants this town would be poorer"); a verb done to migrants by
//	   another subject is not said of them ("smugglers rob them").
//	112: round 129: an attack on those who help migrants condemns nothing
//	   ("People who help refugees are vile parasites"; "traitor").
//	113: round 130: round 115's predicate may be a [condemn] word ("a
//	   disgrace", "disgusting"); its emotion sense goes with the others.
//	114: round 132: forcing verbs call for exclusion ("flush out", "force
//	   them to leave"); a removal in the passive said of migrants is an
//	   event, no call ("refugees were kicked out of the hotel").
//	115: round 133: a slur in the text's own narration of an incident is
//	   the text's own word ("woman attacked by street rapefugee").
//	116: round 135: a hostile noun that does something to migrants is
//	   said of itself ("Thugs attacked two asylum seekers").
//	117: round 136: hatred owned by the first person is the speaker's
//	   emotion, no condemnation ("my hatred of immigrants"); an emotion
//	   noun takes its object after "for" ("contempt for asylum seekers").
//	118: round 137: a claim put in others' mouths and then corrected is
//	   named to be corrected; "it's a lie" is said of no one; a correction
//	   of what was said before does not reach a later claim; evidence said
//	   to show the claim ("the statistics prove it") asserts it.
//	119: round 138: a [condemn] predicate that judges admitting or helping
//	   migrants, or an open policy, condemns nothing ("Letting all these
//	   migrants in was wrong", "Open borders are wrong").
//	120: round 139: a position judged wrong is the opposite position ("It
//	   is wrong to let illegal immigrants stay" is restrictive); a
//	   negation before a judgement is the judgement's.
//	121: round 140: a positive judgement of an act toward migrants praises
//	   them ("I'm proud that our town gave a home to refugees", "It has
//	   been a joy to get to know the refugee families").
//	122: round 141: approval of a removal is no praise and makes a
//	   passive removal the speaker's call ("I'm glad that the illegal
//	   immigrants were deported"); praise of fewer migrants insinuates.
//	123: round 142: a predicate that judges a hostile act named by a
//	   gerund condemns it ("Treating migrants like criminals is a
//	   disgrace").
//	124: round 143: a negation reaches through a verb that carries its
//	   object to the subject ("Immigrants will never share our values",
//	   "Immigrants don't commit more crime than anyone else").
//	125: round 144: a departure demanded or wished of migrants is a call
//	   for exclusion ("The refugees must leave, now", "I wish all
//	   immigrants would just disappear").
//	126: round 145: an adverb of correction inside its clause after an
//	   asserted hostile term about migrants intensifies it ("Refugees are
//	   lazy scroungers who actually enjoy living on handouts").
//	127: round 146: a charge in a passive of blaming or accusing is put in
//	   others' mouths ("Migrants are blamed for crimes they never
//	   committed").
//	128: round 147: blame named as unjust condemns it when migrants are
//	   the accused ("Immigrants are wrongly blamed for every problem
//	   this country has").
//	129: round 148: a good that migrants bring is praise of them
//	   ("Refugees bring skills, energy and hope").
//	130: round 149: "asylum" before a place noun names where migrants
//	   live ("We should burn down the asylum hotel").
//	131: round 150: more ways to say migrants are good for a place
//	   (belonging, "made our high street thrive", "respect for", a loss
//	   without them as a counter_speech floor).
//	132: round 151: "no less honest than", what migrants want or need is
//	   no praise of them.
//	133: round 152: challenges and judged exclusions ("a pity to keep them
//	   out", "why do you hate migrants?", "if they were really ...", "I
//	   don't understand why ...").
//	134: rounds 153 to 155: resources taken ("taking our houses", "the
//	   jobs are taken by migrants", "bleeding the NHS dry").
//	135: round 156: a threat reaches its object across a particle, "set
//	   fire to", "at" and "the windows of".
//	136: rounds 157 and 158: a first-person subject right before an
//	   exclusion is its own ("whenever we go away").
//	137: round 159: a claim challenged by the frame whose complement it
//	   is ("do you have any proof that migrants are a burden?").
//	138: round 160: an exclusion judged wrong after it ("To deport them
//	   would be a crime", "is not the answer"); the judging word is not
//	   said of the target.
//	139: round 161: a concession is no claim ("even if they were a
//	   burden").
//	140: round 166: hostility toward migrants told to stop ("the racist
//	   abuse aimed at the Afghans has to stop") is condemned.
//	141: round 167: an attack on migrants whose doer is praised ("whoever
//	   put the windows through at the migrant hotel deserves a medal").
//	142: round 168: an attack on migrants whose doer is condemned
//	   ("whoever attacked the Syrian family should be locked up").
//	143: round 169: a "how" question that challenges the claim said of
//	   its subject ("how does immigration threaten our security?").
//	144: round 170: a good the target receives or asks for ("they claim
//	   asylum support") is no praise of them.
//	145: round 171: a helping act toward migrants judged wrong ("it would be
//	   foolish to welcome more refugees") is no praise of them; its denial
//	   judged wrong ("a mistake not to help them") is.
//	146: round 174: what migrants flee ("many refugees flee violence,
//	   torture and rape") is not said of them.
//	147: round 175: a flight clause closed by a finite verb ("refugees
//	   escaping war are dangerous criminals") does not make the target a victim
//	   of the predicate.
//	148: round 176: a term denied by its contrary ("the opposite of
//	   hardworking") or put in a verbless fragment that the next sentence
//	   dismisses ("Immigrants an asset? No chance.").
//	149: round 177: a claim judged false ("the idea that immigrants are a
//	   burden is laughable", "whoever said refugees were hardworking was
//	   lying") is denied.
//	150: review mend after round 177: "take care of" is no good received
//	   (round 170), and round 175 bounds its span by the unit.
//	151: round 178: what migrants suffer is not said of them (sufferedHarm;
//	   subject/exposed/vulnerable to)
//	152: round 179: every migrant mention contrasted out (contrastedOut):
//	   anti_migrant capped
//	153: round 180: a migrant place opening is its residents' arriving
//	   (placeOpened in timedHarmHits)
//	154: round 181: more ways of negating ([negation]: by no means, in no
//	   way, nowhere near (as), scarcely; naming frame 'what I would call')
//	155: round 185: weapons taken to people and punishment idioms as threats
//	   ([threat] rows; toolNotAtPeople)
//	156: round 187: a death in the family is no threat (literalHarms)
//	157: round 188: literal dehumanising words: conditions lived in and
//	   illnesses fought (surroundedBy, foughtDisease)
//	158: review mend after round 188: round 179's contrast reads a
//	   preposition by its tag ("not from the asylum seekers")
//	159: round 189: racism asked or denied of a claim does not condemn it;
//	   the subject of a that-clause after a verb of saying is linked; 'it's the
//	   truth' after a claim asserts it
//	160: round 190: migrants who create, cause or add to a harm, migrants
//	   who are why a harm happens, and a harm told as access denied ('can't get
//	   a school place') are blamed; a shortage caused is no contribution
//	161: round 191: an opening whose subject or object is a hotel, hostel,
//	   centre or camp that houses people is no contribution
//	162: round 192: a place degraded by migrants (made unrecognisable, a
//	   dump, a ghetto, a third world city; changed beyond recognition) is
//	   blamed on them; 'due to', 'owing to' and 'thanks to' people link
//	163: round 193: praise of what migrants give: a place made more
//	   interesting or diverse, richer for them, lessons learned from them,
//	   gifts brought across a place phrase, superlatives of praise
//	164: round 194: harms made widened: more violent, rougher, dirtier, life
//	   made hell, people made afraid, eight words on; a place called more
//	   dangerous condemns nothing; the subject must be its clause's
//	165: round 195: veiled threats (a mock regret, a dealing under a wink, a
//	   dealing made permanent) and irritation idioms
//	166: review mend after round 195: rounds 190 and 192 blame only their
//	   clause's subject, as round 194 does; round 189's "It's the truth"
//	   after a question of racism answers no
//	167: round 196: a claim after a gerund of saying that the clause affirms
//	   (is not racist, is a fact, is fine) is the text's own
//	168: round 197: claims after gerunds of saying and claim nouns: the
//	   clause's copula judges, not the claim's; claim nouns affirmed are the
//	   text's own; [meta] widened
//	169: round 198: attacks on migrants told in the active voice by a third
//	   party are no threat (toldAttacks); namedOther reads youths and young as
//	   third parties
//	170: round 199: a word naming hostility toward others (inside a longer
//	   condemnation, after a hostile movement's name) is not said of migrants
//	   (hostileNamed); neo-Nazi in [condemn]
//	171: round 200: a hostility label before a noun of what happened (racist
//	   attacks, far-right party, hate crimes) in a sentence that only reports
//	   it counts as no condemnation of the text's own (labelsInReports)
//	172: round 201: attacks on migrants told in the progressive by a third
//	   party are no threat, and incident verbs name their doers (toldAttacks)
//	173: round 202: a word of falsity after a claim noun or gerund ("The
//	   idea that refugees are lazy is nonsense") is the text's correction of a
//	   hostile claim, not a word said of people; a denied one affirms the
//	   claim; "cannot" starts a verb group
//	174: round 203: a loss the place would suffer without migrants ('crops
//	   would rot without seasonal workers from abroad') is no threat; one
//	   adjective may stand between 'without' and the migrants; 'without skilled
//	   immigrants' is no praise denied
//	175: round 205: hostile speech reported as criticised, censured,
//	   slammed, under fire or met with a backlash is a report ([report] gains
//	   those words)
//	176: round 206: a claim put in others' mouths that the speaker answers
//	   in their own voice ('Some say refugees are a burden; I say they are our
//	   neighbours') is named to be corrected
//	177: round 208: a denied encounter with praised migrants reaches through
//	   auxiliaries and adverbs ('nobody has ever seen'), across a comma in a
//	   list of praise ('a decent, honest migrant'), and a participle right
//	   before the target is its adjective
//	178: round 210: an invasion of a country people flee from, or one a
//	   country makes ('The invasion of Ukraine', 'Russia's invasion'), is war,
//	   not the trope of migrants invading
//	179: round 211: a label of hostility in a plain report (round 200's
//	   reportLabel) condemns no claim or act it names ('The far-right group
//	   handed out flyers claiming migrants get free cars' was counter 0.75)
//	180: round 212: a place said to be better, safer or nicer before the
//	   migrants came is an insinuation, like a good state before them (rounds
//	   92 and 93)
//	181: round 214: others' naming or seeing ('some people call refugees
//	   scroungers') is put in their mouths, and answered by 'I call them' it is
//	   named to be corrected; 'which is exactly what they are' endorses the
//	   claim
//	182: round 215: praise denied to every member of the group: among the
//	   group, double denial in a denied encounter's relative, worth the air
//	   they breathe
//	183: round 216: the reach of a correction: despite what of deeds, a
//	   that-clause of correction ends at its clause
//	184: round 217: a question that challenges a welcome: why should we
//	   welcome migrants
//	185: round 218: hatred of us attributed to migrants is a stereotype;
//	   their hatred of anything else is no emotion at them
//	186: round mend218: review mend after round 218: hostObject reads "the
//	   country" as no host ("refugees hate the country that tortured them")
//	187: round 221: a rhetorical "why should/would" question denies what it
//	   asks in the stance direction (whyAsked)
//	188: round 222: a means ("reduced through ...") is no object of a stance
//	   change verb; lies told about migrants are [hostility]
//	189: round 223: a statistic of hostility against migrants is a report:
//	   its sourcing words judge nothing, a harm noun with migrants after it in
//	   a sentence telling a change is a report label (labelsInReports)
//	190: round 224: harm done to migrants ("the violence against asylum
//	   seekers") is no stereotype of them; ended, it is condemned (harmDoneTo)
//	191: round 225: a verb of contribution praises its migrant doer over an
//	   object of four words (doerPraise); what is compared as taken is no
//	   stereotype (comparedTaking); reflexive objects take no praise; "not
//	   only" and a counterfactual "if ... not" deny no praise
//	192: round 226: a "why do you think" question asks the addressee for the
//	   grounds of a belief: the claim is challenged unless the next sentence
//	   answers "because" (challenged)
//	193: round 227: a call to stop a hostile act toward migrants ("Stop
//	   attacking refugees") is its condemnation (endedActs)
//	194: round 228: a praise denied, or a stereotype that denies a virtue,
//	   as the effect of a ban on working or learning tied to it by a
//	   subordinator is dropped (preventedPraise)
//	195: round 229: a count or a comparison ("more than 3,000 people
//	   arrived", "less likely to commit crimes") is no change of admission in
//	   stance; a count of migrants still anchors migration
//	196: round 230: one's children or wife kept from migrants ("keep your
//	   daughters away from the migrants", "I wouldn't let a refugee anywhere
//	   near my daughter") is a stereotype of danger tied to them (guardedKin)
//	197: round 231: migrants named as the doers of an incident verb in a
//	   present, habitual or "stop" claim ("Refugees attack our police", "Asylum
//	   seekers keep harassing women") carry a stereotype tied to them
//	   (agentIncident), and such a claim is no hate-crime report
//	198: round 233: a good caused by migrants is read after auxiliaries,
//	   adverbs and negations, on its causative verb, so that a negation denies
//	   it ("Migrants have never made this country better")
//	199: round 235: migrants who boost a good praise their doer
//	   (contributionVerbs, target.txt [positive]); "boost nothing" is a
//	   derogation like "contribute nothing"
//	200: round 236: a bare "why" question ("so why take in more migrants?")
//	   denies its act, "why not" asks for it, and "our own people" is no act a
//	   negation denies
const scoringRevision = 200

// Model returns the model of a task (read-only).
func (s *Scorer) Model(task string) *LinearModel { return s.models[task] }

// unitScores holds one unit's scores and what decided them.
type unitScores struct {
	migration, anti, counter, hate, stance, tone float64
	// antiRule, counterRule: the definitional rule that set the score
	// (hostility.go), nil when the model alone did
	antiRule, counterRule *ruleHit
}

func filterFeats(fs []feat, prefixes ...string) []feat {
	out := make([]feat, 0, len(fs))
	for _, f := range fs {
		for _, p := range prefixes {
			if strings.HasPrefix(f.name, p) {
				out = append(out, f)
				break
			}
		}
	}
	return out
}

// lexFeats are the features of the small hand-labelled models (stance,
// hate_crime_report): lexicon, clause, unit and tone features, no n-grams.
func lexFeats(fs []feat) []feat { return filterFeats(fs, "x:", "x2:", "c:", "u:", "v:") }

// maxUnanchoredMigration caps the migration probability of a unit without a
// migration term.
const maxUnanchoredMigration = 0.25

// otherSense reports a unit whose migration words are used in another
// sense ("the herbaceous border", "Visa card payments", "the swallows'
// migration", "the former lunatic asylum", "the ferry will cross the
// Channel"): a word of target.txt's [nonmigration] section and no migrant
// group named outright. Such a unit is not on its own about migration.
func (s *Scorer) otherSense(u *unit) bool {
	ti := u.ti
	if ti.count[tNonMigration] == 0 {
		return false
	}
	for _, m := range ti.mentions {
		if m.kind == kMigrant && !m.pronoun && !m.nationality && !m.place && !ambiguousMention(ti, m) {
			return false
		}
	}
	// only ambiguous anchors: border, visa, asylum, migration, channel,
	// small boats, Home Office; and at least one of them (a unit anchored
	// otherwise, "people fleeing the wars", keeps its sense)
	found := false
	for _, h := range ti.hits {
		if h.section != tContext && h.section != tMigrationNoun {
			continue
		}
		if !ambiguousAnchor[ti.words[h.start].w] || h.end-h.start > 2 || asylumClaim(ti, h.start) {
			return false
		}
		found = true
	}
	// "people fleeing war": those who flee are refugees whatever else the
	// unit names
	for _, w := range ti.words {
		if w.w == "fleeing" || w.w == "fled" || w.w == "flee" || w.w == "flees" {
			return false
		}
	}
	return found
}

// asylumClaim reports "asylum" at i in its migration sense: claimed,
// sought, granted or refused ("claim asylum", "seeking asylum", "granted
// asylum"), not the old word for a hospital.
func asylumClaim(ti *targetInfo, i int) bool {
	if ti.words[i].w != "asylum" || i == 0 {
		return false
	}
	switch ti.words[i-1].w {
	case "claim", "claimed", "claims", "claiming", "seek", "seeking", "sought", "seeks", "grant", "granted",
		"refused", "political", "for":
		return true
	}
	return false
}

// ambiguousMention reports a mention made only of ambiguous anchors and
// determiners ("the invasion", "migration"): it names no migrant group
// outright.
func ambiguousMention(ti *targetInfo, m mention) bool {
	for k := m.i; k < m.j; k++ {
		if w := ti.words[k].w; !ambiguousAnchor[w] && !tDeterminers[w] {
			return false
		}
	}
	return true
}

// ambiguousAnchor: migration words with an everyday other sense.
var ambiguousAnchor = map[string]bool{"border": true, "borders": true, "visa": true, "visas": true, "asylum": true,
	"migration": true, "the": true, "small": true, "cross": true, "crossing": true, "crossings": true, "home": true,
	"channel": true, "settlement": true, "resettlement": true, "integration": true, "integrate": true,
	"sponsorship": true, "transfer": true, "coming": true, "come": true, "came": true, "invasion": true,
	"invasions": true, "invaded": true, "invading": true, "invade": true, "foreign": true}

// migrationAnchored reports whether a unit names migration: a [target] or
// [migration_topic] word of lexicons.txt, or an anchor phrase of topic.txt
// ("people who crossed the Channel", "host families").
func (s *Scorer) migrationAnchored(u *unit) bool {
	if u.secCount[secTarget]+u.secCount[secMigrationTopic] > 0 {
		return true
	}
	if ti := u.ti; ti.count[tMigrationNoun]+ti.count[tContext] > 0 {
		return true
	}
	for _, m := range u.ti.mentions {
		// a migrant group or a pronoun in a migration text; a nationality
		// alone ("Russian troops") anchors nothing
		if m.kind == kMigrant && !m.nationality {
			return true
		}
	}
	if s.migrationPolicy(u) {
		return true
	}
	return s.tlex != nil && len(s.tlex.match(u.words, nil)) > 0
}

func (s *Scorer) scoreUnit(u *unit) unitScores {
	var r unitScores
	mig := s.models[TaskMigration]
	r.migration = mig.prob(s.migrationFeats(u))
	other := s.otherSense(u)
	if !s.migrationAnchored(u) || other {
		// A unit that names neither migration nor a migrant group (the
		// [target] and [migration_topic] lexicons, the anchor phrases of
		// topic.txt) is not on its own about migration, whatever its
		// n-grams say. It stays below the 0.5 "yes" line; a document or
		// quote still counts through its anchored sentences.
		r.migration = math.Min(r.migration, maxUnanchoredMigration)
	}
	af := s.antiFeats(u)
	r.anti, r.antiRule = s.antiRules(u, s.models[TaskAntiMigrant].prob(af))
	r.counter, r.counterRule = s.counterRules(u, s.models[TaskCounterSpeech].prob(af))
	if other && !s.custom[TaskAntiMigrant] {
		// "two decades after the invasion" with troops, "the wildebeest
		// migration": the only migrant "mention" is a word in its other
		// sense, so no migrant is targeted
		r.anti, r.antiRule = math.Min(r.anti, maxUntargeted), nil
	}
	// a text hostile toward migrants in its own voice is not pushing back
	// against hostility toward them. Score caps the document the same way
	// after its reported-hostility discount; this cap keeps a hostile
	// sentence from being the counter-speech that discounts the others.
	if r.anti >= 0.5 && !s.custom[TaskCounterSpeech] {
		r.counter, r.counterRule = math.Min(r.counter, counterCap), nil
	}
	// hostility toward migrants is about migrants: no anti_migrant >= 0.5
	// with migration below it (issue 11, point 1)
	r.migration = math.Max(r.migration, r.anti)
	hf := s.hateFeats(u)
	r.hate = s.models[TaskHateCrime].prob(hf)
	if !s.custom[TaskHateCrime] {
		r.hate = s.hateRules(u, hf, r.hate)
	}
	// stance only in a unit about migration (a text with no migration
	// content has stance 0: issue 11, point 1) that expresses a position,
	// scaled by the probability that it is about migration; a policy
	// phrase of a word in its other sense ("stop the invasion of
	// Ukraine") is no migration policy (round 65)
	if sf := s.stanceFeats(u); (r.migration >= 0.5 || s.migrationPolicy(u) && !other) && hasStanceCue(u, sf) {
		r.stance = (2*s.models[TaskStance].prob(sf) - 1) * math.Max(r.migration, 0.5)
	}
	r.tone = clamp(s.models[TaskTone].margin(toneFeats(u)), -1, 1)
	return r
}

// featsFor returns the features task's model reads for unit u.
func (s *Scorer) featsFor(task string, u *unit) []feat {
	switch task {
	case TaskMigration:
		return s.migrationFeats(u)
	case TaskAntiMigrant, TaskCounterSpeech:
		return s.antiFeats(u)
	case TaskStance:
		return s.stanceFeats(u)
	case TaskHateCrime:
		return s.hateFeats(u)
	case TaskTone:
		return toneFeats(u)
	}
	return nil
}

// reported reports whether a unit quotes or reports someone's words: a
// hostile link inside quotation marks, or a speech word.
func reported(u *unit) bool {
	if u.ti.count[tMeta] > 0 || u.secCount[secSpeech] > 0 {
		return true
	}
	for _, l := range u.ti.links {
		if l.kind == kMigrant && u.ti.words[l.i].q {
			return true
		}
	}
	return false
}

func clamp(x, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, x)) }

// Score scores one text. id is copied to the result.
func (s *Scorer) Score(id, text string, tc model.TextContext) model.Scores {
	sc := model.Scores{ID: id, Model: s.Version(), Mentions: []model.Mention{}, Quotes: []model.Quote{}, Evidence: []model.Evidence{}}
	// only English is scored (language.go)
	lang, ok := textLanguage(text, tc.Language)
	sc.Language = lang
	if !ok {
		sc.Excluded = true
		return sc
	}
	doc := nlp.Parse(text)
	n := len(doc.Sentences)
	sc.Sentences = n
	if n == 0 {
		return sc
	}
	units := make([]*unit, n)
	res := make([]unitScores, n)
	sc.SentenceScores = make([]model.SentenceScore, n)
	for i := range doc.Sentences {
		// pronouns may refer to migrants named in the two sentences before
		ctx := i > 0 && units[i-1].ti.migrant || i > 1 && units[i-2].ti.migrant
		u := s.buildUnitCtx(text, doc.SentenceTokens(i), ctx)
		units[i] = u
		res[i] = s.scoreUnit(u)
		sc.Words += u.nWords
		sc.PopulismMatches += u.popMatches
		if u.popMatches > 0 {
			sc.PopulistSentenceN++
		}
		st := doc.Sentences[i]
		sc.SentenceScores[i] = model.SentenceScore{
			Index: i, Start: st.Start, End: st.End,
			Migration: res[i].migration, AntiMigrant: res[i].anti, CounterSpeech: res[i].counter,
			Stance: res[i].stance, Tone: res[i].tone, HateCrime: res[i].hate,
			PopulismMatches: u.popMatches, Words: u.nWords,
		}
		if res[i].migration >= 0.5 {
			sc.MigrationSentences++
			sc.MigrationToneSum += res[i].tone
		}
	}
	if sc.Words > 0 {
		sc.Populism = 1000 * float64(sc.PopulismMatches) / float64(sc.Words)
	}
	sc.PopulistSentences = float64(sc.PopulistSentenceN) / float64(n)

	var whole *unit
	if n <= shortSentences || sc.Words <= shortTextWords {
		whole = s.buildUnit(text, doc.Tokens)
		r := s.scoreUnit(whole)
		sc.Migration, sc.AntiMigrant, sc.CounterSpeech = r.migration, r.anti, r.counter
		sc.HateCrimeReport, sc.Stance, sc.Tone = r.hate, r.stance, r.tone
	} else {
		// migration: mean of the top k sentence probabilities, k = ceil(n/10):
		// one passing mention does not make an article about migration.
		k := (n + 9) / 10
		ps := make([]float64, n)
		for i := range res {
			ps[i] = res[i].migration
		}
		sort.Float64s(ps)
		sum := 0.0
		for _, p := range ps[n-k:] {
			sum += p
		}
		sc.Migration = sum / float64(k)
		// hostility, counter-speech, hate-crime reports: the strongest sentence.
		for _, r := range res {
			sc.CounterSpeech = math.Max(sc.CounterSpeech, r.counter)
			sc.HateCrimeReport = math.Max(sc.HateCrimeReport, r.hate)
		}
		// A hostile sentence that is reported (quoted, or introduced by a
		// speech verb) in a document that counters it elsewhere is quoted
		// to be condemned: its hostility counts times (1 - the strongest
		// counter-speech among the other sentences, if that is >= 0.5).
		// Sentence scores keep the raw value.
		best1, best2 := -1.0, -1.0 // two largest counter-speech values
		for _, r := range res {
			if r.counter > best1 {
				best1, best2 = r.counter, best1
			} else if r.counter > best2 {
				best2 = r.counter
			}
		}
		for i, r := range res {
			a := r.anti
			if reported(units[i]) {
				other := best1
				if r.counter == best1 {
					other = math.Max(best2, 0)
				}
				// only a sentence the classifier calls counter-speech
				// (calibrated >= 0.5) condemns: plain news sentences with a
				// middling value do not discount reported hate.
				if other >= 0.5 {
					a *= 1 - other
				}
			}
			sc.AntiMigrant = math.Max(sc.AntiMigrant, a)
		}
		// a document hostile in its own voice after that discount is not
		// pushing back against hostility (issue 11, point 1), whatever one
		// of its sentences scores alone
		if sc.AntiMigrant >= 0.5 && !s.custom[TaskCounterSpeech] {
			sc.CounterSpeech = math.Min(sc.CounterSpeech, counterCap)
		}
		// stance: mean over sentences that carry a policy cue, weighted by
		// their migration probability (a policy cue in a sentence that is
		// not about migration, "protect the park", counts for little);
		// tone: word-weighted mean.
		var ss, sn, ts, tw float64
		for i, r := range res {
			if r.stance != 0 {
				ss += r.stance * r.migration
				sn += r.migration
			}
			w := float64(max(units[i].nWords, 1))
			ts += r.tone * w
			tw += w
		}
		if sn > 0 {
			sc.Stance = ss / sn
		}
		sc.Tone = ts / tw
	}
	sc.Evidence = s.evidence(text, doc, units, res, whole, &sc)

	// persons and quotes come from the People finder (the figures
	// package's person tagger); without one there are none (prose's
	// entity extractor finds persons at F1 0.69 against the tagger's 0.91:
	// docs/figures.md)
	if s.People != nil {
		sc.Mentions, sc.Quotes = s.attribute(text, tc, sc.SentenceScores)
	}
	return sc
}

// ScoreText scores a short piece of text as one unit and returns the
// calibrated probability of task (migration, anti_migrant, counter_speech,
// hate_crime_report), the stance or the tone. Tests use it to score one
// piece as a unit; eval and `xenoscope score` go through Score (round 101).
func (s *Scorer) ScoreText(task, text string) float64 {
	doc := nlp.Parse(text)
	u := s.buildUnit(text, doc.Tokens)
	r := s.scoreUnit(u)
	switch task {
	case TaskMigration:
		return r.migration
	case TaskAntiMigrant:
		return r.anti
	case TaskCounterSpeech:
		return r.counter
	case TaskHateCrime:
		return r.hate
	case TaskStance:
		return r.stance
	case TaskTone:
		return r.tone
	}
	return math.NaN()
}

type contrib struct {
	start, end int
	w          float64
}

// evidence picks, per score, the sentence that moved it most and the
// strongest n-gram/lexicon spans inside it.
func (s *Scorer) evidence(text string, doc *nlp.Doc, units []*unit, res []unitScores, whole *unit, sc *model.Scores) []model.Evidence {
	var ev []model.Evidence
	type spec struct {
		name  string
		task  string
		val   func(unitScores) float64
		doc   float64
		thres float64
	}
	specs := []spec{
		{TaskMigration, TaskMigration, func(r unitScores) float64 { return r.migration }, sc.Migration, 0.3},
		{TaskAntiMigrant, TaskAntiMigrant, func(r unitScores) float64 { return r.anti }, sc.AntiMigrant, 0.3},
		{TaskCounterSpeech, TaskCounterSpeech, func(r unitScores) float64 { return r.counter }, sc.CounterSpeech, 0.3},
		{TaskHateCrime, TaskHateCrime, func(r unitScores) float64 { return r.hate }, sc.HateCrimeReport, 0.3},
		{TaskStance, TaskStance, func(r unitScores) float64 { return math.Abs(r.stance) }, math.Abs(sc.Stance), 0.2},
		{TaskTone, TaskTone, func(r unitScores) float64 { return math.Abs(r.tone) }, math.Abs(sc.Tone), 0.2},
	}
	for _, sp := range specs {
		if sp.doc < sp.thres {
			continue
		}
		best, bv := -1, -1.0
		for i, r := range res {
			if v := sp.val(r); v > bv {
				best, bv = i, v
			}
		}
		if best < 0 {
			continue
		}
		st := doc.Sentences[best]
		w := sp.val(res[best])
		if sp.name == TaskStance {
			w = res[best].stance
		}
		if sp.name == TaskTone {
			w = res[best].tone
		}
		ev = append(ev, model.Evidence{Score: sp.name, Start: st.Start, End: st.End, Text: text[st.Start:st.End], Weight: round4(w)})
		// strongest spans within that sentence
		m := s.models[sp.task]
		u := units[best]
		fs := s.featsFor(sp.task, u)
		weight := func(name string) float64 { return m.Weights[name] }
		var rule *ruleHit
		switch sp.task {
		case TaskAntiMigrant:
			rule = res[best].antiRule
		case TaskCounterSpeech:
			rule = res[best].counterRule
		}
		// a definitional rule that set the score is its first evidence:
		// the term and the target it is said of
		if rule != nil && rule.end > rule.start {
			ev = append(ev, model.Evidence{Score: sp.name, Start: rule.start, End: rule.end, Text: text[rule.start:rule.end], Weight: round4(w)})
		}
		sign := 1.0
		if (sp.name == TaskStance && res[best].stance < 0) || (sp.name == TaskTone && res[best].tone < 0) {
			sign = -1
		}
		var cs []contrib
		for _, f := range fs {
			if f.start < 0 {
				continue
			}
			c := weight(f.name) * f.val * sign
			if c > 0.05 {
				cs = append(cs, contrib{f.start, f.end, c})
			}
		}
		sort.SliceStable(cs, func(a, b int) bool { return cs[a].w > cs[b].w })
		used := map[[2]int]bool{}
		k := 0
		for _, c := range cs {
			if k == 3 {
				break
			}
			key := [2]int{c.start, c.end}
			if used[key] {
				continue
			}
			used[key] = true
			k++
			ev = append(ev, model.Evidence{Score: sp.name, Start: c.start, End: c.end, Text: text[c.start:c.end], Weight: round4(sign * c.w)})
		}
	}
	if ev == nil {
		ev = []model.Evidence{}
	}
	return ev
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }
