# ceviri: the two commands a newcomer needs are `make run` and `make test`.
GO          ?= go
BIN         := bin/ceviri
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2

.PHONY: build run test lint bench fuzz clean dist

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
	rm -rf bin dist release

# dist: release binaries for six platforms, reproducible (the same commit
# gives the same bytes: -trimpath, no build id, no cgo), with SHA256SUMS.
# `ceviri version` in them names the commit (-buildvcs=true).
DIST_DIR     ?= release
DIST_TARGETS := linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64
dist: ## reproducible release binaries for linux, darwin, windows (amd64, arm64) and SHA256SUMS
	rm -rf $(DIST_DIR) && mkdir -p $(DIST_DIR)
	@for t in $(DIST_TARGETS); do \
	  os=$${t%/*}; arch=$${t#*/}; ext=; [ $$os = windows ] && ext=.exe; \
	  echo "$(DIST_DIR)/ceviri-$$os-$$arch$$ext"; \
	  CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath -buildvcs=true -ldflags='-s -w -buildid=' \
	    -o $(DIST_DIR)/ceviri-$$os-$$arch$$ext ./cmd/ceviri || exit 1; \
	done
	cd $(DIST_DIR) && sha256sum ceviri-* > SHA256SUMS
