#!/bin/sh
# Loader and verifier checks on objects written by the test itself.
exec ./tests/test-bpfprog synth
