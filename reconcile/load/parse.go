package load

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/BurntSushi/toml"

	"github.com/crosscheck/crosscheck/internal/textnorm"
	"github.com/crosscheck/crosscheck/reconcile"
	"github.com/crosscheck/crosscheck/reconcile/phrase"
	"github.com/crosscheck/crosscheck/reconcile/vocab"
)

// parsedVerdict is a [[verdict]] table after its types were checked; its
// ids and value are resolved once the vocabulary and sources are known.
type parsedVerdict struct {
	pos         reconcile.Pos
	at          keyPos
	complete    bool
	event       string
	property    string
	established string
	rejects     []string
	reason      string
	evidence    []string
	decided     string
	by          string
	asOf        string
	asOfDays    reconcile.Range
	asOfOK      bool
}

func (v *parsedVerdict) key(k string) reconcile.Pos {
	if p, ok := v.at.get(k); ok {
		return p
	}
	return v.pos
}

// parsedSource is a [source] table after its types were checked.
type parsedSource struct {
	src         reconcile.Source
	publishedOK bool
	at          keyPos
}

func (s *parsedSource) key(k string) reconcile.Pos {
	if p, ok := s.at.get(k); ok {
		return p
	}
	return s.src.Pos
}

// parsedClaim is a [[claim]] table after its types were checked.
type parsedClaim struct {
	n           int // 1-based, in file order
	pos         reconcile.Pos
	at          keyPos
	complete    bool // every required key present with the right type
	id          string
	event       string
	property    string
	value       string
	nativeValue bool
	quote       string
	attributed  string
	hedge, note string
	asOf        string
	asOfDays    reconcile.Range
	asOfOK      bool // present and readable
}

func (c *parsedClaim) key(k string) reconcile.Pos {
	if p, ok := c.at.get(k); ok {
		return p
	}
	return c.pos
}

type settings struct {
	approx    *float64
	publisher Publisher
}

// parsedFile is everything one file says, checked as far as it can be
// without the rest of the corpus. It depends only on the file's path and
// bytes, so it can later be cached by content hash.
type parsedFile struct {
	rel      string // slash-separated, relative to the corpus root
	file     string // as problems name it
	problems []reconcile.Problem
	source   *parsedSource
	claims   []parsedClaim
	nclaims  int // [[claim]] tables, whether or not usable
	defs     vocab.Defs
	verdicts []parsedVerdict
	settings *settings
	// builtDefs: defs were handed to the vocabulary and dropped.
	builtDefs bool
}

// fileCtx carries what reporting a problem in one file needs.
type fileCtx struct {
	*parsedFile
	idx *posIndex
	// exact: each table's keys in idx are exactly its decoded keys
	// (fastDecode made both), so they can be shared as they are.
	exact bool
}

func (f *fileCtx) pos(p at) reconcile.Pos {
	return reconcile.Pos{File: f.file, Line: p.line, Col: p.col}
}

func (f *fileCtx) errorf(p reconcile.Pos, format string, args ...any) {
	f.problems = append(f.problems, reconcile.Problem{Pos: p, Severity: reconcile.Error, Message: fmt.Sprintf(format, args...)})
}

func (f *fileCtx) warnf(p reconcile.Pos, format string, args ...any) {
	f.problems = append(f.problems, reconcile.Problem{Pos: p, Severity: reconcile.Warning, Message: fmt.Sprintf(format, args...)})
}

// The top-level tables each kind of file may have.
var vocabTables = []string{"event", "property", "place", "country", "nationality", "organisation", "person", "category"}

var corpusTables = append([]string{"source", "claim", "verdict"}, vocabTables...)

var settingsTables = []string{"reading", "publisher"}

