// Package figures finds the public figures of a text: person mentions with
// byte offsets (an averaged-perceptron tagger trained on CoNLL-2003 plus the
// city's registry), one canonical name per person, and the statements they
// make (direct and indirect quotes, whole statements-source texts).
//
// See docs/figures.md for the decisions and measured accuracy.
package figures
