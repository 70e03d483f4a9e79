/* An ld_imm64 whose offset lies past the end of its data section (.bss,
   8 bytes): at run time it would reach memory that is not the
   instrumenter's.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "victim.bpf.c" } */
/* { dg-bpfinst-corrupt dataoff inst_add 256 } */
/* { dg-error "bpfinst: \[^\n\]*: inst_add: instruction \[0-9\]+: ld_imm64 out of bounds of data section \\.bss \\(offset 256, size 8\\)" "data offset" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
