// Package store keeps everything xenoscope collects and computes in one
// SQLite file (github.com/mattn/go-sqlite3). All SQL lives in this package.
//
// The database runs in WAL mode with a busy timeout and foreign keys on.
// There is one writer connection (transactions begin IMMEDIATE) and a
// separate pool of read-only connections, so a crawl can write while export,
// indicators or report read, without "database is locked".
//
// Schema changes are numbered, embedded migrations (migrations/NNNN_*.sql),
// applied in order on Open inside one transaction each. The applied version
// is PRAGMA user_version; a file from a newer xenoscope is refused with
// ErrNewerSchema, a SQLite file of another program with ErrForeign.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"sort"
	"strconv"
	"strings"

	sqlite3 "github.com/mattn/go-sqlite3"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// applicationID marks a SQLite file as xenoscope's ("XENO").
const applicationID = 0x58454e4f

// Sentinel errors callers test with errors.Is.
var (
	ErrNewerSchema = errors.New("database was written by a newer xenoscope (schema version too new)")
	ErrForeign     = errors.New("file is an SQLite database of another program, not a xenoscope database")
	ErrNotDatabase = errors.New("file is not an SQLite database, or it is corrupt")
	ErrNotFound    = errors.New("not found")
	ErrDiskFull    = errors.New("disk full")
	// ErrOldSchema: a read-only open found a database of an older
	// xenoscope that it may not upgrade (the file is read-only).
	ErrOldSchema = errors.New("database was written by an older xenoscope and must be upgraded by a writing command")
	// ErrReadOnly: a write to a database opened read-only, or whose file
	// or directory is read-only.
	ErrReadOnly = errors.New("database is read-only")
	// ErrEmptyFile: the file exists but is empty (0 bytes): not a database
	// (a mistyped path, or a file truncated by a failure).
	ErrEmptyFile = errors.New("file is empty, not a xenoscope database")
)

// DB is an open xenoscope database.
type DB struct {
	Path string
	// W is the single writer connection. Use Tx for writes.
	W *sql.DB
	// R is the read-only pool.
	R *sql.DB
}

type migration struct {
	version int
	name    string
	sql     string
}

func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		if !ok {
			return nil, fmt.Errorf("migration %s: name must be NNNN_name.sql", e.Name())
		}
		v, err := strconv.Atoi(num)
		if err != nil {
			return nil, fmt.Errorf("migration %s: %w", e.Name(), err)
		}
		b, err := migrationFS.ReadFile(path.Join("migrations", e.Name()))
		if err != nil {
			return nil, err
		}
		ms = append(ms, migration{v, e.Name(), string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migrations are not numbered 1..n: %s", m.name)
		}
	}
	return ms, nil
}

// SchemaVersion is the schema version this build writes.
func SchemaVersion() int {
	ms, err := migrations()
	if err != nil {
		panic(err)
	}
	return len(ms)
}

func dsn(p string, readOnly bool) string {
	q := url.Values{}
	q.Set("_busy_timeout", "15000")
	q.Set("_foreign_keys", "on")
	q.Set("_synchronous", "NORMAL")
	if readOnly {
		q.Set("mode", "ro")
		q.Set("_query_only", "true")
	} else {
		// journal_mode=WAL is set in migrate, after the file is known to be
		// ours: setting it in the DSN would rewrite a foreign file's header.
		q.Set("_txlock", "immediate")
	}
	return "file:" + (&url.URL{Path: p}).EscapedPath() + "?" + q.Encode()
}

// Open opens (creating if needed) the database at path and migrates it.
func Open(ctx context.Context, p string) (*DB, error) {
	if p == "" {
		return nil, errors.New("open database: no path given")
	}
	if st, err := os.Stat(p); err == nil && st.IsDir() {
		return nil, fmt.Errorf("open database %s: is a directory", p)
	}
	w, err := sql.Open("sqlite3", dsn(p, false))
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", p, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	db := &DB{Path: p, W: w}
	if err := db.migrate(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("open database %s: %w", p, err)
	}
	r, err := sql.Open("sqlite3", dsn(p, true))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("open database %s: %w", p, err)
	}
	r.SetMaxOpenConns(8)
	db.R = r
	return db, nil
}