// parseFile checks one file as far as it can alone. settingsFile says
// whether it is the corpus root's crosscheck.toml. It recovers from panics
// in the TOML decoder so that no file can stop a run.
func parseFile(rel, file string, data []byte, settingsFile bool) (pf *parsedFile) {
	pf = &parsedFile{rel: rel, file: file}
	f := &fileCtx{parsedFile: pf}
	defer func() {
		if r := recover(); r != nil {
			pf.source, pf.claims, pf.defs, pf.verdicts, pf.settings = nil, nil, vocab.Defs{}, nil, nil
			f.errorf(reconcile.Pos{File: file, Line: 1, Col: 1}, "crosscheck failed on this file (%v); please report it with the file attached", r)
		}
	}()
	if !utf8.Valid(data) {
		p := firstInvalid(data)
		f.errorf(f.pos(p), "file is not valid UTF-8 (byte 0x%02x at line %d, column %d); save it as UTF-8", data[offsetOf(data, p)], p.line, p.col)
		return pf
	}
	// Nothing writes to data after it was read, so the text can share
	// its bytes instead of copying them; the values decoded from it are
	// slices of it in turn.
	src := unsafe.String(unsafe.SliceData(data), len(data))
	// Most files are plain enough for fastDecode, which indexes them as
	// it goes, and every key of a table is then in its index.
	m, idx, ok := fastDecode(src)
	if ok {
		f.idx, f.exact = idx, true
		f.corpusOrSettings(m, settingsFile)
		return pf
	}
	// The index is built before decoding, from text that may not be TOML
	// at all: the lexer only ever moves forward, so that is safe, and it
	// is what measures nesting before the decoder's recursion meets it.
	f.idx = indexPositions(src)
	if f.idx.depth > maxDepth {
		f.errorf(f.pos(f.idx.deepest), "values or keys nested more than %d deep; crosscheck does not read such files", maxDepth)
		return pf
	}
	if _, err := toml.Decode(src, &m); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			p := at{max(pe.Position.Line, 1), max(pe.Position.Col, 1)}
			f.errorf(f.pos(p), "TOML syntax error: %s; fix the TOML syntax here (nothing else in this file is checked until it parses)", tidy(pe.Message))
		} else {
			f.errorf(f.pos(at{1, 1}), "TOML syntax error: %s; fix the TOML syntax", tidy(err.Error()))
		}
		return pf
	}
	f.corpusOrSettings(m, settingsFile)
	return pf
}

func (f *fileCtx) corpusOrSettings(m map[string]any, settingsFile bool) {
	if settingsFile {
		f.settingsFile(m)
		return
	}
	f.corpusFile(m)
}

// tidy makes a parser message fit on one line of a problem list.
func tidy(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimRight(s, ".")
}

func firstInvalid(data []byte) at {
	p := at{1, 1}
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return p
		}
		if r == '\n' {
			p.line++
			p.col = 1
		} else {
			p.col += n
		}
		i += n
	}
	return p
}

func offsetOf(data []byte, p at) int {
	line, start := 1, 0
	for i, b := range data {
		if line == p.line {
			break
		}
		if b == '\n' {
			line++
			start = i + 1
		}
	}
	return min(start+p.col-1, len(data)-1)
}

// unknownTop reports a top-level key that none of the file's tables
// explains, suggesting the nearest table.
func (f *fileCtx) unknownTop(k string, v any, allowed []string, hint string) {
	p, _ := f.idx.key("", 0, k)
	var msg string
	switch v.(type) {
	case []map[string]any, []*fields:
		msg = fmt.Sprintf("unknown table [[%s]]", k)
	case map[string]any, *fields:
		msg = fmt.Sprintf("unknown table [%s]", k)
	default:
		msg = fmt.Sprintf("unknown key %q outside any table", k)
		for _, s := range []*schema{&sourceSchema} {
			if s.field(k) != nil {
				msg += fmt.Sprintf("; keys of %s go after its header", s.title)
				f.errorf(f.pos(p), "%s", msg)
				return
			}
		}
	}
	if c := closestTable(k, allowed); c != "" {
		msg += "; did you mean " + c + "?"
	} else if hint != "" {
		msg += "; " + hint
	}
	f.errorf(f.pos(p), "%s", msg)
}

