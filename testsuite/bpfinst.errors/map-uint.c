/* A map field that should be made with __uint.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "map-uint-field.bpf.c" clang-g } */
/* { dg-error "bpfinst: \[^\n\]*: map 'counts': field 'type' is not given with __uint \\(type, N\\)" "not __uint" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
