// Package indicators turns stored per-document scores into monthly per-city
// indicators with seeded 95% bootstrap confidence intervals, the number of
// documents behind each value, and coverage counts.
//
// # Months
//
// A document belongs to the month of documents.published, or of
// documents.fetched_at when the publication date is unknown (” in the
// store). Result.Fallback counts the documents that took the fallback, per
// city-month in Coverage.Fallback.
//
// # Which scores count
//
// doc_scores holds one row per document. Only rows of one model count: the
// model of the most recently scored row (store.DB.ScoreModel). Documents
// still scored by an older model are counted as stale in the coverage and
// contribute no scores (a rescoring run in progress never mixes two models
// in one number).
//
// # Values and intervals
//
// Every indicator is a ratio of sums (or a plain sum, or a distinct count)
// over the documents of a city-month, so that it can be bootstrapped by
// resampling documents: 1,000 resamples of n documents drawn with
// replacement, percentile interval [2.5%, 97.5%]. Resamples in which the
// denominator is zero are dropped from the percentile. The random stream of
// each city-month is seeded from Query.Seed, the city and the month, so a
// rerun, a run restricted to one city, or a run in another order gives the
// same numbers.
//
// # Flat memory
//
// store.DB.StreamDocStats streams documents ordered by city, month and id.
// The reader keeps only the current city-month's per-document sufficient
// statistics (a 36-byte record per document, plus figure ids for the rare
// documents that attribute statements); finished city-months go to a pool of
// GOMAXPROCS bootstrap workers through an unbuffered channel, and batches
// cycle through a free list of GOMAXPROCS+2, so at most that many
// city-months are in memory at once, whatever the database size.
package indicators

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
	Threshold               = 0.5 // a document or statement "is" migration / anti-migrant / counter-speech / hate-crime report at score >= Threshold
	DefaultMinN             = 20
	DefaultResamples        = 1000
)

// Definition describes one indicator for people: the report and
// docs/indicators.md show it.
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
}

// Definitions lists every indicator in report order.
var Definitions = []Definition{
	{MigrationSalience, "Migration salience",
		"Share of documents about migration: documents with migration score >= 0.5, divided by all scored documents.",
		"scored documents", "Yes: a share, normalised by construction.", "share", "migration"},
	{AntiMigrantShare, "Anti-migrant share",
		"Share of migration documents (migration >= 0.5) whose anti_migrant score is >= 0.5.",
		"migration documents", "Yes: a share of migration documents.", "share", "anti_migrant"},
	{AntiMigrantIntensity, "Anti-migrant intensity",
		"Mean anti_migrant score (0-1) over migration documents.",
		"migration documents", "Yes: a mean over migration documents.", "mean", "anti_migrant"},
	{CounterSpeechShare, "Counter-speech share",
		"Share of migration documents whose counter_speech score is >= 0.5.",
		"migration documents", "Yes: a share of migration documents.", "share", "counter_speech"},
	{Populism, "Level of populism",
		"Rooduijn-Pauwels populism dictionary matches per 1,000 words over all scored documents, as a ratio of sums: 1000 x (sum of matches) / (sum of words), so long and short documents weigh by their length.",
		"scored documents", "Yes: a rate per 1,000 words.", "rate", "populism"},
	{PopulistSentences, "Populist sentences",
		"Share of sentences with at least one populism-dictionary match: sum of populist sentences / sum of sentences over all scored documents.",
		"scored documents", "Yes: a share of sentences.", "share", "populism"},
	{MigrationTone, "Tone of migration sentences",
		"Mean tone (-1 negative .. +1 positive) of migration sentences: sum of tone over migration sentences / number of migration sentences, over all scored documents.",
		"documents with at least one migration sentence", "Yes: a mean over sentences.", "mean", "tone"},
	{Stance, "Policy stance",
		"Mean policy stance (-1 open or welcoming .. +1 restrictive) of migration documents.",
		"migration documents", "Yes: a mean over migration documents.", "mean", "stance"},
	{HateCrimeReports, "Hate-crime reports",
		"Number of scored documents reporting hate crimes or racist abuse (hate_crime_report >= 0.5).",
		"scored documents", "No: a raw count grows with how much a city's sources publish; compare hate_crime_reports_per_100_migration_docs across cities.", "count", "hate_crime_report"},
	{HateCrimeReportsPer100, "Hate-crime reports per 100 migration documents",
		"100 x (documents with hate_crime_report >= 0.5) / (migration documents).",
		"migration documents", "Yes: normalised by the volume of migration coverage.", "rate", "hate_crime_report"},
	{FiguresAddressing, "Public figures addressing xenophobia",
		"Number of distinct public figures with at least one attributed statement whose counter_speech score is >= 0.5 in the month's documents.",
		"documents", "No: a raw count; compare the per-100-migration-documents value across cities.", "count", ""},
	{FiguresAddressingPer100, "Public figures addressing xenophobia per 100 migration documents",
		"100 x (distinct figures addressing xenophobia) / (migration documents).",
		"migration documents", "Yes, with care: normalised by coverage volume, but the number of figures does not grow linearly with coverage.", "rate", ""},
	{FiguresPromoting, "Public figures promoting hostility",
		"Number of distinct public figures with at least one attributed statement whose anti_migrant score is >= 0.5 in the month's documents.",
		"documents", "No: a raw count; compare the per-100-migration-documents value across cities.", "count", ""},
	{FiguresPromotingPer100, "Public figures promoting hostility per 100 migration documents",
		"100 x (distinct figures promoting hostility) / (migration documents).",
		"migration documents", "Yes, with care: normalised by coverage volume, but the number of figures does not grow linearly with coverage.", "rate", ""},
	{Documents, "Documents collected",
		"Number of documents collected in the month (coverage), shown with the active sources (sources with at least one document that month) and the crawl errors of crawl runs started that month. An exact count: its interval is the value itself.",
		"documents", "No: it measures coverage, not discourse. Read it before comparing anything else.", "coverage", ""},
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
