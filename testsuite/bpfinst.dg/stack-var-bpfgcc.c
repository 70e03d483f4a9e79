/* stack-var.c at -O2, with an instrumenter built by bpf-gcc.  */
/* { dg-do run } */
/* { dg-options "-O2" } */
/* { dg-bpfinst-inst "stack-var.bpf.c" bpf-gcc } */
/* { dg-bpfinst-native "stack-var-native.c" } */

#include "stack-var.h"
