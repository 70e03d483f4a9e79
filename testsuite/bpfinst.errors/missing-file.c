/* The instrumenter file does not exist.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst-file missing } */
/* { dg-error "bpfinst: \[^\n\]*does-not-exist.o: cannot open: " "missing file" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
