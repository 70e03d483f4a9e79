/* A relocation in the hook has an unknown type (0xee).  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "victim.bpf.c" } */
/* { dg-bpfinst-corrupt reloc inst_add } */
/* { dg-error "bpfinst: \[^\n\]*: unresolvable relocation" "bad reloc" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
