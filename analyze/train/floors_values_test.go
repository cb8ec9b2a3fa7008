package train

// The floors of floors_test.go, with the values they were measured at.
// Model xs1-PENDING (docs/analysis.md, "Measured").

// defaultFunctionalFloor: the floor per functionality.
const defaultFunctionalFloor = 0.80

// functionalOverallFloors: the issue asks 0.90 for anti_migrant and
// counter_speech; the small suites have no floor in the issue.
var functionalOverallFloors = map[string]float64{}

// functionalFloors: functionalities measured below the 0.80, at
// what they reach (see docs/analysis.md, "Known failures").
var functionalFloors = map[string]float64{}

// crossFloors: file/score/metric -> floor (share: ceiling).
var crossFloors = map[string]float64{}

type devFloor struct {
	task   string
	path   string   // in the repository (from analyze/train)
	shared []string // or in ../shared/data
	floor  float64
}

var devFloors = []devFloor{}
