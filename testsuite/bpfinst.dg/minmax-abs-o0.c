/* minmax-abs.c at -O0, where GCC folds the same.  */
/* { dg-do run } */
/* { dg-options "-O0 -fdump-tree-ssa" } */
/* { dg-bpfinst-inst "trace.bpf.c" } */
/* { dg-bpfinst-native "trace-native.c" } */

#include "minmax-abs.c"

/* { dg-final { scan-tree-dump-times "MIN_EXPR" 2 "ssa" } } */
/* { dg-final { scan-tree-dump-times "ABS_EXPR" 2 "ssa" } } */
