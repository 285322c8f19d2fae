package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// flags is a subcommand's flag set plus what its -h prints.
type flags struct {
	*flag.FlagSet
	synopsis string // "lint [flags] [DIR]"
	about    string // a paragraph on what the command does and its exit status
}

func newFlags(c string, about string) *flags {
	fs := flag.NewFlagSet(c, flag.ContinueOnError)
	// The flag package would print its own error and usage to stderr; we
	// print errors with the "crosscheck: " prefix and usage only for -h.
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	synopsis := c
	if cmd, ok := lookup(c); ok {
		synopsis += " " + cmd.args
	}
	return &flags{FlagSet: fs, synopsis: synopsis, about: about}
}

func (f *flags) usage(w io.Writer) {
	fmt.Fprintf(w, "Usage: crosscheck %s\n\n%s\n", f.synopsis, strings.TrimSpace(f.about))
	n := 0
	f.VisitAll(func(*flag.Flag) { n++ })
	if n > 0 {
		fmt.Fprint(w, "\nFlags:\n")
		f.SetOutput(w)
		f.PrintDefaults()
		f.SetOutput(io.Discard)
	}
}

// parse reads flags wherever they appear among the arguments, since people
// type `crosscheck lint claims --format json` as often as the reverse; "--"
// ends flags, so a phrase like "-5" can still be passed to value. ok is
// false when the command should stop now with status code (after -h, or a
// bad flag).
func (f *flags) parse(args []string, stdout, stderr io.Writer) (positional []string, code int, ok bool) {
	for {
		err := f.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			f.usage(stdout)
			return nil, exitOK, false
		}
		if err != nil {
			return nil, fail(stderr, "%s: %v; run 'crosscheck %s -h' for usage", f.Name(), err, f.Name()), false
		}
		rest := f.Args()
		if len(rest) == 0 {
			return positional, exitOK, true
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(positional, rest...), exitOK, true
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// format is the --format flag; each command names the formats it writes,
// text first (the default).
type format struct {
	value   string
	allowed []string
}

func (f *flags) format(allowed ...string) *format {
	if len(allowed) == 0 {
		allowed = []string{"text", "json"}
	}
	v := &format{value: allowed[0], allowed: allowed}
	f.Var(v, "format", "output `format`: "+orList(allowed))
	return v
}

func (v *format) String() string { return v.value }

func (v *format) Set(s string) error {
	for _, a := range v.allowed {
		if s == a {
			v.value = s
			return nil
		}
	}
	return fmt.Errorf("unknown format %q (want %s)", s, orList(v.allowed))
}

func orList(words []string) string {
	if len(words) == 1 {
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}
