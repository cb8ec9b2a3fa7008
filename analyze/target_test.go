package analyze

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/xenoscope/xenoscope/model"
	"github.com/xenoscope/xenoscope/nlp"
)

func targetOf(s *Scorer, text string) *targetInfo {
	d := nlp.Parse(text)
	return s.analyzeTargets(text, d.Tokens, false)
}

// Disguised spellings reach the lexicons; ordinary and inflected words are
// left alone.
func TestSpellingNormalisation(t *testing.T) {
	t.Parallel()
	s := newTestScorer(t)
	for _, tc := range []struct {
		text string
		want []string // words that must appear
		not  []string // words that must not
	}{
		{"1mmigrants are scum", []string{"immigrants"}, nil},
		{"imigrants are vermin", []string{"migrants"}, nil}, // the commoner of immigrants, migrants
		{"refguees out", []string{"refugees"}, nil},
		{"Refugeees are vermin", []string{"refugees"}, nil},
		{"these m!grants", []string{"migrants"}, nil},
		{"f*ck them", []string{"fuck"}, nil},
		{"they are v e r m i n", []string{"vermin"}, nil},
		{"#deportthemall", []string{"deport", "them", "all"}, nil},
		{"#SendThemBack now", []string{"send", "them", "back"}, nil},
		{"migrantsarevermin", []string{"migrants", "are", "vermin"}, nil},
		{"@sylum seekers are vermin", []string{"asylum"}, nil},
		{"i h8 them", []string{"hate"}, nil},
		// ordinary words stay what they are
		{"Banners reading refugees welcome", []string{"banners"}, []string{"beaners"}},
		{"walking towards the station", []string{"towards"}, []string{"cowards"}},
		{"Windows were smashed in Brindley", []string{"brindley"}, nil},
	} {
		ws := wordsOf(targetOf(s, tc.text))
		for _, w := range tc.want {
			if !slices.Contains(ws, w) {
				t.Errorf("%q: words %v lack %q", tc.text, ws, w)
			}
		}
		for _, w := range tc.not {
			if slices.Contains(ws, w) {
				t.Errorf("%q: words %v have %q", tc.text, ws, w)
			}
		}
	}
}

// Who is the target: migrants, another group, or no one.
func TestTargetMentions(t *testing.T) {
	t.Parallel()
	s := newTestScorer(t)
	for _, tc := range []struct {
		text           string
		migrant, other bool
	}{
		{"Immigrants are welcome here.", true, false},
		{"One more Pole on my street and I'll lose it.", true, false},
		{"Those Syrian men at the station.", true, false},
		{"Deport them all.", true, false},                              // a pronoun in a text about migration
		{"Go back to your country, you are not welcome.", true, false}, // the addressee of an exclusion call
		{"Women should stay at home and keep their mouths shut.", false, true},
		{"They should all be locked up.", false, false}, // a pronoun with nothing to refer to
		{"The immigration system is a broken mess.", false, false},
		{"Our women are not safe.", false, false}, // the speaker's own people
		{"Muslim migrants arrived in the town.", true, false},
		{"Muslims pray five times a day.", false, true}, // a religion without migration
	} {
		ti := targetOf(s, tc.text)
		if ti.migrant != tc.migrant || ti.other != tc.other {
			t.Errorf("%q: migrant %v other %v, want %v %v", tc.text, ti.migrant, ti.other, tc.migrant, tc.other)
		}
	}
}

// What is said of migrants, and in which frame.
func TestLinkFrames(t *testing.T) {
	t.Parallel()
	s := newTestScorer(t)
	for _, tc := range []struct {
		text, feat string
	}{
		{"Refugees are vermin.", "m:dehum:own"},
		{"Filthy migrants everywhere.", "m:derog:own"},
		{"Refugees are not vermin.", "m:dehum:neg"},
		{"I don't hate immigrants.", "m:emotion:neg"},
		{`Calling refugees "vermin" is racist.`, "m:dehum:cond"},
		{"We condemn those who call migrants a plague.", "m:dehum:cond"},
		{"Deport them all.", "m:exclusion:own:modal"},
		{"Migrants should be shot at the border.", "m:threat:own:modal"},
		{"Nobody round here wants foreigners as neighbours.", "m:positive:neg"},
		{"Protesters chanted 'send them back' at the asylum seekers, police said.", "m:exclusion:rep"},
		{"Fuck these immigrants.", "m:profanity:own"},
		{"Immigrants steal our jobs.", "m:stereotype:own"},
		{"Women are stupid bitches.", "o:derog"},
		// round 4
		{"Is there a single immigrant in this country who isn't on the fiddle?", "m:stereotype:own"},
		{"Ain't nothing decent about illegals.", "m:positive:neg"},
		{"Don't give me that 'hard-working immigrants' line.", "m:positive:neg"},
		{"The 'refugees are rapists' myth must die.", "m:derog:cond"},
		{"Migrants shouldn't be blamed for crime.", "m:stereotype:neg"},
		{"The stabbings aren't happening because of migrant gangs.", "m:stereotype:neg"},
		{"Why do we keep letting these parasites in?", "m:dehum:own"},
		{"The ranchers shooting at illegals are doing the Lord's work.", "m:threat:own"},
		{"There are so many immigrants living here, why would we need to deport them?", "m:exclusion:neg"},
	} {
		checkLinkFeatures(t, s, tc.text, tc.feat, "")
	}
}

// checkLinkFeatures asserts that text's target features hold has and do
// not hold lacks (either may be "").
func checkLinkFeatures(t *testing.T, s *Scorer, text, has, lacks string) {
	t.Helper()
	d := nlp.Parse(text)
	u := s.buildUnit(text, d.Tokens)
	var names []string
	for _, f := range s.targetFeats(u.ti, u) {
		names = append(names, f.name)
	}
	if has != "" && !slices.Contains(names, has) {
		t.Errorf("%q: features %v lack %s", text, names, has)
	}
	if lacks != "" && slices.Contains(names, lacks) {
		t.Errorf("%q: features %v hold %s", text, names, lacks)
	}
}

// Round 5's links: what a feature list must hold (has) and must not hold
// (lacks).
func TestRound5Links(t *testing.T) {
	t.Parallel()
	s := newTestScorer(t)
	for _, tc := range []struct {
		text, has, lacks string
	}{
		// a hashtag is the author's slogan about the text's subject, at
		// any distance, and never the words of a report
		{"Another illegal alien arrested for drink driving in Leeds last night. #StopTheInvasion", "m:stereotype:own", "m:stereotype:rep"},
		// what migrants hope or are able to do is no call
		{"Hundreds of refugees hope to go home to Syria this spring.", "", "m:exclusion:own:modal"},
		{"Most of the families will be able to go back next year.", "", "m:exclusion:own:modal"},
		{"Refugees need to go home.", "m:exclusion:own:modal", ""},
		// another noun before the call is its subject
		{"Refugees welcome, tourists go home!", "", "m:exclusion:own:modal"},
		// an other-group word that modifies a migrant noun
		{"Those aggressive male migrants are everywhere now.", "m:derog:own", "o:derog"},
		{"All these illegals can pack up and leave.", "m:exclusion:own", ""},
		// evidence said to show a hostile claim asserts it
		{"Statistics show that migrants are criminals.", "m:derog:own", "m:derog:cond"},
		{"There is no evidence that migrants are criminals.", "", "m:derog:own"},
		// a future passive said of a group states what is to happen
		{"Migrants will be deported under the new rules.", "m:exclusion:own", "m:exclusion:own:modal"},
		{"Migrants should be deported.", "m:exclusion:own:modal", ""},
		{"You will be deported, every one of you.", "m:exclusion:own:modal", ""},
		// phrases that make a pronoun text about migration
		{"We don't want them here. They are not welcome in our country.", "m:exclusion:own:modal", ""},
		{"Every last illegal should be kicked out.", "m:exclusion:own:modal", ""},
		// second group, from the round-5 probes: wished harm
		{"Foreigners deserve to suffer.", "m:threat:own:modal", ""},
		{"I'd love to see all the refugees burn.", "m:threat:own:modal", ""},
		{"Immigrants need to be taught a lesson they won't forget.", "m:threat:own:modal", ""},
		{"All foreigners must be driven out by force.", "m:exclusion:own:modal", ""},
		// speech forbidden, dismissed, judged or sanctioned
		{"No one should say that immigrants are vermin.", "", "m:dehum:own"},
		{"Nobody deserves to be called vermin, least of all refugees.", "m:dehum:cond", ""},
		{"If you call migrants animals, you are the problem.", "m:dehum:cond", ""},
		{"What kind of person calls refugees rats?", "m:dehum:cond", ""},
		{"Don't listen to those who say migrants are a burden.", "m:derog:cond", ""},
		{"The councillor was suspended after calling asylum seekers 'a plague'.", "m:dehum:rep", ""},
		// negation: its reach and its absence
		{"Immigrants are not lazy scroungers.", "m:derog:neg", "m:derog:own"},
		{"I would never let a filthy migrant in my house.", "m:derog:own", "m:derog:neg"},
		{"I'm sick of hearing people say immigrants are scum. They're not.", "m:dehum:neg", "m:dehum:own"},
		{"Aren't immigrants just the worst?", "m:derog:own", "m:derog:neg"},
		{"Immigrants are no more criminal than anyone else.", "m:derog:neg", "m:exclusion:own:modal"},
		{"I used to think immigrants were lazy, but I was wrong.", "m:derog:neg", "m:derog:own"},
		{"The only good immigrant is a deported one.", "m:positive:neg", "m:positive:own"},
		// what is and is not said of them
		{"I'm disgusted by all these refugees everywhere.", "m:emotion:own", "m:emotion:cond"},
		{"The virus spread quickly among refugees in the camp.", "", "f:dehum"},
		{"Fucking hell, our refugee football team won the cup!", "", "m:derog:own"},
		{"Migrants make our town stronger.", "m:positive:own", ""},
		// third group: rebuttals, others' claims, named hate, benefits
		{`"Immigrants are parasites" - no, they're our nurses.`, "m:dehum:neg", "m:dehum:own"},
		// (round 206: a claim the speaker answers is named to be corrected)
		{"Some people say refugees should go back where they came from. I say they are home.", "m:exclusion:cond", "m:exclusion:own"},
		{"We reject the hateful idea that refugees are invaders.", "m:slur:cond", "m:slur:own"},
		{"Nobody should be told to go home because of where they were born.", "", "m:exclusion:own:modal"},
		{"Stop the hate against migrants now!", "", "f:emotion"},
		{"Migrants are getting free houses while our veterans sleep on the streets.", "m:stereotype:own", "m:vpos:own"},
		{"Contrary to what you read, refugees do not get free cars off the council.", "m:stereotype:neg", "m:stereotype:own"},
	} {
		checkLinkFeatures(t, s, tc.text, tc.has, tc.lacks)
	}
}

