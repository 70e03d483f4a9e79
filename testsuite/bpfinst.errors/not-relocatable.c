/* The ELF header claims an executable (ET_EXEC).  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "victim.bpf.c" } */
/* { dg-bpfinst-corrupt etype 2 } */
/* { dg-error "bpfinst: \[^\n\]*: not a relocatable object" "not relocatable" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
