package pipeline

import (
	"bufio"
	"os"
	"runtime"
	"strconv"
	"strings"
)

// resetPeakRSS resets the kernel's peak-RSS counter (VmHWM) of this process
// so that the next peakRSS reading covers one stage only. Linux only; on
// other systems it does nothing and peakRSS falls back to the Go runtime's
// view of memory obtained from the OS.
func resetPeakRSS() {
	os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

// peakRSS returns the peak resident set size in bytes since the last
// resetPeakRSS, and whether it is the kernel's figure (true) or the Go
// runtime's Sys (false).
func peakRSS() (int64, bool) {
	f, err := os.Open("/proc/self/status")
	if err == nil {
		defer f.Close()
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := sc.Text()
			if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
				fs := strings.Fields(rest)
				if len(fs) >= 1 {
					if kb, err := strconv.ParseInt(fs[0], 10, 64); err == nil {
						return kb * 1024, true
					}
				}
			}
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return int64(ms.Sys), false
}
