package pipeline_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/xenoscope/xenoscope/cli"
	"github.com/xenoscope/xenoscope/config"
	"github.com/xenoscope/xenoscope/demo"
	"github.com/xenoscope/xenoscope/pipeline"
	"github.com/xenoscope/xenoscope/store"
)

// smallDemo serves a slice of the demo corpus (perSource articles per
// source, spread over the 20 months).
func smallDemo(t *testing.T, perSource int) *demo.Demo {
	t.Helper()
	c, err := demo.Generate(demo.CorpusOptions{MaxPerSource: perSource})
	if err != nil {
		t.Fatal(err)
	}
	d, err := demo.Serve(context.Background(), demo.Options{Corpus: c, Delay: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(d.Close)
	return d
}

func writeConfig(t *testing.T, toml []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "cities.toml")
	if err := os.WriteFile(p, toml, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func counts(t *testing.T, dbPath string) (docs, scored, statements int) {
	t.Helper()
	db, err := store.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for q, dst := range map[string]*int{
		"SELECT count(*) FROM documents":  &docs,
		"SELECT count(*) FROM doc_scores": &scored,
		"SELECT count(*) FROM statements": &statements,
	} {
		if err := db.R.QueryRow(q).Scan(dst); err != nil {
			t.Fatal(err)
		}
	}
	return
}

// TestRunTwice runs the whole sequence on a slice of the demo corpus, then
// again: the second run adds nothing (idempotent) and rewrites the report.
func TestRunTwice(t *testing.T) {
	d := smallDemo(t, 6)
	dir := t.TempDir()
	dbPath, out := filepath.Join(dir, "x.db"), filepath.Join(dir, "report")
	var stages []string
	res, err := pipeline.Run(context.Background(), d.Config, dbPath, out, pipeline.Options{
		MinN: 2, Resamples: 100, SyntheticNotice: demo.SyntheticNotice,
		AfterStage: func(s string) { stages = append(stages, s) },
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(stages, ","); got != "crawl,analyze,indicators,report" {
		t.Errorf("stages %s", got)
	}
	want := len(d.Corpus.Articles)
	if res.Crawl.New != want || res.Analyzed != want || res.Documents != want || res.Partial() {
		t.Errorf("first run: new %d, analyzed %d, documents %d, partial %v; want %d each",
			res.Crawl.New, res.Analyzed, res.Documents, res.Partial(), want)
	}
	index, err := os.ReadFile(res.ReportIndex)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(index, []byte("SYNTHETIC")) {
		t.Errorf("the report of the demo corpus is not labelled synthetic")
	}
	for _, f := range []string{"indicators.csv", "figures.csv"} {
		if st, err := os.Stat(filepath.Join(out, f)); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", f, err)
		}
	}
	docs1, scored1, stmts1 := counts(t, dbPath)
	if stmts1 == 0 {
		t.Errorf("no attributed statements stored: figures were not run in analyze")
	}
	if left, _ := filepath.Glob(filepath.Join(out, ".report-tmp-*")); len(left) > 0 {
		t.Errorf("temporary report directories left: %v", left)
	}

	res2, err := pipeline.Run(context.Background(), d.Config, dbPath, out, pipeline.Options{MinN: 2, Resamples: 100})
	if err != nil {
		t.Fatal(err)
	}
	if res2.Crawl.New != 0 || res2.Analyzed != 0 {
		t.Errorf("rerun: new %d, analyzed %d; want 0 and 0", res2.Crawl.New, res2.Analyzed)
	}
	docs2, scored2, stmts2 := counts(t, dbPath)
	if docs2 != docs1 || scored2 != scored1 || stmts2 != stmts1 {
		t.Errorf("rerun changed the counts: documents %d→%d, scores %d→%d, statements %d→%d",
			docs1, docs2, scored1, scored2, stmts1, stmts2)
	}
}

// TestRunPartialAndExitCodes: a source that fails completely makes the run
// partial (exit 3) while the others are stored and the report written; a
// config error exits 1; success exits 0.
func TestRunPartialAndExitCodes(t *testing.T) {
	d := smallDemo(t, 3)
	// A fourth source on a port where nothing listens.
	dead := strings.Replace(string(d.TOML), "[[city.figure]]", `[[city.source]]
  name = "Riverton Dead Weekly"
  feeds = ["http://127.0.0.1:1/rss.xml"]

  [[city.figure]]`, 1)
	cfgPath := writeConfig(t, []byte(dead))
	dir := t.TempDir()
	dbPath, out := filepath.Join(dir, "x.db"), filepath.Join(dir, "report")
	ctx := context.Background()

	var stdout, stderr bytes.Buffer
	code := cli.Run(ctx, []string{"run", "-config", cfgPath, "-db", dbPath, "-out", out, "-min-n", "2"}, nil, &stdout, &stderr)
	if code != cli.ExitPartial {
		t.Fatalf("exit %d, want %d (partial)\n%s", code, cli.ExitPartial, stderr.String())
	}
	if !strings.Contains(stderr.String(), "Riverton/Riverton Dead Weekly") {
		t.Errorf("the failed source is not named:\n%s", stderr.String())
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Errorf("partial run wrote no report: %v", err)
	}
	if docs, _, _ := counts(t, dbPath); docs != len(d.Corpus.Articles) {
		t.Errorf("partial run stored %d documents, want %d", docs, len(d.Corpus.Articles))
	}

	good := writeConfig(t, d.TOML)
	stdout.Reset()
	stderr.Reset()
	if code := cli.Run(ctx, []string{"run", "-config", good, "-db", dbPath, "-out", out, "-min-n", "2"}, nil, &stdout, &stderr); code != cli.ExitOK {
		t.Errorf("exit %d on a healthy run\n%s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "report: ") {
		t.Errorf("no summary on stdout:\n%s", stdout.String())
	}

	bad := writeConfig(t, []byte("[[city]]\nname = \"X\"\n[[city.source]]\nname = \"S\"\nkind = \"blog\"\nfeeds = [\"https://x.example/f\"]\n"))
	stderr.Reset()
	if code := cli.Run(ctx, []string{"run", "-config", bad, "-db", dbPath, "-out", out}, nil, &stdout, &stderr); code != cli.ExitError ||
		!strings.Contains(stderr.String(), "cities.toml:5") {
		t.Errorf("bad config: exit %d\n%s", code, stderr.String())
	}
	stderr.Reset()
	if code := cli.Run(ctx, []string{"run", "-db", dbPath, "-out", out}, nil, &stdout, &stderr); code != cli.ExitError ||
		!strings.Contains(stderr.String(), "-config is required") {
		t.Errorf("missing -config: exit %d\n%s", code, stderr.String())
	}
}

// TestRunLocked: a second run on the same database fails at once with a
// clear message while the first holds the lock.
func TestRunLocked(t *testing.T) {
	d := smallDemo(t, 2)
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "x.db")
	unlock, err := pipeline.Lock(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	var stdout, stderr bytes.Buffer
	start := time.Now()
	code := cli.Run(context.Background(), []string{"run", "-config", writeConfig(t, d.TOML), "-db", dbPath, "-out", filepath.Join(dir, "r")}, nil, &stdout, &stderr)
	if code != cli.ExitError || !strings.Contains(stderr.String(), "another xenoscope run is using this database") {
		t.Errorf("exit %d:\n%s", code, stderr.String())
	}
	if time.Since(start) > 5*time.Second {
		t.Errorf("the locked run waited %s instead of failing at once", time.Since(start))
	}
	if _, err := os.Stat(dbPath); err == nil {
		t.Errorf("the locked run created the database")
	}
}

// TestRunInterrupted cancels a run during the crawl: Run returns
// ErrInterrupted, starts no later stage, keeps the previous report, and a
// rerun completes with every article once.
func TestRunInterrupted(t *testing.T) {
	d := smallDemo(t, 8)
	dir := t.TempDir()
	dbPath, out := filepath.Join(dir, "x.db"), filepath.Join(dir, "report")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	old := []byte("previous report")
	os.WriteFile(filepath.Join(out, "index.html"), old, 0o644)

	ctx, cancel := context.WithCancel(context.Background())
	pages := 0
	opts := pipeline.Options{MinN: 2, Resamples: 100}
	opts.Crawl.AfterPage = func(string, string) {
		if pages++; pages == 20 {
			cancel()
		}
	}
	var stages []string
	opts.AfterStage = func(s string) { stages = append(stages, s) }
	_, err := pipeline.Run(ctx, d.Config, dbPath, out, opts)
	if !errors.Is(err, pipeline.ErrInterrupted) || !errors.Is(err, context.Canceled) {
		t.Fatalf("error %v, want ErrInterrupted and context.Canceled", err)
	}
	if len(stages) != 0 {
		t.Errorf("stages finished after the cancel: %v", stages)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "index.html")); !bytes.Equal(b, old) {
		t.Errorf("the previous report was replaced by an interrupted run")
	}
	res, err := pipeline.Run(context.Background(), d.Config, dbPath, out, pipeline.Options{MinN: 2, Resamples: 100})
	if err != nil {
		t.Fatal(err)
	}
	if docs, scored, _ := counts(t, dbPath); docs != len(d.Corpus.Articles) || scored != docs {
		t.Errorf("after the rerun: %d documents, %d scored; want %d each", docs, scored, len(d.Corpus.Articles))
	}
	if b, _ := os.ReadFile(res.ReportIndex); bytes.Equal(b, old) {
		t.Errorf("the rerun did not write the report")
	}
}

// TestRunConfigRequired: Run without a config can only skip the crawl.
func TestRunConfigRequired(t *testing.T) {
	if _, err := pipeline.Run(context.Background(), nil, filepath.Join(t.TempDir(), "x.db"), t.TempDir(), pipeline.Options{}); err == nil {
		t.Error("Run with no config and a crawl: no error")
	}
	var _ *config.Config
}

// TestDemoCommand runs `xenoscope demo` on a small corpus (-scale 0.1):
// it prints the path of index.html on stdout, labels the report synthetic,
// keeps the database and the crawled config in DIR, and reruns cleanly.
func TestDemoCommand(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "demo")
	for run := 1; run <= 2; run++ {
		var stdout, stderr bytes.Buffer
		code := cli.Run(context.Background(), []string{"demo", "-out", dir, "-scale", "0.1", "-min-n", "2"}, nil, &stdout, &stderr)
		if code != cli.ExitOK {
			t.Fatalf("run %d: exit %d\n%s", run, code, stderr.String())
		}
		index := strings.TrimSpace(stdout.String())
		if !filepath.IsAbs(index) || filepath.Base(index) != "index.html" {
			t.Fatalf("run %d: stdout %q is not the absolute path of index.html", run, index)
		}
		page, err := os.ReadFile(index)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(page, []byte("SYNTHETIC")) {
			t.Errorf("the demo report is not labelled synthetic")
		}
		if !strings.Contains(stderr.String(), demo.SyntheticNotice) {
			t.Errorf("the demo does not say on stderr that its data is synthetic")
		}
		for _, f := range []string{"xenoscope.db", "demo-config.toml", "indicators.csv"} {
			if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
				t.Errorf("run %d: %v", run, err)
			}
		}
	}
	// The demo's figures with statements are its cast (the invented
	// figures of demo/corpus/cities.json and each town's police officer),
	// exactly: no places, groups, journalists or misattributed names. At
	// scale 0.1 three unregistered cast members (Yusuf Haddad, Brian Kettle,
	// Deborah Quinn) are quoted in one document each, below figure_min_local
	// (2), and are not counted; the full demo lists all 27 (docs/figures.md).
	fdb, err := store.Open(context.Background(), filepath.Join(dir, "xenoscope.db"))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := fdb.FigureSummaries(context.Background(), store.FigureFilter{MinStatements: 1})
	fdb.Close()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows {
		got = append(got, r.City+"/"+r.Name)
	}
	sort.Strings(got)
	want := []string{"Lakeside/Carol Dunmore", "Lakeside/David Lindqvist", "Lakeside/Gary Holt", "Lakeside/Joanne Reid",
		"Lakeside/Maria Costa", "Lakeside/Michael Brennan", "Lakeside/Nigel Ashworth", "Lakeside/Priya Shah",
		"Lakeside/Samira Nasser", "Millbrook/Aisha Rahman", "Millbrook/Colin Marsh", "Millbrook/Derek Vance",
		"Millbrook/Ellen Porter", "Millbrook/Jonathan Pryce", "Millbrook/Owen Barlow", "Millbrook/Rick Dawson",
		"Millbrook/Ruth Adeyemi", "Riverton/Ana Ruiz", "Riverton/Grace Okafor", "Riverton/Helen Marsh", "Riverton/Laura Finch",
		"Riverton/Peter Adeyinka", "Riverton/Sandra Pike", "Riverton/Tom Baker"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("demo figures with statements:\n%s\nwant the cast:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	docs, scored, _ := counts(t, filepath.Join(dir, "xenoscope.db"))
	c, _ := demo.Generate(demo.CorpusOptions{Scale: 0.1})
	if docs != len(c.Articles) || scored != docs {
		t.Errorf("after two demo runs: %d documents, %d scored; the corpus has %d articles", docs, scored, len(c.Articles))
	}
}
