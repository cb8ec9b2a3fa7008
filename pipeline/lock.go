package pipeline

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// ErrLocked means another xenoscope run holds the database's lock file.
var ErrLocked = errors.New("another xenoscope run is using this database")

// Lock takes an exclusive, non-blocking flock(2) on dbPath+".lock" and
// returns the function that releases it. The lock file holds the owner's
// PID for the error message; the kernel drops the lock when the process
// dies (SIGKILL included), so a stale file never blocks the next run.
func Lock(dbPath string) (unlock func() error, err error) {
	p := dbPath + ".lock"
	f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", p, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		owner := ""
		if b, rerr := os.ReadFile(p); rerr == nil {
			if pid, perr := strconv.Atoi(strings.TrimSpace(string(b))); perr == nil {
				owner = fmt.Sprintf(" (pid %d)", pid)
			}
		}
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("%w%s: lock file %s is held; wait for it to finish", ErrLocked, owner, p)
		}
		return nil, fmt.Errorf("lock %s: %w", p, err)
	}
	if err := f.Truncate(0); err == nil {
		f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return func() error {
		// The file stays: removing it would race with a process that has
		// opened it and is about to lock it.
		f.Truncate(0)
		uerr := syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		return errors.Join(uerr, f.Close())
	}, nil
}
