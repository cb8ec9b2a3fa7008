// Package indicators turns stored per-document scores into monthly per-city
// indicators with 95% confidence intervals, the number of documents behind
// each value, and coverage counts.
//
// # The table
//
// Every indicator is one entry of Definitions: what people read about it
// (title, definition, what n counts, whether it compares across cities)
// and how it is computed: a per-document statistic summed over the
// month's documents (Num, or the distinct public figures of Figures),
// divided by another (Den) and scaled, with its interval method. A
// per-document statistic (Stat) is named and reads doc_scores columns by
// name, so an indicator over a new score is one entry here (plus its
// docs, docs/indicators.md) once the score has its column. Compute
// derives everything else from the table: which columns to stream, what to
// keep per document, what to resample.
//
// # Months
//
// A document belongs to the month of documents.published, or of
// documents.fetched_at when the publication date is unknown (” in the
// store). Result.Fallback counts the documents that took the fallback, per
// city-month in Coverage.Fallback.
//
// # Which documents count
//
// doc_scores holds one row per document. Only rows of one model count: the
// model of the most recently scored row (store.DB.ScoreModel). Documents
// still scored by an older model are counted as stale in the coverage and
// contribute no scores (a rescoring run in progress never mixes two models
// in one number). Documents with a row of the counted model but no scores
// (the language gate: not English) are excluded: they count in the
// coverage only, in no denominator. The one predicate is counted.
//
// # Values and intervals
//
// Every indicator is a ratio of sums (or a plain sum, or a distinct count)
// over the documents of a city-month. Shares of documents get the Wilson
// score interval; ratios of sums (means, rates, the share of sentences)
// a percentile bootstrap over documents: 1,000 resamples of n documents
// drawn with replacement, [2.5%, 97.5%], resamples with a zero denominator
// dropped; raw counts get no interval (the count and n are shown); the
// documents count is exact. The random stream of each city-month is seeded
// from Query.Seed, the city and the month, so a rerun, a run restricted to
// one city, or a run in another order gives the same numbers. Every
// interval covers sampling variation only, not classifier error: the
// classifiers' measured accuracy is in Accuracy.
//
// # Flat memory
//
// store.DB.StreamDocRows streams documents ordered by city, month and id.
// The reader keeps only the current city-month's per-document statistics
// (a few bytes per statistic and document, plus figure ids for the rare
// documents that attribute statements); finished city-months go to a pool
// of GOMAXPROCS workers through an unbuffered channel, and batches cycle
// through a free list of GOMAXPROCS+2, so at most that many city-months
// are in memory at once, whatever the database size.
package indicators

import (
	"github.com/xenoscope/xenoscope/model"
	"github.com/xenoscope/xenoscope/store"
)

// Indicator names (exact; they are the `indicator` column of the CSV).
const (
	MigrationSalience       = "migration_salience"
	AntiMigrantShare        = "anti_migrant_share"
	AntiMigrantIntensity    = "anti_migrant_intensity"
	CounterSpeechShare      = "counter_speech_share"
	Populism                = "populism"
	PopulistSentences       = "populist_sentences"
	MigrationTone           = "migration_tone"
	Stance                  = "stance"
	HateCrimeReports        = "hate_crime_reports"
	HateCrimeReportsPer100  = "hate_crime_reports_per_100_migration_docs"
	FiguresAddressing       = "figures_addressing_xenophobia"
	FiguresAddressingPer100 = "figures_addressing_xenophobia_per_100_migration_docs"
	FiguresPromoting        = "figures_promoting_hostility"
	FiguresPromotingPer100  = "figures_promoting_hostility_per_100_migration_docs"
	Documents               = "documents"
	DefaultMinN             = 20
	DefaultResamples        = 1000
)

// Threshold: a document or statement "is" migration / anti-migrant /
// counter-speech / hate-crime report at score >= Threshold (the one
// threshold, model.Threshold, passed to every query that needs it).
const Threshold = model.Threshold

// Interval is how an indicator's 95% interval is computed.
type Interval int

const (
	// Wilson is the Wilson score interval of a share of documents: honest
	// at 0 and 1, where a bootstrap collapses to [0, 0] or [1, 1].
	Wilson Interval = iota + 1
	// Bootstrap is the percentile bootstrap over the month's documents, for
	// ratios of sums (means, rates, shares of sentences).
	Bootstrap
	// NoInterval is for raw counts: shown with their n, never with a band.
	NoInterval
	// Exact is for what is counted, not estimated (documents collected).
	Exact
)