func closestTable(k string, allowed []string) string {
	c := textnorm.Closest(k, allowed)
	switch {
	case c == "":
		return ""
	case c == "source" || c == "reading" || c == "publisher":
		return "[" + c + "]"
	}
	return "[[" + c + "]]"
}

func (f *fileCtx) settingsFile(m map[string]any) {
	s := &settings{}
	f.settings = s
	for _, k := range sortedKeys(m) {
		v := m[k]
		var sc *schema
		switch k {
		case "reading":
			sc = &readingSchema
		case "publisher":
			sc = &publisherSchema
		default:
			f.unknownTop(k, v, settingsTables, "crosscheck.toml takes only [reading] and [publisher]")
			continue
		}
		tm, ok := tableOf(v)
		if !ok {
			p, _ := f.idx.key("", 0, k)
			f.errorf(f.pos(p), "%q must be a table ([%s]), not %s", k, k, typeOf(v))
			continue
		}
		t := &table{f: f, path: k, schema: sc, m: tm}
		t.check()
		switch k {
		case "reading":
			if t.has("approximation") {
				var a float64
				switch x := t.val("approximation").(type) {
				case float64:
					a = x
				case int64:
					a = float64(x)
				}
				if a < 0 || a >= 1 || math.IsNaN(a) {
					f.errorf(t.at("approximation"), "approximation must be at least 0 and less than 1 (0.10 reads \"about 90\" as 81 to 99), not %v", a)
				} else {
					s.approx = &a
				}
			}
		case "publisher":
			s.publisher = Publisher{Name: t.str("name"), URL: t.str("url")}
		}
	}
}

func (f *fileCtx) corpusFile(m map[string]any) {
	for _, k := range sortedKeys(m) {
		if !containsStr(corpusTables, k) {
			hint := ""
			if containsStr(settingsTables, k) {
				hint = "settings belong in crosscheck.toml at the root of the claims directory"
			}
			f.unknownTop(k, m[k], corpusTables, hint)
		}
	}
	vocabPresent := ""
	for _, k := range vocabTables {
		if _, ok := m[k]; ok && vocabPresent == "" {
			vocabPresent = k
		}
	}
	if v, ok := m["source"]; ok {
		if vocabPresent != "" {
			p, _ := f.idx.key("", 0, vocabPresent)
			f.errorf(f.pos(p), "a source file cannot also define vocabulary ([[%s]]); move the vocabulary to a file of its own", vocabPresent)
		}
		f.source(v)
	}
	if v, ok := m["claim"]; ok {
		ts := f.tables("claim", v, "[[claim]]")
		f.nclaims = len(ts)
		if f.parsedFile.source == nil && len(ts) > 0 {
			if _, has := m["source"]; !has {
				f.errorf(ts[0].header(), "[[claim]] tables need a [source] table in the same file, saying where the claims come from")
			}
		}
		f.claims = make([]parsedClaim, 0, len(ts))
		for i, t := range ts {
			f.claim(i+1, t)
		}
	}
	if v, ok := m["verdict"]; ok {
		for _, t := range f.tables("verdict", v, "[[verdict]]") {
			f.verdict(t)
		}
	}
	f.vocabulary(m)
	if len(m) == 0 {
		f.warnf(f.pos(at{1, 1}), "file defines nothing (no [source], vocabulary or [[verdict]] tables); fill it in or remove it")
	}
}

var tableSchemas = map[string]*schema{
	"claim": &claimSchema, "event": &eventSchema, "property": &propertySchema, "place": &placeSchema,
	"country": &countrySchema, "nationality": &nationalitySchema, "organisation": &organisationSchema,
	"person": &personSchema, "category": &categorySchema, "verdict": &verdictSchema,
}

