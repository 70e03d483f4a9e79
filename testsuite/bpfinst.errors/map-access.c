/* A hook reading a map's variable.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "map-deref.bpf.c" clang-g } */
/* { dg-error "bpfinst: \[^\n\]*: inst_add: instruction \[0-9\]+: memory access through map 'counts' \\(r1\\): a map is only for the bpf_map_\\* helpers" "map access" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
