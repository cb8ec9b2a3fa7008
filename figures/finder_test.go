package figures

import (
	"reflect"
	"sync"
	"testing"

	"github.com/xenoscope/xenoscope/config"
	"github.com/xenoscope/xenoscope/model"
)

func newTestFinder(t *testing.T) *Finder {
	t.Helper()
	f, err := NewFinder(map[string][]config.Figure{
		"Leeds": {{Name: "Jane Doe", Aliases: []string{"J. Doe"}, Role: "Mayor"}, {Name: "Ahmed Khan", Role: "Councillor"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

var news = model.TextContext{City: "Leeds", Kind: model.KindNews}

func mentionNames(ms []model.Mention) map[string]string {
	out := map[string]string{}
	for _, m := range ms {
		out[m.Text] = m.Name
	}
	return out
}

func TestCanonicalWithinDocument(t *testing.T) {
	f := newTestFinder(t)
	for _, c := range []struct {
		name string
		text string
		tc   model.TextContext
		want map[string]string // mention text -> canonical name
	}{
		{"unregistered full, title, possessive", "Maria Lopez opened the centre. Ms Lopez thanked volunteers. Lopez's plan was praised by Mayor Lopez's staff.",
			model.TextContext{Kind: model.KindNews}, map[string]string{"Maria Lopez": "Maria Lopez", "Lopez": "Maria Lopez"}},
		{"registered, lower case and possessive", "The council backed jane doe's motion on asylum housing.",
			news, map[string]string{"jane doe": "Jane Doe"}},
		{"registered alias", "J. Doe spoke at the vigil.", news, map[string]string{"J. Doe": "Jane Doe"}},
		{"registered surname alone with title", "Councillor Khan said the hostel would stay open.", news, map[string]string{"Khan": "Ahmed Khan"}},
		{"all-caps headline", "MAYOR JANE DOE BACKS REFUGEE WEEK", news, map[string]string{"JANE DOE": "Jane Doe"}},
		{"title is not part of the name", "Home Secretary Priya Shah visited on Monday.", model.TextContext{Kind: model.KindNews},
			map[string]string{"Priya Shah": "Priya Shah"}},
		{"streets and councils are not persons", "Residents of Boathouse Lane met Priya Shah, Councillor for Fenwick, at the Lakeside City Council offices.",
			model.TextContext{Kind: model.KindNews}, map[string]string{"Boathouse Lane": "", "Fenwick": "", "Lakeside City Council": "", "Priya Shah": "Priya Shah"}},
		{"initials and suffix keep their periods", "U.S. Attorney James P. Kennedy Jr. said the case was closed. Kennedy left.",
			model.TextContext{Kind: model.KindNews}, map[string]string{"James P. Kennedy Jr.": "James P. Kennedy Jr.", "Kennedy": "James P. Kennedy Jr."}},
		{"german text is not tagged", "Die elektronische Patientenakte ist der lange Marsch ins digitale Gesundheitswesen. Die Versicherte kann ihre Daten der Akte selbst verwalten, sagte Jens Spahn am Montag in Berlin vor den Ärzten. Die Krankenkassen müssen die Akte ab Januar allen Versicherten anbieten, und die Praxen sollen Befunde, Arztbriefe und Röntgenbilder dort speichern.",
			model.TextContext{Kind: model.KindNews}, map[string]string{}},
		{"a long results table is tagged", "Badminton results on Friday.\nMen's singles, second round\n" +
			"Tomas Brink (Denmark) beat Kenji Moriyama (Japan) 15-3 15-7\nLars Vikstrom (Norway) beat Adi Santoso (Indonesia) 15-11 15-9\n" +
			"Chen Wei (China) beat Paul Hartley (England) 15-6 15-2\nRudi Gunawan (Indonesia) beat Ole Madsen (Denmark) 15-12 15-4\n" +
			"Women's singles, second round\nMia Holm (Sweden) beat Ana Ruiz (Spain) 11-2 11-5\nLi Na (China) beat Sara Berg (Norway) 11-7 11-3\n" +
			"Yuki Sato (Japan) beat Eva Novak (Czech Republic) 11-4 11-9\nNina Kohl (Germany) beat Kate Dunn (England) 11-8 11-6\n" +
			"Women's singles, third round\nJon Lund (Norway) beat Tim Roe (England) 11-5 11-8\n" +
			"Kim Park (South Korea) beat Ute Frey (Germany) 11-10 11-3\n",
			model.TextContext{Kind: model.KindNews}, map[string]string{"Tomas Brink": "Tomas Brink", "Mia Holm": "Mia Holm", "Kate Dunn": "Kate Dunn"}},
		{"the end of a full name the tagger reads as an organisation", "France's far-right National Front party leader, Marine Le Pen, voiced support for Donald Trump on Wednesday.\n\n" +
			"Le Pen is a candidate in France's April 2017 presidential election.\n\n\"Everything but Hillary Clinton,\" Le Pen told CNN in an interview.",
			model.TextContext{Kind: model.KindNews}, map[string]string{"Marine Le Pen": "Marine Le Pen", "Le Pen": "Marine Le Pen"}},
		{"a surname inside a firm's name is not the person", "Ted Turner founded CNN. Turner Broadcasting System Inc. said on Tuesday it would cut jobs.",
			model.TextContext{Kind: model.KindNews}, map[string]string{"Ted Turner": "Ted Turner", "Turner": ""}},
		{"initials before a name", "The court has looked more closely at the intent of legislators.\n\n\"I think the winds are changing with regards to voting rights in the courts,\" J. Gerald Hebert, executive director of the Campaign Legal Center, said in a recent interview.",
			model.TextContext{Kind: model.KindNews}, map[string]string{"J. Gerald Hebert": "J. Gerald Hebert", "J.": "", "Gerald Hebert": ""}},
		{"city names are not persons", "Lakeside welcomed the families. Leeds sent help, and Kim Ode thanked Lakeside.",
			model.TextContext{City: "Lakeside", Kind: model.KindNews}, map[string]string{"Lakeside": "", "Leeds": "", "Kim Ode": "Kim Ode"}},
		{"nickname, initial and suffix are one person", "Patrick W. Carlineo Jr. pleaded guilty. Pat Carlineo said he was sorry. P. Carlineo left. Mary Carlineo wept.",
			model.TextContext{Kind: model.KindNews}, map[string]string{"Pat Carlineo": "Patrick W. Carlineo Jr.", "P. Carlineo": "Patrick W. Carlineo Jr.", "Mary Carlineo": "Mary Carlineo"}},
		{"registry of another city is ignored", "jane doe's motion passed.", model.TextContext{City: "York", Kind: model.KindNews},
			map[string]string{}},
	} {
		t.Run(c.name, func(t *testing.T) {
			ms, _ := f.Find(c.text, c.tc)
			got := mentionNames(ms)
			for k, v := range c.want {
				if got[k] != v {
					t.Errorf("mention %q -> %q, want %q (all: %v)", k, got[k], v, got)
				}
			}
			if len(c.want) == 0 && len(got) != 0 {
				t.Errorf("mentions %v, want none", got)
			}
			for _, m := range ms {
				if c.text[m.Start:m.End] != m.Text {
					t.Errorf("offsets %d:%d give %q, not %q", m.Start, m.End, c.text[m.Start:m.End], m.Text)
				}
			}
		})
	}
}

type wantQuote struct {
	text    string // a substring of the quote
	speaker string
	kind    string
}

func TestQuotePatterns(t *testing.T) {
	f := newTestFinder(t)
	for _, c := range []struct {
		name string
		text string
		tc   model.TextContext
		want []wantQuote
	}{
		{"said X after", `"We welcome everyone here," said Jane Doe.`, news, []wantQuote{{"We welcome everyone", "Jane Doe", "direct"}}},
		{"X said: before", `Ahmed Khan said: "The hostel stays open."`, news, []wantQuote{{"hostel stays open", "Ahmed Khan", "direct"}}},
		{"told reporters", `"Nobody is illegal" Tom Reed told reporters.`, news, []wantQuote{{"Nobody is illegal", "Tom Reed", "direct"}}},
		{"curly quotes and title", "“Our city is stronger together,” Mayor Jane Doe said on Tuesday.", news,
			[]wantQuote{{"stronger together", "Jane Doe", "direct"}}},
		{"split quote", `"This is a good day," Tom Reed said. "We will keep going."`, news,
			[]wantQuote{{"good day", "Tom Reed", "direct"}, {"keep going", "Tom Reed", "direct"}}},
		{"according to", "According to Sara Patel, the shelter was full by noon.", news,
			[]wantQuote{{"the shelter was full", "Sara Patel", "indirect"}}},
		{"indirect said that", "Tom Reed said that the asylum hotel would close in March.", news,
			[]wantQuote{{"the asylum hotel would close", "Tom Reed", "indirect"}}},
		{"indirect warned", "Sara Patel warned the plan would divide the town.", news,
			[]wantQuote{{"the plan would divide", "Sara Patel", "indirect"}}},
		{"called for", "Ahmed Khan called for calm after the attack on the mosque.", news,
			[]wantQuote{{"calm after the attack", "Ahmed Khan", "indirect"}}},
		{"sentence-final attribution", "The centre will open in May, Jane Doe said on Monday.", news,
			[]wantQuote{{"The centre will open", "Jane Doe", "indirect"}}},
		{"appositive subject", "Councillor Gary Holt, Councillor for Pier End, said that the town was full.", news,
			[]wantQuote{{"the town was full", "Gary Holt", "indirect"}}},
		{"appositive after a possessive", "Holt's lawyer, Sara Patel, said in a statement that he regretted the post.", news,
			[]wantQuote{{"he regretted the post", "Sara Patel", "indirect"}}},
		{"a one-word answer kept with its abbreviation period", "Asked whether Mr. Clinton would hold a cabinet position, Mrs. Clinton shook her head and said, “No.”", news,
			[]wantQuote{{"No.", "Clinton", "direct"}}},
		{"subject after a subordinator, through a participle clause", "The issue had come up Friday after Mr. Trump, asked about the deaths of journalists, had said, “I think our country does plenty of killing also.”", news,
			[]wantQuote{{"plenty of killing", "Trump", "direct"}}},
		{"an aside without a verb between the speaker and the verb", "Roy Blunt faces a challenge from Jason Kander.\n\n“He had a lot of Missouri supporters,” Blunt, after a long pause, said of Cruz.", news,
			[]wantQuote{{"Missouri supporters", "Roy Blunt", "direct"}}},
		{"the person before of, not the place after", "Other Republicans were not satisfied. “Donald Trump should retract his comments,” former Gov. Jeb Bush of Florida said on Twitter.", news,
			[]wantQuote{{"should retract", "Jeb Bush", "direct"}}},
		{"a place after the verb is no inverted speaker", "“I would have been all in,” Mr. Regalado, the Republican mayor of Miami, said in his office overlooking Biscayne Bay.", news,
			[]wantQuote{{"all in", "Regalado", "direct"}}},
		{"who said: the person before the relative", "“The candidates just don’t understand the military,” said Army Capt. Christian Pardo, who said he would not vote for either candidate. “Their policies are just so far out there.”", news,
			[]wantQuote{{"understand the military", "Christian Pardo", "direct"}, {"he would not vote", "Christian Pardo", "indirect"}, {"so far out there", "Christian Pardo", "direct"}}},
		{"a sentence-initial surname prose reads as a common noun", "“I think he can do that, but the biggest unifier we have is Anne Keller.”\n\n" +
			"Boos rained down when Trump mentioned the former senator, and the crowd loudly reprised the chant “Lock her up!” that rang through the arena all week.\n\n" +
			"Trump gestured as if to stop the ruckus, then leaned in and boomed: “Let’s defeat her in November.”", news,
			[]wantQuote{{"defeat her in November", "Trump", "direct"}}},
		{"a subordinate clause inside the appositive after the quote", "Donald Trump praised the reporter on Monday.\n\n“Very good reporter, very good reporter this guy,” Trump, the 2016 GOP presidential frontrunner nationally and current polling leader in South Carolina by a wide margin after winning the New Hampshire primaries, said when Boyle asked him a question.", news,
			[]wantQuote{{"Very good reporter", "Donald Trump", "direct"}}},
		{"statements speaker with a title", "We stand together.",
			model.TextContext{City: "York", Kind: model.KindStatements, Speaker: "Mayor David Lindqvist"},
			[]wantQuote{{"We stand together.", "David Lindqvist", "source"}}},
		{"role noun resolves to the titled person mentioned last", "Gov. Eric Holm met Gov. Matt Bevan in May. Holm left early.\n\nThe governor said he would wait for the commission.", model.TextContext{Kind: model.KindNews},
			[]wantQuote{{"he would wait", "Eric Holm", "indirect"}}},
		{"role noun resolves to the registered role", "Jane Doe opened the fair. \"Everyone is welcome,\" the mayor said.", news,
			[]wantQuote{{"Everyone is welcome", "Jane Doe", "direct"}}},
		{"british single quotes", "‘We welcome everyone who comes here in good faith,’ said Ahmed Khan. The teachers’ union agreed.\n\n‘It’s a disgrace,’ Tom Reed told the BBC.", news,
			[]wantQuote{{"We welcome everyone", "Ahmed Khan", "direct"}, {"It’s a disgrace", "Tom Reed", "direct"}}},
		{"unnamed speaker", `"We had no warning," a resident said.`, news, []wantQuote{{"no warning", "", "direct"}}},
		{"organisation is not a person", "The council said the camp would be cleared.", news,
			[]wantQuote{{"the camp would be cleared", "", "indirect"}}},
		{"appositive between the quote and the verb", "“We think the government is in an overreach position,” Matt Santos, legal director for the ACLU of Oregon, said over the phone.", news,
			[]wantQuote{{"overreach position", "Matt Santos", "direct"}}},
		{"appositive subject before the quote", "In a statement, Brian Fallon, a spokesman for the Clinton campaign, said: “The department had a process in place.”", news,
			[]wantQuote{{"had a process", "Brian Fallon", "direct"}}},
		{"participle takes the verb before", "Ryan and Trump will meet next week, Sean Spicer said, adding, “They need to sit down and have a good talk.”", news,
			[]wantQuote{{"sit down", "Sean Spicer", "direct"}}},
		{"verb chain", "But the debate was so subdued that Donald Trump was prompted to say, “So far, I cannot believe how nice it is.”", news,
			[]wantQuote{{"cannot believe", "Donald Trump", "direct"}}},
		{"colon introduction in the paragraph before", "Senator Ann Ward stated:\n\n“The department is not about equal justice anymore.”", news,
			[]wantQuote{{"equal justice", "Ann Ward", "direct"}}},
		{"attribution in the next sentence", "“I am calling from the campaign. How are you today?” Eva Miller, a retired worker from a nuclear plant, said pleasantly into the phone.", news,
			[]wantQuote{{"calling from the campaign", "Eva Miller", "direct"}}},
		{"previous sentence attribution", "Sam Lau, the communications director for the party, said in a statement. “There are no paper ballots to recount.”", news,
			[]wantQuote{{"no paper ballots", "Sam Lau", "direct"}}},
		{"signature after the quote", "“The idea that I would dismantle health care is absurd.”\n\n- Bernie Sanders.", news,
			[]wantQuote{{"dismantle health care", "Bernie Sanders", "direct"}}},
		{"two apostrophes as quotation marks", "''Revenues are up a little bit, and so are rounds,'' said Mr. Tom Ekovich, who sells golf courses.", news,
			[]wantQuote{{"Revenues are up", "Tom Ekovich", "direct"}}},
		{"continued quote across paragraphs", "Mary Smith spoke first.\n\n“We need homes for every family in this city.\n\n“And we need them now,” Tom Jones said.", news,
			[]wantQuote{{"homes for every family", "Tom Jones", "direct"}, {"need them now", "Tom Jones", "direct"}}},
		{"a slogan is nobody's statement", "Governor Kristi Noem launched the campaign with the slogan “Meth, we’re on it.”", news,
			[]wantQuote{{"Meth, we’re on it.", "", "direct"}}},
		{"a passive speech verb is no attribution", "Mary Smith said she was tired. “We’ll see,” when asked whether she would run again.", news,
			[]wantQuote{{"We’ll see", "Mary Smith", "direct"}}},
		{"statements source owns the text", "We stand with our refugee neighbours. Hate has no home in Leeds.",
			model.TextContext{City: "Leeds", Kind: model.KindStatements, Speaker: "jane doe"},
			[]wantQuote{{"We stand with our refugee neighbours. Hate has no home in Leeds.", "Jane Doe", "source"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, qs := f.Find(c.text, c.tc)
			checkQuotes(t, c.text, qs, c.want)
		})
	}
}

func checkQuotes(t *testing.T, text string, qs []model.Quote, want []wantQuote) {
	t.Helper()
	for _, w := range want {
		found := false
		for _, q := range qs {
			if text[q.Start:q.End] != q.Text {
				t.Errorf("quote offsets %d:%d do not give %q", q.Start, q.End, q.Text)
			}
			if containsStr(q.Text, w.text) {
				found = true
				if q.Speaker != w.speaker || q.Kind != w.kind {
					t.Errorf("quote %q: speaker %q kind %q, want %q %q", q.Text, q.Speaker, q.Kind, w.speaker, w.kind)
				}
			}
		}
		if !found {
			t.Errorf("no quote containing %q in %+v", w.text, qs)
		}
	}
}

func containsStr(s, sub string) bool {
	return len(sub) <= len(s) && (s == sub || indexOf(s, sub) >= 0)
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestPronounResolution(t *testing.T) {
	f := newTestFinder(t)
	tc := model.TextContext{Kind: model.KindNews}
	for _, c := range []struct {
		name string
		text string
		want []wantQuote
	}{
		{"she skips a male subject", "Mary Clarke met John Brown at the town hall. John Brown left early.\n\n\"We must protect refugees,\" she said.",
			[]wantQuote{{"protect refugees", "Mary Clarke", "direct"}}},
		{"he takes the previous sentence's subject", "John Brown spoke after Mary Clarke. \"The hostel is full,\" he said.",
			[]wantQuote{{"hostel is full", "John Brown", "direct"}}},
		{"pronoun chain through sentences", "Ms Ellis arrived at nine. She thanked the volunteers. She said the donations would go to refugee families.",
			[]wantQuote{{"the donations would go", "Ellis", "indirect"}}},
		{"possessive is not the subject", "Mary Clarke's son, Tom Clarke, was angry. \"It is a disgrace,\" he said.",
			[]wantQuote{{"disgrace", "Tom Clarke", "direct"}}},
		{"object of told is not the speaker", "Jane Roe met Peter Hall. \"I trust you,\" she told Hall.",
			[]wantQuote{{"I trust you", "Jane Roe", "direct"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, qs := f.Find(c.text, tc)
			checkQuotes(t, c.text, qs, c.want)
		})
	}
}

func TestArticleVoiceIsNotAQuote(t *testing.T) {
	f := newTestFinder(t)
	text := "Crime in the city fell by 5% last year. The new bus route opens in May, and the \"Wild Rose\" festival returns."
	_, qs := f.Find(text, news)
	if len(qs) != 0 {
		t.Errorf("quotes %+v, want none", qs)
	}
}

func TestFinderConcurrent(t *testing.T) {
	f := newTestFinder(t)
	texts := []string{
		`"We welcome everyone here," said Jane Doe. She said that the city would open a second shelter.`,
		"Ahmed Khan called for calm. \"This is our home too,\" he told the crowd.",
		"According to Sara Patel, the shelter was full by noon.",
	}
	type res struct {
		ms []model.Mention
		qs []model.Quote
	}
	want := make([]res, len(texts))
	for i, tx := range texts {
		want[i].ms, want[i].qs = f.Find(tx, news)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := 0; r < 20; r++ {
				for i, tx := range texts {
					ms, qs := f.Find(tx, news)
					if !reflect.DeepEqual(ms, want[i].ms) || !reflect.DeepEqual(qs, want[i].qs) {
						errs <- tx
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("concurrent Find differs for %q", e)
	}
}

func TestNewFinderRejectsEmptyName(t *testing.T) {
	if _, err := NewFinder(map[string][]config.Figure{"Leeds": {{Name: " "}}}); err == nil {
		t.Error("want an error for an empty figure name")
	}
}
