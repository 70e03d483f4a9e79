/* A map of no entries.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "map-max-entries.bpf.c" clang-g } */
/* { dg-error "bpfinst: \[^\n\]*: map 'counts': max_entries is 0" "no entries" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
