/* The hook passes the address of a stack slot to the native half.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "escape.bpf.c" } */
/* { dg-error "bpfinst: \[^\n\]*: stack pointer escapes" "stack escape" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
