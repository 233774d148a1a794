# The two commands a newcomer needs: `make demo` and `make test`.
SWIFT ?= swift

.PHONY: demo test deps build release install

deps:
	@scripts/install-deps.sh

build: deps
	@scripts/stamp-commit.sh
	$(SWIFT) build

demo: build
	$(SWIFT) run lql demo

test: deps
	@scripts/stamp-commit.sh
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# lql as it ships: release, Swift runtime linked statically; prints the binary's path.
release: deps
	@scripts/build-release.sh

# The release binary, examples, man page and shell completions under PREFIX (default /usr/local).
PREFIX ?= /usr/local
install: deps
	@scripts/install.sh "$(PREFIX)"
