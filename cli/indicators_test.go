package cli

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xenoscope/xenoscope/store"
)

// indicatorsTestDB writes a small database: 2 cities, 2 months, 25 scored
// documents per city-month (Bonn 2026-02 has 5), every 5th without a date.
func indicatorsTestDB(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ind.db")
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Tx(ctx, func(tx *sql.Tx) error {
		n := 0
		for ci, city := range []string{"Aachen", "Bonn"} {
			if _, err := tx.Exec(`INSERT INTO cities(id, name) VALUES (?, ?)`, ci+1, city); err != nil {
				return err
			}
			if _, err := tx.Exec(`INSERT INTO sources(id, city_id, name, kind) VALUES (?, ?, 'paper', 'news')`, ci+1, ci+1); err != nil {
				return err
			}
			for _, month := range []string{"2026-01", "2026-02"} {
				docs := 25
				if city == "Bonn" && month == "2026-02" {
					docs = 5
				}
				for i := 0; i < docs; i++ {
					n++
					pub := fmt.Sprintf("%s-%02dT10:00:00Z", month, 1+i)
					if i%5 == 0 {
						pub = ""
					}
					title := fmt.Sprintf("story %d", n)
					if n == 1 {
						title = "<script>alert(1)</script>"
					}
					if _, err := tx.Exec(`INSERT INTO documents(id, url, source_id, title, text, published, fetched_at, content_hash, words) VALUES (?,?,?,?,?,?,?,?,100)`,
						n, fmt.Sprintf("https://x.example/%d", n), ci+1, title, "Some text here.", pub, month+"-28T00:00:00Z", fmt.Sprint(n)); err != nil {
						return err
					}
					mig := float64(i%4) / 3 // 0, .33, .67, 1
					if _, err := tx.Exec(`INSERT INTO doc_scores(document_id, model, migration, anti_migrant, counter_speech, stance, populism, populist_sentences, tone, hate_crime_report, words, populism_matches, sentences, populist_sentence_n, migration_sentences, migration_tone_sum, scored_at) VALUES (?, 'm', ?, ?, 0.2, 0.1, 0, 0, 0, 0, 100, ?, 5, 1, 1, -0.5, '2026-03-01T00:00:00Z')`,
						n, mig, float64(i%2), i%3); err != nil {
						return err
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return path
}

func runIndicatorsCLI(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestIndicatorsCommand(t *testing.T) {
	t.Parallel()
	db := indicatorsTestDB(t)
	// The default range: from the first month with documents (less than
	// 24 months back) to the last, February 2026, which holds the latest
	// fetch: partial.
	code, out, stderr := runIndicatorsCLI("indicators", "-db", db)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != "city,month,indicator,value,ci_low,ci_high,n,insufficient,partial" {
		t.Errorf("header %v", rows[0])
	}
	if len(rows) != 1+2*2*15 || rows[1][1] != "2026-01" || rows[len(rows)-1][1] != "2026-02" || rows[len(rows)-1][8] != "true" {
		t.Errorf("%d rows, months %s..%s, last partial %s", len(rows), rows[1][1], rows[len(rows)-1][1], rows[len(rows)-1][8])
	}
	if !strings.Contains(stderr, "(2026-01 to 2026-02)") {
		t.Errorf("stderr does not say the range: %s", stderr)
	}
	code, out, stderr = runIndicatorsCLI("indicators", "-db", db, "-from", "2025-12")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if rows, err = csv.NewReader(strings.NewReader(out)).ReadAll(); err != nil || len(rows) != 1+2*3*15 {
		t.Fatalf("-from 2025-12: %d rows, %v", len(rows), err)
	}
	found := false
	for _, r := range rows {
		if r[0] == "Aachen" && r[1] == "2026-01" && r[2] == "migration_salience" {
			found = true
			// i%4 in {2,3} has migration >= 0.5: 12 of 25 documents.
			if r[3] != "0.48" || r[6] != "25" {
				t.Errorf("salience row %v, want value 0.48 n 25", r)
			}
		}
	}
	if !found {
		t.Error("no Aachen 2026-01 migration_salience row")
	}
	if !strings.Contains(stderr, "16 dated by fetch time") {
		t.Errorf("stderr does not report the fallback count: %s", stderr)
	}

	code, out, stderr = runIndicatorsCLI("indicators", "-db", db, "-format", "json", "-city", "Bonn", "-from", "2026-02")
	if code != 0 {
		t.Fatalf("json exit %d: %s", code, stderr)
	}
	var res struct {
		Values []struct {
			City, Month, Indicator string
			Value                  *float64
			N                      int
			Insufficient           bool
		}
		Fallback int
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Values) != 15 || res.Fallback != 1 {
		t.Errorf("json: %d values, fallback %d", len(res.Values), res.Fallback)
	}
	for _, v := range res.Values {
		if !v.Insufficient || v.City != "Bonn" {
			t.Errorf("Bonn 2026-02 (5 documents) must be insufficient: %+v", v)
		}
	}

	code, out, _ = runIndicatorsCLI("indicators", "-db", db, "-format", "table", "-min-n", "5")
	if code != 0 || !strings.Contains(out, "migration_salience") || !strings.Contains(out, "insufficient: n < 5") ||
		!strings.Contains(out, "active sources") {
		t.Errorf("table exit %d:\n%s", code, out)
	}
}

func TestIndicatorsCommandErrors(t *testing.T) {
	t.Parallel()
	db := indicatorsTestDB(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"indicators"}, "needs -db"},
		{[]string{"indicators", "-db", filepath.Join(t.TempDir(), "missing.db")}, "does not exist"},
		{[]string{"indicators", "-db", db, "-format", "xml"}, "unknown format"},
		{[]string{"indicators", "-db", db, "-from", "2026-13"}, "not YYYY-MM"},
		{[]string{"indicators", "-db", db, "-from", "2026-03", "-to", "2026-01"}, "is after"},
		{[]string{"indicators", "-db", db, "-city", "Atlantis"}, `unknown city "Atlantis"`},
		{[]string{"indicators", "-db", db, "-min-n", "0"}, "-min-n"},
		{[]string{"report", "-db", db}, "needs -db and -out"},
		{[]string{"report", "-db", db, "-out", t.TempDir(), "-from", "2030-01"}, "after the last month with documents"},
		{[]string{"report", "-db", db, "-out", t.TempDir(), "-from", "2030-01", "-to", "2030-02"}, "no documents"},
	} {
		code, _, stderr := runIndicatorsCLI(c.args...)
		if code != ExitError || !strings.Contains(stderr, c.want) || !strings.Contains(stderr, "hint:") {
			t.Errorf("%v: exit %d, stderr %q, want %q and a hint", c.args, code, stderr, c.want)
		}
	}
	if _, err := os.Stat(filepath.Join(t.TempDir(), "missing.db")); err == nil {
		t.Error("a missing database was created")
	}
}

func TestReportCommand(t *testing.T) {
	t.Parallel()
	db := indicatorsTestDB(t)
	out := filepath.Join(t.TempDir(), "rep")
	code, stdout, stderr := runIndicatorsCLI("report", "-db", db, "-out", out, "-resamples", "100", "-synthetic")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.TrimSpace(stdout) != filepath.Join(out, "index.html") {
		t.Errorf("stdout %q, want the path of index.html", stdout)
	}
	page, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "SYNTHETIC SAMPLE DATA") {
		t.Error("-synthetic did not label the report")
	}
	for _, f := range []string{"indicators.csv", "figures.csv", "coverage.csv", "charts/populism_aachen.svg", "charts/documents_cities.png"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Error(err)
		}
	}
}
