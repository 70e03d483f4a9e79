/* bitfield.c at -O0.  */
/* { dg-do run } */
/* { dg-options "-O0" } */
/* { dg-bpfinst-inst "trace.bpf.c" } */
/* { dg-bpfinst-native "trace-native.c" } */

#include "bitfield.c"
