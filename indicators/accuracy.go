package indicators

// Measured is the measured accuracy of one classifier behind the
// indicators, on held-out data it was never trained or tuned on. The report
// prints it in every indicator's section (Definition.Scores names the
// classifiers), because an interval covers sampling only: a value is as
// good as the classifier that counted it.
type Measured struct {
	// Score is the classifier: a doc_scores score, or "attribution"
	// (public figures and their quotes).
	Score  string
	Metric string // "macro-F1", "Pearson r", "speaker accuracy"
	Value  float64
	// Low and High are the 95% interval of Value (0, 0 when not measured).
	Low, High float64
	N         int    // rows measured
	Data      string // what it was measured on, in a few words
	// Command reproduces the figure.
	Command string
	// Doc is the documentation file with the method, Section its heading.
	Doc, Section string
}

// Accuracy holds the figures the report quotes, one per classifier. It is
// the one place they are written for the report: whoever changes a model
// updates its entry here together with docs/analysis.md ("Measured") or
// docs/figures.md, and AccuracyModel, which a test compares with the
// shipped models' version so that the figures cannot silently go stale.
var Accuracy = map[string]Measured{
	"migration": {Score: "migration", Metric: "macro-F1", Value: 0.840, Low: 0.766, High: 0.905, N: 120,
		Data:    "news-like sentences written by an engineer who saw neither lexicons nor models (heldout_migration_b)",
		Command: "xenoscope eval -task migration -data analyze/testdata/heldout_migration_b.csv",
		Doc:     "docs/analysis.md", Section: "Measured"},
	"anti_migrant": {Score: "anti_migrant", Metric: "macro-F1", Value: 0.714, Low: 0.602, High: 0.810, N: 100,
		Data:    "independent news-like sentences (heldout_anti_b); round 2 figures on tweets, dialogues and the functional suites in docs/analysis.md",
		Command: "xenoscope eval -task anti_migrant -data analyze/testdata/heldout_anti_b.csv",
		Doc:     "docs/analysis.md", Section: "Measured"},
	"counter_speech": {Score: "counter_speech", Metric: "macro-F1", Value: 0.814, Low: 0.729, High: 0.889, N: 100,
		Data:    "independent news-like sentences (heldout_counter_b); round 2 figures on dialogues and the functional suites in docs/analysis.md",
		Command: "xenoscope eval -task counter_speech -data analyze/testdata/heldout_counter_b.csv",
		Doc:     "docs/analysis.md", Section: "Measured"},
	"hate_crime_report": {Score: "hate_crime_report", Metric: "macro-F1", Value: 0.761, Low: 0.671, High: 0.848, N: 100,
		Data:    "independent sentences (heldout_hate_b; statistics rows labelled 0 since round 2: not a concrete incident)",
		Command: "xenoscope eval -task hate_crime_report -data analyze/testdata/heldout_hate_b.csv",
		Doc:     "docs/analysis.md", Section: "Not validated"},
	"stance": {Score: "stance", Metric: "macro-F1", Value: 0.839, Low: 0.769, High: 0.910, N: 100,
		Data:    "policy sentences written by an engineer who saw neither lexicon nor model (heldout_stance_b); no independently coded real policy text",
		Command: "xenoscope eval -task stance -data analyze/testdata/heldout_stance_b.csv",
		Doc:     "docs/analysis.md", Section: "Not validated"},
	"tone": {Score: "tone", Metric: "Pearson r", Value: 0.883, Low: 0.867, High: 0.898, N: 844,
		Data:    "held-out rated tweets (VADER ratings); 0.667 on movie-review snippets: not measured on news",
		Command: "xenoscope eval -task tone -data ../shared/data/sentiment/tweets_GroundTruth.txt",
		Doc:     "docs/analysis.md", Section: "The scores"},
	"populism": {Score: "populism", Metric: "dictionary count",
		Data:    "the Rooduijn & Pauwels (2011) dictionary, counted exactly; its validity as a measure of populism is the dictionary's, not measured here",
		Command: "go test ./analyze/ -run TestPopulismExactCounts",
		Doc:     "docs/analysis.md", Section: "The scores"},
	"attribution": {Score: "attribution", Metric: "speaker accuracy", Value: 0.893, N: 56,
		Data:    "held-out statements of real articles, labelled by hand (0.957 on all 231, partly tuned)",
		Command: "go test ./figures/ -run TestQuoteAttributionGold",
		Doc:     "docs/figures.md", Section: "Gold set and accuracy"},
}

// AccuracyModel is the version of the scoring models (analyze, without the
// figures finder's part) the figures of Accuracy were measured with.
const AccuracyModel = "xs1-c1560e78e9b5"
