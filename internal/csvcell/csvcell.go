// Package csvcell keeps crawled text in CSV files from being run as a
// spreadsheet formula (CSV injection): a page title, a person's name or a
// quote that starts with =, +, -, @, a tab or a carriage return gets a
// leading apostrophe, which spreadsheets show as text.
package csvcell

import "strings"

// Safe neutralises a text cell; numbers we write are never passed here.
func Safe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// Row applies Safe to every cell of a row of text cells.
func Row(cells ...string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = Safe(c)
	}
	return out
}
