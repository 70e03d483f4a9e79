/* An ld_imm64 whose offset lies before the start of its data section.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "victim.bpf.c" } */
/* { dg-bpfinst-corrupt dataoff inst_add -8 } */
/* { dg-error "bpfinst: \[^\n\]*: inst_add: instruction \[0-9\]+: ld_imm64 out of bounds of data section \\.bss \\(offset -8, size 8\\)" "negative data offset" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
