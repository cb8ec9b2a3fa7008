package analyze_test

// The floors of floors_test.go, with the values they were measured at,
// once, after the model was frozen: round 14, model xs1-07936e682121,
// 2026-12-06, round 15, model xs1-bdeddf9273ea, 2026-12-07, which moved
// the three values marked "round 14: x", and round 17, model
// xs1-47f5ac149a85 (xs1-8a980cee0e93 after a review mend with the same
// outputs), 2026-12-07, which moved the values marked "round 15: x", and
// round 18, model xs1-9a369765a8bb (xs1-9537b6cd9a77 after a review mend
// with the same outputs), 2026-12-07, which moved the values marked
// "round 17: x", round 20, model xs1-b945035902a9, which moved those
// marked "round 18: x", and round 21, model xs1-c227e741a813, which moved
// those marked "round 20: x" (round 22, xs1-0f610458312c, moved none;
// round 23, xs1-e8c7951b5e3e, moved those marked "round 22: x"; round 24,
// xs1-27af4ae31759, those marked "round 23: x"; round 25,
// xs1-e55c73cfa39b, those marked "round 24: x"; round 26,
// xs1-3d17d42cc434 (xs1-8a63129d3e89 after a review mend with the same outputs),
// those marked "round 25: x"; round 29, xs1-15d8ce7f8f82, those marked
// "round 26: x"; round 30, its rules and their retraining, those marked
// "round 29: x"; round 31, xs1-fcef8e8069ad, moved none; round 33,
// xs1-1a5bb7011182, its rules and their retraining, those marked "round 31: x";
// round 34, xs1-a47a4c7288fd, its rules and their retraining, those marked
// "round 33: x"; round 35, xs1-ea0a3e8a3abc, its rules and their retraining,
// those marked "round 34: x"; round 36, xs1-48ba4e8ee99b, moved none;
// round 37, xs1-d109e939da97, its lexicon entries and their retraining,
// those marked "round 36: x"; round 38, xs1-18b3cbf34706, its rules and
// the stance model retrained, those marked "round 37: x"; round 39,
// xs1-006bd8fe07d3, its rules and their retraining, those marked "round 38: x";
// round 41, xs1-d3d540f0303f, its lexicon entries and rules and their
// retraining, those marked "round 39: x"; round 42, xs1-4b3983ef8180, its
// lexicon entries and rule and their retraining, those marked "round 41: x";
// round 44, xs1-3f070705459d, those marked "round 42: x"; round 45,
// xs1-cc97ffa2b854, its lexicon entries and their retraining, those marked
// "round 44: x"; round 47, xs1-8404a55cdbb5, round 50, xs1-5c4fa73cf474,
// round 52, xs1-85f3a30d03f0, round 58, xs1-a873de02e9ea, round 59,
// xs1-b6b100008c74, round 60, xs1-039190223db9, round 63, xs1-b9b7a44ac897, moved
// none; round 64, xs1-4bfc9f99d360, those marked "round 63: x"; round 65,
// xs1-cedf25687ea7, its lexicon entries and rule and their retraining,
// those marked "round 64: x"; round 67, xs1-8884b5d09ec1, its rule and every
// model retrained, those marked "round 65: x"; round 69, xs1-37fdeacfa8fb, its rule and
// every model retrained, those marked "round 67: x"; round 70, xs1-8382aa02aa25, its rule and
// every model retrained, those marked "round 69: x"; round 71, xs1-05137d48eb5c, round 72,
// xs1-0296854a2912, round 73, xs1-0b91b9f1354d, round 75,
// xs1-52ef71727fca, and round 76, xs1-9b9a2515e0f6, moved none;
// round 77, xs1-a669004fa8a6, those marked "round 76: x"; round 78,
// xs1-70b88c88c1f3, moved none; round 79, xs1-d5c57a182655, its lexicon
// entries and rule and their retraining, those marked "round 78: x"; round
// 80, xs1-56437a4057ad, its lexicon entries and rules and their retraining,
// those marked "round 79: x"; round 82, xs1-33ff3999978e, the same, those
// marked "round 80: x"; round 85, xs1-a56d75fe13bd, its rules and their
// retraining, those marked "round 82: x"; round 86, xs1-e769a69c6083,
// lexicon entries and their retraining, moved none; round 87, xs1-6d5bb5e06494, a rule
// that changed no text of any set, moved none; round 89, xs1-e684ad1e373c, a stance
// rule, moved none; round 91, xs1-bdd68e9dc0ac, its rule and its retraining,
// those marked "round 89: x"; round 93, xs1-8ee86bf9cc86, an insinuation rule and
// its retraining, moved none; round 95, xs1-5e9c1dad4981, a rule that moved
// those marked "round 93: x", retraining gave the same weights; round 96,
// xs1-0964f22c179a, and round 97, xs1-30b61d1cb1d1, rules that changed no text
// of any set, moved none; round 99, xs1-a13cc738f866, lexicon entries and a rule
// and their retraining, moved none; round 100, xs1-41dcbc9a5c22, lexicon entries and
// rules and their retraining, those marked "round 99: x"; round 101,
// xs1-118d4c64038c, a rule (retraining gave the same weights), those marked
// "round 100: x"; round 102, xs1-7fd42941d642, short texts by words, those
// marked "round 101: x"; round 103, xs1-59b4da3fc2ba, a rule and its
// retraining, those marked "round 102: x"; round 104, xs1-80d84b14584f, a
// lexicon section and rule and their retraining, those marked "round 103:
// x"; round 105, xs1-adbb0b7f2af7, a rule and its retraining, moved none;
// round 106, xs1-b9747bcd9ac2, a rule and its retraining, those marked
// "round 105: x"; round 107, xs1-5f0cf0003920, lexicon entries and a rule
// and their retraining, those marked "round 106: x"; rounds 113 and 114,
// xs1-f3fc5b94ac55, lexicon entries and a rule and their retraining, those
// marked "round 107: x"; round 115, xs1-e1034cfc1ae6, a rule (retraining gave
// the same weights), moved none; round 118, xs1-64ef559b392b, a rule and its
// retraining, those marked "round 115: x"; round 124, xs1-0fe72e6d81e4, a rule
// that changed no text of any test or development set, retraining gave the
// same weights; round 126, xs1-1da02dc1466f, a rule and its retraining, moved
// none; round 127, xs1-97eee38193f1, a rule and its retraining, those marked
// "round 126: x"; round 128, xs1-eb054b9c6ca4, a rule and its retraining,
// moved none; round 129, xs1-9575abcdaaf1, and round 130, xs1-b71f11673b26,
// rules that changed no text of any test or development set, retraining gave
// the same weights; round 132, xs1-a85234f625ba, lexicon entries and rules
// and their retraining, those marked "round 130: x"; round 133,
// xs1-47350a1e42b6, a rule and its retraining, those marked "round 132: x";
// round 135, xs1-7f3f32f41186, a rule and its retraining, moved none;
// round 136, xs1-a0d1e6948fbe, a rule and its retraining, those marked
// "round 135: x"; round 137, xs1-ce5cb35d78eb, rules and their retraining,
// those marked "round 136: x"; round 138, xs1-014522d83f47, a rule that
// changed no text of any test or development set, retraining gave the
// same weights; round 139, xs1-8c791cdadcd6, a stance rule that changed
// no text of any test or development set, retraining gave the same
// weights; round 140, xs1-c19f5abed293, a rule and its retraining, those
// marked "round 139: x"; round 141, xs1-eaa33e6cd8e7, a rule and its
// retraining, those marked "round 140: x"; round 142, xs1-f763bf20250e, a
// rule and its retraining, those marked "round 141: x"; round 143,
// xs1-2d94c550b7a9, a rule and its retraining, no judged figure moved; round
// 144, xs1-088ce75b3cfb, a rule and its retraining, those marked "round 143:
// x"; round 145, xs1-d3c79ffc1df2, a rule and its retraining, those marked
// "round 144: x"; round 146, xs1-97970e54eeb9, a rule and its retraining, no
// judged figure moved; round 147, xs1-2d940f8f02bb, lexicon entries and a
// rule that changed no text of any test or development set, then the spelling
// vocabulary and every model retrained, no judged figure moved; round 148,
// xs1-7d3f9effd2fc, a rule and its retraining, those marked "round 147: x";
// round 149, xs1-8e6b63fa3ee0, a rule and its retraining, no judged figure
// moved; round 150, xs1-38cb1bc08b52, a rule and its retraining, those marked
// "round 149: x"; round 151, xs1-9e97b30d8641, a rule and its retraining, no
// judged figure moved; round 152, xs1-848f2ee1f2a9, a rule and its
// retraining, those marked "round 151: x"; round 155, xs1-96765ec02b14,
// rounds 153 to 155's rule and its retraining, those marked "round 152: x";
// round 156, xs1-d0bb47a01d53, a rule and its retraining, no judged figure
// moved; round 158, xs1-e2cab4302bb0, a rule and its retraining, no judged
// figure moved; round 159, xs1-a7ac88f8825d, a rule and its retraining, those
// marked "round 158: x"; round 160, xs1-34378e21b9b5, a rule and its
// retraining, those marked "round 159: x"; round 161, xs1-7e8b79faee04, a rule
// and its retraining, those marked "round 160: x"; round 166, xs1-ef7be39aefe2,
// a rule, no model changed by its retraining, no judged figure moved; round
// 167, xs1-9041e49f27cb, a rule, no model changed by its retraining, those
// marked "round 166: x"; round 168, xs1-4031e28ab048, a rule, no model changed
// by its retraining, no judged figure moved; round 169, xs1-7d4d8a28f806, a
// rule, no model changed by its retraining, no judged figure moved; round 170,
// xs1-7cb3b2c93b18, a rule and its retraining, no judged figure moved; round
// 171, xs1-bc64a134dd3c, a rule and its retraining, no judged figure moved;
// round 174, xs1-5cd0c445cd51, rounds 172 and 173 not adopted, round 174 a rule
// and its retraining, DIALOCONAN counter_speech 0.794 -> 0.792 and those marked
// "round 173: x"; round 175, xs1-112c251d86c9, a rule and its retraining,
// DIALOCONAN 0.766 -> 0.764 / 0.792 -> 0.790; round 176, xs1-4cc627aa606d, a
// lexicon row, a rule and its retraining, DIALOCONAN 0.764 -> 0.766 / 0.790 ->
// 0.792; round 177, xs1-baf3df3389c8, a rule and its retraining, no judged
// figure moved; the review mend after round 177, xs1-8b2f0bdba37a, blind5
// counter_speech 0.930 -> 0.928 (as before round 174); round 178,
// xs1-1eb7f7251da9, a rule and its retraining, DIALOCONAN 0.766 -> 0.764; round
// 179, xs1-900720385050, a rule, no judged figure moved; round 180,
// xs1-dd1fdcd31bd7, a rule, no text of the sets changed; round 181,
// xs1-3df3d232a91b, a lexicon row, a rule and its retraining, no judged figure
// moved; round 185, xs1-76ada7a29083, a lexicon row, a rule and its retraining,
// no judged figure moved; round 187, xs1-00561f5396d7, a rule and its
// retraining, DIALOCONAN counter_speech 0.792 -> 0.794, blind3 anti_migrant
// 0.920 -> 0.926; round 188, xs1-13407af5c836, a rule, no text of the sets
// changed; the review mend after round 188, xs1-6e23ef8bb18c, no text of the
// sets changed; round 189, xs1-aec28a40efdc, old test templates anti_migrant
// 0.931, counter_speech 0.958, blind5 counter_speech 0.934, news anti_migrant
// 0.748; round 190, xs1-3591af4fff6a, DIALOCONAN 0.763 / 0.792, blind3
// anti_migrant 0.920, news anti_migrant 0.738; round 191, xs1-190c29f80f89,
// DIALOCONAN 0.764 / 0.794 again; round 192, xs1-61aa1a16065d, a rule, no text
// of the sets changed; round 193, xs1-01cbf920de3d, a rule and lexicon rows, no
// text of the sets crossed 0.5; round 194, xs1-9e0d086f0249, a rule, no text of
// the sets changed; round 195, xs1-e29a8ddbe460, a rule and lexicon rows, no
// text of the sets changed; the review mend after round 195, xs1-48f331032c82,
// DIALOCONAN 0.766 / 0.795; round 196, xs1-f5f43290fc25, a rule, no text of the
// sets changed; round 197, xs1-46df372e5f59, a rule and six gerunds and the
// claim nouns in [meta]; retraining moved anti_migrant derog_attr on blind6
// 1.000 -> 0.950 and counter_speech ref_clause on the old test 0.880 -> 0.840
// (one text each); round 198, xs1-87f34f2f1095, a rule, battery identical;
// round 199, xs1-498ee2d56a65, a rule and neo-Nazi in [condemn]; blind4
// counter_name 0.550 -> 0.800 and 0.500 -> 0.750; DIALOCONAN 0.763 / 0.792 by
// retraining; round 200, xs1-0ad10d71ac6e, a rule; its retraining moved news
// anti_migrant 0.738 -> 0.748 and old test counter_speech ref_clause 0.840 ->
// 0.880; round 201, xs1-01bf2c5a2b7c, a rule, no text of the sets changed;
// round 202, xs1-64a0a7a4e410, a rule, one training text changed; round 203,
// xs1-f56527880a83, a rule; retraining moved blind6 anti_migrant derog_attr one
// text; round 205, xs1-44af268c1967, a lexicon change, battery identical; round
// 206, xs1-21c452dcfcc0, a rule, no text of the sets changed; round 208,
// xs1-a75833b22cb2, a rule, one development text changed; round 210,
// xs1-37591552e14e, a rule, battery identical; round 211, xs1-9b10b11c8f89, a
// rule; old test counter_speech official_condemnation 0.960 -> 0.920; round
// 212, xs1-d0fcd3289412, a rule, no text of the sets changed; round 214,
// xs1-8483d78a8b57, a rule, no text of the sets changed; round 215,
// xs1-a9624f8932eb, a rule, battery identical; round 216, xs1-e4367a3c7905, a
// rule, old test anti_migrant 0.931 -> 0.930 by retraining drift; round 217,
// xs1-460ace303912, a rule, no text of the sets changed; round 218,
// xs1-00b6459e1271, a rule, battery identical; round 218 review mend,
// xs1-367258ba7f33, the review mend, no text of the sets changed; round 221,
// xs1-db826244cb9f, a rule, battery identical; round 222, xs1-738ca1472e89,
// manifesto migration 0.906 -> 0.908 after retraining; round 223,
// xs1-70e0ffb68f0e, a rule, battery identical; round 224, xs1-a04a10a38c37,
// blind6 anti_migrant 0.915 -> 0.916 after retraining; round 225,
// xs1-1f7554cf81e1, pooled untouched anti_migrant 0.904 -> 0.906 after
// retraining, blind5 derog_attr 0.650 -> 0.850; round 226, xs1-f2e37cb48b19, a
// rule, battery identical; round 227, xs1-ca8443cdd418, a rule, no text of the
// sets changed; round 228, xs1-efc554f6c041, a rule, no text of the sets
// changed; round 229, xs1-57d17cceb791, a rule: pooled stance 0.852 -> 0.854,
// blind4 stance 0.767 -> 0.775; round 230, xs1-18e05b09a152, a rule: blind3
// anti_migrant 0.922 -> 0.927, derog_implicit 0.550 -> 0.750 (floor 0.70);
// round 231, xs1-d1125bba620a, a rule; its retraining DIALOCONAN 0.761 -> 0.763
// / 0.792 -> 0.794, en_dev 0.726 -> 0.724; round 233, xs1-7b3f91d2dd33, a rule:
// blind3 anti_migrant 0.927 -> 0.931, negated_praise 0.700 -> 0.850 (floor
// 0.80); round 235, xs1-aa45db1349c0, a rule, battery identical; round 236,
// xs1-ccb0cb367ba8, a rule, battery identical)
// (docs/analysis.md, "Measured"; the
// values of rounds 2 to 13 are in the same section; "round 13: x" marks a
// value round 14 moved). A floor sits a little under
// the measured value so that a regression fails; a retrained model that
// moves a figure updates the value here and in docs/analysis.md in the same
// commit.

