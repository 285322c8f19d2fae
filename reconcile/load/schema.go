package load

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/internal/textnorm"
	"github.com/crosscheck/crosscheck/reconcile"
)

// Files are decoded into plain maps and checked against these schemas by
// hand rather than decoded into structs: that is what lets a wrong type
// become a problem that names the key and both types, instead of one
// decode error that stops the file.

type types uint8

const (
	tString types = 1 << iota
	tInt
	tFloat
	tBool
	tDate    // a TOML local date, local date-time or offset date-time
	tStrings // an array of strings
)

var typeWords = []struct {
	t    types
	word string
}{{tString, "string"}, {tInt, "integer"}, {tFloat, "number"}, {tBool, "boolean"}, {tDate, "date"}, {tStrings, "array of strings"}}

// describe says "a string, integer or date".
func (t types) describe() string {
	var words []string
	for _, w := range typeWords {
		if t&w.t != 0 {
			words = append(words, w.word)
		}
	}
	s := words[0]
	if len(words) > 1 {
		s = strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
	}
	return article(s) + " " + s
}

func article(s string) string {
	if strings.ContainsRune("aeiou", rune(s[0])) {
		return "an"
	}
	return "a"
}

// typeOf names the TOML type of a decoded value as a user would say it.
func typeOf(v any) string {
	switch v := v.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		return "a number with a fraction"
	case bool:
		return "a boolean"
	case time.Time:
		switch v.Location().String() {
		case "date-local":
			return "a date"
		case "time-local":
			return "a time of day"
		}
		return "a date-time"
	case []map[string]any, []*fields:
		return "an array of tables"
	case []any:
		return "an array"
	case map[string]any, *fields:
		return "a table"
	}
	return fmt.Sprintf("a %T", v)
}

type field struct {
	name     string
	types    types
	required bool
}

type schema struct {
	title  string // "[[claim]]", "[source]"
	fields []field
}

func (s *schema) field(name string) *field {
	for i := range s.fields {
		if s.fields[i].name == name {
			return &s.fields[i]
		}
	}
	return nil
}

func (s *schema) names() []string {
	out := make([]string, len(s.fields))
	for i, f := range s.fields {
		out[i] = f.name
	}
	return out
}

var (
	sourceSchema = schema{"[source]", []field{
		{"id", tString, false}, {"title", tString, true}, {"outlet", tString, false},
		{"author", tString | tStrings, false}, {"url", tString, false},
		{"published", tString | tDate, true}, {"kind", tString, false},
		{"language", tString, false}, {"text", tString, false},
	}}
	claimSchema = schema{"[[claim]]", []field{
		{"event", tString, true}, {"property", tString, true},
		{"value", tString | tInt | tDate, true}, {"quote", tString, true},
		{"attributed_to", tString, false}, {"as_of", tString | tDate, false},
		{"hedge", tString, false}, {"note", tString, false}, {"id", tString, false},
	}}
	eventSchema = schema{"[[event]]", []field{
		{"id", tString, true}, {"name", tString, true}, {"aliases", tStrings, false},
		{"date", tString | tDate, false}, {"place", tString, false}, {"description", tString, false},
	}}
	propertySchema = schema{"[[property]]", []field{
		{"id", tString, true}, {"name", tString, true}, {"kind", tString, true},
		{"cumulative", tBool, false}, {"terms", tStrings, false}, {"description", tString, false},
	}}
	placeSchema = schema{"[[place]]", []field{
		{"id", tString, true}, {"name", tString, true}, {"aliases", tStrings, false}, {"within", tString, false},
	}}
	countrySchema = schema{"[[country]]", []field{
		{"code", tString, true}, {"name", tString, false}, {"aliases", tStrings, false},
	}}
	nationalitySchema = schema{"[[nationality]]", []field{
		{"id", tString, true}, {"name", tString, true}, {"aliases", tStrings, false},
		{"country", tString, false}, {"within", tString | tStrings, false},
	}}
	organisationSchema = schema{"[[organisation]]", []field{
		{"id", tString, true}, {"name", tString, true}, {"aliases", tStrings, false}, {"within", tString | tStrings, false},
	}}
	personSchema = schema{"[[person]]", []field{
		{"id", tString, true}, {"name", tString, true}, {"aliases", tStrings, false}, {"organisation", tString | tStrings, false},
	}}
	categorySchema = schema{"[[category]]", []field{
		{"property", tString, true}, {"id", tString, true}, {"name", tString, true},
		{"aliases", tStrings, false}, {"within", tString | tStrings, false},
	}}
	verdictSchema = schema{"[[verdict]]", []field{
		{"event", tString, true}, {"property", tString, true},
		{"established", tString | tInt | tDate, true}, {"rejects", tString | tStrings, false},
		{"reason", tString, true}, {"evidence", tString | tStrings, false},
		{"decided", tString | tDate, false}, {"by", tString, false}, {"as_of", tString | tDate, false},
	}}
	readingSchema   = schema{"[reading]", []field{{"approximation", tFloat | tInt, false}}}
	publisherSchema = schema{"[publisher]", []field{{"name", tString, false}, {"url", tString, false}}}
)

// table is one decoded table instance being checked, with what is needed
// to report problems at its keys.
type table struct {
	f      *fileCtx
	path   string // header path in the position index
	n      int    // instance number among [[path]] tables, from 0
	schema *schema
	m      *fields
	bad    map[string]bool // keys present but unusable (already reported)
}

func (t *table) header() reconcile.Pos { return t.f.pos(t.f.idx.header(t.path, t.n)) }

// at is the position of key, or of the header when the key is absent.
func (t *table) at(key string) reconcile.Pos {
	p, _ := t.f.idx.key(t.path, t.n, key)
	return t.f.pos(p)
}