// TestRound6Links: the frames of round 6 (docs/analysis.md, "Round 6
// choices"), each with a guard that must keep its reading.
func TestRound6Links(t *testing.T) {
	t.Parallel()
	s := newTestScorer(t)
	for _, tc := range []struct {
		text, has, lacks string
	}{
		// an act the sentence judges wrong
		{"It would be cruel to send the refugees back.", "m:exclusion:cond", "m:exclusion:own:modal"},
		{"It's not fair to call asylum seekers scroungers.", "m:derog:cond", "m:derog:own"},
		{"How dare anyone call refugees vermin.", "m:dehum:cond", "m:dehum:own"},
		{"It's not wrong to call these migrants invaders.", "m:slur:own", "m:slur:cond"},
		// rhetorical why-questions
		{"Migrants work hard here, so why should we ban them?", "m:exclusion:neg", "m:exclusion:own:modal"},
		{"Why not deport every last one of these migrants?", "m:exclusion:own:modal", "m:exclusion:neg"},
		{"Many immigrants are professionals, why wouldn't they be welcome?", "", "m:positive:neg"},
		{"Why should these foreigners be welcome here?", "m:positive:neg", ""},
		// a denied denial, a contrast, a want with nothing after it
		{"That doesn't mean refugees are not welcome here.", "", "m:exclusion:own"},
		{"Most crimes here are committed by locals, not foreigners.", "m:stereotype:neg", "m:stereotype:own"},
		{"Migrants are skilled workers who take jobs that locals don't want.", "", "m:positive:neg"},
		{"Nobody wants these migrants here.", "m:positive:neg", ""},
		// literal senses of stereotype words
		{"Migration can benefit our towns.", "", "m:stereotype:own"},
		{"Migrants only come here to live on benefits.", "m:stereotype:own", ""},
		{"The Afghan family who took over the old shop kept it open for ten years.", "", "m:stereotype:own"},
		{"The migrants are taking over the country.", "m:stereotype:own", ""},
		// hostility of those condemned, mistreatment reported
		{"Our street is full of refugees now, and the racists who hate them are furious.", "m:emotion:cond", "m:emotion:own"},
		{"It's a disgrace that refugees get free houses.", "m:stereotype:own", "m:stereotype:cond"},
		{"I worked with migrants for years; the managers treated them like animals.", "m:dehum:rep", "m:dehum:own"},
		{"Refugees should be treated like animals.", "", "m:dehum:rep"},
		// a denial right after the claim, not an affirmation
		{"The claim that migrants take our jobs doesn't hold up.", "m:stereotype:cond", "m:stereotype:own"},
		{"Immigrants = parasites. fact.", "m:dehum:own", "m:dehum:cond"},
		// a hostile message reported as sent to migrants
		{"A Nigerian nurse was told to 'go home' by a patient's relative, the hospital confirmed.", "m:exclusion:rep", "m:exclusion:own"},
		{"Refugees should be told to go home.", "m:exclusion:own:modal", "m:exclusion:rep"},
		// blame (fifth group): the migrants as the object or the subject of
		// a blame for a harm; denied, challenged or condemned like any claim
		{"The housing crisis is caused by migrants.", "m:stereotype:own", "m:vneg:own"},
		{"Immigrants are to blame for the rise in crime.", "m:stereotype:own", ""},
		{"Immigrants are not to blame for the rise in crime.", "m:stereotype:neg", "m:stereotype:own"},
		{"The housing crisis is not caused by migrants.", "m:stereotype:neg", "m:stereotype:own"},
		{"Do you really think that the crisis is caused by migrants?", "m:stereotype:neg", "m:stereotype:own"},
		{"Many refugees lost their homes because of the war.", "", "m:stereotype:own"},
		{"The delays are caused by the Home Office backlog, not by the migrants themselves.", "", "m:stereotype:own"},
	} {
		checkLinkFeatures(t, s, tc.text, tc.has, tc.lacks)
	}
}

// Round 7's links (docs/analysis.md, "Round 7"): blame after "because of"
// and "the fault of" (round 6 skipped "of" as a determiner, so neither
// ever matched), evidence that asserts a claim rather than corrects it,
// "no place" said of migrants, harm predicates, questions about the
// hatred of others, a bare "No." answering a claim, a correction phrase
// inside a stereotype ("they don't pay taxes").
func TestRound7Links(t *testing.T) {
	t.Parallel()
	s := newTestScorer(t)
	for _, tc := range []struct {
		text, has, lacks string
	}{
		{"We are living in a dangerous world because of migrants.", "m:stereotype:own", ""},
		{"The traffic chaos is the fault of the foreigners.", "m:stereotype:own", ""},
		{"Refugees lost their homes because of the war.", "", "m:stereotype:own"},
		{"Migrant workers are the reason for low pay in this town.", "m:stereotype:own", ""},
		{"Migrant workers are not the reason for low pay in this town.", "m:stereotype:neg", "m:stereotype:own"},
		{"This doesn't change the fact that immigrants are criminals.", "m:derog:own", "m:derog:cond"},
		{"Forget the figures, refugees are a burden on all of us.", "m:derog:own", "m:derog:cond"},
		{"There is plenty of evidence of migrants ruining our towns.", "m:stereotype:own", "m:stereotype:cond"},
		{"There is little evidence of migrants ruining our towns.", "m:stereotype:cond", "m:stereotype:own"},
		{"It is a myth that refugees are a burden.", "m:stereotype:cond", "m:stereotype:own"},
		{"Migrants have no place in civilised Europe.", "m:exclusion:own", "m:positive:own"},
		{"There is no place for refugees here.", "m:exclusion:own", "q:correction"},
		{"Hatred of refugees has no place in our city.", "q:condemn", "m:exclusion:own"},
		{"There is no place for refugees to sleep.", "", "m:exclusion:own"},
		{"Migrants put a huge strain on our public services.", "m:stereotype:own", ""},
		{"Austerity put a huge strain on our public services.", "", "m:stereotype:own"},
		{"There's a strain on the migrants who work double shifts.", "", "m:stereotype:own"},
		{"Immigrants make our streets less safe.", "m:stereotype:own", ""},
		{"Refugees are making the town poorer.", "m:stereotype:own", ""},
		{"Migrants feel unsafe on these streets.", "", "m:stereotype:own"},
		{"Why do so many people hate migrants?", "m:emotion:neg", "m:emotion:own"},
		{"Why do we let these migrants in when we hate them?", "", "m:emotion:neg"},
		{"Are refugees really criminals? No.", "m:derog:neg", "m:derog:own"},
		// a correction phrase inside a stereotype corrects nothing
		{"Immigrants never pay taxes.", "m:stereotype:own", "q:correction"},
		{"Immigrants pay taxes.", "q:correction", ""},
	} {
		checkLinkFeatures(t, s, tc.text, tc.has, tc.lacks)
	}
}

