package cli

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/xenoscope/xenoscope/model"
	"github.com/xenoscope/xenoscope/store"
)

func init() {
	register("export", "write the stored documents as JSON lines or CSV", runExport)
}

// exportRow is one exported document; the field names are a public
// contract (issue 2).
type exportRow struct {
	ID        int64    `json:"id"`
	URL       string   `json:"url"`
	City      string   `json:"city"`
	Source    string   `json:"source"`
	Kind      string   `json:"kind"`
	Title     string   `json:"title"`
	Text      string   `json:"text"`
	Published string   `json:"published"`
	Authors   []string `json:"authors"`
	Language  string   `json:"language"`
	FetchedAt string   `json:"fetched_at"`
}

var exportColumns = []string{"id", "url", "city", "source", "kind", "title", "text", "published", "authors", "language", "fetched_at"}

func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func runExport(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "export", "-db xenoscope.db [-format jsonl|csv] [-city NAME] [-since 2026-01-01]")
	dbPath := fs.String("db", "", "the SQLite database (required)")
	format := fs.String("format", "jsonl", "jsonl (one JSON object per line) or csv")
	city := fs.String("city", "", "export only this city")
	since := fs.String("since", "", "only documents published on or after this date (YYYY-MM-DD or RFC 3339); undated documents by fetch time")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageErr("", "export takes no arguments, got %q", fs.Args())
	}
	if *dbPath == "" {
		return usageErr("example: xenoscope export -db xenoscope.db -format csv > documents.csv", "export needs -db")
	}
	if *format != "jsonl" && *format != "csv" {
		return usageErr("use -format jsonl or -format csv", "unknown format %q", *format)
	}
	var f store.DocumentFilter
	f.City = *city
	if *since != "" {
		t, err := time.Parse("2006-01-02", *since)
		if err != nil {
			if t, err = time.Parse(time.RFC3339, *since); err != nil {
				return usageErr("write it like 2026-01-01", "-since %q is not a date", *since)
			}
		}
		f.Since = t
	}
	db, err := openExisting(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	if *city != "" {
		cities, err := db.Cities(ctx)
		if err != nil {
			return err
		}
		found := false
		for _, c := range cities {
			found = found || c == *city
		}
		if !found {
			return usageErr("cities in the database: "+strings.Join(cities, ", "), "unknown city %q", *city)
		}
	}
	w := bufio.NewWriterSize(env.Stdout, 64<<10)
	var write func(d *model.Document) error
	switch *format {
	case "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		write = func(d *model.Document) error {
			authors := d.Authors
			if authors == nil {
				authors = []string{}
			}
			return enc.Encode(exportRow{ID: d.ID, URL: d.URL, City: d.City, Source: d.Source, Kind: d.Kind,
				Title: d.Title, Text: d.Text, Published: rfc3339(d.Published), Authors: authors,
				Language: d.Language, FetchedAt: rfc3339(d.FetchedAt)})
		}
	case "csv":
		cw := csv.NewWriter(w)
		if err := cw.Write(exportColumns); err != nil {
			return err
		}
		write = func(d *model.Document) error {
			err := cw.Write([]string{strconv.FormatInt(d.ID, 10), d.URL, d.City, d.Source, d.Kind, d.Title, d.Text,
				rfc3339(d.Published), strings.Join(d.Authors, "; "), d.Language, rfc3339(d.FetchedAt)})
			cw.Flush() // into the bufio writer; keeps memory constant
			if err == nil {
				err = cw.Error()
			}
			return err
		}
	}
	n := 0
	err = db.EachDocument(ctx, f, func(d *model.Document) error {
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
