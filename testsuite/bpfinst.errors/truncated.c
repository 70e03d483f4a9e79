/* Only the first half of a valid object.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "victim.bpf.c" } */
/* { dg-bpfinst-corrupt truncate } */
/* { dg-error "bpfinst: \[^\n\]*: truncated or corrupt ELF" "truncated" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