// Round 8's links (docs/analysis.md, "Round 8"), chosen on probes written
// for the functionalities the fresh templates found weak.
func TestRound8Links(t *testing.T) {
	t.Parallel()
	s := newTestScorer(t)
	for _, tc := range []struct {
		text, has, lacks string
	}{
		// violence cues: the speaker's intent, or what will happen to them
		{"The next refugee who walks past my house is getting a brick through his window.", "m:threat:own", ""},
		{"Any foreigner who comes near my kids will end up in hospital.", "m:threat:own", ""},
		{"One more migrant boat on our beach and I'm grabbing my shotgun.", "m:threat:own", ""},
		{"The man who threatened asylum seekers with a knife was jailed.", "", "m:threat:own"},
		{"Refugees who were attacked ended up in hospital.", "", "m:threat:own"},
		// found in review: a first-person word elsewhere is no intent, and a
		// weapon of something done to someone is no threat of the speaker
		{"We are coming to the refugee welcome party on Saturday.", "", "m:threat:own"},
		{"I saw an asylum seeker beaten with a bat outside my house.", "", "m:threat:own"},
		{"I'll be waiting outside the mosque with a bat for those Somalis.", "m:threat:own", ""},
		// wanting them gone
		{"I don't hate immigrants, I just want them all gone.", "m:exclusion:own", ""},
		// emotions caused in the speaker
		{"Migrants fill me with rage.", "m:emotion:own", ""},
		// a feeling is not an evaluation
		{"The migrants in the queue were just as annoyed.", "", "m:derog:own"},
		// a good they cause
		{"Immigrants make this city a better place.", "m:positive:own", ""},
		// a hypothetical speaker's claim
		{"When someone says refugees are a burden, tell them they pay more tax than they take.", "m:derog:rep", "m:derog:own"},
		// a quote the sentence judges
		{"\"Send them all back\" is a disgusting thing to shout at children.", "m:exclusion:cond", "m:derog:own"},
		{"\"Send them all back\" is what we need.", "m:exclusion:own:modal", "m:exclusion:cond"},
	} {
		checkLinkFeatures(t, s, tc.text, tc.has, tc.lacks)
	}
}

// Round 15's links and cues (docs/analysis.md, "Round 15"), chosen on
// probes written from HateXplain and DIALOCONAN development errors.
func TestRound15Links(t *testing.T) {
	t.Parallel()
	s := newTestScorer(t)
	for _, tc := range []struct {
		text, has, lacks string
	}{
		// a label denied as a predicate asserts the claim
		{"It's not a myth, migrants commit more crime.", "", "q:correction"},
		{"Wanting fewer migrants isn't racist.", "", "q:condemn"},
		{"It's a myth that migrants commit more crime.", "q:correction", ""},
		{"It is no myth that refugees are a burden on our schools.", "m:stereotype:own", "m:stereotype:neg"},
		// the speaker given a label
		{"I was called a racist for saying we should deport illegal immigrants.", "", "q:condemn"},
		{"They call us xenophobes because we want fewer migrants.", "", "q:condemn"},
		{"Calling refugees vermin is racist.", "q:condemn", ""},
		{"The councillor was called a racist for his remarks about migrants.", "q:condemn", ""},
		// a feeling of a third person is reported
		{"He hates immigrants and everyone knows it.", "m:emotion:rep", "m:emotion:own"},
		{"Our councillor can't stand migrants.", "m:emotion:rep", "m:emotion:own"},
		{"I hate immigrants.", "m:emotion:own", ""},
		{"I've had it with foreigners telling us how to live.", "", "m:emotion:rep"},
		// a denied continuation denies the welcome
		{"We can't keep welcoming them here, there are too many refugees.", "m:positive:neg", "m:positive:own"},
		{"We can no longer afford to welcome more asylum seekers.", "m:positive:neg", "m:positive:own"},
		{"We can't stop welcoming refugees because a few people shout.", "", "m:positive:neg"},
		// a denied payment is a stereotype
		{"Refugees don't even pay taxes.", "m:stereotype:own", "q:correction"},
		{"Migrants pay taxes like everyone else.", "q:correction", ""},
		// a welcome challenged by a why-question is no solidarity
		{"Why should we welcome migrants who hate our way of life?", "", "q:solidarity"},
		{"We welcome refugees to our town.", "q:solidarity", ""},
	} {
		checkLinkFeatures(t, s, tc.text, tc.has, tc.lacks)
	}
}

// Round 17 (analyze/insinuation.go): insinuation read by structure, and
// three misreadings of claims and thanks.
func TestRound17Links(t *testing.T) {
	t.Parallel()
	s := newTestScorer(t)
	for _, tc := range []struct {
		text, has, lacks string
	}{
		// a harm tied to the arrival
		{"The shoplifting started the same week the asylum seekers moved into the hotel.", "m:stereotype:own", ""},
		{"Knife crime has soared since the Somalis came to our town.", "m:stereotype:own", ""},
		{"Crime dropped the same month the asylum seekers moved in.", "", "m:stereotype:own"},
		{"Burglaries have not dropped since the refugees moved in.", "m:stereotype:own", ""},
		{"The refugees arrived in March and the burglaries started in 2019, so the two have nothing to do with each other.", "", "m:stereotype:own"},
		{"The bakery reopened the week the Syrian family moved in.", "", "m:stereotype:own"},
		// a tag asks the reader to conclude
		{"Two new break-ins on the street where the Eritreans live. I'll say no more.", "m:stereotype:own", ""},
		{"The refugees opened three shops on the high street this year. Draw your own conclusions.", "", "m:stereotype:own"},
		{"I'm just saying that not all violent incidents are committed by migrants.", "", "m:stereotype:own"},
		// a place better before
		{"This street used to be safe before the immigrants came.", "m:stereotype:own", ""},
		{"Our town was lovely once, before the migrants moved in.", "m:stereotype:own", ""},
		{"Thefts started rising in 2019, two years before the first refugees were housed in the town.", "", "m:stereotype:own"},
		{"The refugees came to this town in 2015, before the new school was built.", "", "m:stereotype:own"},
		// an ironic welcome
		{"Oh great, more refugees. Just what this town needs.", "m:stereotype:own", "m:positive:own"},
		{"Great news: fifty more refugees have found jobs in our town.", "", "m:stereotype:own"},
		// migrants as the danger to protect from
		{"We have to protect our children from these migrants.", "m:stereotype:own", ""},
		{"We have to protect refugees from the smugglers.", "", "m:stereotype:own"},
		// likelihood claims
		{"Illegals are far more likely to commit crimes.", "m:stereotype:own", "q:correction"},
		{"Refugees are less likely to commit crimes than people born here.", "q:correction", "m:stereotype:own"},
		{"Migrants are not more likely to claim benefits than anyone else.", "q:correction", "m:stereotype:own"},
		{"Migrants are more likely to be victims of crime than to commit it.", "q:correction", ""},
		// thanks addressed to a person or for a deed
		{"Thank you Mr. Farage for standing up to the migrants.", "", "m:positive:own"},
		{"Thank you to the refugees who cleaned up the park.", "m:positive:own", ""},
	} {
		checkLinkFeatures(t, s, tc.text, tc.has, tc.lacks)
	}
}

// counterCase: a text and whether it is counter-speech (>= 0.5).
type counterCase struct {
	text    string
	counter bool
}

// checkCounter scores each case as a document and checks its
// counter_speech against 0.5.
func checkCounter(t *testing.T, s *Scorer, cases []counterCase) {
	t.Helper()
	for _, tc := range cases {
		v := ScoreOf(s.Score("x", tc.text, model.TextContext{}), TaskCounterSpeech)
		if (v >= 0.5) != tc.counter {
			t.Errorf("%q: counter_speech %.2f, want >= 0.5 %v", tc.text, v, tc.counter)
		}
	}
}

