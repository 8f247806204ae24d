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

FUZZTIME ?= 30s
fuzz: ## run every fuzz target for FUZZTIME each
	@for pkg in $$($(GO) list ./internal/...); do \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$t"; $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

clean:
	rm -rf bin dist