// Stat is a per-document statistic: a function of one document's
// doc_scores columns, summed over a month's documents.
type Stat struct {
	Name string
	// Columns are the doc_scores columns Value reads, in this order.
	Columns []string
	// Value returns the document's statistic from its Columns. Compute
	// calls it for counted documents only (the others add 0).
	Value func(c []float64) float64
	// EveryDocument makes the statistic count every document of the month,
	// counted or not (coverage); Value is not called then.
	EveryDocument bool
}

// FigureSet is the set of distinct public figures with at least one
// attributed statement whose Statement score (a statements column) is >=
// Threshold, in the month's documents (excluded documents left out).
type FigureSet struct {
	Name      string
	Statement string
}

// Definition is one indicator: for people (the report and
// docs/indicators.md show it) and for Compute.
type Definition struct {
	Name  string
	Title string
	// Definition says exactly what is computed.
	Definition string
	// N says what n counts for this indicator.
	N string
	// Compare says whether the value can be compared across cities.
	Compare string
	// Kind is share, mean, rate, count or coverage.
	Kind string
	// ExampleScore names the sentence score whose top sentences illustrate
	// the indicator ("" for none); see store.DB.ExampleSentences.
	ExampleScore string
	// Scores names the classifiers the value rests on (keys of Accuracy).
	Scores []string

	// Num is the numerator: a statistic summed over the documents; or, when
	// Figures is set, the number of distinct figures in the set.
	Num     *Stat
	Figures *FigureSet
	// Den is the denominator statistic; nil for a count.
	Den *Stat
	// Scale multiplies the ratio (100 for "per 100", 1000 for "per 1,000");
	// 0 means 1.
	Scale float64
	// NStat is what n counts; nil means Den (or Num for a count).
	NStat *Stat
	// Interval is the interval method.
	Interval Interval
}

// above is 1 when a score reaches Threshold, else 0.
func above(x float64) float64 {
	if x >= Threshold {
		return 1
	}
	return 0
}

// The per-document statistics of the shipped indicators.
var (
	statDocuments = &Stat{Name: "documents", EveryDocument: true}
	statCounted   = &Stat{Name: "counted_documents", Value: func([]float64) float64 { return 1 }}
	statMigration = &Stat{Name: "migration_documents", Columns: []string{"migration"},
		Value: func(c []float64) float64 { return above(c[0]) }}
	statAnti = &Stat{Name: "anti_migrant_documents", Columns: []string{"migration", "anti_migrant"},
		Value: func(c []float64) float64 { return above(c[0]) * above(c[1]) }}
	statAntiSum = &Stat{Name: "anti_migrant_sum", Columns: []string{"migration", "anti_migrant"},
		Value: func(c []float64) float64 { return above(c[0]) * c[1] }}
	statCounter = &Stat{Name: "counter_speech_documents", Columns: []string{"migration", "counter_speech"},
		Value: func(c []float64) float64 { return above(c[0]) * above(c[1]) }}
	statStanceSum = &Stat{Name: "stance_sum", Columns: []string{"migration", "stance"},
		Value: func(c []float64) float64 { return above(c[0]) * c[1] }}
	statHate = &Stat{Name: "hate_crime_documents", Columns: []string{"hate_crime_report"},
		Value: func(c []float64) float64 { return above(c[0]) }}
	statWords    = column("words")
	statPopMatch = column("populism_matches")
	statSents    = column("sentences")
	statPopSents = column("populist_sentence_n")
	statMigSents = column("migration_sentences")
	statToneSum  = column("migration_tone_sum")
	statToneDocs = &Stat{Name: "documents_with_migration_sentences", Columns: []string{"migration_sentences"},
		Value: func(c []float64) float64 { return b2f(c[0] > 0) }}
	figAddressing = &FigureSet{Name: "figures_addressing", Statement: "counter_speech"}
	figPromoting  = &FigureSet{Name: "figures_promoting", Statement: "anti_migrant"}
)