// defaultFunctionalFloor: the floor per functionality.
const defaultFunctionalFloor = 0.80

// unmet marks a functionality measured at (almost) nothing right: a floor
// there could not fail, so the test logs it instead (docs/analysis.md,
// "Known failures").
const unmet = -1.0

// functionalOverallFloors: measured on the frozen test templates. The issue
// asks 0.90 for anti_migrant and counter_speech: both reach it
// (anti_migrant only just).
var functionalOverallFloors = map[string]float64{
	"anti_migrant":      0.89, // 0.930 (n=987; round 215: 0.931; round 188: 0.927; round 166: 0.926; round 160: 0.925; round 158: 0.926; round 144: 0.927; round 135: 0.926; round 132: 0.927; round 93: 0.923; round 78: 0.921; round 64: 0.922; round 29: 0.919; round 13: 0.915; round 17 the same)
	"counter_speech":    0.93, // 0.957 (n=987; round 211; round 200: 0.958; round 188: 0.955; round 141: 0.954; round 36: 0.955; round 33: 0.956; round 20: 0.955; round 13: 0.954)
	"migration":         0.89, // 0.919 (n=160)
	"stance":            0.83, // 0.866 (n=119; round 65: 0.874)
	"hate_crime_report": 0.86, // 0.890 (n=164; round 24: 0.878; round 22: 0.872)
}

