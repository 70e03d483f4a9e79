/* A conditional jump lands on the second half of an ld_imm64.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "victim.bpf.c" } */
/* { dg-bpfinst-corrupt jump-imm64 inst_add } */
/* { dg-error "bpfinst: \[^\n\]*: inst_add: instruction \[0-9\]+: jump into the middle of ld_imm64" "jump imm64" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