// column is the statistic that is one doc_scores column as stored.
func column(name string) *Stat {
	return &Stat{Name: name, Columns: []string{name}, Value: func(c []float64) float64 { return c[0] }}
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// Definitions lists every indicator in report order.
var Definitions = []Definition{
	{Name: MigrationSalience, Title: "Migration salience",
		Definition: "Share of documents about migration: documents with migration score >= 0.5, divided by all scored documents.",
		N:          "scored documents", Compare: "Yes: a share, normalised by construction.", Kind: "share", ExampleScore: "migration",
		Scores: []string{"migration"}, Num: statMigration, Den: statCounted, Interval: Wilson},
	{Name: AntiMigrantShare, Title: "Anti-migrant share",
		Definition: "Share of migration documents (migration >= 0.5) whose anti_migrant score is >= 0.5.",
		N:          "migration documents", Compare: "Yes: a share of migration documents.", Kind: "share", ExampleScore: "anti_migrant",
		Scores: []string{"migration", "anti_migrant"}, Num: statAnti, Den: statMigration, Interval: Wilson},
	{Name: AntiMigrantIntensity, Title: "Anti-migrant intensity",
		Definition: "Mean anti_migrant score (0-1) over migration documents.",
		N:          "migration documents", Compare: "Yes: a mean over migration documents.", Kind: "mean", ExampleScore: "anti_migrant",
		Scores: []string{"migration", "anti_migrant"}, Num: statAntiSum, Den: statMigration, Interval: Bootstrap},
	{Name: CounterSpeechShare, Title: "Counter-speech share",
		Definition: "Share of migration documents whose counter_speech score is >= 0.5.",
		N:          "migration documents", Compare: "Yes: a share of migration documents.", Kind: "share", ExampleScore: "counter_speech",
		Scores: []string{"migration", "counter_speech"}, Num: statCounter, Den: statMigration, Interval: Wilson},
	{Name: Populism, Title: "Level of populism",
		Definition: "Rooduijn-Pauwels populism dictionary matches per 1,000 words over all scored documents, as a ratio of sums: 1000 x (sum of matches) / (sum of words), so long and short documents weigh by their length.",
		N:          "scored documents", Compare: "Yes: a rate per 1,000 words.", Kind: "rate", ExampleScore: "populism",
		Scores: []string{"populism"}, Num: statPopMatch, Den: statWords, Scale: 1000, NStat: statCounted, Interval: Bootstrap},
	{Name: PopulistSentences, Title: "Populist sentences",
		Definition: "Share of sentences with at least one populism-dictionary match: sum of populist sentences / sum of sentences over all scored documents.",
		N:          "scored documents", Compare: "Yes: a share of sentences.", Kind: "share", ExampleScore: "populism",
		Scores: []string{"populism"}, Num: statPopSents, Den: statSents, NStat: statCounted, Interval: Bootstrap},
	{Name: MigrationTone, Title: "Tone of migration sentences",
		Definition: "Mean tone (-1 negative .. +1 positive) of migration sentences: sum of tone over migration sentences / number of migration sentences, over all scored documents.",
		N:          "documents with at least one migration sentence", Compare: "Yes: a mean over sentences.", Kind: "mean", ExampleScore: "tone",
		Scores: []string{"migration", "tone"}, Num: statToneSum, Den: statMigSents, NStat: statToneDocs, Interval: Bootstrap},
	{Name: Stance, Title: "Policy stance",
		Definition: "Mean policy stance (-1 open or welcoming .. +1 restrictive) of migration documents.",
		N:          "migration documents", Compare: "Yes: a mean over migration documents.", Kind: "mean", ExampleScore: "stance",
		Scores: []string{"migration", "stance"}, Num: statStanceSum, Den: statMigration, Interval: Bootstrap},
	{Name: HateCrimeReports, Title: "Hate-crime reports",
		Definition: "Number of scored documents reporting hate crimes or racist abuse (hate_crime_report >= 0.5).",
		N:          "scored documents", Compare: "No: a raw count grows with how much a city's sources publish; compare hate_crime_reports_per_100_migration_docs across cities.", Kind: "count", ExampleScore: "hate_crime_report",
		Scores: []string{"hate_crime_report"}, Num: statHate, NStat: statCounted, Interval: NoInterval},
	{Name: HateCrimeReportsPer100, Title: "Hate-crime reports per 100 migration documents",
		Definition: "100 x (documents with hate_crime_report >= 0.5) / (migration documents).",
		N:          "migration documents", Compare: "Yes: normalised by the volume of migration coverage.", Kind: "rate", ExampleScore: "hate_crime_report",
		Scores: []string{"hate_crime_report", "migration"}, Num: statHate, Den: statMigration, Scale: 100, Interval: Bootstrap},
	{Name: FiguresAddressing, Title: "Public figures addressing xenophobia",
		Definition: "Number of distinct public figures with at least one attributed statement whose counter_speech score is >= 0.5 in the month's documents.",
		N:          "documents", Compare: "No: a raw count; compare the per-100-migration-documents value across cities.", Kind: "count",
		Scores: []string{"attribution", "counter_speech"}, Figures: figAddressing, NStat: statDocuments, Interval: NoInterval},
	{Name: FiguresAddressingPer100, Title: "Public figures addressing xenophobia per 100 migration documents",
		Definition: "100 x (distinct figures addressing xenophobia) / (migration documents).",
		N:          "migration documents", Compare: "Yes, with care: normalised by coverage volume, but the number of figures does not grow linearly with coverage.", Kind: "rate",
		Scores: []string{"attribution", "counter_speech", "migration"}, Figures: figAddressing, Den: statMigration, Scale: 100, Interval: Bootstrap},
	{Name: FiguresPromoting, Title: "Public figures promoting hostility",
		Definition: "Number of distinct public figures with at least one attributed statement whose anti_migrant score is >= 0.5 in the month's documents.",
		N:          "documents", Compare: "No: a raw count; compare the per-100-migration-documents value across cities.", Kind: "count",
		Scores: []string{"attribution", "anti_migrant"}, Figures: figPromoting, NStat: statDocuments, Interval: NoInterval},
	{Name: FiguresPromotingPer100, Title: "Public figures promoting hostility per 100 migration documents",
		Definition: "100 x (distinct figures promoting hostility) / (migration documents).",
		N:          "migration documents", Compare: "Yes, with care: normalised by coverage volume, but the number of figures does not grow linearly with coverage.", Kind: "rate",
		Scores: []string{"attribution", "anti_migrant", "migration"}, Figures: figPromoting, Den: statMigration, Scale: 100, Interval: Bootstrap},
	{Name: Documents, Title: "Documents collected",
		Definition: "Number of documents collected in the month (coverage), shown with the active sources (sources with at least one document that month) and the crawl errors of crawl runs started that month. An exact count: its interval is the value itself.",
		N:          "documents", Compare: "No: it measures coverage, not discourse. Read it before comparing anything else.", Kind: "coverage",
		Num: statDocuments, Interval: Exact},
}

// Lookup returns the definition of name.
func Lookup(name string) (Definition, bool) {
	for _, d := range Definitions {
		if d.Name == name {
			return d, true
		}
	}
	return Definition{}, false
}

// Names returns every indicator name in report order.
func Names() []string {
	out := make([]string, len(Definitions))
	for i, d := range Definitions {
		out[i] = d.Name
	}
	return out
}

// counted is the one predicate for a document's scores to count: scored by
// the counted model, with scores (store sets Scored only then: an older
// model's row is Stale, a row without scores from the language gate is
// Excluded).
func counted(d *store.DocRow) bool { return d.Scored }

// Contribution is what one document adds to an indicator's sums: to the
// numerator and (for a ratio) the denominator.
type Contribution struct {
	Indicator   string   `json:"indicator"`
	Numerator   float64  `json:"numerator"`
	Denominator *float64 `json:"denominator"` // nil for a count
}

// Columns lists the doc_scores columns the statistics of defs read.
func Columns(defs []Definition) ([]string, error) {
	p, err := compile(defs)
	if err != nil {
		return nil, err
	}
	return p.columns, nil
}

// Contributions returns what one document adds to each indicator of defs
// that sums a per-document statistic (figure counts are left out: they
// count figures, not documents). col returns the document's doc_scores
// column by name; counted says whether its scores count (see counted).
func Contributions(defs []Definition, col func(name string) float64, counted bool) ([]Contribution, error) {
	p, err := compile(defs)
	if err != nil {
		return nil, err
	}
	value := func(s *Stat) float64 {
		switch {
		case s.EveryDocument:
			return 1
		case !counted:
			return 0
		}
		c := make([]float64, len(s.Columns))
		for i, name := range s.Columns {
			c[i] = col(name)
		}
		return s.Value(c)
	}
	var out []Contribution
	for i, d := range p.defs {
		if p.num[i] < 0 {
			continue
		}
		c := Contribution{Indicator: d.Name, Numerator: value(p.stats[p.num[i]])}
		if p.den[i] >= 0 {
			v := value(p.stats[p.den[i]])
			c.Denominator = &v
		}
		out = append(out, c)
	}
	return out, nil
}