// keyPos is where each key of a table instance is defined.
type keyPos struct {
	file string
	keys keyed[at]
}

func (k keyPos) get(key string) (reconcile.Pos, bool) {
	p, ok := k.keys.get(key)
	return reconcile.Pos{File: k.file, Line: p.line, Col: p.col}, ok
}

// keys is where each of the table's keys is: its instance's index, when
// that holds exactly its keys, or the part of it that does.
func (t *table) keys() keyPos {
	if t.f.exact {
		if ti := t.f.idx.table(t.path, t.n); ti != nil {
			return keyPos{t.f.file, ti.keys}
		}
	}
	var out keyed[at]
	for _, kv := range t.m.list {
		if p, ok := t.f.idx.key(t.path, t.n, kv.key); ok {
			out.put(kv.key, p)
		}
	}
	return keyPos{t.f.file, out}
}

// keyMap is keys as the vocabulary takes them.
func (t *table) keyMap() map[string]reconcile.Pos {
	out := make(map[string]reconcile.Pos, t.m.len())
	for _, kv := range t.m.list {
		if p, ok := t.f.idx.key(t.path, t.n, kv.key); ok {
			out[kv.key] = t.f.pos(p)
		}
	}
	return out
}

// check reports unknown keys, wrong types and missing or empty required
// keys, and marks the keys that cannot be used.
func (t *table) check() (ok bool) {
	ok = true
	t.bad = nil
	// The keys are looked at in the file's order; the few with a problem
	// are reported in key order, whichever order the file gave them in.
	type keyProblem struct{ key, msg string }
	var found []keyProblem
	for _, kv := range t.m.list {
		k := kv.key
		f := t.schema.field(k)
		var why string
		if f != nil {
			why = mismatch(f.types, kv.val)
		}
		switch {
		case f == nil:
			msg := fmt.Sprintf("unknown key %q in %s", k, t.schema.title)
			if c := textnorm.Closest(k, t.schema.names()); c != "" {
				msg += fmt.Sprintf("; did you mean %q?", c)
			} else {
				msg += fmt.Sprintf("; the keys it takes are %s", strings.Join(t.schema.names(), ", "))
			}
			found = append(found, keyProblem{k, msg})
		case why != "":
			ok = ok && !f.required
			found = append(found, keyProblem{k, fmt.Sprintf("%q in %s must be %s, %s", k, t.schema.title, f.types.describe(), why)})
		case f.required && isBlank(kv.val):
			ok = false
			found = append(found, keyProblem{k, fmt.Sprintf("%q in %s is empty; it is required", k, t.schema.title)})
		}
	}
	slices.SortFunc(found, func(a, b keyProblem) int { return strings.Compare(a.key, b.key) })
	for _, p := range found {
		if t.bad == nil {
			t.bad = map[string]bool{}
		}
		t.bad[p.key] = true
		t.f.errorf(t.at(p.key), "%s", p.msg)
	}
	for _, f := range t.schema.fields {
		if f.required && !t.m.has(f.name) {
			ok = false
			t.f.errorf(t.header(), "%s is missing required key %q", t.schema.title, f.name)
		}
	}
	return ok
}

// isBlank says whether v is a string of nothing but spaces.
func isBlank(v any) bool {
	s, isStr := v.(string)
	return isStr && strings.TrimSpace(s) == ""
}

// mismatch says how v fails to be one of ts, or "" if it is one.
func mismatch(ts types, v any) string {
	switch v := v.(type) {
	case string:
		if ts&tString != 0 {
			return ""
		}
	case int64:
		if ts&(tInt|tFloat) != 0 {
			return ""
		}
	case float64:
		if ts&tFloat != 0 {
			return ""
		}
	case bool:
		if ts&tBool != 0 {
			return ""
		}
	case time.Time:
		if ts&tDate != 0 && v.Location().String() != "time-local" {
			return ""
		}
	case []any:
		if ts&tStrings != 0 {
			for i, e := range v {
				if _, ok := e.(string); !ok {
					return fmt.Sprintf("but element %d is %s", i+1, typeOf(e))
				}
			}
			return ""
		}
	}
	return "not " + typeOf(v)
}

func (t *table) has(key string) bool { return t.m.has(key) && !t.bad[key] }

func (t *table) val(key string) any { v, _ := t.m.get(key); return v }

func (t *table) str(key string) string {
	if !t.has(key) {
		return ""
	}
	s, _ := t.val(key).(string)
	return s
}

// strs reads a key that may be a string or an array of strings.
func (t *table) strs(key string) []string {
	if !t.has(key) {
		return nil
	}
	switch v := t.val(key).(type) {
	case string:
		return []string{v}
	case []any:
		out := make([]string, 0, len(v))
		for _, e := range v {
			out = append(out, e.(string))
		}
		return out
	}
	return nil
}

func (t *table) boolean(key string) bool {
	b, _ := t.val(key).(bool)
	return t.has(key) && b
}

// text renders a string, integer or date value as the words a claim
// uses: an integer as its digits, a date as YYYY-MM-DD (a date-time keeps
// only its date: claims are about days).
func (t *table) text(key string) (s string, native bool) {
	if !t.has(key) {
		return "", false
	}
	switch v := t.val(key).(type) {
	case string:
		return v, false
	case int64:
		return fmt.Sprint(v), true
	case time.Time:
		return v.Format("2006-01-02"), true
	}
	return "", false
}

// day returns the day range of a native TOML date value.
func (t *table) day(key string) (reconcile.Range, bool) {
	v, ok := t.val(key).(time.Time)
	if !ok || !t.has(key) {
		return reconcile.Range{}, false
	}
	d := reconcile.DayOf(v.Year(), v.Month(), v.Day())
	return reconcile.Range{Min: d, Max: d}, true
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