// functionalFloors: the functionalities measured below the 0.80,
// asserted at what they reach (docs/analysis.md, "Known failures"). Every
// other functionality is asserted at 0.80.
var functionalFloors = map[string]float64{
	"anti_migrant/derog_attr":             0.66, // 0.800 (n=30; round 188: 0.700; kept here: at the edge)
	"anti_migrant/derog_implicit":         0.51, // 0.552 (n=29)
	"anti_migrant/ref_clause":             0.55, // 0.600 (n=25; round 78: 0.560; round 64: 0.600; round 29: 0.560)
	"counter_speech/myth_correction":      0.72, // 0.760 (n=25)
	"migration/implicit":                  0.53, // 0.600 (n=15)
	"stance/neutral_fact":                 0.71, // 0.786 (n=14)
	"stance/open_support":                 0.66, // 0.733 (n=15)
	"hate_crime_report/threat_harassment": 0.53, // 0.600 (n=15; round 24: 0.467)
}

// freshOverallFloors: the fresh functional templates (split fresh, author 4,
// round 7), measured for round 7 (xs1-806bd1e68b77, its first look) and
// round 8 (xs1-17e4f8593b33, its second look, which chose round 8).
var freshOverallFloors = map[string]float64{
	"anti_migrant":      0.88, // 0.922 (n=740; round 33: 0.915; round 31: 0.908; round 15: 0.888) (issue floor 0.90: reached)
	"counter_speech":    0.92, // 0.953 (n=740; round 18: 0.947; round 17: 0.941; round 15: 0.934)
	"migration":         0.88, // 0.970 (n=165; round 25: 0.909)
	"stance":            0.84, // 0.908 (n=120; round 37: 0.867)
	"hate_crime_report": 0.96, // 0.988 (n=165)
}

