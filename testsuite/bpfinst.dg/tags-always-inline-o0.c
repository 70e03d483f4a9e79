/* tags-always-inline.c at -O0.  */
/* { dg-do run } */
/* { dg-options "-O0" } */
/* { dg-bpfinst-inst "tagflow.bpf.c" } */
/* { dg-bpfinst-native "tagflow-native.c" } */

#include "tags-always-inline.c"
