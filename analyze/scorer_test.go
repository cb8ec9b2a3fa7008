package analyze

import (
	"math"
	"strings"
	"sync"
	"testing"

	"github.com/xenoscope/xenoscope/figures"
	"github.com/xenoscope/xenoscope/model"
)

var (
	testScorerOnce sync.Once
	testScorer     *Scorer
	testScorerErr  error
)

// newTestScorer returns a copy of one shared Scorer (models decoded once).
func newTestScorer(t testing.TB) *Scorer {
	t.Helper()
	testScorerOnce.Do(func() { testScorer, testScorerErr = New() })
	if testScorerErr != nil {
		t.Fatal(testScorerErr)
	}
	c := *testScorer
	return &c
}

// Hand-checked against the Rooduijn & Pauwels globs (prefix elit*, infix
// *deceit*, *deceiv*, *betray*).
func TestPopulismExactCounts(t *testing.T) {
	s := newTestScorer(t)
	tests := []struct {
		text    string
		matches int
		words   int
	}{
		{"The corrupt elite and its propaganda betrayed the people.", 4, 9},
		{"Elites, elitist ELITISM: the establishment's scandal!", 5, 6},
		{"A self-deceiving, deceitful politician told untruths about the referendum.", 4, 9},
		{"Political consensus is undemocratic, shameful and dishonest, said the ruling party.", 5, 11},
		{"He was ashamed; overruling it was not political. Truthfully, nothing.", 1, 10},
		{"", 0, 0},
	}
	for _, tc := range tests {
		sc := s.Score("p", tc.text, model.TextContext{})
		if sc.PopulismMatches != tc.matches || sc.Words != tc.words {
			t.Errorf("%q: %d matches / %d words, want %d / %d", tc.text, sc.PopulismMatches, sc.Words, tc.matches, tc.words)
			continue
		}
		want := 0.0
		if tc.words > 0 {
			want = 1000 * float64(tc.matches) / float64(tc.words)
		}
		if math.Abs(sc.Populism-want) > 1e-9 {
			t.Errorf("%q: populism %.3f, want %.3f", tc.text, sc.Populism, want)
		}
	}
	sc := s.Score("p", "The elite lied. We met friends. Nothing happened. Corrupt politicians!", model.TextContext{})
	if sc.PopulistSentenceN != 2 || sc.Sentences != 4 || sc.PopulistSentences != 0.5 {
		t.Errorf("populist sentences %d of %d (%.2f), want 2 of 4", sc.PopulistSentenceN, sc.Sentences, sc.PopulistSentences)
	}
}

func checkSpans(t *testing.T, text string, sc model.Scores) {
	t.Helper()
	for _, e := range sc.Evidence {
		if e.Start < 0 || e.End > len(text) || e.Start >= e.End || text[e.Start:e.End] != e.Text {
			t.Fatalf("evidence %+v does not match the input", e)
		}
	}
	for _, m := range sc.Mentions {
		if text[m.Start:m.End] != m.Text {
			t.Fatalf("mention %+v does not match the input", m)
		}
	}
	prev := 0
	for _, ss := range sc.SentenceScores {
		if ss.Start < prev || ss.End <= ss.Start || ss.End > len(text) {
			t.Fatalf("sentence span %d..%d after %d", ss.Start, ss.End, prev)
		}
		prev = ss.End
	}
}

func TestScoreShortTexts(t *testing.T) {
	s := newTestScorer(t)
	tests := []struct {
		text                     string
		migration, anti, counter int // 1 yes (>=0.5), 0 no (<0.5), -1 don't care
		stanceSign               int
	}{
		{"These illegal invaders are vermin, send them all back where they came from!", 1, 1, 0, 1},
		{"It is a myth that refugees take our jobs: studies show migrants contribute more in taxes than they receive.", 1, 0, 1, -1},
		{"The council voted to welcome 200 more refugees under the resettlement scheme.", 1, 0, -1, -1},
		{"The new bakery on Main Street sells excellent sourdough bread.", 0, 0, 0, 0},
	}
	for _, tc := range tests {
		sc := s.Score("x", tc.text, model.TextContext{})
		checkSpans(t, tc.text, sc)
		check := func(name string, v float64, want int) {
			if want == 1 && v < 0.5 || want == 0 && v >= 0.5 {
				t.Errorf("%q: %s = %.3f, want %s 0.5", tc.text, name, v, map[int]string{1: ">=", 0: "<"}[want])
			}
		}
		check("migration", sc.Migration, tc.migration)
		check("anti_migrant", sc.AntiMigrant, tc.anti)
		check("counter_speech", sc.CounterSpeech, tc.counter)
		if tc.stanceSign == 0 && sc.Stance != 0 || tc.stanceSign > 0 && sc.Stance <= 0 || tc.stanceSign < 0 && sc.Stance >= 0 {
			t.Errorf("%q: stance %.3f, want sign %d", tc.text, sc.Stance, tc.stanceSign)
		}
		if sc.Model != s.Version() || sc.ID != "x" {
			t.Errorf("id/model not set: %q %q", sc.ID, sc.Model)
		}
	}
}

