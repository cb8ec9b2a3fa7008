package store

// Cities: names, what the database holds for each, and renaming (for
// `xenoscope cities` and every command that checks a -city).

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// ErrExists means a name is already taken.
var ErrExists = errors.New("already exists")

// CityNames returns every city name, sorted.
func (db *DB) CityNames(ctx context.Context) ([]string, error) {
	rows, err := db.R.QueryContext(ctx, `SELECT name FROM cities ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("city names: %w", Classify(err))
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, fmt.Errorf("city names: %w", Classify(err))
		}
		out = append(out, n)
	}
	return out, Classify(rows.Err())
}

// CitySummary is what the database holds for one city.
type CitySummary struct {
	Name      string `json:"city"`
	Country   string `json:"country"`
	Sources   int    `json:"sources"`
	Documents int    `json:"documents"`
	Figures   int    `json:"figures"`
	// FirstFetched and LastFetched bound the city's documents' collection
	// times ("" without documents).
	FirstFetched string `json:"first_fetched"`
	LastFetched  string `json:"last_fetched"`
}

// CitySummaries returns every city with its counts, by name.
func (db *DB) CitySummaries(ctx context.Context) ([]CitySummary, error) {
	rows, err := db.R.QueryContext(ctx, `
		SELECT c.name, c.country,
		       (SELECT count(*) FROM sources s WHERE s.city_id = c.id),
		       (SELECT count(*) FROM documents d JOIN sources s ON s.id = d.source_id WHERE s.city_id = c.id),
		       (SELECT count(*) FROM figures f WHERE f.city_id = c.id),
		       coalesce((SELECT min(d.fetched_at) FROM documents d JOIN sources s ON s.id = d.source_id WHERE s.city_id = c.id), ''),
		       coalesce((SELECT max(d.fetched_at) FROM documents d JOIN sources s ON s.id = d.source_id WHERE s.city_id = c.id), '')
		FROM cities c ORDER BY c.name`)
	if err != nil {
		return nil, fmt.Errorf("cities: %w", Classify(err))
	}
	defer rows.Close()
	var out []CitySummary
	for rows.Next() {
		var c CitySummary
		if err := rows.Scan(&c.Name, &c.Country, &c.Sources, &c.Documents, &c.Figures, &c.FirstFetched, &c.LastFetched); err != nil {
			return nil, fmt.Errorf("cities: %w", Classify(err))
		}
		out = append(out, c)
	}
	return out, Classify(rows.Err())
}

// RenameCity renames a city, keeping its sources, documents, scores and
// figures. It fails with ErrNotFound when old does not exist and ErrExists
// when new does (two cities are not merged silently).
func (db *DB) RenameCity(ctx context.Context, old, new string) error {
	new = strings.TrimSpace(new)
	if new == "" {
		return errors.New("rename city: the new name is empty")
	}
	return db.Tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM cities WHERE name = ?`, new).Scan(&n); err != nil {
			return fmt.Errorf("rename city: %w", err)
		}
		if n > 0 && new != old {
			return fmt.Errorf("rename city %q: %q %w", old, new, ErrExists)
		}
		r, err := tx.ExecContext(ctx, `UPDATE cities SET name = ? WHERE name = ?`, new, old)
		if err != nil {
			return fmt.Errorf("rename city %q: %w", old, err)
		}
		if k, _ := r.RowsAffected(); k == 0 {
			return fmt.Errorf("rename city %q: %w", old, ErrNotFound)
		}
		// The -city filter recorded with past crawl runs.
		if _, err := tx.ExecContext(ctx, `UPDATE crawl_runs SET city = ? WHERE city = ?`, new, old); err != nil {
			return fmt.Errorf("rename city %q: crawl runs: %w", old, err)
		}
		return nil
	})
}
