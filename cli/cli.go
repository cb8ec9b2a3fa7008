// Package cli implements the xenoscope command line. main calls Run; each
// subcommand lives in its own file, registers itself in init with its own
// flag set, and prints help with -h.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/xenoscope/xenoscope/config"
	"github.com/xenoscope/xenoscope/store"
)

// Exit codes. Scheduled runs (cron, systemd) read them.
const (
	ExitOK      = 0
	ExitError   = 1 // user mistake or failure
	ExitPartial = 3 // finished, but some inputs failed (skipped lines, failing sources)
)

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *Env, args []string) error
}

// Env is what a subcommand gets besides its arguments.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

var commands = map[string]*command{}

func register(name, summary string, run func(ctx context.Context, env *Env, args []string) error) {
	if _, dup := commands[name]; dup {
		panic("cli: command registered twice: " + name)
	}
	commands[name] = &command{name, summary, run}
}

// UsageError is a user mistake: printed as "error: ..." plus a hint line,
// exit code 1.
type UsageError struct {
	Err  error
	Hint string
}

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

func usageErr(hint, format string, args ...any) error {
	return &UsageError{Err: fmt.Errorf(format, args...), Hint: hint}
}

// PartialError means the command finished but some inputs failed; the
// message says what. Exit code ExitPartial.
type PartialError struct{ Msg string }

func (e *PartialError) Error() string { return e.Msg }

// Run runs xenoscope with args (without the program name) and returns the
// exit code.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" || args[0] == "help" {
		usage(stdout)
		if len(args) == 0 {
			return ExitError
		}
		return ExitOK
	}
	if args[0] == "-version" || args[0] == "--version" {
		args = append([]string{"version"}, args[1:]...)
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "error: unknown command %q\n", args[0])
		fmt.Fprintf(stderr, "hint: run 'xenoscope -h' for the list of commands\n")
		return ExitError
	}
	err := cmd.run(ctx, &Env{Stdin: stdin, Stdout: stdout, Stderr: stderr}, args[1:])
	return report(stderr, cmd.name, err)
}

func report(stderr io.Writer, name string, err error) int {
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return ExitOK
	}
	var pe *PartialError
	if errors.As(err, &pe) {
		fmt.Fprintf(stderr, "warning: %s\n", pe.Msg)
		return ExitPartial
	}
	fmt.Fprintf(stderr, "error: %v\n", err)
	var ue *UsageError
	switch {
	case errors.As(err, &ue) && ue.Hint != "":
		fmt.Fprintf(stderr, "hint: %s\n", ue.Hint)
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "hint: run 'xenoscope %s -h' for usage\n", name)
	default:
		fmt.Fprintf(stderr, "hint: %s\n", errorHint(name, err))
	}
	return ExitError
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "xenoscope measures xenophobia and inclusion in local public discourse.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: xenoscope COMMAND [flags]   (xenoscope COMMAND -h for a command's flags; xenoscope -version)")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-11s %s\n", n, commands[n].summary)
	}
}

// newFlags makes a subcommand's flag set whose -h prints usage text and the
// flags to stdout.
func newFlags(env *Env, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "Usage: xenoscope %s %s\n\n", name, synopsis)
		if c, ok := commands[name]; ok {
			fmt.Fprintf(env.Stderr, "%s\n\nFlags:\n", c.summary)
		}
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args and turns flag errors into usage errors.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return &UsageError{Err: err, Hint: fmt.Sprintf("run 'xenoscope %s -h' for usage", fs.Name())}
	}
	return nil
}

// openExisting opens, for writing, a database that must already exist and
// hold data: a command that needs data must not create an empty file for a
// mistyped path, nor take an empty file for a database. A damaged file is
// refused before anything writes to it.
func openExisting(ctx context.Context, path string) (*store.DB, error) {
	if err := existingFile(path); err != nil {
		return nil, err
	}
	db, err := store.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	if err := db.CheckIntact(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// openRead opens an existing database read-only (store.OpenReadOnly): it
// works on a read-only file and never writes.
func openRead(ctx context.Context, path string) (*store.DB, error) {
	if err := existingFile(path); err != nil {
		return nil, err
	}
	return store.OpenReadOnly(ctx, path)
}

func existingFile(path string) error {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return usageErr("run 'xenoscope crawl' first, or check the -db path", "database %s does not exist", path)
	case err != nil:
		return err
	case st.Size() == 0 && !st.IsDir():
		return usageErr("check the -db path; remove the empty file if you meant to start a new database with 'xenoscope crawl'",
			"database %s is an empty file (0 bytes), not a xenoscope database", path)
	}
	return nil
}

// loadConfig reads and checks the config file, turning a missing or invalid
// file into a user mistake with a hint.
func loadConfig(path string) (*config.Config, error) {
	cfg, err := config.Load(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, usageErr("give the path of your cities.toml", "config file %s does not exist", path)
	case errors.Is(err, config.ErrInvalid):
		return nil, usageErr("fix the config file; its format is in README.md, \"The config file\"", "%v", err)
	}
	return cfg, err
}
