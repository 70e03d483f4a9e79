/* setjmp-loops.c at -O3.  */
/* { dg-do run } */
/* { dg-options "-O3" } */
/* { dg-bpfinst-inst "../instrumenters/heavy/inst-bpf.c" } */
/* { dg-bpfinst-native "../instrumenters/heavy/inst-native.c" } */

#include "setjmp-loops.c"