// Round 18: a restrictive policy that names work or firms is no
// counter-speech, unless it argues against the restriction by its cost;
// praise in a verbless phrase is said of the migrants named before it.
func TestRound18Counter(t *testing.T) {
	t.Parallel()
	s := newTestScorer(t)
	checkCounter(t, s, []counterCase{
		{"We support a firm cap on the number of asylum seekers admitted every year.", false},
		{"The government should admit fewer low-skilled migrants and only fill genuine shortages.", false},
		{"Cutting the number of care visas would leave our hospitals without the nurses they need.", true},
		{"The claim that we need a cap because migrants take jobs is a myth: they start businesses and create jobs.", true},
		{"No migrant should have to sleep rough in our city, volunteers said.", true},
		{"Met some asylum seekers at the library today, such lovely, funny people.", true},
		{"The migrants at the hostel cooked for the whole street on Sunday. What a kind bunch.", true},
		{"Met some asylum seekers at the library today, such rude, aggressive people.", false},
		{"The council opened a new library this year. Wonderful, generous people work there.", false},
	})
	// the epithet is said of the migrants: hostility said the same way
	checkLinkFeatures(t, s, "Met some asylum seekers at the library today, such rude, aggressive people.", "m:derog:own", "")
	checkLinkFeatures(t, s, "What a kind bunch, those volunteers.", "", "m:positive:own")
}

// Round 21: a statistic alone corrects nothing; one beside a claim it
// answers does.
func TestRound21Statistics(t *testing.T) {
	t.Parallel()
	s := newTestScorer(t)
	checkCounter(t, s, []counterCase{
		{"The number of asylum claims rose by 20% last year, official figures show.", false},
		{"Home Office data show 3,000 refugees were resettled in the region in 2024.", false},
		{"Despite what you hear, figures show migrants are less likely to claim benefits than anyone else.", true},
		{"The data show asylum seekers are not to blame for the housing crisis.", true},
		{"As your MP, I will always stand up for the refugees who have made this town their home.", true},
		// round 22: a finding corrects nothing; a comparison on a
		// myth's ground does; a rejected hostility condemns it
		{"Refugees were less likely to own a car than other residents, the study found.", false},
		{"Studies show immigrants are less likely to commit crimes than people born here.", true},
		{"The council leader said the town would not tolerate racism against its new residents.", true},
	})
}

// Round 24: harassment reported ("subjected to abuse") takes no policy
// direction; abuse of the asylum system is restrictive.
func TestRound24AbuseStance(t *testing.T) {
	t.Parallel()
	s := newTestScorer(t)
	for _, tc := range []struct {
		text     string
		min, max float64
	}{
		{"Asylum seekers at the hotel say they have been subjected to abuse from passing cars.", -0.2, 0.2},
		{"The MP said she was appalled by the abuse directed at refugee children outside the school.", -0.2, 0.2},
		{"We will end the abuse of the asylum system and deport those with no right to be here.", 0.5, 1},
	} {
		v := s.Score("x", tc.text, model.TextContext{}).Stance
		if v < tc.min || v > tc.max {
			t.Errorf("%q: stance %.2f, want in [%.1f, %.1f]", tc.text, v, tc.min, tc.max)
		}
	}
}

// Incitement reported by the police or a court is a hate-crime report
// (round 29): a call to violence against migrants or a religion, or the
// offence named. The guards: incitement against no group, a call with no
// violence, the same words with no report frame.
func TestRound29Incitement(t *testing.T) {
	t.Parallel()
	s := newTestScorer(t)
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"He was sentenced to two years for posting messages on Facebook urging people to burn down the hotel housing asylum seekers.", true},
		{"A man was jailed for inciting violence against asylum seekers during the riots.", true},
		{"He was convicted of inciting racial hatred over posts calling for Somali families to be driven out of the estate.", true},
		{"A man was jailed for inciting violence against police officers during a football match.", false},
		{"Campaigners urged the council to stop housing asylum seekers in the hotel.", false},
		{"A man was jailed for inciting others to loot shops during the riots.", false},
		{"Please stop inciting hatred against our fellow people.", false},
	} {
		if got := s.Score("x", tc.text, model.TextContext{}).HateCrimeReport; (got >= 0.5) != tc.want {
			t.Errorf("%q: hate_crime_report %.2f, want >= 0.5: %v", tc.text, got, tc.want)
		}
	}
}

// People named by the country they come from, or as "asylum-seeking", are
// migrants (round 30); a town or a team is no origin.
func TestRound30OriginMentions(t *testing.T) {
	t.Parallel()
	s := newTestScorer(t)
	for _, tc := range []struct {
		text          string
		migrant, anti bool
	}{
		{"The council has a legal duty to house unaccompanied asylum-seeking children.", true, false},
		{"Workers from Poland are parasites who undercut us.", true, true},
		{"Forty families from the Congo will be housed in the former barracks.", true, false},
		{"A man from Leeds was fined for speeding on the M62.", false, false},
		{"The team from Brazil won the final 2-1.", false, false},
	} {
		sc := s.Score("x", tc.text, model.TextContext{})
		if (sc.Migration >= 0.5) != tc.migrant || (sc.AntiMigrant >= 0.5) != tc.anti {
			t.Errorf("%q: migration %.2f, anti_migrant %.2f; want >= 0.5: %v, %v", tc.text, sc.Migration, sc.AntiMigrant, tc.migrant, tc.anti)
		}
	}
}

// Conceded praise is no counter-speech: "I respect migrants, but ...".
func TestConcededPraise(t *testing.T) {
	t.Parallel()
	s := newTestScorer(t)
	checkCounter(t, s, []counterCase{
		{"I respect migrants, but we cannot take in more than we can house.", false},
		{"I respect migrants and the work they do.", true},
	})
}

