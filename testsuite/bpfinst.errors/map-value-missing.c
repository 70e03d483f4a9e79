/* A map without a value.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "map-no-value.bpf.c" clang-g } */
/* { dg-error "bpfinst: \[^\n\]*: map 'counts': the value has no size \\(give __type \\(value, T\\) or __uint \\(value_size, N\\)\\)" "no value" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
