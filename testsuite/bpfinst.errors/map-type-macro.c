/* A map field that should be made with __type.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "map-type-field.bpf.c" clang-g } */
/* { dg-error "bpfinst: \[^\n\]*: map 'counts': field 'key' is not given with __type \\(key, T\\)" "not __type" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