// A hostile message reported as sent to migrants is an incident of
// harassment; its evidence is the message, in the text's own bytes. So are
// threats "against" a migrant family and hateful messages. The guards: an
// official order, a threat of office, the text's own call, messages of
// support.
func TestHarassmentReports(t *testing.T) {
	t.Parallel()
	s := newTestScorer(t)
	for _, tc := range []struct {
		text, evidence string
		report         bool
	}{
		{"A Nigerian nurse was told to 'go home' by a patient's relative, the hospital confirmed.", "go home", true},
		{"A Polish couple have been sent anonymous letters warning them to get out of the village.", "get out", true},
		{"Migrants were told to leave the camp by police before it was cleared.", "", false},
		{"The council threatened to close the refugee centre if funding is not found.", "", false},
		{"Refugees should be told to go home.", "", false},
		{"Police are investigating threats posted on Facebook against a family of asylum seekers in Rhyl.", "threats", true},
		{"A Muslim councillor has been sent hundreds of hateful messages since her election, police confirmed.", "hateful messages", true},
		{"The councillor received hundreds of messages of support after her speech on asylum.", "", false},
	} {
		sc := s.Score("x", tc.text, model.TextContext{})
		if (sc.HateCrimeReport >= 0.5) != tc.report {
			t.Errorf("%q: hate_crime_report %.2f, want report %v", tc.text, sc.HateCrimeReport, tc.report)
		}
		if tc.report && sc.AntiMigrant >= 0.5 {
			t.Errorf("%q: anti_migrant %.2f for a reported message", tc.text, sc.AntiMigrant)
		}
		found := tc.evidence == ""
		for _, e := range sc.Evidence {
			if e.Start < 0 || e.End > len(tc.text) || e.Start > e.End || tc.text[e.Start:e.End] != e.Text {
				t.Errorf("%q: evidence %+v is not a span of the text", tc.text, e)
			}
			if e.Score == "hate_crime_report" && strings.Contains(e.Text, tc.evidence) {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: no hate_crime_report evidence holds %q: %+v", tc.text, tc.evidence, sc.Evidence)
		}
	}
}

// The definitions of issue 11, point 1, as rules the scores obey.
func TestScoreInvariants(t *testing.T) {
	t.Parallel()
	s := newTestScorer(t)
	texts := []string{
		"Immigrants are absolutely despicable.",
		"I am going to shoot the next immigrant I see.",
		"Women are stupid and should shut up.",
		"They should all be shot.",
		"The weather was awful and the bus was late.",
		"Refugees are welcome here.",
		"If you say 'I hate immigrants', then you are a bigot!",
		"Cut taxes and build more roads.",
		"Send them all back, every last one of them.",
		"Those filthy foreigners and the politicians who let them in can rot.",
	}
	for _, text := range texts {
		sc := s.Score("x", text, model.TextContext{})
		if sc.AntiMigrant >= 0.5 && sc.Migration < 0.5 {
			t.Errorf("%q: anti_migrant %.2f with migration %.2f", text, sc.AntiMigrant, sc.Migration)
		}
		if sc.AntiMigrant >= 0.5 && sc.CounterSpeech >= 0.5 {
			t.Errorf("%q: anti_migrant %.2f and counter_speech %.2f", text, sc.AntiMigrant, sc.CounterSpeech)
		}
		ti := targetOf(s, text)
		if !ti.migrant && sc.AntiMigrant >= 0.5 {
			t.Errorf("%q: anti_migrant %.2f without a migrant target", text, sc.AntiMigrant)
		}
		if sc.Migration < 0.5 && sc.Stance != 0 && !s.migrationPolicy(s.unitOf(text)) {
			t.Errorf("%q: stance %.2f without migration content", text, sc.Stance)
		}
	}
}

// The examples of issue 11 that the first models got wrong.
func TestIssueExamples(t *testing.T) {
	t.Parallel()
	checkScoreRanges(t, newTestScorer(t), []scoreRange{
		{"Immigrants are absolutely despicable.", TaskAntiMigrant, 0.5, 1.01},
		{"Immigrants are absolutely despicable.", TaskCounterSpeech, 0, 0.5},
		{"I am going to shoot the next immigrant I see.", TaskAntiMigrant, 0.5, 1.01},
		{"I absolutely adore immigrants.", TaskAntiMigrant, 0, 0.5},
		{"I absolutely adore immigrants.", TaskCounterSpeech, 0.5, 1.01},
		{"If you say 'I hate immigrants', then you are a bigot!", TaskCounterSpeech, 0.5, 1.01},
		{"If you say 'I hate immigrants', then you are a bigot!", TaskAntiMigrant, 0, 0.5},
		{"Making America Safe Again!!", TaskAntiMigrant, 0, 0.5},
		{"#BuildThatWall", TaskAntiMigrant, 0, 0.5},
		{"These illegal migrants are bringing crime to our streets... send them back", TaskAntiMigrant, 0.5, 1.01},
		{"These illegal migrants are bringing crime to our streets... send them back", TaskCounterSpeech, 0, 0.5},
		{"Migrants keep our hospitals running", TaskAntiMigrant, 0, 0.5},
		{"We condemn those who call migrants a flood or an invasion.", TaskAntiMigrant, 0, 0.5},
		{"We condemn those who call migrants a flood or an invasion.", TaskCounterSpeech, 0.5, 1.01},
		{"Police are investigating after a Syrian family's car was set alight in a racially motivated attack.", TaskCounterSpeech, 0, 0.5},
		{"Police are investigating after a Syrian family's car was set alight in a racially motivated attack.", TaskHateCrime, 0.5, 1.01},
		{"Our invasions of Iraq and Afghanistan were a mistake.", TaskMigration, 0, 0.5},
	})
}

// scoreRange: a text's score of a task, wanted in [atLeast, lt).
type scoreRange struct {
	text        string
	score       string
	atLeast, lt float64
}

func checkScoreRanges(t *testing.T, s *Scorer, cases []scoreRange) {
	t.Helper()
	for _, tc := range cases {
		v := ScoreOf(s.Score("x", tc.text, model.TextContext{}), tc.score)
		if v < tc.atLeast || v >= tc.lt {
			t.Errorf("%s of %q = %.2f, want in [%.2f, %.2f)", tc.score, tc.text, v, tc.atLeast, tc.lt)
		}
	}
}

// Round 4's frames at the score level: what would be lost without
// migrants is a counter-speech cue and no hostility; what they suffer is
// no threat.
func TestRound4Frames(t *testing.T) {
	t.Parallel()
	checkScoreRanges(t, newTestScorer(t), []scoreRange{
		{"Without immigrants, the crops in this valley would rot in the fields.", TaskAntiMigrant, 0, 0.5},
		{"Without immigrants, the crops in this valley would rot in the fields.", TaskCounterSpeech, 0.5, 1.01},
		{"Half the carers in our care homes were born abroad, and we'd be lost without them.", TaskCounterSpeech, 0.5, 1.01},
		{"We would be better off without immigrants.", TaskAntiMigrant, 0.5, 1.01},
		{"We would be better off without immigrants.", TaskCounterSpeech, 0, 0.5},
		{"Hundreds of migrants could drown this winter, charities warn.", TaskAntiMigrant, 0, 0.5},
		{"I hope every migrant boat sinks.", TaskAntiMigrant, 0.5, 1.01},
		{"A Polish mother of two was repeatedly abused and spat at by a neighbour, police said.", TaskHateCrime, 0.5, 1.01},
	})
}

// Only English is scored; other languages get null scores and keep their
// language.
func TestLanguageGate(t *testing.T) {
	t.Parallel()
	s := newTestScorer(t)
	for _, tc := range []struct {
		text, lang string
		scored     bool
	}{
		{"The council decided to welcome more refugees and to build new homes in the town centre.", "en", true},
		{"Die Stadt hat heute beschlossen, mehr Flüchtlinge aufzunehmen und neue Wohnungen zu bauen.", "de", false},
		{"Город принял решение принять больше беженцев.", "ru", false},
		{"市は難民を受け入れることを決めた。", "ja", false},
		{"Danke schön", "", true}, // too short to tell: scored
		{"@lou_says_hi shut your stupid mouth, nobody asked you.", "", true},
		// long texts: the language of the first 3,000 bytes (languageSample)
		{strings.Repeat("Die Stadt hat heute beschlossen, mehr Flüchtlinge aufzunehmen und neue Wohnungen zu bauen. ", 60), "de", false},
		{strings.Repeat("Город принял решение принять больше беженцев. ", 100), "ru", false},
		{strings.Repeat("The council decided to welcome more refugees and to build new homes in the town centre. ", 40) +
			strings.Repeat("Die Stadt hat heute beschlossen, mehr Flüchtlinge aufzunehmen. ", 40), "en", true},
	} {
		sc := s.Score("x", tc.text, model.TextContext{})
		if sc.Excluded == tc.scored || tc.lang != "" && sc.Language != tc.lang {
			t.Errorf("%q: language %q excluded %v, want %q scored %v", tc.text, sc.Language, sc.Excluded, tc.lang, tc.scored)
		}
		b, err := json.Marshal(sc)
		if err != nil {
			t.Fatal(err)
		}
		if hasNull := strings.Contains(string(b), `"anti_migrant":null`); hasNull == tc.scored {
			t.Errorf("%q: score line %s", tc.text, b)
		}
	}
	// an unreliable detection names no language, whatever whatlanggo's top
	// guess in this process was (it differs between processes)
	if sc := s.Score("x", "The hotel in Brindley houses 46 single men.", model.TextContext{}); sc.Language != "" || sc.Excluded {
		t.Errorf("short sentence: language %q excluded %v, want \"\" and scored", sc.Language, sc.Excluded)
	}
	// a stored document's language is trusted unless the text reads as English
	de := "Die Stadt hat heute beschlossen, mehr Flüchtlinge aufzunehmen und neue Wohnungen zu bauen."
	if sc := s.Score("x", de, model.TextContext{Language: "en"}); sc.Excluded {
		t.Errorf("a document stored as English was excluded")
	}
	en := "The council decided to welcome more refugees and to build new homes in the town centre."
	if sc := s.Score("x", en, model.TextContext{Language: "fr"}); sc.Excluded {
		t.Errorf("an English text stored as French was excluded")
	}
}

// A user's retrained model carries the user's definitions: the shipped
// rules do not override it.
func TestUserModelHasNoRules(t *testing.T) {
	t.Parallel()
	m := &LinearModel{Task: TaskAntiMigrant, Kind: "logistic", Bias: 5, Weights: map[string]float64{}, PlattA: 1}
	s, err := New(WithModel(TaskAntiMigrant, m))
	if err != nil {
		t.Fatal(err)
	}
	// no migrant target: the shipped model is capped, the user's is not
	if v := s.ScoreText(TaskAntiMigrant, "The weather was mild."); v < 0.9 {
		t.Errorf("user model with bias 5 scored %.2f", v)
	}
	shipped := newTestScorer(t)
	if v := shipped.ScoreText(TaskAntiMigrant, "The weather was mild."); v >= maxUntargeted+1e-9 {
		t.Errorf("shipped model without a target scored %.2f", v)
	}
}

// Every section of target.txt is there once, with terms: a section header
// lost inside a comment once put the migration topic words among the
// migrant groups, and a replaced line once dropped a section silently.
func TestTargetLexiconSections(t *testing.T) {
	t.Parallel()
	src, err := modelFS.ReadFile("models/target.txt")
	if err != nil {
		t.Fatal(err)
	}
	headers := map[string]int{}
	for _, l := range strings.Split(string(src), "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "[") && strings.HasSuffix(l, "]") {
			headers[l[1:len(l)-1]]++
		}
	}
	lx, err := parseSections(string(src), targetSectionNames)
	if err != nil {
		t.Fatal(err)
	}
	count := map[int]int{}
	for _, es := range lx.exact {
		for _, e := range es {
			count[e.section]++
		}
	}
	for _, es := range lx.prefix {
		for _, e := range es {
			count[e.section]++
		}
	}
	for i, name := range targetSectionNames {
		if headers[name] != 1 {
			t.Errorf("section [%s] appears %d times", name, headers[name])
		}
		if count[i] == 0 {
			t.Errorf("section [%s] has no terms", name)
		}
	}
}

