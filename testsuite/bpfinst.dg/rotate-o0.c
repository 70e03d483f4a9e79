/* rotate.c at -O0, where GCC folds the same.  */
/* { dg-do run } */
/* { dg-options "-O0 -fdump-tree-ssa" } */
/* { dg-bpfinst-inst "trace.bpf.c" } */
/* { dg-bpfinst-native "trace-native.c" } */

#include "rotate.c"

/* { dg-final { scan-tree-dump-times "r<< n" 2 "ssa" } } */
