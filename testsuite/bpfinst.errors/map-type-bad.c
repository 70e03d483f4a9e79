/* A map of a type GCCInst does not support.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "map-type.bpf.c" clang-g } */
/* { dg-error "bpfinst: \[^\n\]*: map 'counts': type 6 is not supported \\(only BPF_MAP_TYPE_HASH, 1, and BPF_MAP_TYPE_ARRAY, 2, are\\)" "map type" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
