#!/bin/sh
# RUSTC_WORKSPACE_WRAPPER of the release build (Makefile, `build`): compiles the pure core crate
# (atlas-core) with -Zcross-crate-inline-threshold=always, so the app can inline any of the
# core's functions as it could when they were one crate. Without it rustc inlines across the
# crate boundary only functions marked #[inline] or trivially small leaves, and every route's
# first load is 0.3 - 0.7 KB larger (BENCHMARKS.md, run T). Every other crate is compiled as
# cargo asks. Cargo calls it as: <this script> <rustc> <rustc arguments...>.
rustc="$1"
shift
case " $* " in
  *" --crate-name atlas_core "*) exec "$rustc" "$@" -Zcross-crate-inline-threshold=always ;;
esac
exec "$rustc" "$@"
