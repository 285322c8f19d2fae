// Command floor is the least work any tool must do to check a claims
// corpus: it walks the directory, reads every file, decodes every .toml
// with github.com/BurntSushi/toml into plain structs mirroring the format
// (docs/format.md), and reads every archived text's bytes, on all cores.
// It checks nothing and resolves nothing.
//
//	go run ./bench/floor DIR
//
// bench/run.sh times it next to crosscheck on the same corpus, in the same
// run, and reports crosscheck's figures as ratios to it.
package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"
)

// file is every table a corpus file may have: a source with its claims, a
// vocabulary, verdicts, or the settings. Keys whose type varies (a value
// may be a string, an integer or a date) are decoded as any.
type file struct {
	Source *struct {
		ID        string `toml:"id"`
		Title     string `toml:"title"`
		Outlet    string `toml:"outlet"`
		Author    any    `toml:"author"` // a string or a list of strings
		URL       string `toml:"url"`
		Published any    `toml:"published"` // a date or a string
		Kind      string `toml:"kind"`
		Language  string `toml:"language"`
		Text      string `toml:"text"`
	} `toml:"source"`
	Claim []struct {
		Event        string `toml:"event"`
		Property     string `toml:"property"`
		Value        any    `toml:"value"` // a string, an integer or a date
		Quote        string `toml:"quote"`
		AttributedTo string `toml:"attributed_to"`
		AsOf         any    `toml:"as_of"`
		Hedge        string `toml:"hedge"`
		Note         string `toml:"note"`
		ID           string `toml:"id"`
	} `toml:"claim"`
	Event []struct {
		ID          string   `toml:"id"`
		Name        string   `toml:"name"`
		Aliases     []string `toml:"aliases"`
		Date        any      `toml:"date"`
		Place       string   `toml:"place"`
		Description string   `toml:"description"`
	} `toml:"event"`
	Property []struct {
		ID          string   `toml:"id"`
		Name        string   `toml:"name"`
		Kind        string   `toml:"kind"`
		Cumulative  bool     `toml:"cumulative"`
		Terms       []string `toml:"terms"`
		Description string   `toml:"description"`
	} `toml:"property"`
	Place []struct {
		ID      string   `toml:"id"`
		Name    string   `toml:"name"`
		Aliases []string `toml:"aliases"`
		Within  string   `toml:"within"`
	} `toml:"place"`
	Country []struct {
		Code    string   `toml:"code"`
		Name    string   `toml:"name"`
		Aliases []string `toml:"aliases"`
	} `toml:"country"`
	Nationality []struct {
		ID      string   `toml:"id"`
		Name    string   `toml:"name"`
		Aliases []string `toml:"aliases"`
		Country string   `toml:"country"`
		Within  any      `toml:"within"`
	} `toml:"nationality"`
	Organisation []struct {
		ID      string   `toml:"id"`
		Name    string   `toml:"name"`
		Aliases []string `toml:"aliases"`
		Within  any      `toml:"within"`
	} `toml:"organisation"`
	Person []struct {
		ID           string   `toml:"id"`
		Name         string   `toml:"name"`
		Aliases      []string `toml:"aliases"`
		Organisation any      `toml:"organisation"`
	} `toml:"person"`
	Category []struct {
		Property string   `toml:"property"`
		ID       string   `toml:"id"`
		Name     string   `toml:"name"`
		Aliases  []string `toml:"aliases"`
		Within   any      `toml:"within"`
	} `toml:"category"`
	Verdict []map[string]any `toml:"verdict"`
	Reading *struct {
		Approximation float64 `toml:"approximation"`
	} `toml:"reading"`
	Publisher *struct {
		Name string `toml:"name"`
		URL  string `toml:"url"`
	} `toml:"publisher"`
}

type counts struct {
	tomlFiles, texts, sources, claims, vocab int
	bytes                                    int64
	errors                                   int
	firstErr                                 string
}

func (c *counts) add(o counts) {
	c.tomlFiles += o.tomlFiles
	c.texts += o.texts
	c.sources += o.sources
	c.claims += o.claims
	c.vocab += o.vocab
	c.bytes += o.bytes
	c.errors += o.errors
	if c.firstErr == "" {
		c.firstErr = o.firstErr
	}
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: floor DIR")
		os.Exit(2)
	}
	dir := os.Args[1]
	start := time.Now()

	paths := make(chan string, 1024)
	results := make(chan counts)
	n := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var c counts
			fail := func(path string, err error) {
				c.errors++
				if c.firstErr == "" {
					c.firstErr = path + ": " + err.Error()
				}
			}
			for path := range paths {
				data, err := os.ReadFile(path)
				if err != nil {
					fail(path, err)
					continue
				}
				c.bytes += int64(len(data))
				if strings.HasSuffix(path, ".txt") {
					c.texts++
					continue
				}
				c.tomlFiles++
				var f file
				if _, err := toml.Decode(string(data), &f); err != nil {
					fail(path, err)
					continue
				}
				if f.Source != nil {
					c.sources++
				}
				c.claims += len(f.Claim)
				c.vocab += len(f.Event) + len(f.Property) + len(f.Place) + len(f.Country) +
					len(f.Nationality) + len(f.Organisation) + len(f.Person) + len(f.Category)
			}
			results <- c
		}()
	}
	var walkErr error
	go func() {
		walkErr = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.Type().IsRegular() && (strings.HasSuffix(path, ".toml") || strings.HasSuffix(path, ".txt")) {
				paths <- path
			}
			return nil
		})
		close(paths)
		wg.Wait()
		close(results)
	}()
	var total counts
	for c := range results {
		total.add(c)
	}
	if walkErr != nil {
		fmt.Fprintln(os.Stderr, "floor:", walkErr)
		os.Exit(1)
	}
	fmt.Printf("floor: %d toml files (%d sources, %d claims, %d vocabulary entries), %d texts, %.1f MB in %s on %d workers\n",
		total.tomlFiles, total.sources, total.claims, total.vocab, total.texts, float64(total.bytes)/1e6,
		time.Since(start).Round(time.Millisecond), n)
	if total.errors > 0 {
		fmt.Fprintf(os.Stderr, "floor: %d files could not be read or decoded; the first: %s\n", total.errors, total.firstErr)
		os.Exit(1)
	}
}