// OpenReadOnly opens an existing database for reading only: it never
// creates, migrates or otherwise writes the file, so a reading command works
// on a read-only file and cannot turn an empty or mistyped file into a
// database. A missing file is os.ErrNotExist, an empty one ErrEmptyFile,
// another program's ErrForeign, a newer schema ErrNewerSchema. A database of
// an older xenoscope is upgraded first when the file can be written (as any
// command would), else ErrOldSchema. Writes through the returned DB fail.
func OpenReadOnly(ctx context.Context, p string) (*DB, error) {
	if p == "" {
		return nil, errors.New("open database: no path given")
	}
	st, err := os.Stat(p)
	switch {
	case err != nil:
		return nil, fmt.Errorf("open database %s: %w", p, err)
	case st.IsDir():
		return nil, fmt.Errorf("open database %s: is a directory", p)
	case st.Size() == 0:
		return nil, fmt.Errorf("open database %s: %w", p, ErrEmptyFile)
	}
	ms, err := migrations()
	if err != nil {
		return nil, err
	}
	r, err := sql.Open("sqlite3", dsn(p, true))
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", p, err)
	}
	r.SetMaxOpenConns(8)
	var appID, version int
	err = r.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID)
	if errors.Is(Classify(err), ErrReadOnly) {
		// A WAL database needs its -shm file; in a read-only directory
		// without one SQLite cannot even read. The file cannot change under
		// us there (no one can write its WAL), so it is read as immutable.
		r.Close()
		if r, err = sql.Open("sqlite3", dsn(p, true)+"&immutable=1"); err != nil {
			return nil, fmt.Errorf("open database %s: %w", p, err)
		}
		r.SetMaxOpenConns(8)
		err = r.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID)
	}
	if err == nil {
		err = r.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version)
	}
	if err == nil && appID != applicationID {
		err = ErrForeign
	}
	if err == nil && version > len(ms) {
		err = fmt.Errorf("%w: file has version %d, this build knows %d; upgrade xenoscope", ErrNewerSchema, version, len(ms))
	}
	if err != nil {
		r.Close()
		return nil, fmt.Errorf("open database %s: %w", p, Classify(err))
	}
	if version < len(ms) {
		r.Close()
		db, err := Open(ctx, p)
		if err != nil {
			if errors.Is(err, ErrReadOnly) {
				return nil, fmt.Errorf("open database %s: %w (version %d, this build writes %d)", p, ErrOldSchema, version, len(ms))
			}
			return nil, err
		}
		return db, nil
	}
	// Writes fail ("attempt to write a readonly database") instead of
	// reaching a nil writer.
	return &DB{Path: p, W: r, R: r}, nil
}

// Close closes both pools.
func (db *DB) Close() error {
	var errs []error
	if db.R != nil {
		errs = append(errs, db.R.Close())
	}
	if db.W != nil && db.W != db.R {
		errs = append(errs, db.W.Close())
	}
	return errors.Join(errs...)
}

// Classify maps driver errors to the package's sentinel errors, keeping the
// original error in the chain.
func Classify(err error) error {
	if err == nil {
		return nil
	}
	var se sqlite3.Error
	if errors.As(err, &se) {
		switch se.Code {
		case sqlite3.ErrNotADB, sqlite3.ErrCorrupt:
			return fmt.Errorf("%w: %v", ErrNotDatabase, err)
		case sqlite3.ErrFull:
			return fmt.Errorf("%w: %v", ErrDiskFull, err)
		case sqlite3.ErrReadonly:
			return fmt.Errorf("%w: %v", ErrReadOnly, err)
		}
	}
	return err
}

func (db *DB) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	var appID, version int
	if err := db.W.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return Classify(err)
	}
	if err := db.W.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return Classify(err)
	}
	if appID != applicationID {
		var n int
		if err := db.W.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&n); err != nil {
			return Classify(err)
		}
		if n > 0 || appID != 0 {
			return ErrForeign
		}
	}
	if version > len(ms) {
		return fmt.Errorf("%w: file has version %d, this build knows %d; upgrade xenoscope", ErrNewerSchema, version, len(ms))
	}
	if _, err := db.W.ExecContext(ctx, "PRAGMA journal_mode=WAL"); err != nil {
		return Classify(err)
	}
	for _, m := range ms[version:] {
		// A migration that rebuilds a table others reference runs with
		// foreign keys off and is checked before it commits (SQLite's
		// documented procedure; the pragma is a no-op inside a transaction).
		fkOff := strings.HasPrefix(m.sql, "-- xenoscope: foreign_keys=off")
		if fkOff {
			if _, err := db.W.ExecContext(ctx, "PRAGMA foreign_keys=OFF"); err != nil {
				return Classify(err)
			}
		}
		err := db.Tx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
			if fkOff {
				rows, err := tx.QueryContext(ctx, "PRAGMA foreign_key_check")
				if err != nil {
					return fmt.Errorf("migration %s: %w", m.name, err)
				}
				bad := rows.Next()
				rows.Close()
				if bad {
					return fmt.Errorf("migration %s: foreign key check failed", m.name)
				}
			}
			if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id=%d", applicationID)); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version=%d", m.version))
			return err
		})
		if fkOff {
			if _, ferr := db.W.ExecContext(ctx, "PRAGMA foreign_keys=ON"); ferr != nil && err == nil {
				err = Classify(ferr)
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// Tx runs fn in one write transaction (BEGIN IMMEDIATE), committing when fn
// returns nil and rolling back otherwise.
func (db *DB) Tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := db.W.BeginTx(ctx, nil)
	if err != nil {
		return Classify(err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return Classify(err)
	}
	return Classify(tx.Commit())
}

// IntegrityCheck runs PRAGMA integrity_check and returns nil when it says ok.
func (db *DB) IntegrityCheck(ctx context.Context) error {
	var res string
	if err := db.R.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&res); err != nil {
		return Classify(err)
	}
	if res != "ok" {
		return fmt.Errorf("integrity check: %s", res)
	}
	return nil
}

// CheckIntact runs PRAGMA integrity_check before a command writes: a damaged
// file is refused (wrapping ErrNotDatabase) with what to do, and nothing is
// written around the damage.
func (db *DB) CheckIntact(ctx context.Context) error {
	err := db.IntegrityCheck(ctx)
	if err == nil || ctx.Err() != nil {
		return err
	}
	if !errors.Is(err, ErrNotDatabase) {
		err = fmt.Errorf("%w: %w", ErrNotDatabase, err)
	}
	return fmt.Errorf("database %s is damaged, nothing was written (restore a backup, or try `sqlite3 %s .recover`): %w",
		db.Path, db.Path, err)
}