// tables turns the value of a top-level array-of-tables key into tables
// to check; any other shape is reported.
func (f *fileCtx) tables(name string, v any, title string) []*table {
	sc := tableSchemas[name]
	var maps []*fields
	switch x := v.(type) {
	case []*fields:
		maps = x
	case []map[string]any:
		for _, e := range x {
			em, _ := tableOf(e)
			maps = append(maps, em)
		}
	case []any:
		for i, e := range x {
			em, ok := tableOf(e)
			if !ok {
				p, _ := f.idx.key("", 0, name)
				f.errorf(f.pos(p), "%q must be an array of tables (%s), but element %d is %s", name, title, i+1, typeOf(e))
				return nil
			}
			maps = append(maps, em)
		}
	default:
		p, _ := f.idx.key("", 0, name)
		f.errorf(f.pos(p), "%q must be written as %s tables (an array of tables), not %s", name, title, typeOf(v))
		return nil
	}
	out := make([]*table, len(maps))
	for i, tm := range maps {
		out[i] = &table{f: f, path: name, n: i, schema: sc, m: tm}
	}
	return out
}

func (f *fileCtx) source(v any) {
	tm, ok := tableOf(v)
	if !ok {
		p, _ := f.idx.key("", 0, "source")
		switch v.(type) {
		case []*fields, []map[string]any:
			f.errorf(f.pos(p), "a file has one source: write [source], not [[source]]; put each source in its own file")
		default:
			f.errorf(f.pos(p), "\"source\" must be a table ([source]), not %s", typeOf(v))
		}
		return
	}
	t := &table{f: f, path: "source", schema: &sourceSchema, m: tm}
	t.check()
	s := &parsedSource{at: t.keys()}
	s.src = reconcile.Source{
		ID:       t.str("id"),
		Title:    t.str("title"),
		Outlet:   t.str("outlet"),
		Authors:  t.strs("author"),
		URL:      t.str("url"),
		Kind:     t.str("kind"),
		Language: t.str("language"),
		Text:     t.str("text"),
		File:     f.rel,
		Pos:      t.header(),
	}
	if !tm.has("id") {
		base := f.rel[strings.LastIndex(f.rel, "/")+1:]
		s.src.ID = strings.TrimSuffix(base, ".toml")
		if !vocab.ValidID(s.src.ID) {
			f.errorf(s.src.Pos, "source id %q (from the file name) must be lower-case letters, digits and hyphens, starting with a letter or digit; rename the file or set id%s", s.src.ID, slugHint(s.src.ID))
		}
	} else if t.has("id") && !vocab.ValidID(s.src.ID) {
		f.errorf(t.at("id"), "source id %q must be lower-case letters, digits and hyphens, starting with a letter or digit%s", s.src.ID, slugHint(s.src.ID))
	}
	if t.has("published") {
		text, native := t.text("published")
		s.src.Published = text
		if native {
			s.src.PublishedDays, s.publishedOK = t.day("published")
		} else if r, err := phrase.Span(text); err != nil {
			f.errorf(t.at("published"), "cannot read published %q: %v", text, reason(err))
		} else {
			s.src.PublishedDays, s.publishedOK = r, true
		}
	}
	f.parsedFile.source = s
}

// reason is an error's message without a phrase.Error's own preamble,
// for messages that already say what was being read.
func reason(err error) string {
	var pe *phrase.Error
	if errors.As(err, &pe) {
		return pe.Reason
	}
	return err.Error()
}

func slugHint(id string) string {
	if s := vocab.Slug(id); s != "" && s != id {
		return fmt.Sprintf(" (e.g. %q)", s)
	}
	return ""
}

func (f *fileCtx) claim(n int, t *table) {
	c := parsedClaim{n: n, pos: t.header()}
	c.complete = t.check()
	c.at = t.keys()
	c.id = t.str("id")
	c.event = t.str("event")
	c.property = t.str("property")
	c.value, c.nativeValue = t.text("value")
	c.quote = t.str("quote")
	c.attributed = t.str("attributed_to")
	c.hedge = t.str("hedge")
	c.note = t.str("note")
	if t.has("id") && !vocab.ValidID(c.id) {
		f.errorf(t.at("id"), "claim id %q must be lower-case letters, digits and hyphens, starting with a letter or digit%s", c.id, slugHint(c.id))
		c.id = ""
	}
	if t.has("as_of") {
		text, native := t.text("as_of")
		c.asOf = text
		if native {
			c.asOfDays, c.asOfOK = t.day("as_of")
		} else if r, err := phrase.Span(text); err != nil {
			f.errorf(t.at("as_of"), "cannot read as_of %q: %v", text, reason(err))
		} else {
			c.asOfDays, c.asOfOK = r, true
		}
	}
	f.claims = append(f.claims, c)
}

