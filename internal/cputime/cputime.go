// Package cputime reads the process's CPU time, for benchmarks and stage
// timings on a shared machine, where wall time under contention does not
// show the work done.
package cputime

import "time"

// Process returns the user plus system CPU time this process has used (0
// where the system does not say).
func Process() time.Duration { return process() }