// freshFloors: the fresh functionalities measured below the 0.80,
// asserted at one case under what they reach; every other one at 0.80.
var freshFloors = map[string]float64{
	"anti_migrant/counter_quote":      0.70, // 0.750 (n=20)
	"anti_migrant/derog_emotion":      0.70, // 0.750 (n=20)
	"anti_migrant/negated_hate":       0.45, // 0.500 (n=20)
	"anti_migrant/opinion_hate":       0.70, // 0.750 (n=20)
	"anti_migrant/profanity_not_at":   0.50, // 0.550 (n=20)
	"anti_migrant/ref_clause":         0.70, // 0.750 (n=20; round 33: 0.500)
	"anti_migrant/spell_drop":         0.65, // 0.700 (n=20)
	"anti_migrant/spell_leet":         0.70, // 0.750 (n=20)
	"anti_migrant/threat_direct":      0.70, // 0.750 (n=20)
	"counter_speech/counter_quote":    0.70, // 0.750 (n=20)
	"counter_speech/derog_emotion":    0.70, // 0.750 (n=20)
	"counter_speech/negated_hate":     0.70, // 0.750 (n=20)
	"counter_speech/neutral_mention":  0.70, // 0.750 (n=20)
	"counter_speech/news_incident":    0.70, // 0.750 (n=20)
	"counter_speech/opinion_hate":     0.70, // 0.750 (n=20)
	"counter_speech/positive_mention": 0.70, // 0.750 (n=20)
	"migration/asylum_news":           0.60, // 0.667 (n=15)
	"stance/restrictive_enforcement":  0.66, // 0.733 (n=15)
	"stance/restrictive_negated_open": 0.66, // 0.733 (n=15)
}

// blindOverallFloors: the blind functional templates (split blind, author 5,
// round 8), measured once after round 8 was chosen, for xs1-17e4f8593b33
// (rounds 6 and 7 scored the same, hate_crime_report 0.958), and once after
// round 10 was chosen by its rule, for xs1-60eb39209fc7 (xs1-5189c12c4f74);
// since round 12 development data (its failing texts chose round 12's rules),
// asserted as a regression guard only.
var blindOverallFloors = map[string]float64{
	"anti_migrant":      0.89, // 0.927 (n=740; round 15: 0.920)
	"counter_speech":    0.90, // 0.934 (n=740; round 20: 0.927; round 17: 0.920)
	"migration":         0.83, // 0.915 (n=165; round 25: 0.855)
	"stance":            0.82, // 0.850 (n=120; round 67: 0.867; round 65: 0.858; round 37: 0.867; round 31: 0.858; round 25: 0.850)
	"hate_crime_report": 0.94, // 0.970 (n=165)
}

// blindFloors: the blind functionalities measured below the 0.80,
// asserted at one case under what they reach; unmet where one case under
// would be 0 (nothing to guard: TestFunctionalFloors logs them).
var blindFloors = map[string]float64{
	"anti_migrant/counter_quote":           0.70, // 0.750 (n=20)
	"anti_migrant/derog_dehum":             0.70, // 0.750 (n=20)
	"anti_migrant/derog_implicit":          0.45, // 0.500 (n=20; round 15: 0.250)
	"anti_migrant/negated_praise":          0.45, // 0.500 (n=20)
	"anti_migrant/news_incident":           0.70, // 0.750 (n=20)
	"anti_migrant/question_hate":           0.70, // 0.750 (n=20)
	"anti_migrant/ref_clause":              0.70, // 0.750 (n=20)
	"anti_migrant/ref_pronoun":             0.70, // 0.750 (n=20)
	"counter_speech/counter_quote":         0.70, // 0.750 (n=20)
	"counter_speech/derog_implicit":        0.70, // 0.750 (n=20)
	"counter_speech/negated_hate":          0.70, // 0.750 (n=20)
	"counter_speech/negated_praise":        0.70, // 0.750 (n=20)
	"counter_speech/news_court_police":     0.70, // 0.750 (n=20)
	"counter_speech/official_condemnation": 0.70, // 0.750 (n=20)
	"counter_speech/policy_civil":          0.70, // 0.750 (n=20)
	"counter_speech/profanity_not_at":      0.70, // 0.750 (n=20)
	"counter_speech/question_hate":         0.70, // 0.750 (n=20)
	"migration/implicit":                   0.61, // 0.667 (n=15; round 25: 0.400)
	"migration/integration":                0.60, // 0.667 (n=15)
	"stance/restrictive_cap":               0.53, // 0.600 (n=15; round 65: 0.533; round 37: 0.600)
	"hate_crime_report/figurative":         0.60, // 0.667 (n=15)
	"stance/restrictive_negated_open":      0.68, // 0.733 (n=15; round 37: 0.80 or more)
}

// blind2OverallFloors: the blind2 functional templates (split blind2, author
// 6), run once for round 8's model after the round-9 experiment was
// decided (round 6's model: anti_migrant 0.870, counter_speech 0.896,
// hate_crime_report 0.800; the rest the same), and once for round 10's
// (xs1-60eb39209fc7) by the rule that chose it.
var blind2OverallFloors = map[string]float64{
	"anti_migrant":      0.86, // 0.922 (n=740; round 141: 0.916; round 136: 0.922; round 130: 0.916; round 103: 0.919; round 89: 0.912; round 79: 0.905; round 78: 0.907; round 31: 0.900; round 29: 0.896; round 15: 0.882) (issue floor 0.90: just reached)
	"counter_speech":    0.89, // 0.931 (n=740; round 149: 0.924; round 20: 0.923; round 17: 0.909; round 15: 0.903)
	"migration":         0.87, // 0.903 (n=165; round 25: 0.897)
	"stance":            0.77, // 0.833 (n=120; round 37: 0.800)
	"hate_crime_report": 0.96, // 0.994 (n=165; round 24: 0.982; round 22: 0.976)
}

