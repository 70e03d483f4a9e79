/* A map too large.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "map-too-big.bpf.c" clang-g } */
/* { dg-error "bpfinst: \[^\n\]*: map 'counts': 268435456 entries of 8 bytes are more than the 1024 MiB a map may take" "too big" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