func TestEmptyText(t *testing.T) {
	s := newTestScorer(t)
	for _, text := range []string{"", "   \n\t "} {
		sc := s.Score("e", text, model.TextContext{})
		if sc.Mentions == nil || sc.Quotes == nil || sc.Evidence == nil {
			t.Fatalf("nil lists for empty text: %+v", sc)
		}
		if sc.Migration != 0 || sc.AntiMigrant != 0 || sc.Words != 0 || sc.Sentences != 0 {
			t.Errorf("empty text scored %+v", sc)
		}
	}
}

// A long real article (not about migration) with one hostile sentence in the
// middle: the document is flagged by that sentence and the evidence points at it.
func TestLongArticleOneHostileSentence(t *testing.T) {
	s := newTestScorer(t)
	bodies := articleBodies(t)
	body := ""
	for _, b := range bodies {
		if _, en := textLanguage(b, ""); en && len(b) > len(body) {
			body = b // the longest English body (others are not scored)
		}
	}
	clean := s.Score("a", body, model.TextContext{})
	if clean.AntiMigrant >= 0.5 || clean.Migration >= 0.5 {
		t.Fatalf("clean article scored anti_migrant %.3f migration %.3f", clean.AntiMigrant, clean.Migration)
	}
	hostile := "These migrants are vermin and parasites, send them all back."
	mid := strings.Index(body[len(body)/2:], "\n") + len(body)/2
	text := body[:mid] + "\n" + hostile + body[mid:]
	sc := s.Score("a", text, model.TextContext{})
	checkSpans(t, text, sc)
	if sc.AntiMigrant < 0.5 {
		t.Fatalf("article with a hostile sentence: anti_migrant %.3f", sc.AntiMigrant)
	}
	start := mid + 1
	found := false
	for _, e := range sc.Evidence {
		if e.Score == TaskAntiMigrant && e.Start >= start && e.End <= start+len(hostile) {
			found = true
		}
	}
	if !found {
		t.Errorf("no anti_migrant evidence inside the hostile sentence: %+v", sc.Evidence)
	}
	if len(sc.SentenceScores) != sc.Sentences || sc.Words < 500 {
		t.Errorf("sentence scores %d of %d, words %d", len(sc.SentenceScores), sc.Sentences, sc.Words)
	}
}

func TestScoreConcurrentAndDeterministic(t *testing.T) {
	s := newTestScorer(t)
	fin, err := figures.NewFinder(nil)
	if err != nil {
		t.Fatal(err)
	}
	s.People = fin
	text := "Mayor Jane Doe said the city welcomes refugees. Critics called the newcomers an invasion."
	want := s.Score("c", text, model.TextContext{})
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got := s.Score("c", text, model.TextContext{})
			if got.AntiMigrant != want.AntiMigrant || got.Tone != want.Tone || len(got.Evidence) != len(want.Evidence) || len(got.Mentions) != len(want.Mentions) {
				errs <- "concurrent score differs"
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Fatal(e)
	}
	hasJane := false
	for _, m := range want.Mentions {
		if strings.Contains(m.Text, "Jane Doe") {
			hasJane = true
		}
	}
	if !hasJane {
		t.Errorf("mentions %+v lack Jane Doe", want.Mentions)
	}
}

type fakePeople struct{}

// Find returns one mention and one quote by offsets (a stand-in for the
// figures package, which implements People for real).
func (fakePeople) Find(text string, tc model.TextContext) ([]model.Mention, []model.Quote) {
	q := "migrants are vermin and must be sent back"
	i := strings.Index(text, q)
	return []model.Mention{{Text: "Bob Roe", Start: 0, End: 7, Name: "Bob Roe"}},
		[]model.Quote{{Speaker: "Bob Roe", Text: q, Start: i, End: i + len(q), Kind: "direct"}}
}

