// Package faults holds xenoscope's fault-injection tests (there is no
// non-test code here): a run SIGKILLed during crawl and during analyze and
// then rerun; reports, exports and indicators read while a crawl writes;
// corrupt, foreign and newer-schema database files; a full disk (a tiny
// tmpfs, skipped where mounting is not allowed); hostile web sites; and a
// hostile page through crawl → analyze → report.
//
// The sites are the demo's loopback sites (package demo) or small httptest
// servers; the databases are real SQLite files in t.TempDir(). Processes to
// be killed are this test binary re-executed in a child mode (see TestMain).
package faults
