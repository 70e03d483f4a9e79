/* A native half that does not exist.  */
/* { dg-do compile } */
/* { dg-bpfinst-inst "victim.bpf.c" } */
/* { dg-options "-O2 -fplugin-arg-bpfinst-native=@TESTDIR@/does-not-exist.so" } */
/* { dg-error "bpfinst: native half /\[^\n\]*/does-not-exist.so: cannot read it: No such file or directory" "missing native" { target *-*-* } 0 } */

int
add (int a, int b)
{
  return a + b;
}