// blind2Floors: the blind2 functionalities measured below the 0.80,
// asserted at one case under what they reach (unmet where that is 0).
var blind2Floors = map[string]float64{
	"anti_migrant/counter_quote":           0.45, // 0.500 (n=20)
	"anti_migrant/derog_implicit":          0.45, // 0.500 (n=20; round 15: 0.000)
	"anti_migrant/negated_hate":            0.70, // 0.750 (n=20)
	"anti_migrant/negated_praise":          0.70, // 0.750 (n=20; round 89: 0.500)
	"anti_migrant/news_incident":           0.70, // 0.750 (n=20)
	"anti_migrant/question_hate":           0.70, // 0.750 (n=20)
	"anti_migrant/ref_pronoun":             0.70, // 0.750 (n=20)
	"anti_migrant/threat_normative":        0.70, // 0.750 (n=20)
	"counter_speech/contribution":          0.70, // 0.750 (n=20)
	"counter_speech/counter_name":          0.70, // 0.750 (n=20)
	"counter_speech/counter_quote":         0.45, // 0.500 (n=20)
	"counter_speech/news_council_debate":   0.70, // 0.750 (n=20)
	"counter_speech/official_condemnation": 0.70, // 0.750 (n=20)
	"counter_speech/other_group":           0.70, // 0.750 (n=20)
	"counter_speech/positive_mention":      0.45, // 0.500 (n=20; round 149: 0.250)
	"counter_speech/ref_pronoun":           0.70, // 0.750 (n=20)
	"migration/implicit":                   0.26, // 0.333 (n=15)
	"migration/interstate_border":          0.60, // 0.667 (n=15)
	"stance/open_support":                  0.66, // 0.733 (n=15)
	"stance/restrictive_enforcement":       0.60, // 0.667 (n=15)
	"stance/restrictive_negated_open":      0.55, // 0.600 (n=15; round 37: 0.400)
}

// blind3OverallFloors: the blind3 functional templates (split blind3, author
// 7, round 10: local news, public statements, readers' comments), committed
// before any model ran on them and run once each for round 8's model
// (xs1-17e4f8593b33: anti_migrant 0.861, counter_speech 0.889, the rest the
// same) and round 10's, after round 10 had been chosen by its rule.
var blind3OverallFloors = map[string]float64{
	"anti_migrant":      0.89, // 0.931 (n=740; round 232: 0.927, moved by round 233's rule; round 229: 0.922, moved by round 230's rule; round 190's retraining; before it 0.926; round 187's retraining: 0.926; before it 0.920; round 160: 0.926, moved by round 161's retraining; round 158: 0.927, moved by round 159's retraining; round 152: 0.922, moved by round 155's retraining; round 147: 0.927; round 136: 0.922; round 135: 0.927; round 132: 0.922; round 106: 0.927; round 80: 0.920; round 78: 0.927; round 38: 0.926; round 36: 0.927; round 33: 0.920; round 29: 0.927; round 15: 0.926; round 14: 0.919; round 13: 0.878)
	"counter_speech":    0.91, // 0.938 (n=740; round 64: 0.936; round 38: 0.938; round 36: 0.936; round 33: 0.941; round 29: 0.939; round 20: 0.932; round 17: 0.931; round 15: 0.932; round 13: 0.893)
	"migration":         0.84, // 0.915 (n=165; round 64: 0.921; round 25: 0.873)
	"stance":            0.75, // 0.917 (n=120; round 64: 0.875; round 37: 0.783)
	"hate_crime_report": 0.92, // 0.952 (n=165)
}

// blind3Floors: the blind3 functionalities measured below the 0.80,
// asserted at one case under what they reach.
var blind3Floors = map[string]float64{
	"anti_migrant/counter_name":          0.70, // 0.750 (n=20)
	"anti_migrant/derog_implicit":        0.70, // 0.750 (n=20; round 229: 0.550, moved by round 230's rule, guardedKin; round 190's retraining; before it 0.750; round 187's retraining: 0.750; before it 0.550; round 160: 0.750, moved by round 161's retraining; round 152: 0.550, moved by round 155's retraining; round 147: 0.750, moved by round 148's retraining from 0.750; round 136: 0.550, moved by round 136's retraining from 0.750 and back by round 137's; round 132: 0.550, moved by round 107's retraining from 0.750 and back by round 133's; round 80: 0.500, moved by round 82's retraining)
	"anti_migrant/negated_praise":        0.80, // 0.850 (n=20; round 232: 0.700, moved by round 233's rule, a good caused denied; this comment said 0.650 and was not kept up to date; round 13: 0.400)
	"anti_migrant/news_quoted_hostility": 0.70, // 0.750 (n=20; round 13: 0.500)
	"anti_migrant/opinion_hate":          0.70, // 0.750 (n=20)
	"anti_migrant/profanity_not_at":      0.70, // 0.750 (n=20)
	"anti_migrant/threat_direct":         0.25, // 0.300 (n=20; round 78: 0.550, moved by round 79's retraining)
	"counter_speech/contribution":        0.40, // 0.450 (n=20)
	"counter_speech/counter_name":        0.70, // 0.750 (n=20)
	"counter_speech/opinion_hate":        0.70, // 0.750 (n=20)
	"counter_speech/policy_civil":        0.70, // 0.750 (n=20)
	"counter_speech/positive_mention":    0.45, // 0.500 (n=20)
	"migration/other_migration":          0.60, // 0.667 (n=15)
	"migration/terrorism":                0.60, // 0.667 (n=15)
	"hate_crime_report/advice":           0.60, // 0.667 (n=15)
}

