/* v4-sext.c at -O0, where GCC folds nothing of the lowered hook.  */
/* { dg-do run } */
/* { dg-options "-O0" } */
/* { dg-bpfinst-inst-gen "gen/mkv4.c" } */
/* { dg-bpfinst-native "v4-native.c" } */

#include "v4-sext.c"