func TestPeopleQuotesGetScores(t *testing.T) {
	s := newTestScorer(t)
	s.People = fakePeople{}
	text := `Bob Roe said "migrants are vermin and must be sent back" at the meeting.`
	sc := s.Score("q", text, model.TextContext{})
	if len(sc.Quotes) != 1 || sc.Quotes[0].AntiMigrant < 0.5 || sc.Quotes[0].CounterSpeech >= 0.5 {
		t.Fatalf("quote scores: %+v", sc.Quotes)
	}
	if len(sc.Mentions) != 1 || sc.Mentions[0].Name != "Bob Roe" {
		t.Fatalf("mentions not from People: %+v", sc.Mentions)
	}
}

func TestVersionChangesWithModel(t *testing.T) {
	s := newTestScorer(t)
	m := *s.Model(TaskAntiMigrant)
	m.Bias += 1
	s2, err := New(WithModel(TaskAntiMigrant, &m))
	if err != nil {
		t.Fatal(err)
	}
	if s2.Version() == s.Version() {
		t.Fatal("version unchanged after replacing a model")
	}
	if _, err := New(WithModel("nope", &m)); err == nil {
		t.Fatal("unknown task accepted")
	}
}

// An article that quotes hate in order to condemn it is counter-speech, not
// hate, at the document level; the sentence scores keep the raw values.
func TestQuotedHateCondemned(t *testing.T) {
	s := newTestScorer(t)
	text := `Leaflets pushed through doors in Hightown claimed that "migrants are vermin who should be sent back". ` +
		`Councillor Ann Lee condemned the leaflets as disgusting racism. "Refugees are our neighbours and they are welcome here," she said. ` +
		`Police said they were looking into the leaflets. The council will hold a community meeting on Friday.`
	sc := s.Score("q", text, model.TextContext{})
	checkSpans(t, text, sc)
	if sc.AntiMigrant >= 0.5 || sc.CounterSpeech < 0.5 {
		t.Errorf("condemning article: anti_migrant %.3f counter_speech %.3f", sc.AntiMigrant, sc.CounterSpeech)
	}
	if sc.SentenceScores[0].AntiMigrant < 0.5 {
		t.Errorf("the quoted leaflet sentence itself: anti_migrant %.3f, want >= 0.5", sc.SentenceScores[0].AntiMigrant)
	}
	// Without the condemnation, the reported hate stands in a document
	// scored sentence by sentence (more than shortTextWords words: a
	// shorter text is one unit, whose report frame caps it, round 102).
	bare := `Leaflets pushed through doors in Hightown claimed that "migrants are vermin who should be sent back". ` +
		`Police said they were looking into the leaflets. The council will hold a community meeting on Friday. The weather was mild. Shops opened late. ` +
		`The library will close early on Monday for repairs. Bus services on the ring road return to normal next week after the roadworks.`
	if sc := s.Score("b", bare, model.TextContext{}); sc.AntiMigrant < 0.5 {
		t.Errorf("reported hate without counter-speech: anti_migrant %.3f", sc.AntiMigrant)
	}
}

// POLICY is not HOSTILITY: restrictive policy statements (written for this
// test, not in any training file) must get a restrictive stance without
// being hostile, and hostile statements without a policy must be hostile.
func TestPolicyIsNotHostility(t *testing.T) {
	s := newTestScorer(t)
	policy := []string{
		"The government plans to lower the annual cap on skilled worker visas to 50,000.",
		"Ministers want asylum claims decided within six weeks and failed applicants removed quickly.",
		"The opposition would tighten the rules on student visas for dependants.",
		"The party wants an annual limit on the number of refugees admitted.",
	}
	hostile := []string{
		"Those filthy migrants are rats spreading disease through our streets.",
		"Refugees are savages who rape our daughters.",
		"Get these parasites out of our country, every last one of them.",
		"Immigrants are a plague destroying everything good about this nation.",
	}
	ok := 0
	for _, x := range policy {
		a, st := s.ScoreText(TaskAntiMigrant, x), s.ScoreText(TaskStance, x)
		t.Logf("policy  anti %.2f stance %+.2f | %s", a, st, x)
		if a < 0.5 && st > 0 {
			ok++
		}
	}
	for _, x := range hostile {
		a := s.ScoreText(TaskAntiMigrant, x)
		t.Logf("hostile anti %.2f | %s", a, x)
		if a >= 0.5 {
			ok++
		}
	}
	// 8 cases written before the first run. Measured: 7 of 8 (miss:
	// "Ministers want ... failed applicants removed quickly" stance 0, no
	// lexicon cue). "Those filthy migrants are rats spreading disease..."
	// was a miss (anti 0.31) until the quality round dropped hate against
	// other groups from anti_migrant's negatives and added the
	// c:target_is_dehum frame (now 0.84). The stance round (composed
	// direction features, analyze/stance.go) made it 8 of 8; its first
	// draft failed three of these policy rows, and two of its rules (a
	// passive verb's object, "opposition" is not "oppose") were written
	// after seeing them, so this test is no longer held out for stance:
	// heldout_stance*.csv are. We assert what we reach.
	if ok < 8 {
		t.Errorf("policy vs hostility: %d of 8 right", ok)
	}
}

