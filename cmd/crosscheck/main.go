// Command crosscheck reconciles factual claims across news sources: it
// checks a directory of claim files, works out which claims about the same
// event and property can all hold at once, and reports the rest.
//
// This file only wires the command line to the loader, the reconciler and
// the renderers; each subcommand lives in a file of its own name.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

// version names this build in SARIF logs.
const version = "0.1.0"

// Exit statuses, the same for every subcommand so scripts and CI can rely
// on them.
const (
	exitOK       = 0 // nothing open
	exitProblems = 1 // the corpus has problems or open findings
	exitCannot   = 2 // could not run: bad flags, missing path, unknown format
)

type command struct {
	name    string
	args    string // synopsis after the name
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

// commands is in the order a newcomer meets them. It is filled in init
// because each subcommand looks itself up here for its usage line, which a
// plain initializer would make an initialization cycle.
var commands []command

func init() {
	commands = []command{
		{"lint", "[flags] [DIR]", "check claim files for mistakes (unknown keys, quotes not in the text, unreadable values)", runLint},
		{"check", "[flags] [DIR]", "lint, then reconcile: list the claims that cannot all hold", runCheck},
		{"report", "[flags] [DIR]", "write the full reconciliation: every claim, how it was read, and what agrees", runReport},
		{"value", "[flags] PHRASE...", "show how crosscheck reads a value phrase (\"nearly 100\", \"last Wednesday\")", runValue},
		{"explain", "[flags] EVENT [PROPERTY]", "tell the story of one event's claims, oldest first, with each finding's reasons", runExplain},
		{"draft", "[flags] ARTICLE.txt", "propose claims from an article's text, as a source file for a person to review", runDraft},
	}
}

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// run is main without the process: tests call it directly.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitCannot
	}
	name, rest := args[0], args[1:]
	switch name {
	case "help", "-h", "-help", "--help":
		if len(rest) > 0 {
			if c, ok := lookup(rest[0]); ok {
				return c.run([]string{"-h"}, stdout, stderr)
			}
			return unknownCommand(rest[0], stderr)
		}
		usage(stdout)
		return exitOK
	}
	c, ok := lookup(name)
	if !ok {
		return unknownCommand(name, stderr)
	}
	return c.run(rest, stdout, stderr)
}

func lookup(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

func unknownCommand(name string, stderr io.Writer) int {
	var names []string
	for _, c := range commands {
		names = append(names, c.name)
	}
	msg := fmt.Sprintf("unknown command %q", name)
	if s := suggest(name, names); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	}
	return fail(stderr, "%s; run 'crosscheck help' for the list", msg)
}

func usage(w io.Writer) {
	fmt.Fprint(w, `crosscheck reconciles factual claims across news sources.

Usage:
  crosscheck COMMAND [flags] [arguments]

Commands:
`)
	for _, c := range commands {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
DIR is the claims directory; it defaults to ./claims.
Run 'crosscheck COMMAND -h' for a command's flags.

Exit status: 0 nothing open, 1 problems or open findings, 2 could not run.
`)
}

// fail reports why crosscheck could not run and returns exitCannot.
func fail(stderr io.Writer, format string, args ...any) int {
	fmt.Fprintf(stderr, "crosscheck: "+format+"\n", args...)
	return exitCannot
}

// suggest returns the candidate closest to s when it is close enough to be
// a plausible typo, or "". A candidate that contains s ("kerman" in
// "kerman-bombing-2024") wins, shortest first, since people type the part
// of an id they remember.
func suggest(s string, candidates []string) string {
	best, bestD := "", -1
	ls := strings.ToLower(s)
	if ls != "" {
		for _, c := range candidates {
			if strings.Contains(strings.ToLower(c), ls) && (best == "" || len(c) < len(best)) {
				best = c
			}
		}
		if best != "" {
			return best
		}
	}
	for _, c := range candidates {
		d := editDistance(ls, strings.ToLower(c))
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	if bestD < 0 || bestD > max(2, len([]rune(s))/3) {
		return ""
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