// blind4OverallFloors: the blind4 functional templates (split blind4, author
// 8, round 11: one town's public life), committed before any model ran on
// them and run after round 11 had been decided (not adopted), for round 10's
// model (the shipped one), round 8's (the same figures, functionality by
// functionality) and round 11's (counter_speech 0.891, the rest the same).
var blind4OverallFloors = map[string]float64{
	"anti_migrant":      0.83, // 0.872 (n=740; round 160: 0.865, moved by round 161's retraining; round 152: 0.872, moved by round 155's retraining; round 151: 0.865, moved back by round 152's retraining; round 149: 0.872; round 136: 0.865; round 130: 0.872; round 78: 0.865; round 69: 0.870; round 67: 0.865; round 29: 0.858; round 15: 0.851) (issue floor 0.90: not reached)
	"counter_speech":    0.87, // 0.907 (n=740; round 99: 0.905; round 78: 0.899; round 69: 0.904; round 67: 0.899; round 17: 0.884; round 15: 0.877)
	"migration":         0.89, // 0.945 (n=165; round 25: 0.921)
	"stance":            0.71, // 0.775 (n=120; round 228: 0.767, moved by round 229's rule; round 65: 0.775; round 37: 0.750; round 34: 0.742; round 33: 0.750; round 25: 0.742; round 23: 0.767, moved by round 24's retraining of the stance model)
	"hate_crime_report": 0.78, // 0.812 (n=165; round 24: 0.782)
}

// blind4Floors: the blind4 functionalities measured below the 0.80,
// asserted at one case under what they reach (unmet where that is 0).
var blind4Floors = map[string]float64{
	"anti_migrant/counter_name":            0.50, // 0.550 (n=20)
	"anti_migrant/derog_emotion":           0.70, // 0.750 (n=20)
	"anti_migrant/derog_implicit":          0.45, // 0.500 (n=20; round 15: 0.250)
	"anti_migrant/myth_correction":         0.70, // 0.750 (n=20)
	"anti_migrant/negated_hate":            0.70, // 0.750 (n=20)
	"anti_migrant/negated_praise":          0.45, // 0.500 (n=20)
	"anti_migrant/opinion_hate":            0.70, // 0.750 (n=20)
	"anti_migrant/positive_mention":        0.70, // 0.750 (n=20)
	"anti_migrant/profanity_at":            0.70, // 0.750 (n=20)
	"anti_migrant/profanity_not_at":        0.45, // 0.750 (n=20; round 160: 0.500, moved by round 161's retraining; round 152: 0.750, moved by round 155's retraining; round 151: 0.500, moved back by round 152's retraining; round 149: 0.750, moved by round 150's retraining; round 136: 0.500, moved back by round 137's retraining; round 130: 0.750, moved by round 132's retraining; round 29: 0.500)
	"anti_migrant/ref_clause":              0.70, // 0.750 (n=20)
	"anti_migrant/ref_pronoun":             0.70, // 0.750 (n=20)
	"anti_migrant/threat_direct":           0.70, // 0.750 (n=20)
	"anti_migrant/threat_normative":        0.70, // 0.750 (n=20)
	"counter_speech/counter_name":          0.45, // 0.500 (n=20)
	"counter_speech/derog_implicit":        0.50, // 0.550 (n=20; round 99: 0.500; round 15: 0.250)
	"counter_speech/myth_correction":       0.45, // 0.500 (n=20)
	"counter_speech/negated_hate":          0.70, // 0.750 (n=20)
	"counter_speech/news_council_debate":   0.65, // 0.700 (n=20)
	"counter_speech/official_condemnation": 0.70, // 0.750 (n=20)
	"counter_speech/policy_civil":          0.70, // 0.750 (n=20)
	"counter_speech/positive_mention":      0.70, // 0.750 (n=20; round 17: 0.500)
	"counter_speech/profanity_not_at":      0.70, // 0.750 (n=20; round 17: 0.500)
	"counter_speech/ref_pronoun":           0.70, // 0.750 (n=20)
	"hate_crime_report/advice":             0.60, // 0.667 (n=15)
	"hate_crime_report/arson":              0.60, // 0.667 (n=15)
	"hate_crime_report/attack":             0.60, // 0.667 (n=15)
	"hate_crime_report/court_case":         0.60, // 0.667 (n=15)
	"hate_crime_report/figurative":         0.60, // 0.667 (n=15)
	"hate_crime_report/threat_harassment":  0.60, // 0.667 (n=15; round 24: 0.333)
	"migration/implicit":                   0.60, // 0.667 (n=15)
	"stance/neutral_fact":                  0.53, // 0.667 (n=15; round 228: 0.600)
	"stance/open_negated_restrictive":      0.60, // 0.667 (n=15)
	"stance/open_support":                  0.60, // 0.667 (n=15)
	"stance/restrictive_enforcement":       0.66, // 0.733 (n=15; round 65: 0.800)
	"stance/restrictive_negated_open":      0.53, // 0.600 (n=15)
}

// blind5OverallFloors: the blind5 functional templates (split blind5, author
// 9, round 12: a region's voices, short and long, slang and typos),
// committed before any model ran on them and run after round 12 had been
// decided, for round 12's model and round 10's (the same but migration
// 0.939).
var blind5OverallFloors = map[string]float64{
	"anti_migrant":      0.85, // 0.907 (n=740; round 225's retraining; round 224: 0.901; round 34: 0.896; round 15: 0.882) (issue floor 0.90: reached)
	"counter_speech":    0.89, // 0.934 (n=740; round 188: 0.928; round 107: 0.923; round 99: 0.930; round 44: 0.923; round 39: 0.930; round 36: 0.923; round 34: 0.918; round 33: 0.923; round 29: 0.924; round 18: 0.923; round 17: 0.920; round 15: 0.915)
	"migration":         0.93, // 0.970 (n=165; round 25: 0.958)
	"stance":            0.86, // 0.892 (n=120)
	"hate_crime_report": 0.84, // 0.867 (n=165)
}