// The lexicons are built the same way every time: a scorer built twice
// holds the same entries in the same order (Go's map order once made the
// lemma entries, and so the scores, differ between processes).
func TestLexiconBuildDeterministic(t *testing.T) {
	t.Parallel()
	a, err := newFeaturizer()
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		b, err := newFeaturizer()
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(a.tlex2.exact, b.tlex2.exact) || !reflect.DeepEqual(a.vocab.keys, b.vocab.keys) ||
			!reflect.DeepEqual(a.maskable, b.maskable) {
			t.Fatal("two builds of the target lexicons differ")
		}
	}
}

// Evidence spans are contributions of the features the score's model reads
// (featsFor), with their weight x value: the migration evidence was once
// weighted from another feature set than the migration model's.
func TestEvidenceIsTheModelsFeatures(t *testing.T) {
	t.Parallel()
	s := newTestScorer(t)
	for _, text := range []string{
		"honestly every migrant ive ever met has been a liar or a thief",
		"The council will cut the number of refugees it resettles next year.",
		"Police say a mosque in Leeds was attacked by a man shouting racist abuse.",
	} {
		sc := s.Score("x", text, model.TextContext{})
		u := s.unitOf(text)
		spans := 0
		for _, e := range sc.Evidence {
			if e.Start == 0 && e.End == len(text) {
				continue // the sentence
			}
			task := e.Score
			found, rule := false, false
			for _, f := range s.featsFor(task, u) {
				if f.start == e.Start && f.end == e.End {
					c := s.models[task].Weights[f.name] * f.val
					found = found || math.Abs(math.Abs(c)-math.Abs(e.Weight)) < 1e-4
				}
			}
			for _, r := range []*ruleHit{s.scoreUnit(u).antiRule, s.scoreUnit(u).counterRule} {
				rule = rule || r != nil && r.start == e.Start && r.end == e.End
			}
			if !found && !rule {
				t.Errorf("%q: %s evidence %q weight %.4f is no contribution of the %s model's features", text, task, e.Text, e.Weight, task)
			}
			spans++
		}
		if spans == 0 {
			t.Errorf("%q: no evidence spans", text)
		}
	}
}

// The probes of rounds 3 and 5 (analyze/testdata/probes_round*.tsv) are
// development sentences: they chose rules, so this guards against
// regressions and claims no accuracy. Measured: round 3's 66 of 71 in round
// 3, 68 in rounds 4 and 5; round 5's 325 of 354 (288 with round 4's model;
// the misses are listed in docs/analysis.md).
// probeTasks: the score names of the probe files.
var probeTasks = map[string]string{"anti": TaskAntiMigrant, "counter": TaskCounterSpeech, "hate": TaskHateCrime,
	"mig": TaskMigration, "restr": TaskStance, "st0": TaskStance, "open": TaskStance}

// probeRight reports whether score v agrees with a probe's label: >= 0.5
// for label 1, except for key st0 (round 32), whose label 1 asks for no
// direction at all, |stance| under the functional suite's dead zone (0.05,
// analyze/train).
func probeRight(key, label string, v float64) bool {
	if key == "st0" {
		return (math.Abs(v) < 0.05) == (label == "1")
	}
	if key == "open" { // round 38: stance -0.5 or under (open)
		return (v <= -0.5) == (label == "1")
	}
	return (v >= 0.5) == (label == "1")
}

