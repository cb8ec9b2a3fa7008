package cli

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xenoscope/xenoscope/config"
	"github.com/xenoscope/xenoscope/figures"
	"github.com/xenoscope/xenoscope/model"
	"github.com/xenoscope/xenoscope/store"
	"github.com/xenoscope/xenoscope/store/storetest"
)

func runFiguresCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var o, e bytes.Buffer
	code := Run(context.Background(), args, strings.NewReader(stdin), &o, &e)
	return code, o.String(), e.String()
}

func TestFiguresCommand(t *testing.T) {
	ctx := context.Background()
	fx := storetest.New(t)
	p, db := fx.Path, fx.DB
	cfg := &config.Config{Cities: []config.City{{Name: "Leeds", Sources: []config.Source{{Name: "post", Kind: "news"}},
		Figures: []config.Figure{{Name: "Jane Doe", Role: "Mayor"}}}}}
	fx.Cities(cfg.Specs()...)
	text := "Mayor Jane Doe said refugees are welcome in Leeds.\n\n\"We will not let hate divide us,\" she said. Her rival Bob Roe disagreed.\n\n\"They take our jobs,\" Roe told reporters."
	pub := time.Date(2026, 10, 5, 0, 0, 0, 0, time.UTC)
	docID := fx.Doc(storetest.Doc{City: "Leeds", Source: "post", URL: "https://news.test/a", Text: text, Published: pub}).ID
	f, err := figures.NewFinderFromConfig(cfg)
	if err != nil {
		t.Fatal(err)
	}
	doc := model.Document{ID: docID, URL: "https://news.test/a", City: "Leeds", Kind: "news", Text: text, Published: pub}
	ms, qs := f.Find(text, model.TextContext{City: "Leeds", Kind: "news"})
	for i := range qs { // stand-in for analyze's classifier scores
		if qs[i].Speaker == "Jane Doe" {
			qs[i].CounterSpeech = 0.8
		} else {
			qs[i].AntiMigrant = 0.7
		}
	}
	if err := db.Tx(ctx, func(tx *sql.Tx) error { return store.SaveDocFigures(ctx, tx, doc, ms, qs, f.Version()) }); err != nil {
		t.Fatal(err)
	}
	db.Close()

	code, out, errOut := runFiguresCLI(t, "", "figures", "-db", p, "-format", "json", "-month", "2026-10")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rows []store.FigureSummary
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	byName := map[string]store.FigureSummary{}
	for _, r := range rows {
		byName[r.Name] = r
	}
	if d := byName["Jane Doe"]; !d.Registered || d.Counter != 2 || d.TopURL != "https://news.test/a" {
		t.Errorf("Jane Doe = %+v (want 2 counter statements: indirect + pronoun-resolved direct)", d)
	}
	// Bob Roe is quoted in one local document only (figure_min_local is
	// 2): quoted, but not counted as Leeds's figure.
	if r, ok := byName["Bob Roe"]; ok {
		t.Errorf("Bob Roe counted as a figure of Leeds: %+v", r)
	}
	code, out, _ = runFiguresCLI(t, "", "figures", "-db", p, "-format", "json", "-also")
	rows = nil
	if err := json.Unmarshal([]byte(out), &rows); code != 0 || err != nil || len(rows) != 1 || rows[0].Name != "Bob Roe" || rows[0].Anti != 1 || rows[0].Scope != "elsewhere" {
		t.Errorf("-also: exit %d, %v, %s", code, err, out)
	}
	code, out, _ = runFiguresCLI(t, "", "figures", "-db", p, "-format", "csv", "-registered-only")
	if code != 0 || !strings.Contains(out, "Jane Doe") || strings.Contains(out, "Bob Roe") {
		t.Errorf("-registered-only: exit %d\n%s", code, out)
	}
	code, out, _ = runFiguresCLI(t, "", "figures", "-db", p, "-month", "2026-09")
	if code != 0 || !strings.Contains(out, "no figures") {
		t.Errorf("empty month: exit %d, %q", code, out)
	}
	code, out, _ = runFiguresCLI(t, "", "figures", "-db", p, "-format", "csv", "-candidates", "-min-mentions", "1")
	if code != 0 || !strings.Contains(out, "Bob Roe") || strings.Contains(out, "Jane Doe") {
		t.Errorf("candidates csv: exit %d\n%s", code, out)
	}
	code, out, _ = runFiguresCLI(t, "", "figures", "-db", p)
	if code != 0 || !strings.Contains(out, "Jane Doe") || !strings.Contains(out, "counter_speech") {
		t.Errorf("table: exit %d\n%s", code, out)
	}
}

func TestFiguresCommandErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"figures"}, "needs -db"},
		{[]string{"figures", "-db", "x.db", "-month", "2026-13"}, "not a month"},
		{[]string{"figures", "-db", "x.db", "-format", "xml"}, "unknown format"},
		{[]string{"figures", "-db", filepath.Join(t.TempDir(), "missing.db")}, "does not exist"},
		{[]string{"figures", "-find"}, "no text"},
	} {
		code, _, errOut := runFiguresCLI(t, "", c.args...)
		if code != ExitError || !strings.Contains(errOut, c.want) || !strings.Contains(errOut, "hint:") {
			t.Errorf("%v: exit %d, stderr %q; want %q with a hint", c.args, code, errOut, c.want)
		}
	}
}

func TestFiguresFind(t *testing.T) {
	code, out, errOut := runFiguresCLI(t, `"Hate has no home here," Mayor Ann Lee said.`, "figures", "-find")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, `"speaker": "Ann Lee"`) {
		t.Errorf("find output:\n%s", out)
	}
}