// Handles and URLs carry nothing; an unsegmentable hashtag adds no n-gram.
func TestHandlesURLsHashtagsDoNotCarry(t *testing.T) {
	s := newTestScorer(t)
	base := "Refugees are welcome in our town"
	for _, variant := range []string{
		"@someone " + base + " https://t.co/abc123",
		"RT @news_desk: " + base + " http://example.com/x?y=1",
		base + " #refugeeswelcome", // lowercase hashtag: lexicon only, no n-grams
	} {
		for _, task := range []string{TaskAntiMigrant, TaskCounterSpeech, TaskMigration} {
			a, b := s.ScoreText(task, base), s.ScoreText(task, variant)
			if task != TaskMigration && math.Abs(a-b) > 0.15 || strings.Contains(variant, "http") && a != b {
				t.Errorf("%s: %q %.4f vs %q %.4f", task, base, a, variant, b)
			}
		}
	}
}

// The frame features fire on the patterns documented in frames.go and not
// on their negated or reported variants.
func TestFrameFeatures(t *testing.T) {
	s := newTestScorer(t)
	has := func(text, name string) bool {
		for _, f := range s.unitOf(text).feats {
			if f.name == name {
				return true
			}
		}
		return false
	}
	for _, tc := range []struct {
		text, feat string
		want       bool
	}{
		{"Those filthy migrants are rats spreading disease.", "c:target_is_dehum", true},
		{"Migrants are not rats.", "c:target_is_dehum", false},
		{"These parasites and migrants.", "c:target_is_dehum", true},
		{"Refugees are vermin who must go.", "c:hostile_assert", true},
		{"He said refugees are vermin.", "c:hostile_assert", false},
		{"Refugees are not vermin.", "c:hostile_assert", false},
		{"Racism would never be tolerated here.", "c:reject_racism", true},
		{"There is no place for racism in our town.", "c:reject_racism", true},
		{"Racism is growing.", "c:reject_racism", false},
		{"Refugees were welcome in Lakeside.", "c:welcome_target", true},
		{"Refugees are not welcome in Lakeside.", "c:welcome_target", false},
		{"Refugees are not welcome in Lakeside.", "n:exclusion", false},
		{"Refugees are not welcome in Lakeside.", "n:welcoming_policy", true},
		{"Refugees were welcome in Lakeside and racism would never be tolerated.", "n:welcoming_policy", false},
	} {
		if got := has(tc.text, tc.feat); got != tc.want {
			t.Errorf("%q: %s = %v, want %v", tc.text, tc.feat, got, tc.want)
		}
	}
}

// News-like probes reported as failures before the quality round. Caveat:
// the hand training files now hold sentences of the same shape (a welcome
// plus "racism would never be tolerated"; "filthy foreigners ... disease"),
// so these are regression checks, not held-out evidence.
func TestNewsLikeProbes(t *testing.T) {
	s := newTestScorer(t)
	lake := "refugees were welcome in Lakeside and racism would never be tolerated"
	if a, c := s.ScoreText(TaskAntiMigrant, lake), s.ScoreText(TaskCounterSpeech, lake); a >= 0.5 || c < 0.5 {
		t.Errorf("%q: anti_migrant %.2f (want < 0.5), counter_speech %.2f (want >= 0.5)", lake, a, c)
	}
	rats := "Those filthy migrants are rats spreading disease"
	if a := s.ScoreText(TaskAntiMigrant, rats); a < 0.5 {
		t.Errorf("%q: anti_migrant %.2f, want >= 0.5", rats, a)
	}
}
