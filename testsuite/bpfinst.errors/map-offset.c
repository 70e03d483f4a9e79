/* A reference into .maps where no map starts.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "map-static.bpf.c" clang-g } */
/* { dg-bpfinst-corrupt dataoff inst_add 4 } */
/* { dg-error "bpfinst: \[^\n\]*: inst_add: instruction \[0-9\]+: unresolvable relocation: ld_imm64 of offset 4 of \\.maps, where no map starts" "map offset" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