// blind5Floors: the blind5 functionalities measured below the 0.80,
// asserted at one case under what they reach (unmet where that is 0).
var blind5Floors = map[string]float64{
	"counter_speech/profanity_not_at":    0.70, // 0.750 (n=20; round 99: 1.000, moved by round 100's retraining)
	"anti_migrant/derog_emotion":         0.35, // 0.400 (n=20)
	"anti_migrant/derog_implicit":        0.70, // 0.750 (n=20; round 15: 0.250)
	"anti_migrant/negated_praise":        0.60, // 0.650 (n=20; round 34: 0.450)
	"anti_migrant/news_quoted_hostility": 0.65, // 0.700 (n=20)
	"anti_migrant/profanity_at":          0.65, // 0.700 (n=20)
	"anti_migrant/question_hate":         0.65, // 0.700 (n=20)
	"anti_migrant/ref_pronoun":           0.70, // 0.750 (n=20)
	"anti_migrant/threat_direct":         0.45, // 0.500 (n=20)
	"counter_speech/derog_emotion":       0.45, // 0.500 (n=20)
	"counter_speech/negated_praise":      0.65, // 0.700 (n=20; round 34: 0.500)
	"counter_speech/news_incident":       0.70, // 0.750 (n=20)
	"counter_speech/policy_civil":        0.65, // 0.700 (n=20; round 29: 0.750)
	"counter_speech/ref_pronoun":         0.70, // 0.750 (n=20)
	"hate_crime_report/advice":           0.66, // 0.733 (n=15)
	"hate_crime_report/arson":            0.60, // 0.667 (n=15)
	"hate_crime_report/court_case":       0.60, // 0.667 (n=15)
	"stance/open_negated_restrictive":    0.53, // 0.600 (n=15)
}

// blind6OverallFloors: the blind6 functional templates (split blind6, author
// 10, round 14: sentences split out of local news and public statements),
// committed before any model ran on them and run after round 14 had been
// decided, for rounds 14 and 13 (the same), 10 and 8 (docs/analysis.md).
var blind6OverallFloors = map[string]float64{
	"anti_migrant":      0.88, // 0.916 (n=740; round 224's retraining; round 223: 0.915; round 216's retraining; round 215: 0.916; round 203's retraining; rounds 197-202: 0.915; round 174's retraining; round 173: 0.915; round 160: 0.916, moved by round 161's retraining; round 105: 0.911; round 15: 0.897) (issue floor 0.90: reached)
	"counter_speech":    0.92, // 0.953 (n=740; round 29: 0.949; round 17: 0.942; round 15: 0.936)
	"migration":         0.83, // 0.897 (n=165; round 25: 0.861)
	"stance":            0.84, // 0.917 (n=120; round 37: 0.875; round 25: 0.867)
	"hate_crime_report": 0.86, // 0.885 (n=165; round 63: 0.891)
}

// blind6Floors: the blind6 functionalities measured below the 0.80,
// asserted at one case under what they reach (unmet where that is 0).
var blind6Floors = map[string]float64{
	"anti_migrant/contribution":           0.45, // 0.500 (n=20)
	"anti_migrant/counter_quote":          0.70, // 0.750 (n=20)
	"anti_migrant/derog_implicit":         0.70, // 0.750 (n=20; round 15: 0.250)
	"anti_migrant/profanity_not_at":       0.70, // 0.750 (n=20)
	"anti_migrant/question_hate":          0.70, // 0.750 (n=20)
	"anti_migrant/ref_clause":             0.70, // 0.750 (n=20)
	"anti_migrant/slur":                   0.70, // 0.750 (n=20)
	"anti_migrant/spell_drop":             0.65, // 0.700 (n=20)
	"anti_migrant/spell_joined":           0.70, // 0.750 (n=20)
	"anti_migrant/threat_normative":       0.70, // 0.750 (n=20)
	"counter_speech/contribution":         0.40, // 0.450 (n=20; round 29: 0.400)
	"counter_speech/counter_quote":        0.70, // 0.750 (n=20)
	"counter_speech/myth_correction":      0.70, // 0.750 (n=20)
	"counter_speech/positive_mention":     0.70, // 0.750 (n=20; round 29: 0.700)
	"counter_speech/slur":                 0.70, // 0.750 (n=20)
	"migration/asylum_news":               0.60, // 0.667 (n=15)
	"migration/implicit":                  0.60, // 0.667 (n=15)
	"migration/interstate_border":         0.60, // 0.667 (n=15)
	"stance/neutral_fact":                 0.53, // 0.600 (n=15)
	"hate_crime_report/court_case":        0.66, // 0.733 (n=15)
	"hate_crime_report/figurative":        0.60, // 0.667 (n=15)
	"hate_crime_report/statistics":        0.60, // 0.667 (n=15)
	"hate_crime_report/threat_harassment": 0.60, // 0.667 (n=15; round 63: 0.733)
}

// crossFloors: file/score/metric -> floor (share: ceiling), measured on the
// frozen cross-source sets.
var crossFloors = map[string]float64{
	"comments.csv/anti_migrant/macro_f1":        0.80, // 0.834 (n=253; round 143: 0.829; round 115: 0.824; round 64: 0.828; round 33: 0.832; round 15: 0.828; round 4: 0.832)
	"comments.csv/counter_speech/macro_f1":      0.69, // 0.752 (round 199; round 198: 0.756; round 115: 0.752; round 99: 0.743; round 44: 0.734; round 36: 0.725; round 34: 0.716; round 29: 0.721; round 17: 0.716; round 15: 0.703; round 14: 0.712, one text at 0.505 moved to 0.4999 by round 15's retraining)
	"comments.csv/anti_migrant/share":           0.09, // 0.051 of 59 hostile texts at other groups or individuals
	"manifesto.csv/migration/macro_f1":          0.87, // 0.908 (n=407; round 221: 0.906; round 64: 0.903; round 36: 0.906; round 29: 0.903; round 15: 0.906; round 10: 0.903)
	"manifesto.csv/stance/macro_f1":             0.74, // 0.772 (n=116)
	"news.csv/migration/macro_f1":               0.77, // 0.813 (n=205; round 64: 0.818; round 36: 0.813; round 33: 0.818; round 29: 0.809; round 25: 0.789; round 5: 0.794)
	"news.csv/anti_migrant/macro_f1":            0.69, // 0.748 (round 200, its retraining; round 190, its retraining: 0.738; round 189: 0.748; round 188: 0.738; round 159: 0.729, its retraining; round 158: 0.738; round 7: 0.712)
	"news.csv/counter_speech/macro_f1":          0.71, // 0.792 (round 107: 0.779; round 99: 0.766; round 78: 0.759; round 29: 0.745; round 20: 0.727; round 15: 0.740, one text untouched by round 17's rules moved 0.55 -> 0.41 by its retraining; round 5: 0.727; 0.759 at the eighth look, docs/analysis.md)
	"news.csv/hate_crime_report/macro_f1":       0.83, // 0.880 (round 26: 0.868, round 12: 0.843, round 7: 0.829)
	"statements.csv/migration/macro_f1":         0.80, // 0.857 (n=151; round 103: 0.849; round 64: 0.840; round 29: 0.833; round 25: 0.812; round 10: 0.802)
	"statements.csv/anti_migrant/macro_f1":      0.82, // 0.905 (round 152: 0.889; round 101: 0.873; round 41: 0.885; round 33: 0.873; round 29: 0.856; round 13: 0.845, round 8: 0.827)
	"statements.csv/counter_speech/macro_f1":    0.74, // 0.819 (round 152: 0.812; round 149: 0.804; round 139: 0.795; round 132: 0.801; round 63: 0.793; round 41: 0.801; round 37: 0.795; round 33: 0.786; round 29: 0.775; round 20: 0.768; round 13: 0.759, round 6: 0.766)
	"statements.csv/hate_crime_report/macro_f1": 0.88, // 0.943 (round 29: 0.930; round 26: 0.917, round 22: 0.904; round 5: 0.890)
}

