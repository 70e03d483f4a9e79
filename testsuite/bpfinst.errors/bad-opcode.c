/* The hook's first instruction has the undefined opcode 0xff.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "victim.bpf.c" } */
/* { dg-bpfinst-corrupt opcode inst_add 0xff } */
/* { dg-error "bpfinst: \[^\n\]*: inst_add: instruction 0: unsupported opcode 0xff" "bad opcode" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
