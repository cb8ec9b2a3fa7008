//go:build !unix

package extract

import "time"

// cpuTime is not measured on this platform; cpu-ns/page reads 0.
func cpuTime() time.Duration { return 0 }
