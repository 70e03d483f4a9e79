/* stack-var.c at -O0, with an instrumenter built by clang.  */
/* { dg-do run } */
/* { dg-options "-O0" } */
/* { dg-bpfinst-inst "stack-var.bpf.c" clang } */
/* { dg-bpfinst-native "stack-var-native.c" } */

#include "stack-var.h"
