// Command gencorpus writes a synthetic claims corpus in the documented
// format (docs/format.md) for benchmarks and scale tests:
//
//	go run ./internal/tools/gencorpus -sources 20000 -claims-per-source 10 -events 5000 -seed 1 -out /tmp/corpus
//
// The output is a function of the flags alone: the same flags write a
// byte-identical tree, whatever the machine or the number of cores.
//
// It writes DIR/crosscheck.toml, DIR/vocabulary/*.toml (events, properties,
// places in a hierarchy of regions, cities and sites under ISO countries,
// nationalities with groupings, organisations and people, method and
// responsibility categories), DIR/sources/NNNN/sNNNNNN.toml (a thousand
// sources a directory) and DIR/texts/NNNN/sNNNNNN.txt, the archived text in
// which every quote of the source occurs verbatim. About one source in
// twelve has no text (unverified).
//
// The mix is meant to be realistic for a scale test: most events have a
// few sources, while a hundredth of the events draw a fifth of the sources
// (one of them a tenth on its own); values use every qualifier the readers
// understand; and about 7% of claims disagree with the event's truth
// (outlier tolls, wrong places, dates, nationalities, methods and
// perpetrators), besides revisions of official figures.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"time"

	"github.com/crosscheck/crosscheck/internal/tools/gencorpus/gen"
)

func main() {
	var cfg gen.Config
	flag.IntVar(&cfg.Sources, "sources", 1000, "number of source files")
	flag.IntVar(&cfg.ClaimsPerSource, "claims-per-source", 10, "claims in each source")
	flag.IntVar(&cfg.Events, "events", 0, "number of events (default sources/4)")
	flag.Uint64Var(&cfg.Seed, "seed", 1, "random seed; the same flags write the same tree")
	flag.StringVar(&cfg.Out, "out", "", "output directory (must not exist or be empty, unless -clean)")
	flag.BoolVar(&cfg.Clean, "clean", false, "remove -out first if it holds a corpus written by gencorpus")
	flag.IntVar(&cfg.Workers, "workers", 0, "goroutines writing files (default 4 × GOMAXPROCS)")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile to `file`")
	flag.Parse()
	if cfg.Out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: gencorpus -sources N -claims-per-source M -events E -seed S -out DIR")
		os.Exit(2)
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "gencorpus:", err)
			os.Exit(1)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	start := time.Now()
	st, err := gen.Generate(cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		pprof.StopCPUProfile()
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "gencorpus: %d sources (%d with texts), %d claims (%d disagreeing, %.1f%%), %d events, %d files, %.1f MB in %s\n",
		st.Sources, st.Texts, st.Claims, st.Disagree, 100*float64(st.Disagree)/float64(max(1, st.Claims)),
		st.Events, st.Files, float64(st.Bytes)/1e6, time.Since(start).Round(time.Millisecond))
}
