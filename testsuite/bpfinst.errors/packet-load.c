/* The hook's first instruction is a legacy packet load (ld_abs).  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "victim.bpf.c" } */
/* { dg-bpfinst-corrupt opcode inst_add 0x30 } */
/* { dg-error "bpfinst: \[^\n\]*: inst_add: instruction 0: unsupported opcode 0x30" "packet load" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
