package reports

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"path/filepath"
	"strings"

	"github.com/crosscheck/crosscheck/reconcile"
)

// sarifRule describes one kind of result. Rule ids are stable across
// releases so code-scanning dashboards can track an alert from run to run.
type sarifRule struct {
	ID               string        `json:"id"`
	Name             string        `json:"name"`
	ShortDescription sarifText     `json:"shortDescription"`
	FullDescription  sarifText     `json:"fullDescription"`
	Default          sarifDefaults `json:"defaultConfiguration"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifDefaults struct {
	Level string `json:"level"`
}

var sarifRules = []sarifRule{
	{ID: "CC1001", Name: "Conflict", ShortDescription: sarifText{"Claims that cannot all hold"},
		FullDescription: sarifText{"A claim cannot hold together with the largest set of claims about the same event and property that can."},
		Default:         sarifDefaults{"error"}},
	{ID: "CC1002", Name: "Stale", ShortDescription: sarifText{"A superseded figure repeated after its revision"},
		FullDescription: sarifText{"A source published after an authority revised its figure repeats the superseded one."},
		Default:         sarifDefaults{"warning"}},
	{ID: "CC1003", Name: "Revision", ShortDescription: sarifText{"An authority revised its own figure"},
		FullDescription: sarifText{"The same authority later gave a figure that replaces its earlier one."},
		Default:         sarifDefaults{"note"}},
	{ID: "CC1004", Name: "ContradictsVerdict", ShortDescription: sarifText{"A claim contradicts an established verdict"},
		FullDescription: sarifText{"A claim from a source the verdict does not reject contradicts the value a fact-checker established."},
		Default:         sarifDefaults{"error"}},
	{ID: "CC2001", Name: "InvalidInput", ShortDescription: sarifText{"A problem in a claim, source, vocabulary or verdict file"},
		FullDescription: sarifText{"The input could not be read as written: a syntax error, an unknown key or id, a quote not found in the archived text."},
		Default:         sarifDefaults{"error"}},
	{ID: "CC2002", Name: "InputWarning", ShortDescription: sarifText{"Something in the input deserves a look"},
		FullDescription: sarifText{"The input was read, but something about it is doubtful, such as a value whose words do not appear in its quote."},
		Default:         sarifDefaults{"warning"}},
}

var findingRule = map[reconcile.FindingKind]string{
	reconcile.Conflict: "CC1001", reconcile.Stale: "CC1002", reconcile.Revision: "CC1003", reconcile.ContradictsVerdict: "CC1004",
}

type sarifResult struct {
	RuleID       string            `json:"ruleId"`
	RuleIndex    int               `json:"ruleIndex"`
	Level        string            `json:"level"`
	Message      sarifText         `json:"message"`
	Locations    []sarifLocation   `json:"locations"`
	Fingerprints map[string]string `json:"partialFingerprints"`
	Properties   map[string]string `json:"properties,omitempty"`
}

type sarifLocation struct {
	Physical struct {
		Artifact struct {
			URI string `json:"uri"`
		} `json:"artifactLocation"`
		Region struct {
			StartLine   int `json:"startLine"`
			StartColumn int `json:"startColumn,omitempty"`
		} `json:"region"`
	} `json:"physicalLocation"`
}

// SARIF writes a SARIF 2.1.0 log with one result per problem and open
// finding, located on the claim's file and line.
func SARIF(w io.Writer, r reconcile.Result, version string) error {
	ruleIndex := map[string]int{}
	for i, rule := range sarifRules {
		ruleIndex[rule.ID] = i
	}
	results := []sarifResult{}
	for _, p := range sortedProblems(r.Problems) {
		id := "CC2001"
		if p.Severity != reconcile.Error {
			id = "CC2002"
		}
		results = append(results, sarifResult{
			RuleID: id, RuleIndex: ruleIndex[id], Level: sarifLevel(p.Severity),
			Message: sarifText{p.Message}, Locations: []sarifLocation{location(p.Pos)},
			Fingerprints: map[string]string{"crosscheck/v1": fingerprint(id, p.File, p.Message)},
		})
	}
	for _, f := range sortedFindings(r.Findings) {
		if f.Status != reconcile.Open {
			continue
		}
		id := findingRule[f.Kind]
		results = append(results, sarifResult{
			RuleID: id, RuleIndex: ruleIndex[id], Level: sarifLevel(f.Severity),
			Message: sarifText{f.Summary}, Locations: []sarifLocation{location(f.Where())},
			Fingerprints: map[string]string{"crosscheck/v1": findingFingerprint(id, f)},
			Properties:   map[string]string{"event": f.Event, "property": f.Property},
		})
	}
	log := map[string]any{
		"$schema": "https://json.schemastore.org/sarif-2.1.0.json",
		"version": "2.1.0",
		"runs": []any{map[string]any{
			"tool": map[string]any{"driver": map[string]any{
				"name":           "crosscheck",
				"version":        version,
				"informationUri": "https://github.com/crosscheck/crosscheck",
				"rules":          sarifRules,
			}},
			"results": results,
		}},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

func sarifLevel(s reconcile.Severity) string {
	switch s {
	case reconcile.Error:
		return "error"
	case reconcile.Warning:
		return "warning"
	}
	return "note"
}

func location(p reconcile.Pos) sarifLocation {
	var l sarifLocation
	l.Physical.Artifact.URI = filepath.ToSlash(filepath.Clean(p.File))
	l.Physical.Region.StartLine = max(p.Line, 1)
	l.Physical.Region.StartColumn = p.Col
	return l
}

// A finding's fingerprint must survive unrelated edits that move lines, so
// it hashes what the finding is about (rule, event, property and the ids of
// its subject claims), never positions.
func findingFingerprint(rule string, f reconcile.Finding) string {
	parts := []string{rule, f.Event, f.Property}
	for _, c := range f.Claims {
		if c.Role == reconcile.Subject {
			parts = append(parts, c.ID)
		}
	}
	return fingerprint(parts...)
}

func fingerprint(parts ...string) string {
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(sum[:16])
}
