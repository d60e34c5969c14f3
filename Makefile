# The two commands a new user needs: `make demo` and `make test`.
# Both install missing Debian packages first and are quick when nothing changed.
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
FIXTURE ?= fixtures/huawei-south-korea.txt

.PHONY: all deps demo test bench clean

all: build/evgraph

deps:
	@scripts/deps.sh build

build/Makefile: CMakeLists.txt | deps
	cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DEVG_TESTS=OFF >/dev/null

build/evgraph: deps build/Makefile FORCE
	cmake --build build -j $(JOBS) -- --no-print-directory >/dev/null

demo: build/evgraph
	build/evgraph run -o out $(FIXTURE)

test:
	@scripts/deps.sh test
	cmake -S . -B build-test -DCMAKE_BUILD_TYPE=Debug -DEVG_SANITIZE=ON -DEVG_WERROR=ON >/dev/null
	cmake --build build-test -j $(JOBS) -- --no-print-directory
	cd build-test && ctest --output-on-failure -j $(JOBS)

bench: deps
	bench/run.sh build-bench

clean:
	rm -rf build build-test out

FORCE:
