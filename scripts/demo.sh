#!/usr/bin/env bash
# Set up the environment, generate the demo inbox and run the whole pipeline on it.
# Prints where the infographic is. Extra arguments go to `snm demo`.
SNM_SYNC="${SNM_SYNC:---inexact}"
source "$(dirname "$0")/bootstrap.sh"
exec snm demo "$@"
