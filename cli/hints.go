package cli

import (
	"context"
	"errors"
	"os"

	"github.com/xenoscope/xenoscope/config"
	"github.com/xenoscope/xenoscope/pipeline"
	"github.com/xenoscope/xenoscope/store"
)

// errorHint says what to do about an error that is not a UsageError (which
// carries its own hint): every user-facing error gets a "hint:" line.
// docs/operations.md lists the same errors.
func errorHint(name string, err error) string {
	switch {
	case errors.Is(err, store.ErrEmptyFile):
		return "check the -db path; remove the empty file if you meant to start a new database with 'xenoscope crawl'"
	case errors.Is(err, store.ErrForeign):
		return "the -db file belongs to another program: give the path of a xenoscope database, or a new path to create one"
	case errors.Is(err, store.ErrNewerSchema):
		return "this database was written by a newer xenoscope: upgrade xenoscope ('xenoscope version' shows this one)"
	case errors.Is(err, store.ErrOldSchema):
		return "run a writing command on it once ('xenoscope analyze -db FILE') with write access to upgrade it, then read it anywhere"
	case errors.Is(err, store.ErrReadOnly):
		return "the database file or its directory is read-only: reading commands (indicators, report, export, figures) work; crawl, analyze and run need write access"
	case errors.Is(err, store.ErrDiskFull):
		return "free disk space and run the same command again: every committed page or batch is kept, the rest is redone"
	case errors.Is(err, store.ErrNotDatabase):
		return "the file is damaged or not a database: restore a backup, or recover its data with `sqlite3 FILE .recover`; check the -db path"
	case errors.Is(err, store.ErrCrawlRunning):
		return "wait for the other crawl to finish (or stop it); a later crawl resumes where it stopped"
	case errors.Is(err, pipeline.ErrLocked):
		return "another xenoscope run uses this database: wait for it to finish (see docs/operations.md, locking)"
	case errors.Is(err, pipeline.ErrInterrupted), errors.Is(err, context.Canceled):
		return "run the same command again: it resumes where it stopped"
	case errors.Is(err, config.ErrInvalid):
		return "fix the config file; its format is in README.md, \"The config file\""
	case errors.Is(err, os.ErrPermission):
		return "check the permissions of the file or directory named above"
	}
	return "run 'xenoscope " + name + " -h' for usage; docs/operations.md explains the errors and what to do"
}
