/* Hooks using their stack as the BPF compilers emit it (stack-var.bpf.c:
   a variable index, a struct filled by a callee, a loop, a callee
   reading its caller's array) compute the right values; built by clang
   at -O2.  stack-var-*.c run the same at -O0 and with bpf-gcc.  */
/* { dg-do run } */
/* { dg-options "-O2" } */
/* { dg-bpfinst-inst "stack-var.bpf.c" clang } */
/* { dg-bpfinst-native "stack-var-native.c" } */

#include "stack-var.h"
