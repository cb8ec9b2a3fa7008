package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xenoscope/xenoscope/internal/csvcell"
	"github.com/xenoscope/xenoscope/store"
)

func init() {
	register("export", "write the stored documents as JSON lines or CSV", runExport)
}

// The exported columns (CSV) and keys (JSON), in order: the document, its
// month (the indicators' month: published, else fetched), then its
// doc_scores row: model version, scored_at and every score by name
// (store.DocScoreNames). Unscored documents have empty cells (CSV) and
// nulls (JSON). The names are a public contract.
var exportColumns = append([]string{"id", "url", "city", "source", "kind", "title", "text", "published", "authors",
	"language", "fetched_at", "month", "month_from_fetch", "model", "scored_at"}, store.DocScoreNames...)

func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// safeCell neutralises a CSV text cell a spreadsheet would run as a formula
// (csvcell.Safe).
func safeCell(s string) string { return csvcell.Safe(s) }

func runExport(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "export", "-db xenoscope.db [-format jsonl|csv] [-city NAME ...] [-since 2026-01-01]")
	dbPath := dbFlag(fs, false)
	format := newFormat(fs, false, "jsonl", "csv")
	var cities stringList
	cityFlag(fs, &cities, "default: every city")
	since := fs.String("since", "", "only documents published on or after this date (YYYY-MM-DD or RFC 3339); undated documents by fetch time")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if *dbPath == "" {
		return usageErr("example: xenoscope export -db xenoscope.db -format csv > documents.csv", "export needs -db")
	}
	f := store.DocumentFilter{Cities: cities}
	if *since != "" {
		t, err := time.Parse("2006-01-02", *since)
		if err != nil {
			if t, err = time.Parse(time.RFC3339, *since); err != nil {
				return usageErr("write it like 2026-01-01", "-since %q is not a date", *since)
			}
		}
		f.Since = t
	}
	db, err := openForCities(ctx, *dbPath, cities)
	if err != nil {
		return err
	}
	defer db.Close()
	w := bufio.NewWriterSize(env.Stdout, 64<<10)
	var write func(d *store.ScoredDocument) error
	switch format.value {
	case "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		// An ordered object: encoding/json would sort a map's keys.
		var buf bytes.Buffer
		write = func(d *store.ScoredDocument) error {
			buf.Reset()
			for i, v := range exportValues(d) {
				if i > 0 {
					buf.WriteByte(',')
				}
				k, _ := json.Marshal(exportColumns[i])
				buf.Write(k)
				buf.WriteByte(':')
				b, err := json.Marshal(v)
				if err != nil {
					return err
				}
				buf.Write(b)
			}
			return enc.Encode(json.RawMessage("{" + buf.String() + "}"))
		}
	case "csv":
		cw := csv.NewWriter(w)
		if err := cw.Write(exportColumns); err != nil {
			return err
		}
		write = func(d *store.ScoredDocument) error {
			vals := exportValues(d)
			rec := make([]string, len(vals))
			for i, v := range vals {
				switch x := v.(type) {
				case nil:
				case string:
					rec[i] = safeCell(x)
				case []string:
					rec[i] = safeCell(strings.Join(x, "; "))
				case float64:
					rec[i] = strconv.FormatFloat(x, 'f', -1, 64)
				default:
					rec[i] = fmt.Sprint(x)
				}
			}
			err := cw.Write(rec)
			cw.Flush() // into the bufio writer; keeps memory constant
			if err == nil {
				err = cw.Error()
			}
			return err
		}
	}
	n := 0
	err = db.EachScoredDocument(ctx, f, func(d *store.ScoredDocument) error {
		n++
		return write(d)
	})
	if ferr := w.Flush(); err == nil && ferr != nil {
		err = ferr
	}
	if err != nil {
		return fmt.Errorf("export after %d documents: %w", n, err)
	}
	return nil
}

// exportValues returns d's values in exportColumns order: strings, numbers,
// a []string for authors, nil for what is missing.
func exportValues(d *store.ScoredDocument) []any {
	authors := d.Authors
	if authors == nil {
		authors = []string{}
	}
	month, fallback := d.Month()
	out := []any{d.ID, d.URL, d.City, d.Source, d.Kind, d.Title, d.Text, rfc3339(d.Published), authors,
		d.Language, rfc3339(d.FetchedAt), month, fallback, nil, nil}
	if d.Model != "" {
		out[13], out[14] = d.Model, d.ScoredAt
	}
	for i := range store.DocScoreNames {
		if d.Scores == nil || math.IsNaN(d.Scores[i]) {
			out = append(out, nil)
		} else {
			out = append(out, d.Scores[i])
		}
	}
	return out
}
