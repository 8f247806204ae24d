# ceviri: the two commands a newcomer needs are `make run` and `make test`.
GO          ?= go
BIN         := bin/ceviri
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2

.PHONY: build run test lint bench fuzz clean

build: ## build bin/ceviri
	$(GO) build -o $(BIN) ./cmd/ceviri

run: build ## build and run `ceviri status` on the sample project in this repo
	./$(BIN) status

test: ## vet, then every test (unit, testscript, fuzz seed corpora)
	$(GO) vet ./...
	$(GO) test -count=1 ./...

lint: ## gofmt, go vet and staticcheck
	@out=$$(gofmt -l cmd internal); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

# bench: Go micro-benchmarks of the hot paths, then the end-to-end benchmark
# (cmd/ceviri-bench) on generated corpora, beside the floor and Hugo. Corpora
# are kept in BENCH_WORK (outside the repository) and reused. About 12
# minutes on a 2-core machine; docs/performance.md explains the figures.
BENCH_SIZES ?= 1000,10000,50000
BENCH_RUNS  ?= 5,3,1
BENCH_WORK  ?= /tmp/ceviri-bench
BENCH_JSON  ?= $(BENCH_WORK)/results.json
bench: build ## benchmarks: hot paths (testing.B), then status/check/build vs the floor and Hugo
	$(GO) test -run '^$$' -bench . -benchtime 300ms ./internal/frontmatter ./internal/segment ./internal/project ./internal/cache
	$(GO) run ./cmd/ceviri-bench -ceviri $(BIN) -sizes $(BENCH_SIZES) -runs $(BENCH_RUNS) -work $(BENCH_WORK) -json $(BENCH_JSON)

FUZZTIME ?= 30s
fuzz: ## run every fuzz target for FUZZTIME each
	@for pkg in $$($(GO) list ./internal/...); do \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$t"; $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

clean:
	rm -rf bin dist