type devFloor struct {
	task   string
	path   string   // in the repository (from analyze)
	shared []string // or in ../shared/data
	floor  float64
}

// devFloors guard the development sets against regressions. They are not
// accuracy claims: rounds 2 to 8 chose their rules on these sets
// (docs/analysis.md, "Protocol"), so their figures are optimistic. The
// HateXplain validation posts were never trained on; half of them (by id
// hash) were looked at in rounds 3 to 8, and the half whose sha1(id) ends
// in an even hex digit in round 15.
var devFloors = []devFloor{
	{"anti_migrant", "hateval/en_dev.csv", []string{"hateval", "en_dev.csv"}, 0.68},                         // 0.724 (round 231's retraining; round 230: 0.726; round 161's retraining; round 160: 0.726, round 159's retraining; round 158: 0.723, round 155's retraining; round 152: 0.726; round 126: 0.724; round 103: 0.721; round 102: 0.716; round 101, scored as `score` scores it: 0.713; round 100: 0.713; round 89: 0.716; round 82: 0.713; round 78: 0.716; round 69: 0.713; round 64: 0.716; round 58: 0.722; round 50: 0.719; round 45: 0.722; round 44: 0.726; round 42: 0.724; round 38: 0.721; round 34: 0.723; round 33: 0.728; round 29: 0.720; round 15: 0.718; round 7: 0.725)
	{"anti_migrant", "counter-speech/DIALOCONAN.csv", []string{"counter-speech", "DIALOCONAN.csv"}, 0.70},   // 0.763 (round 231's retraining; round 230: 0.761; round 199's retraining; round 197's retraining: 0.764; the review mend after round 195: 0.766; round 191's retraining: 0.764; round 190: 0.763; round 178, its retraining; round 176: 0.766, its retraining; round 175: 0.764, its retraining; round 160: 0.766; round 159: 0.765, its retraining; round 158: 0.764; round 136: 0.766; round 130: 0.768; round 126: 0.764; round 106: 0.766; round 101, scored as `score` scores it: 0.764; round 89: 0.764; round 82: 0.762; round 79: 0.761; round 58: 0.757; round 50: 0.759; round 45: 0.761; round 44: 0.759; round 39: 0.761; round 34: 0.763; round 31: 0.764; round 29: 0.766; round 15: 0.770; round 14: 0.766; round 7: 0.759)
	{"counter_speech", "counter-speech/DIALOCONAN.csv", []string{"counter-speech", "DIALOCONAN.csv"}, 0.72}, // 0.794 (round 231's retraining; round 230: 0.792; round 199's retraining; round 197's retraining: 0.794; the review mend after round 195: 0.795; round 191's retraining: 0.794; round 190: 0.792; round 187's retraining: 0.794; round 176's retraining: 0.792; round 175's retraining: 0.790; round 174: 0.792; round 160's retraining: 0.794; round 159: 0.792; round 149: 0.787; round 141: 0.790; round 139: 0.788; round 136: 0.790; round 130: 0.792; round 126: 0.787; round 115: 0.785; round 106: 0.787; round 103: 0.788; round 101, scored as `score` scores it: 0.787, as one unit 0.792; round 89: 0.790; round 82: 0.789; round 80: 0.785; round 79: 0.783; round 50: 0.785; round 45: 0.786; round 44: 0.783; round 36: 0.781; round 33: 0.783; round 17: 0.786; round 14: 0.783; round 7: 0.781)
	{"anti_migrant", "hatexplain/val.csv", []string{"hatexplain", "val.csv"}, 0.50},                         // 0.569 (round 152's retraining; round 151: 0.576, round 145's retraining; round 144: 0.569, round 141's retraining; round 140: 0.562, round 104's retraining; round 103: 0.569, scored as `score` scores it since round 101: one post is detected as another language; 0.576 as one unit; round 76: 0.569; round 14: 0.549; issue floor 0.70: not reached)
	{"anti_migrant", "testdata/heldout_anti_b.csv", nil, 0.67},                                              // 0.718
	{"counter_speech", "testdata/heldout_counter_b.csv", nil, 0.78},                                         // 0.886 (round 197: one text 0.71 -> 0.36, not read; 0.897 at round 196; this comment said 0.825 and was not kept up to date; round 7: 0.814)
	{"migration", "testdata/heldout_migration_b.csv", nil, 0.86},                                            // 0.923 (round 197, unchanged by it; this comment said 0.897, one letter at 0.497, and was not kept up to date)
	{"stance", "testdata/heldout_stance_b.csv", nil, 0.78},                                                  // 0.810 (round 197, unchanged by it; this comment said 0.820 and was not kept up to date)
	{"stance", "testdata/heldout_stance.csv", nil, 0.72},                                                    // 0.770 (0.756 in round 8: one letter at migration 0.4999)
	{"hate_crime_report", "testdata/heldout_hate_b.csv", nil, 0.74},                                         // 0.806 (round 7: 0.793)
}
