package cli

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xenoscope/xenoscope/config"
	"github.com/xenoscope/xenoscope/store"
	"github.com/xenoscope/xenoscope/store/storetest"
)

// Whose figure is it, end to end: the registered mayor and a councillor
// quoted in three local stories are counted; a secretary of state quoted in
// a wire story is "also quoted" (figures -also, the report's own section)
// and never counted; -registered-only counts the registry alone in figures,
// indicators and report (issue 12).
func TestWhoseFigureEndToEnd(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "leeds.toml")
	if err := os.WriteFile(cfgPath, []byte(`[[city]]
name = "Leeds"

  [[city.source]]
  name = "Leeds Post"
  seeds = ["https://post.test/"]

  [[city.figure]]
  name = "Jane Doe"
  role = "Mayor"
`), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	fx := storetest.New(t)
	fx.Cities(cfg.Specs()...)
	local := []string{
		"Leeds welcomed twelve refugee families from Sudan this week.\n\n\u201cRefugees are welcome in Leeds, and I am proud of every neighbour who opened their door to them,\u201d said Mayor Jane Doe.\n\n\u201cRacism has no place in Leeds, and we will stand with every family that has been targeted,\u201d said Councillor Bob Roe.",
		"Volunteers in Leeds collected winter coats for asylum seekers at the Harehills hotel.\n\n\u201cThese are families who fled bombs and persecution; they deserve our compassion, not our suspicion,\u201d Councillor Bob Roe said.\n\n\u201cWelcoming refugees is not charity, it is who we are,\u201d Mayor Jane Doe told the crowd.",
		"A Leeds mosque opened its doors to neighbours after racist graffiti appeared on its wall.\n\n\u201cWe will not let a handful of people who spread hatred against migrants define what kind of city this is,\u201d said Councillor Bob Roe.",
	}
	pub := time.Date(2026, 10, 5, 0, 0, 0, 0, time.UTC)
	for i, text := range local {
		fx.Doc(storetest.Doc{City: "Leeds", Source: "Leeds Post", URL: "https://post.test/" + string(rune('a'+i)), Text: text, Published: pub.AddDate(0, 0, i)})
	}
	fx.Doc(storetest.Doc{City: "Leeds", Source: "Leeds Post", URL: "https://post.test/wire", Published: pub.AddDate(0, 0, 5),
		Text: "WASHINGTON (AP) \u2014 The United States will take in more refugees who fled persecution, the State Department said on Friday.\n\n\u201cWe welcome refugees who fled persecution, and migrants make our country stronger,\u201d said Secretary of State Mike Pompeo."})
	dbPath := fx.Path
	fx.Close()
	if code, out, errOut := runFiguresCLI(t, "", "analyze", "-config", cfgPath, "-db", dbPath); code != ExitOK {
		t.Fatalf("analyze: exit %d\n%s%s", code, out, errOut)
	}
	figs := func(args ...string) map[string]store.FigureSummary {
		t.Helper()
		code, out, errOut := runFiguresCLI(t, "", append([]string{"figures", "-db", dbPath, "-format", "json"}, args...)...)
		if code != ExitOK {
			t.Fatalf("figures %v: exit %d: %s", args, code, errOut)
		}
		var rows []store.FigureSummary
		if err := json.Unmarshal([]byte(out), &rows); err != nil {
			t.Fatalf("%v: %s", err, out)
		}
		m := map[string]store.FigureSummary{}
		for _, r := range rows {
			m[r.Name] = r
		}
		return m
	}
	counted := figs()
	if counted["Jane Doe"].Statements != 2 || counted["Bob Roe"].Statements != 3 || len(counted) != 2 {
		t.Errorf("counted figures %+v, want Jane Doe (2 statements) and Bob Roe (3)", counted)
	}
	if also := figs("-also"); also["Mike Pompeo"].Statements != 1 || len(also) != 1 {
		t.Errorf("figures -also %+v, want Mike Pompeo only", also)
	}
	if reg := figs("-registered-only"); len(reg) != 1 || reg["Jane Doe"].Statements != 2 {
		t.Errorf("figures -registered-only %+v, want Jane Doe only", reg)
	}
	addressing := func(args ...string) string {
		t.Helper()
		code, out, errOut := runFiguresCLI(t, "", append([]string{"indicators", "-db", dbPath, "-from", "2026-10", "-to", "2026-10", "-format", "csv"}, args...)...)
		if code != ExitOK {
			t.Fatalf("indicators %v: exit %d: %s", args, code, errOut)
		}
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range recs {
			if r[2] == "figures_addressing_xenophobia" {
				return r[3]
			}
		}
		t.Fatalf("no figures_addressing_xenophobia in\n%s", out)
		return ""
	}
	if all, reg := addressing(), addressing("-registered-only"); all != "2" || reg != "1" {
		t.Errorf("figures addressing xenophobia: %s, with -registered-only %s; want 2 and 1 (Pompeo is never counted)", all, reg)
	}
	report := func(args ...string) (page, figuresCSV string) {
		t.Helper()
		out := filepath.Join(t.TempDir(), "report")
		code, _, errOut := runFiguresCLI(t, "", append([]string{"report", "-db", dbPath, "-out", out, "-resamples", "50"}, args...)...)
		if code != ExitOK {
			t.Fatalf("report %v: exit %d: %s", args, code, errOut)
		}
		p, _ := os.ReadFile(filepath.Join(out, "index.html"))
		f, _ := os.ReadFile(filepath.Join(out, "figures.csv"))
		return string(p), string(f)
	}
	page, fcsv := report()
	also := page[strings.Index(page, `id="also-quoted"`):]
	if !strings.Contains(also, "Mike Pompeo") || strings.Contains(also, "Bob Roe") || strings.Contains(fcsv, "Pompeo") || !strings.Contains(fcsv, "Bob Roe") {
		t.Errorf("report: Pompeo must be shown apart and not counted, Bob Roe counted\nfigures.csv:\n%s", fcsv)
	}
	page, fcsv = report("-registered-only")
	also = page[strings.Index(page, `id="also-quoted"`):]
	if !strings.Contains(also, "Bob Roe") || strings.Contains(fcsv, "Bob Roe") || !strings.Contains(fcsv, "Jane Doe") {
		t.Errorf("report -registered-only: Bob Roe must move to also quoted\nfigures.csv:\n%s", fcsv)
	}
}