func TestProbes(t *testing.T) {
	t.Parallel()
	s := newTestScorer(t)
	for _, tc := range []struct {
		file  string
		floor int
	}{
		{"probes_round3.tsv", 68},
		{"probes_round5.tsv", 320},
		{"probes_round6.tsv", 225}, // 226 until round 10: its retraining moved "what a fucking legend" to 0.50
		{"probes_round7.tsv", 144},
		{"probes_round8.tsv", 125},
		{"probes_round10.tsv", 106}, // 108 until round 12's retraining moved one at 0.49 to 0.51; 107 until round 59's moved a victim report at 0.48 to 0.51
		{"probes_round11.tsv", 46},  // round 11's rules (53) were not adopted
		{"probes_round12.tsv", 16},  // 17 until round 59's retraining moved a victim report at 0.48 to 0.51
		{"probes_round15.tsv", 54},  // 33 with round 14's model; 55 until round 82's retraining ("Why should we welcome migrants who hate our way of life?" counter 0.30 -> 0.90, drift; back to 55 in round 104, 54 again with round 105's retraining)
		{"probes_round17.tsv", 46},  // 26 with round 15's model
		{"probes_round18.tsv", 16},  // 12 with round 17's model
		{"probes_round19.tsv", 3},   // round 19's rules (9) were not adopted
		{"probes_round20.tsv", 14},  // 7 with round 18's model
		{"probes_round21.tsv", 11},  // 4 with round 20's model
		{"probes_round22.tsv", 10},  // 4 with round 21's model
		{"probes_round23.tsv", 12},  // 8 with round 22's model
		{"probes_round24.tsv", 6},   // 5 with round 23's model (stance 0.41-0.59 on the incidents then, 0.00 now)
		{"probes_round25.tsv", 9},   // 6 with round 24's model
		{"probes_round27.tsv", 25},  // round 27's rules (47) were not adopted; 26 until round 35 ("Stop pretending that immigrants are anything but parasites": a denied "anything but")
		{"probes_round29.tsv", 21},  // 13 with round 26's model; batch b (frozen) 6 -> 10; 22 until round 156 (the quoted "hunt down" in a court report, hate_crime_report 0.51 -> 0.46)
		{"probes_round30.tsv", 20},  // 11 with round 29's model; batch b (frozen) 4 -> 7
		{"probes_round31.tsv", 12},  // 11 with round 30's model; round 31's contribution rule (14) was not adopted
		{"probes_round32.tsv", 13},  // round 32's rule (20) was not adopted
		{"probes_round33.tsv", 21},  // 14 with round 31's model; batch b (frozen) 8 -> 8
		{"probes_round34.tsv", 26},  // 20 with round 33's model; batch b (frozen) 11 -> 14; 27 since round 85
		{"probes_round35.tsv", 31},  // 13 with round 34's model; batch b (frozen) 9 -> 17
		{"probes_round36.tsv", 21},  // 14 with round 35's model; batch b (frozen) 7 -> 10
		{"probes_round37.tsv", 24},  // 12 with round 36's model; batch b (frozen) 7 -> 12
		{"probes_round38.tsv", 22},  // 13 with round 37's model; batch b (frozen) 4 -> 8
		{"probes_round39.tsv", 19},  // 14 with round 38's model; batch b (frozen) 8 -> 10
		{"probes_round41.tsv", 17},  // 11 with round 39's model; batch b (frozen) 8 -> 9
		{"probes_round42.tsv", 15},  // 8 with round 41's model; batch b (frozen) 3 -> 6
		{"probes_round43.tsv", 10},  // 6 with round 42's model; round 43 (11) not adopted; round 44, its relative-clause rule alone: batch b 2 -> 3
		{"probes_round45.tsv", 11},  // 5 with round 44's model; batch b (frozen) 3 -> 7
		{"probes_round47.tsv", 27},  // 17 with round 45's model; round 46's batches read for round 47 (11 -> 18 of 21); batch c (frozen) 6 -> 9
		{"probes_round50.tsv", 46},  // 35 with round 47's model; rounds 48 and 49 not adopted (their lexicon rows fail); round 50's frozen batch e 5 -> 11
		{"probes_round52.tsv", 29},  // 17 with round 50's model; round 51 not adopted (batch b lost a guard); round 52's frozen batch c 4 -> 7; 28 in round 82 only ("The landlord never helped the migrant tenants" anti 0.15 -> 0.74 -> 0.15 in round 85)
		{"probes_round53.tsv", 6},   // round 53 not adopted (batch b lost a guard); the shipped model's count, a record of the failure
		{"probes_round54.tsv", 5},   // round 54 not adopted (untouched myth corrections fell); the shipped model's count
		{"probes_round58.tsv", 50},  // 28 with round 54's shipped model; rounds 55 and 56 not adopted; round 57's frozen batch d 3 -> 8
		{"probes_round59.tsv", 32},  // 27 with round 58's model; batch b (frozen) 5 -> 7
		{"probes_round60.tsv", 26},  // 24 with round 59's model; round 60's frozen batch b 5 -> 5; round 61's c 7 -> 7 and round 62's d 6 -> 6 (not adopted)
		{"probes_round63.tsv", 18},  // 16 with round 60's model; batch b (frozen) 6 -> 7
		{"probes_round64.tsv", 24},  // 17 with round 63's model; batch b (frozen) 8 -> 10
		{"probes_round65.tsv", 20},  // 11 with round 64's model; batch b (frozen) 4 -> 8
		{"probes_round67.tsv", 25},  // 13 with round 65's model; round 66's frozen b 3 -> 5 (a guard lost), round 67's frozen c 5 -> 8
		{"probes_round69.tsv", 25},  // 21 with round 67's model; round 68's frozen b 8 -> 8 (no gain), round 69's frozen c 7 -> 8
		{"probes_round70.tsv", 15},  // 11 with round 69's model; batch b (frozen) 5 -> 7
		{"probes_round71.tsv", 13},  // 5 with round 70's model; batch b (frozen) 2 -> 6
		{"probes_round72.tsv", 17},  // 7 with round 71's model; batch b (frozen) 3 -> 8
		{"probes_round73.tsv", 12},  // 7 with round 72's model; batch b (frozen) 4 -> 6
		{"probes_round75.tsv", 22},  // 13 with round 73's model; round 74's frozen b 3 -> 6, round 75's frozen c 5 -> 8
		{"probes_round76.tsv", 12},  // 7 with round 75's model; batch b (frozen) 3 -> 5; 13 since round 93
		{"probes_round77.tsv", 10},  // 5 with round 76's model; batch b (frozen) 1 -> 3
		{"probes_round78.tsv", 13},  // 9 with round 77's model; batch b (frozen) 4 -> 6
		{"probes_round79.tsv", 12},  // 5 with round 78's model; batch b (frozen) 3 -> 7
		{"probes_round80.tsv", 17},  // 6 with round 79's model; batch b (frozen) 4 -> 9
		{"probes_round82.tsv", 26},  // 20 with round 80's model; round 81's frozen b 7 -> 10, round 82's frozen c 4 -> 6
		{"probes_round85.tsv", 33},  // 23 with round 82's model; round 83's frozen b 6 -> 9 (not shipped), round 84's frozen c 8 -> 8 (not adopted), round 85's frozen d 6 -> 10
		{"probes_round86.tsv", 14},  // 6 with round 85's model; batch b (frozen) 2 -> 7
		{"probes_round87.tsv", 13},  // 6 with round 86's model; batch b (frozen) 4 -> 8
		{"probes_round89.tsv", 19},  // 11 with round 87's model; round 88's frozen b 3 -> 6 (not shipped), round 89's frozen c 3 -> 7
		{"probes_round90.tsv", 8},   // round 90 not adopted: 9 with round 89's model, a record of what still fails
		{"probes_round91.tsv", 14},  // 6 with round 89's model; batch b (frozen) 3 -> 7
		{"probes_round93.tsv", 23},  // 9 with round 91's model; round 92's frozen b 3 -> 7 (a guard lost, not adopted), round 93's frozen c 3 -> 7
		{"probes_round94.tsv", 5},   // round 94 not adopted: 6 with round 93's model, a record of what still fails
		{"probes_round95.tsv", 13},  // 8 with round 93's model; batch b (frozen) 5 -> 7
		{"probes_round96.tsv", 8},   // 4 with round 95's model; batch b (frozen) 2 -> 5
		{"probes_round97.tsv", 9},   // 3 with round 96's model; batch b (frozen) 1 -> 4
		{"probes_round99.tsv", 22},  // 11 with round 97's model; round 98's frozen b 4 -> 8 (not shipped), round 99's frozen c 3 -> 6
		{"probes_round100.tsv", 13}, // 7 with round 99's model; batch b (frozen) 4 -> 6
		{"probes_round101.tsv", 22}, // 20 with round 100's model; batch b (frozen) 10 -> 11
		{"probes_round102.tsv", 8},  // batch b (frozen) 8 -> 9 with round 101's model
		{"probes_round103.tsv", 15}, // 12 with round 102's model; batch b (frozen) 7 -> 9
		{"probes_round104.tsv", 13}, // 11 with round 103's model; batch b (frozen) 5 -> 7
		{"probes_round105.tsv", 16}, // 12 with round 104's model; batch b (frozen) 7 -> 8
		{"probes_round106.tsv", 22}, // 21 with round 105's model; batch b (frozen) 8 -> 8, batch c (frozen) 7 -> 8
		{"probes_round107.tsv", 13}, // 9 with round 106's model; batch b (frozen) 5 -> 7
		{"probes_round113.tsv", 30}, // 17 with round 107's model; batch b (frozen) 5 -> 11
		{"probes_round114.tsv", 6},  // 4 with round 113's rule on round 107's weights; batch b (frozen) 4 -> 6
		{"probes_round115.tsv", 24}, // 8 with round 114's model; batch b (frozen) 4 -> 11
		{"probes_round118.tsv", 35}, // 20 with round 115's model; batches b, c, d (frozen) 4 -> 6, 7 -> 10, 5 -> 11
		{"probes_round124.tsv", 11}, // 10 with round 118's model; batch b (frozen) 9 -> 10
		{"probes_round126.tsv", 20}, // 12 with round 124's model; batch b (frozen) 8 -> 12 (with its two guards 9 -> 13 of 13)
		{"probes_round127.tsv", 14}, // 6 with round 126's model; batch b (frozen) 4 -> 8
		{"probes_round128.tsv", 17}, // 13 with round 127's model; batch b (frozen) 11 -> 12
		{"probes_round129.tsv", 13}, // 9 with round 128's model; batch b (frozen) 8 -> 9
		{"probes_round130.tsv", 17}, // 9 with round 129's model; batch b (frozen) 7 -> 12
		{"probes_round132.tsv", 32}, // 21 with round 130's model; batch b (frozen) 9 -> 12; round 131's (not adopted) 8 -> 12
		{"probes_round133.tsv", 16}, // 12 with round 132's model; batch b (frozen) 10 -> 12
		{"probes_round135.tsv", 12}, // 8 with round 133's model; batch b (frozen) 7 -> 8
		{"probes_round136.tsv", 25}, // 14 with round 135's model; batch b (frozen) 6 -> 12
		{"probes_round137.tsv", 21}, // 14 with round 136's model; batch b (frozen) 7 -> 11
		{"probes_round138.tsv", 19}, // 11 with round 137's model; batch b (frozen) 6 -> 10
		{"probes_round139.tsv", 20}, // 6 with round 138's model; batch b (frozen) 3 -> 9
		{"probes_round140.tsv", 16}, // 10 with round 139's model; batch b (frozen) 7 -> 10
		{"probes_round141.tsv", 14}, // 9 with round 140's model; batch b (frozen) 9 -> 11
		{"probes_round142.tsv", 18}, // 15 with round 141's model; batch b (frozen) 9 -> 10
		{"probes_round143.tsv", 13}, // 8 with round 142's model; batch b (frozen) 6 -> 8
		{"probes_round144.tsv", 21}, // 11 with round 143's model; batch b (frozen) 6 -> 11
		{"probes_round145.tsv", 15}, // 7 with round 144's model; batch b (frozen) 5 -> 9
		{"probes_round146.tsv", 16}, // 10 with round 145's model; batch b (frozen) 7 -> 10
		{"probes_round147.tsv", 16}, // 9 with round 146's model; batch b (frozen) 6 -> 10
		{"probes_round148.tsv", 15}, // 6 with round 147's model; batch b (frozen) 5 -> 12
		{"probes_round149.tsv", 11}, // 9 with round 148's model; batch b (frozen) 7 -> 9
		{"probes_round150.tsv", 24}, // 14 with round 149's model; batch b (frozen) 8 -> 12
		{"probes_round151.tsv", 20}, // 14 with round 150's model; batch b (frozen) 9 -> 12; 21 until round 155's retraining ("Refugees don't want charity, they want jobs" 0.47 -> 0.54)
		{"probes_round152.tsv", 15}, // 6 with round 151's model; batch b (frozen) 3 -> 6
		{"probes_round155.tsv", 39}, // 21 with round 152's model; batch d (frozen before round 155) 8 -> 11
		{"probes_round156.tsv", 18}, // 12 with round 155's model; batch b (frozen) 8 -> 10
		{"probes_round158.tsv", 20}, // 14 with round 156's model; batch c (frozen before round 158) 5 -> 8
		{"probes_round159.tsv", 22}, // 12 with round 158's model; batch b (frozen) 7 -> 11
		{"probes_round160.tsv", 22}, // 12 with round 159's model; batch b (frozen) 6 -> 11
		{"probes_round161.tsv", 21}, // 13 with round 160's model; batch b (frozen) 9 -> 12
		{"probes_round166.tsv", 24}, // 13 with round 161's model; batch b (frozen) 8 -> 12
		{"probes_round167.tsv", 19}, // 15 with round 166's model; batch b (frozen) 8 -> 10
		{"probes_round168.tsv", 22}, // 10 with round 167's model; batch b (frozen) 7 -> 12
		{"probes_round169.tsv", 19}, // 7 with round 168's model; batch b (frozen) 4 -> 10
		{"probes_round170.tsv", 18}, // 11 with round 169's model; batch b (frozen) 6 -> 11
		{"probes_round171.tsv", 21}, // 10 with round 170's model; batch b (frozen) 7 -> 8 as the rule was written, 7 -> 11 after two disclosed mends
		{"probes_round174.tsv", 40}, // 29 with round 171's model; rounds 172 (b 7 -> 10, a guard lost) and 173 (c 10 -> 11, a guard lost) not adopted; round 174's frozen d 7 -> 8
		{"probes_round175.tsv", 18}, // 14 with round 174's model; batch b (frozen) 8 -> 11
		{"probes_round176.tsv", 19}, // 1 with round 175's model; batch b (frozen) 1 -> 11
		{"probes_round177.tsv", 12}, // 7 with round 176's model; batch b (frozen) 5 -> 7
		{"probes_round178.tsv", 15}, // 11 with round 177's model; batch b (frozen) 9 -> 11
		{"probes_round179.tsv", 16}, // 7 with round 178's model; batch b (frozen) 5 -> 10 after disclosed mends
		{"probes_round180.tsv", 15}, // 9 with round 179's model; batch b (frozen) 6 -> 10
		{"probes_round181.tsv", 18}, // 2 with round 180's model; batch b (frozen) 2 -> 12
		{"probes_round185.tsv", 25}, // 14 with round 181's model; batch c (frozen) 6 -> 9
		{"probes_round187.tsv", 25}, // 20 with round 185's model; batch d (frozen) 8 -> 11
		{"probes_round188.tsv", 13}, // 11 with round 187's model; batch b (frozen) 9 -> 10
		{"probes_round189.tsv", 23}, // 18 with the review mend after round 188; batch b (frozen) 10 -> 12 after disclosed mends
		{"probes_round190.tsv", 22}, // 12 with round 189's model; batch b (frozen) 7 -> 11
		{"probes_round191.tsv", 12}, // 9 with round 190's model; batch b (frozen) 6 -> 8
		{"probes_round192.tsv", 20}, // 12 with round 191's model; batch b (frozen) 7 -> 11; 21 until round 197's retraining moved "The landlord has made the migrant workers' house a dump" from anti 0.4995 to 0.5041 (the word feature "house")
		{"probes_round193.tsv", 21}, // 14 with round 192's model; batch b (frozen) 8 -> 9
		{"probes_round194.tsv", 17}, // 11 with round 193's model; batch b (frozen) 6 -> 8 after a disclosed mend
		{"probes_round195.tsv", 22}, // 13 with round 194's model; batch b (frozen) 8 -> 11
		{"probes_round196.tsv", 13}, // 10 with the review mend after round 195; batch b (frozen) 5 -> 6
		{"probes_round197.tsv", 43}, // 25 with round 196's model; batch b (frozen) 10 -> 21 of 26 rows
		{"probes_round198.tsv", 26}, // 19 with round 197's model; batch b (frozen) 7 -> 11 of 12
		{"probes_round199.tsv", 23}, // 18 with round 198's model; batch b (frozen) 7 -> 9 of 10
		{"probes_round200.tsv", 21}, // 13 with round 199's model; batch b (frozen) 7 -> 10 of 10
		{"probes_round201.tsv", 15}, // 11 with round 200's model; batch b (frozen) 6 -> 7 of 7
		{"probes_round202.tsv", 30}, // 20 with round 201's model; batch b (frozen) 12 -> 16 of 16 rows
		{"probes_round203.tsv", 15}, // 11 with round 202's model; batch b (frozen) 5 -> 7 of 8
		{"probes_round205.tsv", 17}, // 6 with round 203's model; batch b (frozen) 2 -> 8 of 8
		{"probes_round206.tsv", 19}, // 13 with round 205's model; batch b (frozen) 6 -> 10 of 10 rows
		{"probes_round208.tsv", 17}, // 12 with round 206's model; batch b (frozen) 4 -> 5 of 8
		{"probes_round210.tsv", 15}, // 9 with round 208's model; batch b (frozen) 4 -> 7 of 7
		{"probes_round211.tsv", 10}, // 6 with round 210's model; batch b (frozen) 2 -> 5 of 5
		{"probes_round212.tsv", 10}, // 5 with round 211's model; batch b (frozen) 2 -> 5 of 5
		{"probes_round214.tsv", 17}, // 6 with round 212's model; batch b (frozen) 3 -> 6 of 7 rows
		{"probes_round215.tsv", 23}, // 15 with round 214's model; batch b (frozen) 4 -> 7 of 7 rows
		{"probes_round216.tsv", 15}, // 8 with round 215's model; batch b (frozen) 4 -> 7 of 7 rows
		{"probes_round217.tsv", 14}, // 7 with round 216's model; batch b (frozen) 3 -> 6 of 6 rows
		{"probes_round218.tsv", 17}, // 14 with round 217's model; batch b (frozen) 5 -> 6 of 6 rows
		{"probes_round221.tsv", 16}, // 5 with round 218's model; batch b (frozen) 3 -> 6 of 7 rows
		{"probes_round222.tsv", 15}, // 8 with round 221's model; batch b (frozen) 4 -> 6 of 7 rows
		{"probes_round223.tsv", 11}, // 8 with round 222's model; batch b (frozen) 2 -> 3 of 6 rows
		{"probes_round224.tsv", 15}, // 8 with round 223's model; batch b (frozen) 4 -> 5 of 6 rows
		{"probes_round225.tsv", 15}, // 7 with round 224's model; batch b (frozen) 5 -> 6 of 6 rows
		{"probes_round226.tsv", 11}, // 6 with round 225's model; batch b (frozen) 3 -> 5 of 6 rows
		{"probes_round227.tsv", 13}, // 4 with round 226's model; batch b (frozen) 2 -> 5 of 6 rows
		{"probes_round228.tsv", 10}, // 6 with round 227's model; batch b (frozen) 3 -> 4 of 6 rows
		{"probes_round229.tsv", 14}, // 6 with round 228's model; batch b (frozen) 3 -> 6 of 7 rows
		{"probes_round230.tsv", 14}, // 7 with round 229's model; batch b (frozen) 4 -> 5 of 7 rows on its first run, 7 of 7 after two mends
		{"probes_round231.tsv", 16}, // 8 with round 230's model; batch b (frozen) 4 -> 6 of 7 rows on its first run, 7 of 7 after one mend
		{"probes_round233.tsv", 11}, // 5 with round 232's model; batch b (frozen) 2 -> 6 of 6 rows
		{"probes_round235.tsv", 10}, // 6 with round 234's model; batch b (frozen) 4 -> 4 of 6 rows on its first run (a guard lost), 5 of 6 after one mend
		{"probes_round236.tsv", 10}, // 1 with round 235's model; batch b (frozen) 1 -> 5 of 6 rows
	} {
		data, err := os.ReadFile(filepath.Join("testdata", tc.file))
		if err != nil {
			t.Fatal(err)
		}
		n, right := 0, 0
		for _, line := range strings.Split(string(data), "\n") {
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			f := strings.Split(line, "\t")
			if len(f) != 4 {
				t.Fatalf("%s: bad probe line %q", tc.file, line)
			}
			task, ok := probeTasks[f[0]]
			if !ok {
				t.Fatalf("%s: unknown score %q in %q", tc.file, f[0], line)
			}
			v := ScoreOf(s.Score("x", f[3], model.TextContext{}), task)
			n++
			if probeRight(f[0], f[1], v) {
				right++
			} else {
				t.Logf("%s: miss (%s, %s): %s = %.2f: %q", tc.file, f[2], f[0], f[1], v, f[3])
			}
		}
		if right < tc.floor {
			t.Errorf("%s: %d of %d right, want at least %d", tc.file, right, n, tc.floor)
		}
	}
}