func (f *fileCtx) verdict(t *table) {
	v := parsedVerdict{pos: t.header()}
	v.complete = t.check()
	v.at = t.keys()
	v.event, v.property = t.str("event"), t.str("property")
	v.established, _ = t.text("established")
	v.rejects, v.evidence = t.strs("rejects"), t.strs("evidence")
	v.reason, v.by = t.str("reason"), t.str("by")
	for _, k := range []string{"decided", "as_of"} {
		if !t.has(k) {
			continue
		}
		text, native := t.text(k)
		days, ok := t.day(k)
		if !native {
			var err error
			if days, err = phrase.Span(text); err != nil {
				f.errorf(t.at(k), "cannot read %s %q: %v", k, text, reason(err))
				v.complete = false
				continue
			}
			ok = true
		}
		if k == "decided" {
			v.decided = text
		} else {
			v.asOf, v.asOfDays, v.asOfOK = text, days, ok
		}
	}
	f.verdicts = append(f.verdicts, v)
}

func (f *fileCtx) vocabulary(m map[string]any) {
	for _, name := range vocabTables {
		v, ok := m[name]
		if !ok {
			continue
		}
		for _, t := range f.tables(name, v, "[["+name+"]]") {
			if !t.check() {
				continue // its id or name is unusable; Build would only repeat that
			}
			a := vocab.At{Pos: t.header(), Keys: t.keyMap()}
			d := &f.defs
			switch name {
			case "event":
				date, native := t.text("date")
				if date != "" && !native {
					if _, err := phrase.Span(date); err != nil {
						f.errorf(t.at("date"), "cannot read event date %q: %v", date, reason(err))
					}
				}
				d.Events = append(d.Events, vocab.EventDef{ID: t.str("id"), Name: t.str("name"), Aliases: t.strs("aliases"), Date: date, Place: t.str("place"), Description: t.str("description"), At: a})
			case "property":
				d.Properties = append(d.Properties, vocab.PropertyDef{ID: t.str("id"), Name: t.str("name"), Kind: t.str("kind"), Cumulative: t.boolean("cumulative"), Terms: t.strs("terms"), Description: t.str("description"), At: a})
			case "place":
				d.Places = append(d.Places, vocab.PlaceDef{ID: t.str("id"), Name: t.str("name"), Aliases: t.strs("aliases"), Within: t.str("within"), At: a})
			case "country":
				d.Countries = append(d.Countries, vocab.CountryDef{Code: t.str("code"), Name: t.str("name"), Aliases: t.strs("aliases"), At: a})
			case "nationality":
				d.Nationalities = append(d.Nationalities, vocab.NationalityDef{ID: t.str("id"), Name: t.str("name"), Aliases: t.strs("aliases"), Country: t.str("country"), Within: t.strs("within"), At: a})
			case "organisation":
				d.Organisations = append(d.Organisations, vocab.OrganisationDef{ID: t.str("id"), Name: t.str("name"), Aliases: t.strs("aliases"), Within: t.strs("within"), At: a})
			case "person":
				d.Persons = append(d.Persons, vocab.PersonDef{ID: t.str("id"), Name: t.str("name"), Aliases: t.strs("aliases"), Organisations: t.strs("organisation"), At: a})
			case "category":
				d.Categories = append(d.Categories, vocab.CategoryDef{Property: t.str("property"), ID: t.str("id"), Name: t.str("name"), Aliases: t.strs("aliases"), Within: t.strs("within"), At: a})
			}
		}
	}
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
