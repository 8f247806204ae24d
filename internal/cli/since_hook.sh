#!/bin/sh
# A git pre-commit hook for a ceviri project: it refuses a commit that
# records a translation as current against a version of its source that
# is only in the work tree (`ceviri done` was run on a source edit that
# is not staged), so that every commit's records name sources it holds.
#
# Install:  ceviri precommit --hook > .git/hooks/pre-commit
#           chmod +x .git/hooks/pre-commit
# (or copy docs/examples/pre-commit there). Skip it once with
# `git commit --no-verify`.
#
# CEVIRI_ROOT: the project's directory relative to the repository's top,
# when ceviri.yaml is not there (git runs hooks at the top).
if ! command -v ceviri >/dev/null 2>&1; then
	echo "pre-commit: ceviri is not installed; the translation records are not checked" >&2
	exit 0
fi
exec ceviri --root "${CEVIRI_ROOT:-.}" precommit
