/* The instrumenter file has mode 000 (UNSUPPORTED for the superuser,
   who can read it anyway).  */
/* { dg-do compile } */
/* { dg-bpfinst-inst-file unreadable } */
/* { dg-error "bpfinst: \[^\n\]*-unreadable.o: cannot open: " "unreadable" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
