/* A map helper given one of two maps.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "map-two-maps.bpf.c" clang-g } */
/* { dg-error "bpfinst: \[^\n\]*: inst_add: instruction \[0-9\]+: bpf_map_lookup_elem: r1 is not the same map on every path \\(pass the address of a map variable, &NAME\\)" "r1 not a map" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
